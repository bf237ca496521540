import { LitElement, css, html, nothing } from 'lit';
import type { AuditEntry } from '../../common/audit-schemas.js';
import { EVENT_TYPES, type EventType } from '../../common/events.js';
import type { AdminKey } from '../../common/i18n/admin/index.js';
import { api, type AuditFilters } from '../api.js';
import type { AdminUser, Me } from '../model.js';
import { isDate, lastDays, todayIn } from '../stats/range.js';
import { statsPageStyles } from '../stats/stats-styles.js';
import { adminBase } from '../styles.js';
import { adminTexts, failureText } from '../texts.js';

const typeKey = (type: EventType) => `auditType_${type.replaceAll('.', '_')}` as AdminKey;

/**
 * @summary #17 the audit trail (admins only): who did what, newest first, filtered by day range,
 * person, kind and ticket number; older pages on demand; the same filters as a CSV download.
 */
export class AdminAudit extends LitElement {
  static override properties = {
    me: { attribute: false },
    filters: { state: true },
    entries: { state: true },
    nextBefore: { state: true },
    users: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  static override styles = [
    adminBase,
    statsPageStyles,
    css`
      .range select,
      .range input[name='number'] {
        padding: 0.35rem 0.5rem;
        border: 1px solid var(--a-muted);
        border-radius: 5px;
      }
      .range input[name='number'] {
        width: 7rem;
      }
      table.figures td,
      table.figures th {
        text-align: start;
        vertical-align: top;
      }
      td.summary {
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      .removed {
        font-style: italic;
      }
      .muted {
        color: var(--a-muted);
      }
    `,
  ];

  protected readonly texts = adminTexts.consume(this);
  declare me: Me | null;
  declare filters: AuditFilters | null;
  declare entries: AuditEntry[];
  declare nextBefore: number | null;
  declare users: AdminUser[];
  declare problem: string;
  declare busy: boolean;
  private timeZone = 'Europe/Berlin';
  /** Service and counter names by id, for the table (an id no longer in the catalogue shows as it is). */
  private names = new Map<string, string>();

  constructor() {
    super();
    this.me = null;
    this.filters = null;
    this.entries = [];
    this.nextBefore = null;
    this.users = [];
    this.problem = '';
    this.busy = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    const [office, users, services, counters] = await Promise.all([api.office(), api.users(), api.services(), api.counters()]);
    if (office.ok) this.timeZone = office.value.timeZone;
    const lang = this.texts.value.lang;
    for (const s of services.ok ? services.value.services : []) this.names.set(`s:${s.id}`, s.names[lang] ?? s.names.de ?? s.id);
    for (const c of counters.ok ? counters.value.counters : []) this.names.set(`c:${c.id}`, c.name);
    if (users.ok) this.users = [...users.value.users].sort((a, b) => a.displayName.localeCompare(b.displayName));
    const week = lastDays(todayIn(this.timeZone), 7);
    this.filters = { from: week.from, to: week.to, userId: '', type: '', number: '' };
    await this.load(false);
  }

  private async load(more: boolean): Promise<void> {
    const f = this.filters;
    if (!f) return;
    this.busy = true;
    const r = await api.audit(f, more ? (this.nextBefore ?? undefined) : undefined);
    this.busy = false;
    this.problem = r.ok ? '' : failureText(this.texts.value, r);
    if (!r.ok) return;
    this.entries = more ? [...this.entries, ...r.value.entries] : r.value.entries;
    this.nextBefore = r.value.nextBefore;
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const field = (name: string) => {
      const v = data.get(name);
      return typeof v === 'string' ? v.trim() : '';
    };
    const filters: AuditFilters = { from: field('from'), to: field('to'), userId: field('userId'), type: field('type'), number: field('number') };
    if ((filters.from && !isDate(filters.from)) || (filters.to && !isDate(filters.to)) || (filters.from && filters.to && filters.from > filters.to)) {
      this.problem = this.texts.value.t('statsBadRange');
      return;
    }
    this.filters = filters;
    void this.load(false);
  }

  private when(at: number): string {
    return new Intl.DateTimeFormat(this.texts.value.lang, { timeZone: this.timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(at);
  }

  private actor(e: AuditEntry) {
    const { t } = this.texts.value;
    if (e.actor) return html`${e.actor.displayName} <span class="muted">(${e.actor.username})</span>`;
    if (e.actorRemoved) return html`<span class="removed">${t('auditRemoved')}</span>`;
    return html`<span class="muted">${t('auditNobody')}</span>`;
  }

  override render() {
    const { t } = this.texts.value;
    const f = this.filters;
    return html`<h1>${t('navAudit')}</h1>
      <p>${t('auditIntro')}</p>
      <form class="range panel" aria-label=${t('auditFilters')} @submit=${(e: SubmitEvent) => this.submit(e)} novalidate>
        <label>${t('statsFrom')}<input type="date" name="from" .value=${f?.from ?? ''} /></label>
        <label>${t('statsTo')}<input type="date" name="to" .value=${f?.to ?? ''} /></label>
        <label
          >${t('auditUser')}
          <select name="userId">
            <option value="">${t('auditAllUsers')}</option>
            ${this.users.map((u) => html`<option value=${u.id} ?selected=${f?.userId === u.id}>${u.displayName} (${u.username})</option>`)}
          </select>
        </label>
        <label
          >${t('auditType')}
          <select name="type">
            <option value="">${t('auditAllTypes')}</option>
            ${EVENT_TYPES.map((type) => html`<option value=${type} ?selected=${f?.type === type}>${t(typeKey(type))}</option>`)}
          </select>
        </label>
        <label>${t('auditNumber')}<input name="number" autocomplete="off" .value=${f?.number ?? ''} /></label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('statsShow')}</button>
        ${f ? html`<a href=${api.auditCsvUrl(f)} download data-csv>${t('auditCsv')}</a>` : nothing}
      </form>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${f === null ? html`<p role="status">${t('loading')}</p>` : this.renderTable()}`;
  }

  private renderTable() {
    const { t } = this.texts.value;
    if (this.entries.length === 0) return html`<p role="status" data-empty>${t('auditEmpty')}</p>`;
    return html`<section class="panel">
      <table class="figures" data-table="audit">
        <caption>
          ${t('auditCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('auditTime')}</th>
            <th scope="col">${t('auditType')}</th>
            <th scope="col">${t('auditUser')}</th>
            <th scope="col">${t('auditTicket')}</th>
            <th scope="col">${t('auditService')}</th>
            <th scope="col">${t('auditCounter')}</th>
            <th scope="col">${t('auditDetails')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.entries.map(
            (e) => html`<tr data-seq=${e.seq} data-type=${e.type}>
              <td>${this.when(e.at)}</td>
              <td title=${e.type}>${t(typeKey(e.type))}</td>
              <td>${this.actor(e)}</td>
              <td>${e.ticketNumber ?? ''}</td>
              <td>${e.serviceId === null ? '' : (this.names.get(`s:${e.serviceId}`) ?? e.serviceId)}</td>
              <td>${e.counterId === null ? '' : (this.names.get(`c:${e.counterId}`) ?? e.counterId)}</td>
              <td class="summary">${e.summary}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <p role="status">${t('auditShown', { n: this.entries.length })}</p>
      ${this.nextBefore === null
        ? nothing
        : html`<button type="button" ?disabled=${this.busy} @click=${() => void this.load(true)}>${t('auditMore')}</button>`}
    </section>`;
  }
}

customElements.define('admin-audit', AdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'admin-audit': AdminAudit;
  }
}
