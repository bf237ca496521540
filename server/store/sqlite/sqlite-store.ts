import type { Appointment, Area, Counter, Device, Service, Ticket } from '../../../common/model.js';
import { upgradeEvent } from '../../domain/event-upgrade.js';
import type { DomainEvent, EventType, LoggedEvent, LoggedEventOf } from '../../domain/events.js';
import type { OfficeSettings } from '../../domain/settings.js';
import type { FeedbackDayStats } from '../../../common/dto.js';
import type { FeedbackRecord, QueueStore, SessionRecord, StoreTx, UserRecord } from '../store.js';
import type { Statement } from 'better-sqlite3';
import { openDatabase, type SqliteDb } from './database.js';
import { OpenTicketCache } from './open-tickets.js';
import * as rows from './rows.js';
import type { Row } from './rows.js';


/** better-sqlite3 implementation of the store seam; one connection does all writes. */
export class SqliteStore implements QueueStore {
  readonly db: SqliteDb;
  private readonly tx: SqliteTx;

  private readonly openTickets: OpenTicketCache;

  constructor(file: string) {
    this.db = openDatabase(file);
    this.tx = new SqliteTx(this.db, (date) => this.openTickets.open(date), (t) => this.openTickets.written(t));
    this.openTickets = new OpenTicketCache((date) => this.tx.loadOpenTickets(date));
  }

  transaction<T>(fn: (tx: StoreTx) => T): Promise<T> {
    this.openTickets.begin();
    try {
      const result = this.db.transaction(() => fn(this.tx)).immediate();
      this.openTickets.commit();
      return Promise.resolve(result);
    } catch (err) {
      this.openTickets.rollback();
      return Promise.reject(asError(err));
    }
  }

