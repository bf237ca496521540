import { html } from 'lit';
import { api } from './api.js';
import { text } from './kit/draft.js';
import { AdminForm } from './kit/admin-form.js';

/**
 * @summary Sign-in with the staff session of the counter app (same cookie).
 * @fires signed-in - `detail` is the signed-in user.
 */
export class AdminLogin extends AdminForm {
  constructor() {
    super();
    this.draft = { username: '', password: '' };
  }

  override get readOnly(): boolean {
    return false;
  }

  override reload(): Promise<void> {
    return Promise.resolve();
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const r = await this.send(() => api.login(text(this.draft.username).trim(), text(this.draft.password)));
    if (r) this.dispatchEvent(new CustomEvent('signed-in', { detail: r.value, bubbles: true, composed: true }));
  }

  override firstUpdated(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  override render() {
    const fields = html`${this.textInput('username', this.t('username'), { required: true, maxlength: 64, autocomplete: 'username' })}
    ${this.textInput('password', this.t('password'), { type: 'password', required: true, maxlength: 256, autocomplete: 'current-password' })}`;
    const problem = this.renderProblem();
    return html`<form class="panel" style="max-width: 24rem; margin: 10vh auto" @submit=${(e: SubmitEvent) => void this.submit(e)} novalidate>
      <h1>${this.t('loginTitle')}</h1>
      ${problem} ${fields}
      <button class="primary" type="submit" ?disabled=${this.busy}>${this.t('loginButton')}</button>
    </form>`;
  }
}

customElements.define('admin-login', AdminLogin);

declare global {
  interface HTMLElementTagNameMap {
    'admin-login': AdminLogin;
  }
}
