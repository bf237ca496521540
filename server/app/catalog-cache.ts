import type { Area, Counter, Device, Service } from '../../common/model.js';
import type { LoggedEvent } from '../domain/events.js';
import type { OfficeSettings } from '../domain/settings.js';
import type { CatalogKind, CatalogReader, CatalogWriter, ServiceReferences, VersionedRecord } from '../store/store.js';

interface Entry<T> {
  /** The store's localRevision(kind) this copy was read at. */
  revision: number;
  value: T;
}

interface Keyed<T extends { id: string }> {
  list: readonly T[];
  byId: ReadonlyMap<string, T>;
}

const KINDS: readonly CatalogKind[] = ['settings', 'areas', 'services', 'counters'];

/** Events that never change a counter row: every other event (new types included) makes the counters be read again. */
const COUNTER_NEUTRAL = new Set<string>([
  'ticket.issued',
  'ticket.checked_in',
  'ticket.estimate_shown',
  'ticket.reprinted',
  'ticket.noted',
  'appointment.created',
  'appointment.cancelled',
  'device.agent_token_issued',
  'device.token_issued',
  'device.token_revoked',
  'device.agent_token_revoked',
  // #17 audit: sign-ins and exports are only recorded
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.signed_out',
  'data.exported',
]);

/**
 * The site's settings, areas, services and counters as read from the store,
 * kept between units of work instead of being read and parsed (JSON) several
 * times per command. Part of the site read model (`SiteModel.catalog`), and it
 * follows what the model follows:
 * - the model loads afresh (new day, a rolled-back group, far behind): all dropped;
 * - an event the model applies or follows in the log: `config.changed` drops all,
 *   any event that may change a counter (`counter.*`, a call, a finish, a
 *   transfer, … everything but issuing and a few bookkeeping events) drops the
 *   counters. Another process's changes reach this process that way;
 * - this process's own writes: the store's `localRevision(kind)` changes with
 *   every catalog write and with the rollback of one, and a copy read at another
 *   revision is read again (so a unit of work that wrote a counter reads its
 *   own write, and an admin's change made without an event is seen too).
 *
 * The copies are frozen: a caller that changed one would change every later view.
 */
export class CatalogCache {
  private readonly entries: { [K in CatalogKind]?: Entry<unknown> } = {};
  /** Reads from the store, by kind: for the tests. */
  readonly reads: Record<CatalogKind, number> = { settings: 0, areas: 0, services: 0, counters: 0 };

  /** Forgets everything: the model loaded afresh. */
  drop(kinds: readonly CatalogKind[] = KINDS): void {
    for (const kind of kinds) delete this.entries[kind];
  }

  /** An event the model applied or followed. */
  saw(e: Pick<LoggedEvent, 'type'>): void {
    if (e.type === 'config.changed') this.drop();
    else if (!COUNTER_NEUTRAL.has(e.type)) delete this.entries.counters;
  }

  settings(raw: CatalogReader): Promise<OfficeSettings> {
    return this.kept(raw, 'settings', async () => deepFreeze(await raw.settings()));
  }

  areas(raw: CatalogReader): Promise<readonly Area[]> {
    return this.kept(raw, 'areas', async () => deepFreeze(await raw.areas()));
  }

  services(raw: CatalogReader): Promise<Keyed<Service>> {
    return this.kept(raw, 'services', async () => keyed(await raw.services()));
  }

  counters(raw: CatalogReader): Promise<Keyed<Counter>> {
    return this.kept(raw, 'counters', async () => keyed(await raw.counters()));
  }

  /** The copy of one kind, read again when missing or read at another revision of the store. */
  private async kept<T>(raw: CatalogReader, kind: CatalogKind, read: () => Promise<T>): Promise<T> {
    const revision = raw.localRevision(kind);
    const entry = this.entries[kind];
    if (entry?.revision === revision) return entry.value as T;
    this.reads[kind]++;
    const value = await read();
    this.entries[kind] = { revision, value };
    return value;
  }
}

/**
 * A unit of work's catalog: reads come from the model's copies once `ready`
 * has brought the model to what this unit sees (the office calls it before the
 * first read), writes go to the store (and change its revisions, so the next
 * read takes them up). Devices are not kept.
 */
export class CachedCatalog implements CatalogWriter {
  constructor(
    readonly raw: CatalogWriter,
    private readonly cache: CatalogCache,
    private readonly ready: () => Promise<void>,
  ) {}

  localRevision(kind: CatalogKind): number {
    return this.raw.localRevision(kind);
  }

  async settings(): Promise<OfficeSettings> {
    await this.ready();
    return this.cache.settings(this.raw);
  }

  async areas(): Promise<Area[]> {
    await this.ready();
    return [...(await this.cache.areas(this.raw))];
  }

  async services(): Promise<Service[]> {
    await this.ready();
    return [...(await this.cache.services(this.raw)).list];
  }

  async service(id: string): Promise<Service | null> {
    await this.ready();
    return (await this.cache.services(this.raw)).byId.get(id) ?? null;
  }

  async counters(): Promise<Counter[]> {
    await this.ready();
    return [...(await this.cache.counters(this.raw)).list];
  }

  async counter(id: string): Promise<Counter | null> {
    await this.ready();
    return (await this.cache.counters(this.raw)).byId.get(id) ?? null;
  }

  devices(): Promise<Device[]> {
    return this.raw.devices();
  }

  device(id: string): Promise<Device | null> {
    return this.raw.device(id);
  }

  putSettings(s: OfficeSettings): Promise<void> {
    return this.raw.putSettings(s);
  }

  putArea(a: Area): Promise<void> {
    return this.raw.putArea(a);
  }

  putService(s: Service): Promise<void> {
    return this.raw.putService(s);
  }

  putCounter(c: Counter): Promise<void> {
    return this.raw.putCounter(c);
  }

  putDevice(d: Device): Promise<void> {
    return this.raw.putDevice(d);
  }

  // Versions, references and deletes (#15 administration) are read and written in the store itself.
  version(kind: VersionedRecord, id: string): Promise<number | null> {
    return this.raw.version(kind, id);
  }

  versions(kind: Exclude<VersionedRecord, 'settings'>): Promise<Map<string, number>> {
    return this.raw.versions(kind);
  }

  serviceReferences(serviceId: string, sinceAt: number): Promise<ServiceReferences> {
    return this.raw.serviceReferences(serviceId, sinceAt);
  }

  setVersion(kind: VersionedRecord, id: string, version: number): Promise<void> {
    return this.raw.setVersion(kind, id, version);
  }

  deleteArea(id: string): Promise<boolean> {
    return this.raw.deleteArea(id);
  }

  deleteService(id: string): Promise<boolean> {
    return this.raw.deleteService(id);
  }

  deleteCounter(id: string): Promise<boolean> {
    return this.raw.deleteCounter(id);
  }

  deleteDevice(id: string): Promise<boolean> {
    return this.raw.deleteDevice(id);
  }
}

/** The store's own catalog under a unit of work's cached one. */
export function rawCatalog(c: CatalogReader): CatalogReader {
  return c instanceof CachedCatalog ? c.raw : c;
}

function keyed<T extends { id: string }>(list: T[]): Keyed<T> {
  const frozen = deepFreeze(list);
  return { list: frozen, byId: new Map(frozen.map((x) => [x.id, x])) };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
