import { LitElement, css, html } from 'lit';
import { PASSWORD_MIN_LENGTH } from '../common/password-rules.js';
import { textField } from './form-fields.js';
import { counterIntents } from './intents.js';
import { counterTexts } from './texts.js';
import { base, centredFormStyles } from './styles.js';

/**
 * @summary After signing in with a one-time password: the staff member sets their own
 * before the desk opens (the server refuses counter work until then).
 * @fires counter-intent - `password` with the one-time and the new password.
 */
export class CounterPassword extends LitElement {
  static override properties = {
    busy: { type: Boolean },
    error: { type: String },
    username: { type: String },
    local: { state: true },
  };

  static override styles = [
    base,
    centredFormStyles,
    css`
      form {
        width: min(28rem, 92vw);
      }
      .hint {
        font-weight: 400;
        font-size: 0.9rem;
      }
    `,
  ];

  private readonly texts = counterTexts.consume(this);
  declare busy: boolean;
  declare error: string;
  declare username: string;
  /** A mistake the form sees itself (too short, the two differ), shown before asking the server. */
  declare local: string;

  constructor() {
    super();
    this.busy = false;
    this.error = '';
    this.username = '';
    this.local = '';
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name=current]')?.focus();
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const { t } = this.texts.value;
    const data = new FormData(e.target as HTMLFormElement);
    const next = textField(data, 'next');
    if (next.length < PASSWORD_MIN_LENGTH) this.local = t('passwordTooShort', { n: PASSWORD_MIN_LENGTH });
    else if (next !== textField(data, 'repeat')) this.local = t('passwordsDiffer');
    else {
      this.local = '';
      counterIntents.fire(this, { type: 'password', currentPassword: textField(data, 'current'), newPassword: next });
    }
  }

  override render() {
    const { t } = this.texts.value;
    return html`<form class="panel" @submit=${this.submit} aria-describedby="password-error" novalidate>
      <h1>${t('passwordTitle')}</h1>
      <p>${t('passwordIntro')}</p>
      <input type="text" name="username" autocomplete="username" .value=${this.username} hidden />
      <label>${t('oneTimePassword')}<input name="current" type="password" autocomplete="current-password" required maxlength="256" /></label>
      <div class="field">
        <label for="next">${t('newPassword')}</label>
        <input id="next" name="next" type="password" autocomplete="new-password" required maxlength="256" aria-describedby="next-hint" />
        <span id="next-hint" class="hint">${t('newPasswordHint', { n: PASSWORD_MIN_LENGTH })}</span>
      </div>
      <label>${t('repeatPassword')}<input name="repeat" type="password" autocomplete="new-password" required maxlength="256" /></label>
      <p id="password-error" class="error" role="alert">${this.local || this.error}</p>
      <button class="primary" type="submit" ?disabled=${this.busy}>${t('passwordButton')}</button>
    </form>`;
  }
}

customElements.define('counter-password', CounterPassword);

declare global {
  interface HTMLElementTagNameMap {
    'counter-password': CounterPassword;
  }
}