  read<T>(fn: (r: StoreTx) => T): Promise<T> {
    try {
      return Promise.resolve(this.db.transaction(() => fn(this.tx)).deferred());
    } catch (err) {
      return Promise.reject(asError(err));
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

class SqliteTx implements StoreTx {
  private readonly statements = new Map<string, Statement<unknown[]>>();

  constructor(
    private readonly db: SqliteDb,
    private readonly cachedOpen: (businessDate: string) => Ticket[],
    private readonly written: (t: Ticket) => void,
  ) {}

  private stmt(sql: string): Statement<unknown[]> {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare<unknown[]>(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.stmt(sql).all(...params) as Row[];
  }

  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.stmt(sql).get(...params) as Row | undefined;
  }

  private upsert(table: string, row: Row, key = 'id'): void {
    const cols = Object.keys(row);
    const sql =
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')}) ` +
      `ON CONFLICT(${key}) DO UPDATE SET ${cols.filter((c) => c !== key).map((c) => `${c} = excluded.${c}`).join(', ')}`;
    this.stmt(sql).run(row);
  }

  settings(): OfficeSettings {
    const r = this.get("SELECT value FROM settings WHERE key = 'office'");
    if (!r) throw new Error('office settings missing: the database was not initialised');
    return JSON.parse(String(r.value)) as OfficeSettings;
  }
  putSettings(s: OfficeSettings): void {
    this.stmt("INSERT INTO settings (key, value) VALUES ('office', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(
      JSON.stringify(s),
    );
  }

  areas(): Area[] {
    return this.all('SELECT * FROM areas ORDER BY id').map((r) => ({ id: String(r.id), name: JSON.parse(String(r.name)) as Area['name'] }));
  }
  putArea(a: Area): void {
    this.upsert('areas', { id: a.id, name: JSON.stringify(a.name) });
  }

  services(): Service[] {
    return this.all('SELECT * FROM services ORDER BY sort_order, id').map(rows.serviceFromRow);
  }
  service(id: string): Service | null {
    const r = this.get('SELECT * FROM services WHERE id = ?', id);
    return r ? rows.serviceFromRow(r) : null;
  }
  putService(s: Service): void {
    this.upsert('services', rows.serviceToRow(s));
  }

  counters(): Counter[] {
    return this.all('SELECT * FROM counters ORDER BY area, name').map(rows.counterFromRow);
  }
  counter(id: string): Counter | null {
    const r = this.get('SELECT * FROM counters WHERE id = ?', id);
    return r ? rows.counterFromRow(r) : null;
  }
  putCounter(c: Counter): void {
    this.upsert('counters', rows.counterToRow(c));
  }

  devices(): Device[] {
    return this.all('SELECT * FROM devices ORDER BY kind, id').map(rows.deviceFromRow);
  }
  device(id: string): Device | null {
    const r = this.get('SELECT * FROM devices WHERE id = ?', id);
    return r ? rows.deviceFromRow(r) : null;
  }
  putDevice(d: Device): void {
    this.upsert('devices', rows.deviceToRow(d));
  }

  ticket(id: string): Ticket | null {
    const r = this.get('SELECT * FROM tickets WHERE id = ?', id);
    return r ? rows.ticketFromRow(r) : null;
  }
  loadOpenTickets(businessDate: string): Ticket[] {
    return this.all(
      "SELECT * FROM tickets WHERE business_date = ? AND status IN ('waiting', 'called', 'serving') ORDER BY queued_at, number",
      businessDate,
    ).map(rows.ticketFromRow);
  }
  openTickets(businessDate: string): Ticket[] {
    return this.cachedOpen(businessDate);
  }
  waitingTickets(businessDate: string): Ticket[] {
    return this.cachedOpen(businessDate).filter((t) => t.status === 'waiting');
  }
  openTicketsBefore(businessDate: string): Ticket[] {
    return this.all(
      "SELECT * FROM tickets WHERE business_date < ? AND status IN ('waiting', 'called', 'serving') ORDER BY business_date, queued_at",
      businessDate,
    ).map(rows.ticketFromRow);
  }
  issuedCount(serviceId: string, businessDate: string): number {
    // Numbers are never reused within a day, so the last one handed out is the count.
    const r = this.get(
      'SELECT last FROM number_sequences WHERE prefix = (SELECT prefix FROM services WHERE id = ?) AND business_date = ?',
      serviceId,
      businessDate,
    );
    return Number(r?.last ?? 0);
  }
  recentServiceDurations(serviceId: string, limit: number): number[] {
    return this.all(
      "SELECT json_extract(data, '$.serviceMs') AS ms FROM events WHERE service_id = ? AND type = 'ticket.finished' ORDER BY seq DESC LIMIT ?",
      serviceId,
      limit,
    ).map((r) => Number(r.ms));
  }
  insertTicket(t: Ticket, seqNo: number): void {
    const row = { ...rows.ticketToRow(t), seq_no: seqNo };
    const cols = Object.keys(row);
    this.stmt(`INSERT INTO tickets (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row);
    this.written(t);
  }
  updateTicket(t: Ticket): void {
    const row = rows.ticketToRow(t);
    const cols = Object.keys(row).filter((c) => c !== 'id' && c !== 'number' && c !== 'business_date');
    const info = this.stmt(`UPDATE tickets SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
    if (info.changes !== 1) throw new Error(`ticket ${t.id} does not exist`);
    this.written(t);
  }
  nextTicketSeq(prefix: string, businessDate: string): number {
    const r = this.get(
      'INSERT INTO number_sequences (prefix, business_date, last) VALUES (?, ?, 1) ' +
        'ON CONFLICT(prefix, business_date) DO UPDATE SET last = last + 1 RETURNING last',
      prefix,
      businessDate,
    );
    return Number(r?.last);
  }

  appointment(id: string): Appointment | null {
    const r = this.get('SELECT * FROM appointments WHERE id = ?', id);
    return r ? rows.appointmentFromRow(r) : null;
  }
  appointmentByCode(code: string): Appointment | null {
    const r = this.get('SELECT * FROM appointments WHERE code = ?', code);
    return r ? rows.appointmentFromRow(r) : null;
  }
  putAppointment(a: Appointment): void {
    this.upsert('appointments', rows.appointmentToRow(a));
  }

  user(id: string): UserRecord | null {
    const r = this.get('SELECT * FROM users WHERE id = ?', id);
    return r ? rows.userFromRow(r) : null;
  }
  userByUsername(username: string): UserRecord | null {
    const r = this.get('SELECT * FROM users WHERE username = ?', username);
    return r ? rows.userFromRow(r) : null;
  }
  users(): UserRecord[] {
    return this.all('SELECT * FROM users ORDER BY username').map(rows.userFromRow);
  }
  putUser(u: UserRecord): void {
    this.upsert('users', rows.userToRow(u));
  }

  session(id: string): SessionRecord | null {
    const r = this.get('SELECT * FROM sessions WHERE id = ?', id);
    return r
      ? { id: String(r.id), userId: String(r.user_id), createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) }
      : null;
  }
  putSession(s: SessionRecord): void {
    this.upsert('sessions', { id: s.id, user_id: s.userId, created_at: s.createdAt, expires_at: s.expiresAt });
  }
  deleteSession(id: string): void {
    this.stmt('DELETE FROM sessions WHERE id = ?').run(id);
  }
  deleteExpiredSessions(now: number): void {
    this.stmt('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  }

  events(afterSeq: number, limit: number): LoggedEvent[];
  events<K extends EventType>(afterSeq: number, limit: number, types: readonly K[]): LoggedEventOf<K>[];
  events<K extends EventType>(afterSeq: number, limit: number, types?: readonly K[]): LoggedEvent[] {
    if (types) {
      return this.all(
        `SELECT * FROM events WHERE seq > ? AND type IN (SELECT value FROM json_each(?)) ORDER BY seq LIMIT ?`,
        afterSeq,
        JSON.stringify(types),
        limit,
      )
        .map(readEvent)
        .filter(ofTypes(types));
    }
    return this.all('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?', afterSeq, limit).map(readEvent);
  }
  latestEvents<K extends EventType>(types: readonly K[], limit: number, sinceAt = 0): LoggedEventOf<K>[] {
    return this.all(
      'SELECT * FROM events WHERE type IN (SELECT value FROM json_each(?)) AND at >= ? ORDER BY seq DESC LIMIT ?',
      JSON.stringify(types),
      sinceAt,
      limit,
    )
      .map(readEvent)
      .filter(ofTypes(types));
  }
  appendEvents(events: readonly DomainEvent[]): LoggedEvent[] {
    const insert = this.stmt(
      'INSERT INTO events (type, v, at, ticket_id, service_id, counter_id, user_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    return events.map((e) => {
      const info = insert.run(e.type, e.v, e.at, e.ticketId, e.serviceId, e.counterId, e.userId, JSON.stringify(e.data));
      return { ...e, seq: Number(info.lastInsertRowid) };
    });
  }
  isEmpty(): boolean {
    return this.get("SELECT 1 AS x FROM settings WHERE key = 'office'") === undefined;
  }

  feedbackByTicket(ticketId: string): FeedbackRecord | null {
    const r = this.get('SELECT * FROM feedback WHERE ticket_id = ?', ticketId);
    return r
      ? {
          ticketId: String(r.ticket_id),
          serviceId: String(r.service_id),
          counterId: r.counter_id === null ? null : String(r.counter_id),
          businessDate: String(r.business_date),
          language: String(r.language),
          grade: Number(r.grade),
          comment: r.comment === null ? null : String(r.comment),
          createdAt: Number(r.created_at),
        }
      : null;
  }
  feedbackStats(fromDate: string, toDate: string): FeedbackDayStats[] {
    return this.all(
      'SELECT business_date, service_id, COUNT(*) AS n, AVG(grade) AS avg FROM feedback ' +
        'WHERE business_date BETWEEN ? AND ? GROUP BY business_date, service_id ORDER BY business_date, service_id',
      fromDate,
      toDate,
    ).map((r) => ({
      date: String(r.business_date),
      serviceId: String(r.service_id),
      count: Number(r.n),
      average: Math.round(Number(r.avg) * 100) / 100,
    }));
  }
  insertFeedback(f: FeedbackRecord): void {
    this.stmt(
      'INSERT INTO feedback (ticket_id, service_id, counter_id, business_date, language, grade, comment, created_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(f.ticketId, f.serviceId, f.counterId, f.businessDate, f.language, f.grade, f.comment, f.createdAt);
  }
}

const readEvent = (r: Row): LoggedEvent => upgradeEvent(rows.storedEventFromRow(r));

/** Narrows rows the SQL already chose by type to their types (a check, not a cast). */
function ofTypes<K extends EventType>(types: readonly K[]): (e: LoggedEvent) => e is LoggedEventOf<K> {
  const wanted: readonly EventType[] = types;
  return (e): e is LoggedEventOf<K> => wanted.includes(e.type);
}

/** Whatever a transaction threw reaches the caller as an Error (better-sqlite3 only throws Errors; user code might not). */
function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error('store transaction failed', { cause: err });
}
