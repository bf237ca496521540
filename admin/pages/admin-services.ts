import { css, html, type TemplateResult } from 'lit';
import { api } from '../api.js';
import type { Draft } from '../kit/draft.js';
import { hoursEditor } from '../kit/hours.js';
import { iconPicker } from '../kit/icon-picker.js';
import { cleanNames, namesFieldset } from '../kit/names.js';
import { RecordPage, type Column } from '../kit/record-page.js';
import type { AdminService } from '../model.js';

const EDITABLE = ['prefix', 'names', 'icon', 'hours', 'dailyLimit', 'defaultServiceMinutes', 'priorityEnabled', 'active'] as const;

/** @summary Services: names, prefix, pictogram, weekly hours, contingent, order on the kiosk. */
export class AdminServices extends RecordPage<AdminService> {
  static override properties = { ...RecordPage.properties, icons: { state: true } };
  static override styles = [
    ...RecordPage.styles,
    css`
      .icon-grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
        gap: 0.4rem;
      }
      .icon {
        display: flex;
        gap: 0.35rem;
        align-items: center;
        font-size: 0.85rem;
      }
      .icon svg {
        inline-size: 1.6rem;
        block-size: 1.6rem;
        fill: none;
        stroke: currentColor;
        stroke-width: 1.8;
        stroke-linecap: round;
        stroke-linejoin: round;
      }
      .period .field {
        margin: 0;
      }
    `,
  ];

  protected readonly heading = 'navServices' as const;
  declare icons: string[];

  constructor() {
    super();
    this.icons = [];
  }

  override async reload(): Promise<void> {
    if (this.icons.length === 0) {
      const icons = await api.icons();
      if (icons.ok) this.icons = icons.value.icons;
    }
    await super.reload();
  }

  protected async fetchAll() {
    const r = await api.services();
    return r.ok ? { ok: true as const, value: [...r.value.services].sort((a, b) => a.sortOrder - b.sortOrder) } : r;
  }

  protected override deleteById = (id: string, version: number) => api.deleteService(id, version);

  protected columns(): Column<AdminService>[] {
    return [
      { label: this.t('prefix'), cell: (s) => s.prefix },
      { label: this.t('name'), cell: (s) => s.names.de ?? s.id },
      { label: this.t('active'), cell: (s) => (s.active ? this.t('yes') : this.t('no')) },
    ];
  }

  protected nameOf(s: AdminService): string {
    return s.names[this.texts.value.lang] ?? s.names.de ?? s.id;
  }

  protected blank(): Draft {
    return { prefix: '', names: { de: '' }, icon: 'dot', hours: {}, dailyLimit: null, defaultServiceMinutes: 10, priorityEnabled: true, active: true };
  }

  protected toDraft(s: AdminService): Draft {
    return Object.fromEntries(EDITABLE.map((k) => [k, structuredClone(s[k])]));
  }

  private payload(d: Draft): Draft {
    return 'names' in d ? { ...d, names: cleanNames(d.names) } : d;
  }

  protected create(d: Draft) {
    return api.createService(this.payload(d));
  }

  protected patch(id: string, changes: Draft & { version: number }) {
    return api.saveService(id, { ...this.payload(changes), version: changes.version });
  }

  private async move(s: AdminService, by: -1 | 1): Promise<void> {
    const ids = this.records.map((r) => r.id);
    const at = ids.indexOf(s.id);
    const to = at + by;
    if (to < 0 || to >= ids.length) return;
    [ids[at], ids[to]] = [ids[to] as string, ids[at] as string];
    if (await this.send(() => api.orderServices(ids))) await this.reload();
  }

  protected override rowActions(s: AdminService): TemplateResult {
    if (this.readOnly) return html``;
    const at = this.records.indexOf(s);
    const name = this.nameOf(s);
    return html`<button type="button" data-up=${s.id} ?disabled=${at === 0 || this.busy} aria-label=${this.t('moveUp', { name })} @click=${() => void this.move(s, -1)}>↑</button>
      <button
        type="button"
        data-down=${s.id}
        ?disabled=${at === this.records.length - 1 || this.busy}
        aria-label=${this.t('moveDown', { name })}
        @click=${() => void this.move(s, 1)}
      >
        ↓
      </button>`;
  }

  protected renderFields(): TemplateResult {
    const lang = this.texts.value.lang;
    return html`${namesFieldset(this, 'names', this.t('names'), lang)}
    ${this.textInput('prefix', this.t('prefix'), { required: true, maxlength: 2, hint: this.t('prefixHint') })}
    ${iconPicker(this, 'icon', this.icons)} ${hoursEditor(this, 'hours', lang)}
    ${this.numberInput('dailyLimit', this.t('dailyLimit'), { min: 0, nullable: true, hint: this.t('dailyLimitHint') })}
    ${this.numberInput('defaultServiceMinutes', this.t('defaultServiceMinutes'), { min: 1, max: 480 })}
    ${this.checkbox('priorityEnabled', this.t('priorityEnabled'))} ${this.checkbox('active', this.t('active'))}`;
  }
}

customElements.define('admin-services', AdminServices);

declare global {
  interface HTMLElementTagNameMap {
    'admin-services': AdminServices;
  }
}
