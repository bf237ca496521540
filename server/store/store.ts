import type { FeedbackDayStats } from '../../common/dto.js';
import type { Appointment, Area, Counter, Device, Service, Ticket, User } from '../../common/model.js';
import type { DomainEvent, EventType, LoggedEvent, LoggedEventOf } from '../domain/events.js';
import type { OfficeSettings } from '../domain/settings.js';
import type { AuditQuery, AuditRow } from './store-audit.js';
import type { PrivacyReader, PrivacyWriter } from './store-privacy.js';
import type { StatsReader, StatsWriter } from './store-stats.js';

// The interfaces of two aggregates live beside this file; they are part of the same seam.
export { SYSTEM_AUDIT_TYPES, type AuditQuery, type AuditRow } from './store-audit.js';
export type { ActorKeyRecord, PrivacyReader, PrivacyWriter } from './store-privacy.js';
export type { StatsReader, StatsWriter } from './store-stats.js';

/** The site every route without a site means, and where a migration puts a one-office database. */
export const DEFAULT_SITE_ID = 'main';

/**
 * The persistence seam. Every call is asynchronous, so a networked database
 * can sit behind it, and it is split by aggregate. A unit of work is scoped to
 * one site: everything `tx` reads and writes is that site's. State and events
 * written in one `transaction` commit together or not at all; nothing a
 * transaction wrote is visible to another unit of work before its commit.
 * (An adapter may run units that start meanwhile inside the same commit, a
 * group commit, if each of them is answered only after that commit returned
 * and fails with it.)
 *
 * A unit of work must not wait on anything but the store (no network, no
 * password hashing): it may hold the database's write lock meanwhile.
 *
 * Promises an adapter keeps beyond the types (tests/store/contract/ checks them):
 * - Transactions of one site behave as if run one after another: call-next,
 *   daily limits and the place shown on a ticket rely on it (a networked
 *   adapter takes a per-site lock, or runs SERIALIZABLE and retries).
 * - Event seq numbers follow commit order, so a reader that follows the log by
 *   seq misses nothing.
 * - Lists come in the order screens show them: services by sortOrder then id,
 *   counters by area then name, areas and sites by id, users by username.
 */
export interface QueueStore {
  /** One site's write transaction. */
  transaction<T>(siteId: string, fn: (tx: SiteTx) => Promise<T>): Promise<T>;
  /** A consistent read of one site. */
  read<T>(siteId: string, fn: (r: SiteReader) => Promise<T>): Promise<T>;
  /** What all sites share: the sites themselves, users and sessions. */
  shared<T>(fn: (tx: SharedTx) => Promise<T>): Promise<T>;
  /**
   * A tiny real write (its own unit of work, no site data): resolves once the
   * storage takes writes, rejects with a StorageError while it does not.
   */
  probe(): Promise<void>;
  close(): Promise<void>;
}

/** Why the storage refused: the same few reasons whatever the database behind the seam. */
export type StorageFailure = 'read_only' | 'disk_full' | 'io_error' | 'cannot_open' | 'corrupt' | 'busy';

/**
 * The storage itself failed (read-only file, full disk, I/O error, …), as
 * opposed to a refused command or a bug. Adapters classify their own errors
 * into this one type, so nothing above the seam sees a database's error codes.
 * Whatever a unit of work threw because of the storage reaches its caller as this.
 */
