import { css, html, type TemplateResult } from 'lit';
import type { AdminKey } from '../../common/i18n/admin/index.js';
import { api } from '../api.js';
import { AdminForm } from '../kit/admin-form.js';
import { narrowPage } from '../styles.js';
import { changedFields, type Draft } from '../kit/draft.js';
import '../kit/holiday-calendar.js';
import type { AdminOffice } from '../model.js';

const EDITABLE = ['name', 'timeZone', 'holidays', 'waitTargetMinutes', 'counterStatsEnabled', 'policy', 'checkin', 'estimate', 'retention'] as const;
/** #17 data protection: the four retention periods (whole days), README "Data protection". */
const RETENTION_FIELDS = [
  ['notesDays', 365],
  ['feedbackCommentDays', 3650],
  ['appointmentContactDays', 3650],
  ['actorLinkDays', 3650],
] as const;
/** The German states (ISO 3166-2:DE without the prefix), for the public holidays button. */
const STATES = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
const RULE_GROUPS = ['policy', 'checkin', 'estimate'] as const;

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** @summary The office (the site): name, time zone, holidays, queue rules, wait target. */
export class AdminOfficePage extends AdminForm {
  static override properties = { ...AdminForm.properties, office: { state: true }, state: { state: true }, year: { state: true } };
  static override styles = [
    ...AdminForm.styles,
    narrowPage,
    css`
      .rules {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: 0 1rem;
      }
    `,
  ];

  declare office: AdminOffice | null;
  declare state: string;
  declare year: number;

  constructor() {
    super();
    this.office = null;
    this.state = 'NW';
    this.year = new Date().getFullYear() + 1;
  }

  override async reload(): Promise<void> {
    const r = await this.send(() => api.office());
    if (!r) return;
    this.office = r.value;
    this.draft = Object.fromEntries(EDITABLE.map((k) => [k, structuredClone(r.value[k])]));
  }

  private get holidays(): string[] {
    return Array.isArray(this.draft.holidays) ? (this.draft.holidays as string[]) : [];
  }

  private setHolidays(dates: Iterable<string>): void {
    this.set('holidays', [...new Set(dates)].sort());
  }

  private async addStateHolidays(): Promise<void> {
    const r = await this.send(() => api.holidays(this.state, this.year));
    if (!r) return;
    const before = this.holidays.length;
    const added = r.value.holidays.map((h) => h.date).sort();
    this.setHolidays([...this.holidays, ...added]);
    this.notice = this.t('holidaysAdded', { n: this.holidays.length - before });
    if (added[0]) this.renderRoot.querySelector('admin-holiday-calendar')?.show(added[0]);
  }

  private async save(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const office = this.office;
    if (!office) return;
    const before = Object.fromEntries(EDITABLE.map((k) => [k, office[k]])) as Draft;
    const r = await this.send(() => api.saveOffice({ ...changedFields(before, this.draft), version: office.version }));
    if (!r) return;
    await this.reload();
    this.notice = this.t('saved');
  }

  private ruleLabel(group: string, key: string): string {
    const k = `rule_${group}_${key}`;
    const text = this.t(k as AdminKey);
    return text === k ? key : text;
  }

  private renderHolidays(): TemplateResult {
    return html`<fieldset data-field="holidays" aria-describedby="holidays-error">
      <legend>${this.t('holidays')}</legend>
      <p class="field-error" id="holidays-error">${this.errorAt('holidays')}</p>
      <admin-holiday-calendar
        .dates=${this.holidays}
        ?read-only=${this.readOnly}
        @holidays-change=${(e: CustomEvent<string[]>) => this.setHolidays(e.detail)}
      ></admin-holiday-calendar>
      <div class="actions" ?hidden=${this.readOnly}>
        <span class="field">
          <label for="holiday-state">${this.t('state')}</label>
          <select id="holiday-state" @change=${(e: Event) => (this.state = (e.target as HTMLSelectElement).value)}>
            ${STATES.map((s) => html`<option value=${s} ?selected=${s === this.state}>${this.t(`state_${s}`)}</option>`)}
          </select>
        </span>
        <span class="field">
          <label for="holiday-year">${this.t('year')}</label>
          <input id="holiday-year" type="number" min="2000" max="2100" .value=${String(this.year)} @input=${(e: Event) => (this.year = Number((e.target as HTMLInputElement).value))} />
        </span>
        <button type="button" data-add-state-holidays ?disabled=${this.busy} @click=${() => void this.addStateHolidays()}>${this.t('addStateHolidays')}</button>
      </div>
    </fieldset>`;
  }

  override render() {
    if (!this.office) return html`<h1>${this.t('navOffice')}</h1>${this.renderProblem()}<p>${this.t('loading')}</p>`;
    const fields = html`${this.textInput('name', this.t('officeName'), { required: true, maxlength: 120 })}
      ${this.textInput('timeZone', this.t('timeZone'), { required: true, hint: this.t('timeZoneHint'), list: 'zones' })}
      ${this.numberInput('waitTargetMinutes', this.t('waitTarget'), { min: 1, max: 600 })}
      ${this.checkbox('counterStatsEnabled', this.t('counterStatsEnabled'))} ${this.renderHolidays()}
      ${RULE_GROUPS.map((g) => {
        const values = (this.draft[g] ?? {}) as Record<string, number>;
        return html`<fieldset data-field=${g}>
          <legend>${this.t(`rules_${g}`)}</legend>
          <div class="rules">${Object.keys(values).map((k) => this.numberInput(`${g}.${k}`, this.ruleLabel(g, k), { min: 0, step: 'any' }))}</div>
        </fieldset>`;
      })}
      <fieldset data-field="retention">
        <legend>${this.t('rules_retention')}</legend>
        <p class="hint">${this.t('retentionHint')}</p>
        <div class="rules">
          ${RETENTION_FIELDS.map(([k, max]) => this.numberInput(`retention.${k}`, this.t(`rule_retention_${k}`), { min: 0, max, hint: this.t(`rule_retention_${k}_hint`) }))}
        </div>
      </fieldset>`;
    const problem = this.renderProblem();
    return html`<h1>${this.t('navOffice')}</h1>
      ${problem}
      <datalist id="zones">${zones().map((z) => html`<option value=${z}></option>`)}</datalist>
      <form class="panel" @submit=${(e: SubmitEvent) => void this.save(e)} novalidate>
        ${fields}
        <div class="actions" ?hidden=${this.readOnly}><button class="primary" type="submit" ?disabled=${this.busy}>${this.t('save')}</button></div>
      </form>`;
  }
}

customElements.define('admin-office', AdminOfficePage);

declare global {
  interface HTMLElementTagNameMap {
    'admin-office': AdminOfficePage;
  }
}
