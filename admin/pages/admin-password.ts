import { html } from 'lit';
import { api } from '../api.js';
import { text } from '../kit/draft.js';
import { AdminForm } from '../kit/admin-form.js';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * @summary Set one's own password: forced after a one-time password, or by choice.
 * @fires password-changed - after the server accepted the new password.
 */
export class AdminPassword extends AdminForm {
  static override properties = { ...AdminForm.properties, forced: { type: Boolean } };
  declare forced: boolean;

  constructor() {
    super();
    this.forced = false;
    this.draft = { currentPassword: '', newPassword: '', repeatPassword: '' };
  }

  override get readOnly(): boolean {
    return false;
  }

  override reload(): Promise<void> {
    this.failure = null;
    return Promise.resolve();
  }

  private localProblem(): { field: string; message: string } | null {
    const next = text(this.draft.newPassword);
    if (next.length < MIN_PASSWORD_LENGTH) return { field: 'newPassword', message: this.t('passwordTooShort', { n: MIN_PASSWORD_LENGTH }) };
    if (next.trim().toLowerCase() === this.me?.username.toLowerCase()) return { field: 'newPassword', message: this.t('err_WEAK_PASSWORD') };
    if (next !== this.draft.repeatPassword) return { field: 'repeatPassword', message: this.t('passwordsDiffer') };
    return null;
  }

  private async save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const local = this.localProblem();
    if (local) {
      this.failure = { ok: false, status: 400, code: 'INVALID_INPUT', ...local };
      void this.showFailure();
      return;
    }
    const r = await this.send(() => api.changePassword(text(this.draft.currentPassword), text(this.draft.newPassword)));
    if (!r) return;
    this.draft = { currentPassword: '', newPassword: '', repeatPassword: '' };
    this.notice = this.t('passwordChanged');
    this.dispatchEvent(new CustomEvent('password-changed', { bubbles: true, composed: true }));
  }

  override render() {
    const fields = html`${this.textInput('currentPassword', this.t(this.forced ? 'oneTimePasswordField' : 'currentPassword'), {
      type: 'password',
      required: true,
      maxlength: 256,
      autocomplete: 'current-password',
    })}
    ${this.textInput('newPassword', this.t('newPassword'), {
      type: 'password',
      required: true,
      maxlength: 256,
      autocomplete: 'new-password',
      hint: this.t('passwordRules', { n: MIN_PASSWORD_LENGTH }),
    })}
    ${this.textInput('repeatPassword', this.t('repeatPassword'), { type: 'password', required: true, maxlength: 256, autocomplete: 'new-password' })}`;
    const problem = this.renderProblem();
    return html`<h1>${this.t(this.forced ? 'forcedPasswordHeading' : 'navPassword')}</h1>
      ${this.forced ? html`<p>${this.t('forcedPasswordText')}</p>` : ''} ${problem}
      <form class="panel" style="max-width: 32rem" @submit=${(e: SubmitEvent) => void this.save(e)} novalidate>
        <input type="text" name="username" autocomplete="username" .value=${this.me?.username ?? ''} hidden />
        ${fields}
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('setPassword')}</button>
      </form>`;
  }
}

customElements.define('admin-password', AdminPassword);

declare global {
  interface HTMLElementTagNameMap {
    'admin-password': AdminPassword;
  }
}
