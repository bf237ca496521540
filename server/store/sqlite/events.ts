import { upgradeEvent } from '../../domain/event-upgrade.js';
import type { DomainEvent, EventType, LoggedEvent, LoggedEventOf } from '../../domain/events.js';
import { SYSTEM_AUDIT_TYPES, type AuditQuery, type AuditRow, type EventWriter } from '../store.js';
import * as rows from './rows.js';
import type { Row } from './rows.js';
import type { Statements } from './statements.js';

/** A site's part of the append-only log (the triggers of migration 1 refuse UPDATE and DELETE). */
export class SqliteEvents implements EventWriter {
  constructor(
    private readonly sql: Statements,
    private readonly siteId: string,
  ) {}

  after(afterSeq: number, limit: number): Promise<LoggedEvent[]>;
  after<K extends EventType>(afterSeq: number, limit: number, types: readonly K[]): Promise<LoggedEventOf<K>[]>;
  async after<K extends EventType>(afterSeq: number, limit: number, types?: readonly K[]): Promise<LoggedEvent[]> {
    if (types) {
      return this.sql
        .all(
          'SELECT * FROM events WHERE site_id = ? AND seq > ? AND type IN (SELECT value FROM json_each(?)) ORDER BY seq LIMIT ?',
          this.siteId,
          afterSeq,
          JSON.stringify(types),
          limit,
        )
        .map(readEvent)
        .filter(ofTypes(types));
    }
    return this.sql.all('SELECT * FROM events WHERE site_id = ? AND seq > ? ORDER BY seq LIMIT ?', this.siteId, afterSeq, limit).map(readEvent);
  }

  async latest<K extends EventType>(types: readonly K[], limit: number, sinceAt = 0): Promise<LoggedEventOf<K>[]> {
    return this.sql
      .all(
        'SELECT * FROM events WHERE site_id = ? AND type IN (SELECT value FROM json_each(?)) AND at >= ? ORDER BY seq DESC LIMIT ?',
        this.siteId,
        JSON.stringify(types),
        sinceAt,
        limit,
      )
      .map(readEvent)
      .filter(ofTypes(types));
  }

  async lastSeq(): Promise<number> {
    return Number(this.sql.get('SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE site_id = ?', this.siteId)?.seq ?? 0);
  }

  async audit(q: AuditQuery): Promise<AuditRow[]> {
    const where = ['e.site_id = ?', '(e.user_id IS NOT NULL OR e.type IN (SELECT value FROM json_each(?)))'];
    const args: unknown[] = [this.siteId, JSON.stringify(SYSTEM_AUDIT_TYPES)];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      args.push(...values);
    };
    if (q.fromAt !== null) add('e.at >= ?', q.fromAt);
    if (q.toAt !== null) add('e.at < ?', q.toAt);
    if (q.actorKeys !== null) add('e.user_id IN (SELECT value FROM json_each(?))', JSON.stringify(q.actorKeys));
    if (q.type !== null) add('e.type = ?', q.type);
    if (q.ticketNumber !== null) add('e.ticket_id IN (SELECT id FROM tickets WHERE site_id = ? AND number = ?)', this.siteId, q.ticketNumber);
    if (q.beforeSeq !== null) add('e.seq < ?', q.beforeSeq);
    return this.sql
      .all(
        `SELECT e.*, t.number AS ticket_number FROM events e LEFT JOIN tickets t ON t.id = e.ticket_id
         WHERE ${where.join(' AND ')} ORDER BY e.seq DESC LIMIT ?`,
        ...args,
        q.limit,
      )
      .map((r) => ({ event: readEvent(r), ticketNumber: typeof r.ticket_number === 'string' ? r.ticket_number : null }));
  }

  async append(events: readonly DomainEvent[]): Promise<LoggedEvent[]> {
    return events.map((e) => {
      const info = this.sql.run(
        'INSERT INTO events (site_id, type, v, at, ticket_id, service_id, counter_id, user_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        this.siteId,
        e.type,
        e.v,
        e.at,
        e.ticketId,
        e.serviceId,
        e.counterId,
        e.userId,
        JSON.stringify(e.data),
      );
      return { ...e, seq: Number(info.lastInsertRowid) };
    });
  }
}

const readEvent = (r: Row): LoggedEvent => upgradeEvent(rows.storedEventFromRow(r));

/** Narrows rows the SQL already chose by type to their types (a check, not a cast). */
function ofTypes<K extends EventType>(types: readonly K[]): (e: LoggedEvent) => e is LoggedEventOf<K> {
  const wanted: readonly EventType[] = types;
  return (e): e is LoggedEventOf<K> => wanted.includes(e.type);
}
