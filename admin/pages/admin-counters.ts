import { html, type TemplateResult } from 'lit';
import { api } from '../api.js';
import type { Draft } from '../kit/draft.js';
import { RecordPage, type Column } from '../kit/record-page.js';
import type { AdminArea, AdminCounter, AdminService } from '../model.js';

/** @summary Counters: name, area, and the services they serve first (primary) and also (secondary). */
export class AdminCounters extends RecordPage<AdminCounter> {
  static override properties = { ...RecordPage.properties, areas: { state: true }, services: { state: true } };
  protected readonly heading = 'navCounters' as const;
  declare areas: AdminArea[];
  declare services: AdminService[];

  constructor() {
    super();
    this.areas = [];
    this.services = [];
  }

  override async reload(): Promise<void> {
    const [areas, services] = await Promise.all([api.areas(), api.services()]);
    if (areas.ok) this.areas = areas.value.areas;
    if (services.ok) this.services = [...services.value.services].sort((a, b) => a.sortOrder - b.sortOrder);
    await super.reload();
  }

  protected async fetchAll() {
    const r = await api.counters();
    return r.ok ? { ok: true as const, value: r.value.counters } : r;
  }

  private areaName(id: string): string {
    const a = this.areas.find((x) => x.id === id);
    return a ? (a.name[this.texts.value.lang] ?? a.name.de ?? id) : id;
  }

  protected override deleteById = (id: string, version: number) => api.deleteCounter(id, version);

  protected columns(): Column<AdminCounter>[] {
    return [
      { label: this.t('name'), cell: (c) => c.name },
      { label: this.t('area'), cell: (c) => this.areaName(c.area) },
      { label: this.t('counterState'), cell: (c) => (c.open ? this.t('open') : this.t('closed')) },
    ];
  }

  protected nameOf(c: AdminCounter): string {
    return c.name;
  }

  protected blank(): Draft {
    return { name: '', area: this.areas[0]?.id ?? '', primaryServiceIds: [], secondaryServiceIds: [] };
  }

  protected toDraft(c: AdminCounter): Draft {
    return { name: c.name, area: c.area, primaryServiceIds: [...c.primaryServiceIds], secondaryServiceIds: [...c.secondaryServiceIds] };
  }

  protected create(d: Draft) {
    return api.createCounter(d);
  }

  protected patch(id: string, changes: Draft & { version: number }) {
    return api.saveCounter(id, changes);
  }

  protected renderFields(): TemplateResult {
    const lang = this.texts.value.lang;
    const services = this.services.map((s) => [s.id, `${s.prefix} · ${s.names[lang] ?? s.names.de ?? s.id}`] as const);
    return html`${this.textInput('name', this.t('name'), { required: true, maxlength: 60 })}
    ${this.select('area', this.t('area'), this.areas.map((a) => [a.id, this.areaName(a.id)] as const))}
    ${this.checkboxSet('primaryServiceIds', this.t('primaryServices'), services)}
    ${this.checkboxSet('secondaryServiceIds', this.t('secondaryServices'), services)}`;
  }
}

customElements.define('admin-counters', AdminCounters);

declare global {
  interface HTMLElementTagNameMap {
    'admin-counters': AdminCounters;
  }
}
