import { upgradeEvent } from '../../domain/event-upgrade.js';
import type { DomainEvent, EventType, LoggedEvent, LoggedEventOf } from '../../domain/events.js';
import type { EventWriter } from '../store.js';
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
