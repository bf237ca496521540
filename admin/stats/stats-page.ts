import { LitElement, html, nothing, type TemplateResult } from 'lit';
import type { HttpResult } from '../../common/client/http.js';
import type { StatsQuery } from '../../common/stats-schemas.js';
import { api } from '../api.js';
import type { Me } from '../model.js';
import { adminBase } from '../styles.js';
import { adminTexts, failureText } from '../texts.js';
import { isDate, lastDays, todayIn, type DateRange } from './range.js';
import { statsApi } from './stats-api.js';
import { statsPageStyles } from './stats-styles.js';

/**
 * A statistics page: a date range (the last 30 days of the office's calendar
 * at first), the figures it loads for that range, downloads and print. A page
 * says what it loads and how it shows it.
 */
export abstract class StatsPage<L> extends LitElement {
  static override properties = {
    me: { attribute: false },
    range: { state: true },
    loaded: { state: true },
    problem: { state: true },
    busy: { state: true },
    loadedFor: { state: true },
  };

  static override styles = [adminBase, statsPageStyles];

  protected readonly texts = adminTexts.consume(this);
  declare me: Me | null;
  declare range: DateRange | null;
  declare loaded: L | null;
  declare problem: string;
  declare busy: boolean;
  /** The range the figures shown are for, `from/to` (tests and a printed page can tell). */
  declare loadedFor: string;
  /** Service names in the page's language, by id. */
  protected serviceNames = new Map<string, string>();

  protected abstract readonly heading: 'navStats' | 'navStatsAppointments' | 'navStatsFeedback';
  /** The page's figures for a range; every request's answer, so a refusal can be shown. */
  protected abstract fetch(q: StatsQuery): Promise<HttpResult<L>>;
  protected abstract renderLoaded(l: L): TemplateResult;

  constructor() {
    super();
    this.me = null;
    this.range = null;
    this.loaded = null;
    this.problem = '';
    this.busy = false;
    this.loadedFor = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    const [office, services] = await Promise.all([api.office(), api.services()]);
    const lang = this.texts.value.lang;
    if (services.ok) {
      const ordered = [...services.value.services].sort((a, b) => a.sortOrder - b.sortOrder);
      this.serviceNames = new Map(ordered.map((s) => [s.id, s.names[lang] ?? s.names.de ?? s.id]));
    }
    this.range = lastDays(todayIn(office.ok ? office.value.timeZone : 'Europe/Berlin'));
    await this.load();
  }

  protected get query(): StatsQuery | null {
    return this.range ? { from: this.range.from, to: this.range.to } : null;
  }

  protected serviceName(id: string): string {
    return this.serviceNames.get(id) ?? id;
  }

  private async load(): Promise<void> {
    const q = this.query;
    if (!q) return;
    this.busy = true;
    const r = await this.fetch(q);
    this.busy = false;
    this.problem = r.ok ? '' : failureText(this.texts.value, r);
    this.loaded = r.ok ? r.value : null;
    this.loadedFor = r.ok ? `${q.from}/${q.to}` : '';
  }

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const field = (name: string) => {
      const v = data.get(name);
      return typeof v === 'string' ? v : '';
    };
    const from = field('from');
    const to = field('to');
    if (!isDate(from) || !isDate(to) || from > to) {
      this.problem = this.texts.value.t('statsBadRange');
      return;
    }
    this.range = { from, to };
    void this.load();
  }

  override render() {
    const { t } = this.texts.value;
    const q = this.query;
    return html`<h1>${t(this.heading)}</h1>
      <form class="range panel" @submit=${(e: SubmitEvent) => this.submit(e)} novalidate>
        <label>${t('statsFrom')}<input type="date" name="from" required .value=${this.range?.from ?? ''} /></label>
        <label>${t('statsTo')}<input type="date" name="to" required .value=${this.range?.to ?? ''} /></label>
        <button class="primary" type="submit" ?disabled=${this.busy}>${t('statsShow')}</button>
        ${q
          ? html`<a href=${statsApi.exportUrl(q)} download>${t('statsExportCsv')}</a>
              <a href=${statsApi.summaryCsvUrl(q, 'day')} download>${t('statsSummaryCsv')}</a>`
          : nothing}
        <button type="button" @click=${() => window.print()}>${t('statsPrint')}</button>
      </form>
      ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
      ${this.loaded
        ? html`<div class="loaded" data-range=${this.loadedFor}>${this.renderLoaded(this.loaded)}</div>`
        : html`<p role="status">${t('loading')}</p>`}`;
  }
}

/** Every named answer, or the first refusal among them. */
export async function allNamed<K extends string, T>(requests: Record<K, Promise<HttpResult<T>>>): Promise<HttpResult<Record<K, T>>> {
  const keys = Object.keys(requests) as K[];
  const answers = await Promise.all(keys.map((k) => requests[k]));
  const out: Partial<Record<K, T>> = {};
  for (const [i, a] of answers.entries()) {
    if (!a.ok) return a;
    out[keys[i] as K] = a.value;
  }
  return { ok: true, value: out as Record<K, T> };
}
