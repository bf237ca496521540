import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { I18nController } from '../common/client/i18n-controller.js';
import { ADMIN_LANGUAGES, type AdminKey } from '../common/i18n/admin/index.js';
import './admin-login.js';
import { api } from './api.js';
import type { Me } from './model.js';
import './pages/admin-areas.js';
import './pages/admin-counters.js';
import './pages/admin-live.js';
import './pages/admin-office.js';
import './pages/admin-password.js';
import './pages/admin-services.js';
import './pages/admin-staff.js';
import './pages/admin-stats.js';
import './pages/admin-stats-appointments.js';
import './pages/admin-stats-feedback.js';
import './pages/admin-kiosks.js';
import './pages/admin-screens.js';
import './pages/admin-config.js';
import './pages/admin-audit.js';
import { adminBase } from './styles.js';
import { adminTexts, adminTextsFor, failureText, type AdminTexts } from './texts.js';

const LANG_KEY = 'amtsqueue.admin.lang';
/** #16: the live floor for team leads comes first in the nav. */
const PAGES = [
  'live',
  'office',
  'services',
  'areas',
  'counters',
  // kiosks, screens and the configuration document (#15 devices)
  'kiosks',
  'screens',
  'config',
  'staff',
  // the office's figures (#16)
  'stats',
  'stats-appointments',
  'stats-feedback',
  // who did what (#17, admins only)
  'audit',
  'password',
] as const;
const ALL_PAGES: readonly Page[] = PAGES;
type Page = (typeof PAGES)[number];
const NAV: Record<Page, AdminKey> = {
  live: 'navLive',
  office: 'navOffice',
  services: 'navServices',
  areas: 'navAreas',
  counters: 'navCounters',
  kiosks: 'navKiosks',
  screens: 'navScreens',
  config: 'navConfig',
  staff: 'navStaff',
  stats: 'navStats',
  'stats-appointments': 'navStatsAppointments',
  'stats-feedback': 'navStatsFeedback',
  audit: 'navAudit',
  password: 'navPassword',
};

function storedLang(): string {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v && (ADMIN_LANGUAGES as readonly string[]).includes(v) ? v : 'de';
  } catch {
    return 'de';
  }
}

function pageFromHash(): Page {
  const h = location.hash.slice(1);
  if ((ALL_PAGES as readonly string[]).includes(h)) return h as Page;
  // `/admin/live` opens the app on its live page (server/http/routes/admin-live-page.ts).
  return /\/admin\/live\/?$/.test(location.pathname) ? 'live' : 'office';
}

/**
 * @summary The admin app: sign-in, the forced password change, and the pages by role
 * (admin: everything; supervisor: staff password resets and read-only views).
 */
export class AdminApp extends LitElement {
  static override properties = { me: { state: true }, phase: { state: true }, page: { state: true }, problem: { state: true } };