export class StorageError extends Error {
  constructor(
    readonly reason: StorageFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** An office location. Its settings hold its name and time zone. */
export interface SiteRecord {
  id: string;
  settings: OfficeSettings;
}

export interface UserRecord extends User {
  passwordHash: string;
  active: boolean;
  /** Holds a one-time password given by an admin or supervisor: only the auth routes answer until it is changed (#15). */
  mustChangePassword: boolean;
  /** 1 on create, +1 on every write by the admin API (#15): a PATCH with another version is STALE. */
  version: number;
  /** The sites this user works at. */
  siteIds: string[];
}

export interface SessionRecord {
  /** Hash of the cookie token; the token itself is never stored. */
  id: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * A visitor's anonymous answer: what was served where and when, never who, and
 * no link to the ticket (which only remembers that it has answered).
 */
export interface FeedbackRecord {
  serviceId: string;
  counterId: string | null;
  businessDate: string;
  language: string;
  grade: number;
  comment: string | null;
  createdAt: number;
}

/** The catalog records a read model may keep in memory, each with its own revision. */
export type CatalogKind = 'settings' | 'areas' | 'services' | 'counters';
/** The catalogue records an admin edits, each with a version (#15); `settings` is the site's own. */
export type VersionedRecord = 'settings' | 'area' | 'service' | 'counter' | 'device';

/** What still refers to a service: open tickets (of any day) and booked appointments from an instant on. */
export interface ServiceReferences {
  openTickets: number;
  bookedAppointments: number;
}

export interface CatalogReader {
  /**
   * A number that changes whenever this store instance writes a record of this
   * kind (any site's), or rolls back a unit of work or group that did: what a
   * copy kept in memory was read at tells whether this process changed the
   * records since. Changes by other processes are not counted here; they come
   * with events in the log (`config.changed`, `counter.*`, ticket events), which
   * the site read model follows.
   */
  localRevision(kind: CatalogKind): number;
  /** The site's settings (name, time zone, policy, …). */
  settings(): Promise<OfficeSettings>;
  areas(): Promise<Area[]>;
  services(): Promise<Service[]>;
  service(id: string): Promise<Service | null>;
  counters(): Promise<Counter[]>;
  counter(id: string): Promise<Counter | null>;
  devices(): Promise<Device[]>;
  device(id: string): Promise<Device | null>;
  /**
   * A record's version (#15): 1 when it was created, raised only by `setVersion`
   * (the `put…` writes leave it as it is, so a counter that opens is no admin
   * change). Null when the record does not exist; for `settings` the id is ignored.
   */
  version(kind: VersionedRecord, id: string): Promise<number | null>;
  /** The versions of all the site's records of one kind, by id. */
  versions(kind: Exclude<VersionedRecord, 'settings'>): Promise<Map<string, number>>;
  /** Open tickets of any day and booked appointments starting at or after `sinceAt` that name the service. */
  serviceReferences(serviceId: string, sinceAt: number): Promise<ServiceReferences>;
}

export interface CatalogWriter extends CatalogReader {
  putSettings(s: OfficeSettings): Promise<void>;
  putArea(a: Area): Promise<void>;
  putService(s: Service): Promise<void>;
  putCounter(c: Counter): Promise<void>;
  putDevice(d: Device): Promise<void>;
  /** Sets a record's version (an admin write: the version read plus one). */
  setVersion(kind: VersionedRecord, id: string, version: number): Promise<void>;
  /**
   * Remove a record; false when the site has none with this id. A removed
   * service is gone from every catalogue read (an adapter may keep its row
   * while tickets or appointments refer to it); a service put again with the
   * same id comes back.
   */
  deleteArea(id: string): Promise<boolean>;
  deleteService(id: string): Promise<boolean>;
  deleteCounter(id: string): Promise<boolean>;
  deleteDevice(id: string): Promise<boolean>;
}

export interface TicketReader {
  get(id: string): Promise<Ticket | null>;
  /** By the staff reference (`Ticket.ref`), unique per site. */
  byRef(ref: string): Promise<Ticket | null>;
  /** Waiting, called and serving tickets of one business date, in line order (queued, then number). */
  open(businessDate: string): Promise<Ticket[]>;
  /** Waiting, called and serving tickets of earlier business dates (left open when a day ended). */
  openBefore(businessDate: string): Promise<Ticket[]>;
  /** Tickets issued per service id on a business date (services with none are left out). */
  issuedCounts(businessDate: string): Promise<Record<string, number>>;
  /** Tickets drawn at kiosks (channel `kiosk`) per service id on a business date (services with none are left out). */
  kioskIssuedCounts(businessDate: string): Promise<Record<string, number>>;
  /** Durations (ms) of the most recent finished services, newest first. */
  recentServiceDurations(serviceId: string, limit: number): Promise<number[]>;
  /** Whether the ticket's visitor has answered the feedback question (false for an unknown ticket). */
  answered(id: string): Promise<boolean>;
}

export interface TicketWriter extends TicketReader {
  /** Reserves the next number of a prefix for a business date; never hands out the same one twice. */
  nextNumber(prefix: string, businessDate: string): Promise<number>;
  insert(t: Ticket, seqNo: number): Promise<void>;
  update(t: Ticket): Promise<void>;
  /**
   * Records that the ticket's visitor has answered the feedback question.
   * False when it had already: at most one call per ticket ever returns true,
   * also when two arrive at once.
   */
  markAnswered(id: string): Promise<boolean>;
}

export interface AppointmentReader {
  get(id: string): Promise<Appointment | null>;
  byCode(code: string): Promise<Appointment | null>;
}

export interface AppointmentWriter extends AppointmentReader {
  put(a: Appointment): Promise<void>;
}

/** The site's staff: only users assigned to the site. */
export interface StaffReader {
  user(id: string): Promise<UserRecord | null>;
  users(): Promise<UserRecord[]>;
}

export interface FeedbackReader {
  /** The answers of one office day, by service, then grade: in no order that follows the tickets. */
  day(businessDate: string): Promise<FeedbackRecord[]>;
  /** Count and mean grade per business date and service, dates inclusive, oldest first. */
  stats(fromDate: string, toDate: string): Promise<FeedbackDayStats[]>;
  /** #16: the answers of the office days `fromDate` … `toDate` (inclusive), oldest day first (the statistics summary). */
  range(fromDate: string, toDate: string): Promise<FeedbackRecord[]>;
}

export interface FeedbackWriter extends FeedbackReader {
  insert(f: FeedbackRecord): Promise<void>;
}

export interface EventReader {
  /**
   * Events with seq > afterSeq, oldest first; given types, only those, typed by
   * them. Rows of older payload versions come in today's types (event-upgrade.ts).
   */
  after(afterSeq: number, limit: number): Promise<LoggedEvent[]>;
  after<K extends EventType>(afterSeq: number, limit: number, types: readonly K[]): Promise<LoggedEventOf<K>[]>;
  /** The newest events of the given types at or after `sinceAt`, newest first. */
  latest<K extends EventType>(types: readonly K[], limit: number, sinceAt?: number): Promise<LoggedEventOf<K>[]>;
  /**
   * The seq of the site's newest event as this unit of work sees it (0 when
   * there is none): its own appends and, inside a group commit, those of the
   * units before it included. A read model that remembers the seq it follows
   * sees here whether another writer, or a rolled-back group, moved the log.
   */
  lastSeq(): Promise<number>;
  /** #17: a page of the audit trail (AuditQuery), newest first, each event with its ticket's number. */
  audit(q: AuditQuery): Promise<AuditRow[]>;
}

export interface EventWriter extends EventReader {
  /** Appends in order; the log is append-only and its seq grows with every event of every site. */
  append(events: readonly DomainEvent[]): Promise<LoggedEvent[]>;
}

export interface SiteReader {
  readonly siteId: string;
  readonly catalog: CatalogReader;
  readonly tickets: TicketReader;
  readonly appointments: AppointmentReader;
  readonly staff: StaffReader;
  readonly feedback: FeedbackReader;
  readonly events: EventReader;
  readonly stats: StatsReader;
  /** #17 data protection. */
  readonly privacy: PrivacyReader;
}

export interface SiteTx extends SiteReader {
  /**
   * What all sites share (users, sessions), in this same unit of work: a user change and its
   * `config.changed` event in the acting admin's site log commit together or not at all (#15).
   */
  readonly shared: SharedTx;
  readonly catalog: CatalogWriter;
  readonly tickets: TicketWriter;
  readonly appointments: AppointmentWriter;
  readonly feedback: FeedbackWriter;
  readonly events: EventWriter;
  readonly stats: StatsWriter;
  /** #17 data protection. */
  readonly privacy: PrivacyWriter;
}

export interface SharedTx {
  sites(): Promise<SiteRecord[]>;
  site(id: string): Promise<SiteRecord | null>;
  /** Creates a site or changes its settings. */
  putSite(s: SiteRecord): Promise<void>;
  user(id: string): Promise<UserRecord | null>;
  userByUsername(username: string): Promise<UserRecord | null>;
  users(): Promise<UserRecord[]>;
  putUser(u: UserRecord): Promise<void>;
  session(id: string): Promise<SessionRecord | null>;
  putSession(s: SessionRecord): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of a user but `keepId` (a password change keeps the session that made it); the ids ended. */
  deleteSessionsOf(userId: string, keepId?: string): Promise<string[]>;
  deleteExpiredSessions(now: number): Promise<void>;
  /** #17: sessions expired at `now` (the purge's dry run). */
  expiredSessions(now: number): Promise<number>;
  /** #17: deletes at most `limit` sessions expired at `now`; how many. */
  purgeExpiredSessions(now: number, limit: number): Promise<number>;
}
