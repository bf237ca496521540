import { html, nothing, type TemplateResult } from 'lit';
import { LANGUAGES } from '../../common/i18n/languages.js';
import { api } from '../api.js';
import type { Draft } from '../kit/draft.js';
import { RecordPage, type Column } from '../kit/record-page.js';
import type { AdminUser, OneTimePassword } from '../model.js';

const ROLES = ['staff', 'supervisor', 'admin'] as const;

/**
 * @summary Staff accounts: create (a one-time password, shown once), edit, reset password.
 * Supervisors see the list and reset passwords of staff users only.
 */
export class AdminStaff extends RecordPage<AdminUser> {
  static override properties = { ...RecordPage.properties, secret: { state: true } };
  protected readonly heading = 'navStaff' as const;
  /** The one-time password just issued, with whose it is; gone once dismissed or the page is left. */
  declare secret: { username: string; password: string } | null;

  constructor() {
    super();
    this.secret = null;
  }

  protected async fetchAll() {
    const r = await api.users();
    return r.ok ? { ok: true as const, value: r.value.users } : r;
  }

  protected columns(): Column<AdminUser>[] {
    return [
      { label: this.t('username'), cell: (u) => u.username },
      { label: this.t('displayName'), cell: (u) => u.displayName },
      { label: this.t('role'), cell: (u) => this.t(`role_${u.role}`) },
      { label: this.t('active'), cell: (u) => (u.active ? this.t('yes') : this.t('no')) },
    ];
  }

  protected nameOf(u: AdminUser): string {
    return u.username;
  }

  protected blank(): Draft {
    return { username: '', displayName: '', role: 'staff', languages: ['de'], active: true };
  }

  protected toDraft(u: AdminUser): Draft {
    return { displayName: u.displayName, role: u.role, languages: [...u.languages], active: u.active };
  }

  protected create(d: Draft) {
    const { username, displayName, role, languages } = d as Pick<AdminUser, 'username' | 'displayName' | 'role' | 'languages'>;
    return api.createUser({ username: username.trim(), displayName, role, languages });
  }

  protected patch(id: string, changes: Draft & { version: number }) {
    return api.saveUser(id, changes);
  }

  protected override saved(value: unknown, created: boolean): void {
    if (created) this.showSecret(value as OneTimePassword);
  }

  private showSecret(r: OneTimePassword): void {
    this.secret = { username: r.user.username, password: r.oneTimePassword };
  }

  /** Admins reset anyone's password; supervisors only that of staff. */
  private mayReset(u: AdminUser): boolean {
    return this.me?.role === 'admin' || (this.me?.role === 'supervisor' && u.role === 'staff');
  }

  private async reset(u: AdminUser): Promise<void> {
    if (!confirm(this.t('resetConfirm', { name: u.username }))) return;
    const result = await this.send(() => api.resetPassword(u.id, u.version));
    if (!result) return;
    await this.reload();
    this.showSecret(result.value);
  }

  protected override rowActions(u: AdminUser): TemplateResult | typeof nothing {
    if (!this.mayReset(u)) return nothing;
    return html`<button type="button" data-reset=${u.id} aria-label=${this.t('resetPasswordOf', { name: u.username })} @click=${() => void this.reset(u)}>
      ${this.t('resetPassword')}
    </button>`;
  }

  protected renderFields(): TemplateResult {
    const creating = this.selected === '';
    const languages = LANGUAGES.map((l) => [l.code, l.name] as const);
    return html`${creating
      ? this.textInput('username', this.t('username'), { required: true, maxlength: 64, hint: this.t('usernameHint') })
      : nothing}
    ${this.textInput('displayName', this.t('displayName'), { required: true, maxlength: 100 })}
    ${this.select('role', this.t('role'), ROLES.map((r) => [r, this.t(`role_${r}`)] as const))}
    ${this.checkboxSet('languages', this.t('languages'), languages)} ${creating ? nothing : this.checkbox('active', this.t('activeUser'))}`;
  }

  override render() {
    return html`${this.secret
      ? html`<div class="notice" role="alert" data-secret>
          <span>${this.t('oneTimePassword', { name: this.secret.username })}</span>
          <output class="secret">${this.secret.password}</output>
          <button type="button" @click=${() => (this.secret = null)}>${this.t('secretNoted')}</button>
        </div>`
      : nothing}
    ${super.render()}`;
  }
}

customElements.define('admin-staff', AdminStaff);

declare global {
  interface HTMLElementTagNameMap {
    'admin-staff': AdminStaff;
  }
}
