import type { HttpResult } from '../../common/client/http.js';
import { api } from '../api.js';
import type { AdminArea, AdminDevice } from '../model.js';
import type { Draft } from './draft.js';
import { RecordPage } from './record-page.js';

/**
 * Kiosks and screens are both device records (`/api/admin/devices`): a page
 * lists the devices of one kind, edits the name, the area ('' in the form is
 * none) and the kind's settings object, and may delete them.
 */
export abstract class DevicePage extends RecordPage<AdminDevice> {
  static override properties = { ...RecordPage.properties, areas: { state: true } };
  declare areas: AdminArea[];
  protected abstract readonly kind: AdminDevice['kind'];

  constructor() {
    super();
    this.areas = [];
  }

  override async reload(): Promise<void> {
    const areas = await api.areas();
    if (areas.ok) this.areas = areas.value.areas;
    await super.reload();
  }

  protected async fetchAll(): Promise<HttpResult<AdminDevice[]>> {
    const r = await api.devices();
    return r.ok ? { ok: true, value: r.value.devices.filter((d) => d.kind === this.kind) } : r;
  }

  protected override deleteById = (id: string, version: number) => api.deleteDevice(id, version);

  protected areaName(id: string | null): string {
    if (id === null) return '–';
    const a = this.areas.find((x) => x.id === id);
    return a ? (a.name[this.texts.value.lang] ?? a.name.de ?? id) : id;
  }

  protected areaOptions(withNone: boolean): [string, string][] {
    const areas = this.areas.map((a): [string, string] => [a.id, this.areaName(a.id)]);
    return withNone ? [['', this.t('noArea')], ...areas] : areas;
  }

  protected nameOf(d: AdminDevice): string {
    return d.name;
  }

  /** What the server takes: the area as null when none is chosen. */
  private payload(d: Draft): Draft {
    return 'area' in d ? { ...d, area: d.area === '' ? null : d.area } : d;
  }

  protected create(d: Draft) {
    return api.createDevice({ kind: this.kind, ...this.payload(d) });
  }

  protected patch(id: string, changes: Draft & { version: number }) {
    return api.saveDevice(id, { ...this.payload(changes), version: changes.version });
  }
}
