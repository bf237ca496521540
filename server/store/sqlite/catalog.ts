import type { Area, Counter, Device, Service } from '../../../common/model.js';
import type { OfficeSettings } from '../../domain/settings.js';
import type { CatalogKind, CatalogWriter, ServiceReferences, VersionedRecord } from '../store.js';
import * as rows from './rows.js';
import type { Statements } from './statements.js';

/** A site's settings, areas, services, counters and devices. */
export class SqliteCatalog implements CatalogWriter {
  constructor(
    private readonly sql: Statements,
    private readonly siteId: string,
    private readonly revisions: CatalogRevisions,
  ) {}

  localRevision(kind: CatalogKind): number {
    return this.revisions.of(kind);
  }

  async settings(): Promise<OfficeSettings> {
    const r = this.sql.get('SELECT settings FROM sites WHERE id = ?', this.siteId);
    if (!r) throw new Error(`site "${this.siteId}" does not exist`);
    return JSON.parse(String(r.settings)) as OfficeSettings;
  }
  async putSettings(s: OfficeSettings): Promise<void> {
    this.revisions.bump('settings');
    const info = this.sql.run('UPDATE sites SET settings = ? WHERE id = ?', JSON.stringify(s), this.siteId);
    if (info.changes !== 1) throw new Error(`site "${this.siteId}" does not exist`);
  }

  async areas(): Promise<Area[]> {
    return this.sql
      .all('SELECT * FROM areas WHERE site_id = ? ORDER BY id', this.siteId)
      .map((r) => ({ id: String(r.id), name: JSON.parse(String(r.name)) as Area['name'] }));
  }
  async putArea(a: Area): Promise<void> {
    this.revisions.bump('areas');
    this.sql.upsertOfSite('areas', { id: a.id, name: JSON.stringify(a.name), site_id: this.siteId });
  }

  async services(): Promise<Service[]> {
    return this.sql.all('SELECT * FROM services WHERE site_id = ? AND deleted = 0 ORDER BY sort_order, id', this.siteId).map(rows.serviceFromRow);
  }
  async service(id: string): Promise<Service | null> {
    const r = this.sql.get('SELECT * FROM services WHERE id = ? AND site_id = ? AND deleted = 0', id, this.siteId);
    return r ? rows.serviceFromRow(r) : null;
  }
  async putService(s: Service): Promise<void> {
    this.revisions.bump('services');
    this.sql.upsertOfSite('services', { ...rows.serviceToRow(s), deleted: 0, site_id: this.siteId });
  }

  async counters(): Promise<Counter[]> {
    return this.sql.all('SELECT * FROM counters WHERE site_id = ? ORDER BY area, name', this.siteId).map(rows.counterFromRow);
  }
  async counter(id: string): Promise<Counter | null> {
    const r = this.sql.get('SELECT * FROM counters WHERE id = ? AND site_id = ?', id, this.siteId);
    return r ? rows.counterFromRow(r) : null;
  }
  async putCounter(c: Counter): Promise<void> {
    this.revisions.bump('counters');
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

  async version(kind: VersionedRecord, id: string): Promise<number | null> {
    const r =
      kind === 'settings'
        ? this.sql.get('SELECT version FROM sites WHERE id = ?', this.siteId)
        : this.sql.get(`SELECT version FROM ${TABLES[kind]} WHERE id = ? AND site_id = ?${kind === 'service' ? ' AND deleted = 0' : ''}`, id, this.siteId);
    return r ? Number(r.version) : null;
  }
  async versions(kind: Exclude<VersionedRecord, 'settings'>): Promise<Map<string, number>> {
    const all = this.sql.all(`SELECT id, version FROM ${TABLES[kind]} WHERE site_id = ?${kind === 'service' ? ' AND deleted = 0' : ''}`, this.siteId);
    return new Map(all.map((r) => [String(r.id), Number(r.version)]));
  }
  async setVersion(kind: VersionedRecord, id: string, version: number): Promise<void> {
    const info =
      kind === 'settings'
        ? this.sql.run('UPDATE sites SET version = ? WHERE id = ?', version, this.siteId)
        : this.sql.run(`UPDATE ${TABLES[kind]} SET version = ? WHERE id = ? AND site_id = ?`, version, id, this.siteId);
    if (info.changes !== 1) throw new Error(`${kind} "${id}" does not exist in site "${this.siteId}"`);
  }
  async serviceReferences(serviceId: string, sinceAt: number): Promise<ServiceReferences> {
    const tickets = this.sql.get(
      "SELECT count(*) AS n FROM tickets WHERE site_id = ? AND service_id = ? AND status IN ('waiting', 'called', 'serving')",
      this.siteId,
      serviceId,
    );
    const appointments = this.sql.get(
      "SELECT count(*) AS n FROM appointments WHERE site_id = ? AND service_id = ? AND status = 'booked' AND starts_at >= ?",
      this.siteId,
      serviceId,
      sinceAt,
    );
    return { openTickets: Number(tickets?.n ?? 0), bookedAppointments: Number(appointments?.n ?? 0) };
  }

  async deleteArea(id: string): Promise<boolean> {
    this.revisions.bump('areas');
    return this.sql.run('DELETE FROM areas WHERE id = ? AND site_id = ?', id, this.siteId).changes === 1;
  }
  async deleteService(id: string): Promise<boolean> {
    this.revisions.bump('services');
    // Tickets and appointments keep their service (foreign keys, the log, statistics): then the row stays, marked deleted.
    const referred = this.sql.get(
      'SELECT EXISTS (SELECT 1 FROM tickets WHERE service_id = ?) OR EXISTS (SELECT 1 FROM appointments WHERE service_id = ?) AS used',
      id,
      id,
    );
    if (Number(referred?.used ?? 0) === 1) {
      return this.sql.run('UPDATE services SET deleted = 1 WHERE id = ? AND site_id = ? AND deleted = 0', id, this.siteId).changes === 1;
    }
    return this.sql.run('DELETE FROM services WHERE id = ? AND site_id = ? AND deleted = 0', id, this.siteId).changes === 1;
  }
  async deleteCounter(id: string): Promise<boolean> {
    this.revisions.bump('counters');
    return this.sql.run('DELETE FROM counters WHERE id = ? AND site_id = ?', id, this.siteId).changes === 1;
  }
  async deleteDevice(id: string): Promise<boolean> {
    return this.sql.run('DELETE FROM devices WHERE id = ? AND site_id = ?', id, this.siteId).changes === 1;
  }
}

const TABLES = { area: 'areas', service: 'services', counter: 'counters', device: 'devices' } as const;

/**
 * The store's catalog revisions (CatalogReader.localRevision): bumped before
 * every catalog write, and for every kind when a unit or group that wrote any
 * catalog record is rolled back.
 */
export class CatalogRevisions {
  private readonly values: Record<CatalogKind, number> = { settings: 0, areas: 0, services: 0, counters: 0 };
  /** Grows with every bump: whether anything was written since a mark. */
  private total = 0;

  of(kind: CatalogKind): number {
    return this.values[kind];
  }

  bump(kind: CatalogKind): void {
    this.values[kind]++;
    this.total++;
  }

  mark(): number {
    return this.total;
  }

  /** A rollback: if any catalog record was written since `mark`, every copy kept in memory is out of date. */
  rolledBack(mark: number): void {
    if (this.total === mark) return;
    for (const kind of Object.keys(this.values) as CatalogKind[]) this.bump(kind);
  }
}
