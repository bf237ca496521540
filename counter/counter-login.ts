import { LitElement, html } from 'lit';
import { textField } from './form-fields.js';
import { counterIntents } from './intents.js';
import { counterTexts } from './texts.js';
import { base, centredFormStyles } from './styles.js';

/**
 * @summary The staff sign-in form.
 * @fires counter-intent - `login` with the typed username and password.
 */
export class CounterLogin extends LitElement {
  static override properties = {
    busy: { type: Boolean },
    error: { type: String },
  };

  static override styles = [base, centredFormStyles];

  private readonly texts = counterTexts.consume(this);
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    this.busy = false;
    this.error = '';
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name=username]')?.focus();
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    counterIntents.fire(this, { type: 'login', username: textField(data, 'username').trim(), password: textField(data, 'password') });
  }

  override render() {
    const { t } = this.texts.value;
    return html`<form class="panel" @submit=${this.submit} aria-describedby="login-error">
      <h1>${t('loginTitle')}</h1>
      <label>${t('username')}<input name="username" autocomplete="username" required maxlength="64" /></label>
      <label>${t('password')}<input name="password" type="password" autocomplete="current-password" required maxlength="256" /></label>
      <p id="login-error" class="error" role="alert">${this.error}</p>
      <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? t('loginBusy') : t('loginButton')}</button>
    </form>`;
  }
}

customElements.define('counter-login', CounterLogin);

declare global {
  interface HTMLElementTagNameMap {
    'counter-login': CounterLogin;
  }
}
