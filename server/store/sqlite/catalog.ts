import type { Area, Counter, Device, Service } from '../../../common/model.js';
import type { OfficeSettings } from '../../domain/settings.js';
import type { CatalogWriter } from '../store.js';
import * as rows from './rows.js';
import type { Statements } from './statements.js';

/** A site's settings, areas, services, counters and devices. */
export class SqliteCatalog implements CatalogWriter {
  constructor(
    private readonly sql: Statements,
    private readonly siteId: string,
  ) {}

  async settings(): Promise<OfficeSettings> {
    const r = this.sql.get('SELECT settings FROM sites WHERE id = ?', this.siteId);
    if (!r) throw new Error(`site "${this.siteId}" does not exist`);
    return JSON.parse(String(r.settings)) as OfficeSettings;
  }
  async putSettings(s: OfficeSettings): Promise<void> {
    const info = this.sql.run('UPDATE sites SET settings = ? WHERE id = ?', JSON.stringify(s), this.siteId);
    if (info.changes !== 1) throw new Error(`site "${this.siteId}" does not exist`);
  }

  async areas(): Promise<Area[]> {
    return this.sql
      .all('SELECT * FROM areas WHERE site_id = ? ORDER BY id', this.siteId)
      .map((r) => ({ id: String(r.id), name: JSON.parse(String(r.name)) as Area['name'] }));
  }
  async putArea(a: Area): Promise<void> {
    this.sql.upsertOfSite('areas', { id: a.id, name: JSON.stringify(a.name), site_id: this.siteId });
  }

  async services(): Promise<Service[]> {
    return this.sql.all('SELECT * FROM services WHERE site_id = ? ORDER BY sort_order, id', this.siteId).map(rows.serviceFromRow);
  }
  async service(id: string): Promise<Service | null> {
    const r = this.sql.get('SELECT * FROM services WHERE id = ? AND site_id = ?', id, this.siteId);
    return r ? rows.serviceFromRow(r) : null;
  }
  async putService(s: Service): Promise<void> {
    this.sql.upsertOfSite('services', { ...rows.serviceToRow(s), site_id: this.siteId });
  }

  async counters(): Promise<Counter[]> {
    return this.sql.all('SELECT * FROM counters WHERE site_id = ? ORDER BY area, name', this.siteId).map(rows.counterFromRow);
  }
  async counter(id: string): Promise<Counter | null> {
    const r = this.sql.get('SELECT * FROM counters WHERE id = ? AND site_id = ?', id, this.siteId);
    return r ? rows.counterFromRow(r) : null;
  }
  async putCounter(c: Counter): Promise<void> {
    this.sql.upsertOfSite('counters', { ...rows.counterToRow(c), site_id: this.siteId });
  }

  async devices(): Promise<Device[]> {
    return this.sql.all('SELECT * FROM devices WHERE site_id = ? ORDER BY kind, id', this.siteId).map(rows.deviceFromRow);
  }
  async device(id: string): Promise<Device | null> {
    const r = this.sql.get('SELECT * FROM devices WHERE id = ? AND site_id = ?', id, this.siteId);
    return r ? rows.deviceFromRow(r) : null;
  }
  async putDevice(d: Device): Promise<void> {
    this.sql.upsertOfSite('devices', { ...rows.deviceToRow(d), site_id: this.siteId });
  }
  async deleteDevice(id: string): Promise<boolean> {
    return this.sql.run('DELETE FROM devices WHERE id = ? AND site_id = ?', id, this.siteId).changes === 1;
  }
}