  static override styles = [
    adminBase,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--a-bg);
      }
      header {
        display: flex;
        gap: 1rem;
        align-items: center;
        padding: 0.5rem 1rem;
        background: var(--a-surface);
        border-bottom: 1px solid var(--a-line);
      }
      header .app {
        font-weight: 700;
        margin-inline-end: auto;
      }
      .shell {
        display: grid;
        grid-template-columns: 13rem 1fr;
        min-height: calc(100vh - 3.5rem);
      }
      nav ul {
        list-style: none;
        margin: 0;
        padding: 1rem 0.5rem;
        display: grid;
        gap: 0.25rem;
      }
      nav a {
        display: block;
        padding: 0.45rem 0.75rem;
        border-radius: 5px;
        color: var(--a-text);
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        background: var(--a-accent);
        color: #fff;
      }
      nav a:hover:not([aria-current='page']) {
        background: var(--a-accent-soft);
      }
      main {
        padding: 1rem 1.5rem;
      }
      label.lang {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
    `,
  ];

  declare me: Me | null;
  declare phase: 'checking' | 'login' | 'app';
  declare page: Page;
  declare problem: string;
  private readonly i18n: I18nController<AdminTexts>;

  constructor() {
    super();
    this.me = null;
    this.phase = 'checking';
    this.page = pageFromHash();
    this.problem = '';
    this.i18n = new I18nController(this, adminTexts, adminTextsFor, storedLang());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    void this.loadMe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
  }

  private readonly onHash = () => {
    this.page = pageFromHash();
  };

  private async loadMe(): Promise<void> {
    const r = await api.me();
    if (r.ok) {
      this.me = r.value;
      this.phase = 'app';
      this.problem = '';
    } else if (r.status === 401) {
      this.me = null;
      this.phase = 'login';
    } else {
      this.problem = failureText(this.i18n.texts, r);
      this.phase = 'login';
    }
  }

  private async logout(): Promise<void> {
    await api.logout();
    this.me = null;
    this.phase = 'login';
  }

  private setLanguage(lang: string): void {
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // private mode: the choice lasts for this page only
    }
    this.i18n.setLanguage(lang);
  }

  private renderPage(me: Me): TemplateResult {
    switch (this.page) {
      case 'live':
        return html`<admin-live></admin-live>`;
      case 'office':
        return html`<admin-office .me=${me}></admin-office>`;
      case 'services':
        return html`<admin-services .me=${me}></admin-services>`;
      case 'areas':
        return html`<admin-areas .me=${me}></admin-areas>`;
      case 'counters':
        return html`<admin-counters .me=${me}></admin-counters>`;
      case 'kiosks':
        return html`<admin-kiosks .me=${me}></admin-kiosks>`;
      case 'screens':
        return html`<admin-screens .me=${me}></admin-screens>`;
      case 'config':
        return html`<admin-config .me=${me}></admin-config>`;
      case 'staff':
        return html`<admin-staff .me=${me}></admin-staff>`;
      case 'stats':
        return html`<admin-stats .me=${me}></admin-stats>`;
      case 'stats-appointments':
        return html`<admin-stats-appointments .me=${me}></admin-stats-appointments>`;
      case 'stats-feedback':
        return html`<admin-stats-feedback .me=${me}></admin-stats-feedback>`;
      case 'audit':
        return html`<admin-audit .me=${me}></admin-audit>`;
      case 'password':
        return html`<admin-password .me=${me}></admin-password>`;
    }
  }

  private renderMain(me: Me): TemplateResult {
    const { t } = this.i18n.texts;
    if (me.mustChangePassword) {
      return html`<main><admin-password forced .me=${me} @password-changed=${() => void this.loadMe()}></admin-password></main>`;
    }
    if (me.role === 'staff') {
      return html`<main>
        <h1>${t('noAccessHeading')}</h1>
        <p>${t('noAccessText')}</p>
        <admin-password .me=${me}></admin-password>
      </main>`;
    }
    return html`<div class="shell">
      <nav aria-label=${t('navLabel')}>
        <ul>
          ${ALL_PAGES.map((p) => html`<li><a href=${`#${p}`} aria-current=${p === this.page ? 'page' : 'false'}>${t(NAV[p])}</a></li>`)}
        </ul>
      </nav>
      <main>${this.renderPage(me)}</main>
    </div>`;
  }

  override render() {
    const { t, lang } = this.i18n.texts;
    const me = this.me;
    return html`<header>
        <span class="app">${t('appName')}</span>
        <label class="lang"
          >${t('language')}
          <select @change=${(e: Event) => this.setLanguage((e.target as HTMLSelectElement).value)}>
            ${ADMIN_LANGUAGES.map((l) => html`<option value=${l} ?selected=${l === lang}>${l === 'de' ? 'Deutsch' : 'English'}</option>`)}
          </select>
        </label>
        ${me
          ? html`<span>${t('signedInAs', { name: me.displayName, role: t(`role_${me.role}`) })}</span>
              <button type="button" @click=${() => void this.logout()}>${t('logout')}</button>`
          : nothing}
      </header>
      ${this.phase === 'checking'
        ? html`<main><p role="status">${t('loading')}</p></main>`
        : this.phase === 'login' || !me
          ? html`<main>
              ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
              <admin-login @signed-in=${() => void this.loadMe()}></admin-login>
            </main>`
          : this.renderMain(me)}`;
  }
}

customElements.define('admin-app', AdminApp);

declare global {
  interface HTMLElementTagNameMap {
    'admin-app': AdminApp;
  }
}
