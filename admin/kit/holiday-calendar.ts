import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { adminBase } from '../styles.js';
import { adminTexts } from '../texts.js';

/** A calendar day as the office stores it (YYYY-MM-DD), computed in UTC so no zone shifts it. */
const iso = (d: Date) => d.toISOString().slice(0, 10);
const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);
function addDays(date: string, n: number): string {
  const d = dayOf(date);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}
/** The same day of another month, or that month's last day when it is shorter. */
function addMonths(date: string, n: number): string {
  const d = dayOf(date);
  const day = d.getUTCDate();
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return iso(first);
}
function todayLocal(): string {
  const now = new Date();
  return iso(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

const MOVES: Record<string, (d: string) => string> = {
  ArrowLeft: (d) => addDays(d, -1),
  ArrowRight: (d) => addDays(d, 1),
  ArrowUp: (d) => addDays(d, -7),
  ArrowDown: (d) => addDays(d, 7),
  PageUp: (d) => addMonths(d, -1),
  PageDown: (d) => addMonths(d, 1),
  Home: (d) => addDays(d, -((dayOf(d).getUTCDay() + 6) % 7)),
  End: (d) => addDays(d, 6 - ((dayOf(d).getUTCDay() + 6) % 7)),
};

/**
 * @summary The office's holidays as a month calendar: a day's button toggles it
 * (aria-pressed). One day is in the tab order; arrow keys move by day and week,
 * Home/End to the week's start and end, Page Up/Down by month. Fires
 * `holidays-change` with the new sorted list; read-only shows without toggling.
 */
export class HolidayCalendar extends LitElement {
  static override properties = { dates: { attribute: false }, readOnly: { type: Boolean, attribute: 'read-only' }, focusDate: { state: true } };
  static override styles = [
    adminBase,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin-block-end: 0.5rem;
      }
      .head h3 {
        margin: 0;
        min-inline-size: 12rem;
        text-align: center;
        font-size: 1.05rem;
      }
      table {
        inline-size: auto;
        border-collapse: separate;
        border-spacing: 0.2rem;
      }
      th,
      td {
        border: 0;
        padding: 0;
        text-align: center;
      }
      th {
        font-weight: 600;
        color: var(--a-muted);
        font-size: 0.85rem;
      }
      td button {
        inline-size: 2.6rem;
        block-size: 2.4rem;
        padding: 0;
      }
      td button.weekend {
        background: var(--a-bg);
      }
      td button[aria-pressed='true'] {
        background: var(--a-danger-soft);
        border-color: var(--a-danger);
        color: var(--a-danger);
        font-weight: 700;
      }
      td button.today {
        outline: 2px solid var(--a-accent);
        outline-offset: -3px;
      }
      td button[aria-disabled='true'] {
        cursor: default;
      }
    `,
  ];

  private readonly texts = adminTexts.consume(this);
  declare dates: readonly string[];
  declare readOnly: boolean;
  /** The day in the tab order; its month is the one shown. */
  declare focusDate: string;
  private moved = false;

  constructor() {
    super();
    this.dates = [];
    this.readOnly = false;
    this.focusDate = todayLocal();
  }

  /** Shows the month of `date` (e.g. the first holiday of a year just added). */
  show(date: string): void {
    this.focusDate = date;
  }

  private toggle(date: string): void {
    this.focusDate = date;
    if (this.readOnly) return;
    const set = new Set(this.dates);
    if (set.has(date)) set.delete(date);
    else set.add(date);
    this.dispatchEvent(new CustomEvent<string[]>('holidays-change', { detail: [...set].sort(), bubbles: true, composed: true }));
  }

  private onKey(e: KeyboardEvent): void {
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    this.focusDate = move(this.focusDate);
    this.moved = true;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.moved) return;
    this.moved = false;
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-date="${this.focusDate}"]`)?.focus();
  }

  override render() {
    const { t, lang } = this.texts.value;
    const focus = dayOf(this.focusDate);
    const year = focus.getUTCFullYear();
    const month = focus.getUTCMonth();
    const first = new Date(Date.UTC(year, month, 1));
    const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const lead = (first.getUTCDay() + 6) % 7;
    const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => iso(new Date(Date.UTC(year, month, i + 1))))];
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
    const holidays = new Set(this.dates);
    const today = todayLocal();
    const monthTitle = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first);
    const weekday = (format: 'short' | 'long', i: number) => new Intl.DateTimeFormat(lang, { weekday: format, timeZone: 'UTC' }).format(Date.UTC(2024, 0, i + 1));
    const full = new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' });
    const inYear = this.dates.filter((d) => d.startsWith(`${year}-`)).length;
    const inMonth = this.dates.filter((d) => d.startsWith(this.focusDate.slice(0, 8)));
    return html`<div class="head">
        <button type="button" data-prev-month aria-label=${t('prevMonth')} title=${t('prevMonth')} @click=${() => (this.focusDate = addMonths(this.focusDate, -1))}>‹</button>
        <h3 id="month-title" aria-live="polite">${monthTitle}</h3>
        <button type="button" data-next-month aria-label=${t('nextMonth')} title=${t('nextMonth')} @click=${() => (this.focusDate = addMonths(this.focusDate, 1))}>›</button>
      </div>
      <table aria-labelledby="month-title" @keydown=${(e: KeyboardEvent) => this.onKey(e)}>
        <thead>
          <tr>
            ${Array.from({ length: 7 }, (_, i) => html`<th scope="col"><abbr title=${weekday('long', i)}>${weekday('short', i)}</abbr></th>`)}
          </tr>
        </thead>
        <tbody>
          ${weeks.map(
            (week) => html`<tr>
              ${week.map((date, i) =>
                date === null
                  ? html`<td></td>`
                  : html`<td>
                      <button
                        type="button"
                        data-date=${date}
                        class=${[i >= 5 ? 'weekend' : '', date === today ? 'today' : ''].join(' ')}
                        tabindex=${date === this.focusDate ? '0' : '-1'}
                        aria-pressed=${holidays.has(date) ? 'true' : 'false'}
                        aria-label=${full.format(dayOf(date))}
                        aria-disabled=${this.readOnly ? 'true' : nothing}
                        @click=${() => this.toggle(date)}
                      >
                        ${dayOf(date).getUTCDate()}
                      </button>
                    </td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.readOnly ? nothing : html`<p class="hint">${t('calendarHint')}</p>`}
      <p class="hint" data-year-holidays>${t('holidaysInYear', { n: inYear, year })}</p>
      ${inMonth.length > 0
        ? html`<p class="hint" data-month-holidays>${t('holidaysInMonth', { list: inMonth.map((d) => full.format(dayOf(d))).join('; ') })}</p>`
        : nothing}`;
  }
}

customElements.define('admin-holiday-calendar', HolidayCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'admin-holiday-calendar': HolidayCalendar;
  }
}
