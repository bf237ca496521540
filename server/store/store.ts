import type { FeedbackDayStats } from '../../common/dto.js';
import type { Appointment, Area, Counter, Device, Service, Ticket, User } from '../../common/model.js';
import type { DomainEvent, EventType, LoggedEvent, LoggedEventOf } from '../domain/events.js';
import type { OfficeSettings } from '../domain/settings.js';

/**
 * The persistence seam. It speaks only domain types, so a PostgreSQL adapter
 * can implement it without touching the domain or the adapters: `transaction`
 * is async at the seam, and a networked adapter loads the day's working set
 * under a lock, lets `fn` run synchronously against it, then flushes the
 * writes and the events in one database transaction.
 */
export interface QueueStore {
  /** Runs `fn` in one write transaction: state and appended events commit together or not at all. */
  transaction<T>(fn: (tx: StoreTx) => T): Promise<T>;
  /** A consistent read-only view. */
  read<T>(fn: (r: StoreReader) => T): Promise<T>;
  close(): void;
}

export interface UserRecord extends User {
  passwordHash: string;
  active: boolean;
}

export interface SessionRecord {
  /** Hash of the cookie token; the token itself is never stored. */
  id: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
}

/** A visitor's anonymous answer: what was served where and when, never who. */
export interface FeedbackRecord {
  /** Kept only so a ticket can answer once. */
  ticketId: string;
  serviceId: string;
  counterId: string | null;
  businessDate: string;
  language: string;
  grade: number;
  comment: string | null;
  createdAt: number;
}

export interface StoreReader {
  settings(): OfficeSettings;
  areas(): Area[];
  services(): Service[];
  service(id: string): Service | null;
  counters(): Counter[];
  counter(id: string): Counter | null;
  devices(): Device[];
  device(id: string): Device | null;
  ticket(id: string): Ticket | null;
  /** Waiting, called and serving tickets of one business date. */
  openTickets(businessDate: string): Ticket[];
  waitingTickets(businessDate: string): Ticket[];
  /** Waiting, called and serving tickets of earlier business dates (left open when a day ended). */
  openTicketsBefore(businessDate: string): Ticket[];
  issuedCount(serviceId: string, businessDate: string): number;
  /** Durations (ms) of the most recent finished services, newest first. */
  recentServiceDurations(serviceId: string, limit: number): number[];
  appointment(id: string): Appointment | null;
  appointmentByCode(code: string): Appointment | null;
  user(id: string): UserRecord | null;
  userByUsername(username: string): UserRecord | null;
  users(): UserRecord[];
  session(id: string): SessionRecord | null;
  /**
   * Events with seq > afterSeq, oldest first; given types, only those, typed by
   * them. Rows of older payload versions come in today's types (event-upgrade.ts).
   */
  events(afterSeq: number, limit: number): LoggedEvent[];
  events<K extends EventType>(afterSeq: number, limit: number, types: readonly K[]): LoggedEventOf<K>[];
  /** The newest events of the given types at or after `sinceAt`, newest first. */
  latestEvents<K extends EventType>(types: readonly K[], limit: number, sinceAt?: number): LoggedEventOf<K>[];
  isEmpty(): boolean;
  /** The feedback given for a ticket, if any (one per ticket). */
  feedbackByTicket(ticketId: string): FeedbackRecord | null;
  /** Count and mean grade per business date and service, dates inclusive, oldest first. */
  feedbackStats(fromDate: string, toDate: string): FeedbackDayStats[];
}

export interface StoreTx extends StoreReader {
  putSettings(s: OfficeSettings): void;
  putArea(a: Area): void;
  putService(s: Service): void;
  putCounter(c: Counter): void;
  putUser(u: UserRecord): void;
  putDevice(d: Device): void;
  insertTicket(t: Ticket, seqNo: number): void;
  updateTicket(t: Ticket): void;
  /** Reserves the next number of a prefix for a business date; never hands out the same one twice. */
  nextTicketSeq(prefix: string, businessDate: string): number;
  putAppointment(a: Appointment): void;
  putSession(s: SessionRecord): void;
  deleteSession(id: string): void;
  deleteExpiredSessions(now: number): void;
  appendEvents(events: readonly DomainEvent[]): LoggedEvent[];
  insertFeedback(f: FeedbackRecord): void;
}
