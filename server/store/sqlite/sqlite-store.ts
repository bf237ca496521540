import { AsyncLocalStorage } from 'node:async_hooks';
import type { Ticket } from '../../../common/model.js';
import type { QueueStore, SharedTx, SiteReader, SiteTx } from '../store.js';
import { SqliteAppointments } from './appointments.js';
import { SqliteCatalog } from './catalog.js';
import { openDatabase, type SqliteDb } from './database.js';
import { SqliteEvents } from './events.js';
import { SqliteFeedback } from './feedback.js';
import { OpenTicketCache } from './open-tickets.js';
import { SqliteShared, SqliteStaff } from './people.js';
import * as rows from './rows.js';
import { Statements } from './statements.js';
import { classifySqliteError } from './storage-errors.js';
import { SqliteTickets } from './tickets.js';

/**
 * better-sqlite3 behind the asynchronous seam. One connection does all the
 * work, and units of work take turns: a unit holds the connection from BEGIN
 * to COMMIT while its callback awaits the (immediately answered) calls, so no
 * other unit ever sees its uncommitted writes. The turns cost a microtask, not
 * throughput: SQLite runs on this thread either way.
 */
export class SqliteStore implements QueueStore {
  readonly db: SqliteDb;
  private readonly sql: Statements;
  private readonly openTickets: OpenTicketCache;
  private readonly siteUnits = new Map<string, SiteTx>();
  private readonly sharedUnit: SharedTx;
  private busy = false;
  private readonly waiting: Array<() => void> = [];
  /** Set inside a unit of work, so one started inside another fails at once instead of waiting for itself. */
  private readonly inUnit = new AsyncLocalStorage<true>();

  constructor(file: string) {
    try {
      this.db = openDatabase(file);
    } catch (err) {
      throw classifySqliteError(err, file);
    }
    this.sql = new Statements(this.db);
    this.openTickets = new OpenTicketCache((siteId, date) => this.loadOpenTickets(siteId, date));
    this.sharedUnit = new SqliteShared(this.sql);
  }

  transaction<T>(siteId: string, fn: (tx: SiteTx) => Promise<T>): Promise<T> {
    return this.unit('IMMEDIATE', () => fn(this.site(siteId)));
  }

  read<T>(siteId: string, fn: (r: SiteReader) => Promise<T>): Promise<T> {
    return this.unit('DEFERRED', () => fn(this.site(siteId)));
  }

  shared<T>(fn: (tx: SharedTx) => Promise<T>): Promise<T> {
    return this.unit('IMMEDIATE', () => fn(this.sharedUnit));
  }

  /** One row rewritten in its own write transaction, synced like every commit. */
  probe(): Promise<void> {
    return this.unit('IMMEDIATE', async () => {
      this.sql.run('INSERT INTO storage_probe (id, at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at', Date.now());
    });
  }

  async close(): Promise<void> {
    await this.take();
    try {
      if (this.db.open) this.db.close();
    } finally {
      this.release();
    }
  }

  private site(siteId: string): SiteTx {
    let unit = this.siteUnits.get(siteId);
    if (!unit) {
      unit = {
        siteId,
        catalog: new SqliteCatalog(this.sql, siteId),
        tickets: new SqliteTickets(this.sql, siteId, this.openTickets),
        appointments: new SqliteAppointments(this.sql, siteId),
        staff: new SqliteStaff(this.sql, siteId),
        feedback: new SqliteFeedback(this.sql, siteId),
        events: new SqliteEvents(this.sql, siteId),
      };
      this.siteUnits.set(siteId, unit);
    }
    return unit;
  }

  private loadOpenTickets(siteId: string, businessDate: string): Ticket[] {
    return this.sql
      .all(
        "SELECT * FROM tickets WHERE site_id = ? AND business_date = ? AND status IN ('waiting', 'called', 'serving') ORDER BY queued_at, number",
        siteId,
        businessDate,
      )
      .map(rows.ticketFromRow);
  }

  private async unit<T>(mode: 'IMMEDIATE' | 'DEFERRED', run: () => Promise<T>): Promise<T> {
    if (this.inUnit.getStore()) throw new Error('a unit of work was started inside another one; it would wait for itself');
    await this.take();
    try {
      return await this.inUnit.run(true, async () => {
        try {
          this.db.exec(`BEGIN ${mode}`);
        } catch (err) {
          throw asError(classifySqliteError(err, this.db.name));
        }
        if (mode === 'IMMEDIATE') this.openTickets.begin();
        try {
          const result = await run();
          this.db.exec('COMMIT');
          if (mode === 'IMMEDIATE') this.openTickets.commit();
          return result;
        } catch (err) {
          try {
            if (this.db.inTransaction) this.db.exec('ROLLBACK');
          } catch {
            // A failed disk may refuse the rollback too; SQLite rolls back on its own then.
          }
          if (mode === 'IMMEDIATE') this.openTickets.rollback();
          // A full disk or a read-only file is the storage's failure, not the command's.
          throw asError(classifySqliteError(err, this.db.name));
        }
      });
    } finally {
      this.release();
    }
  }

  private take(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}

/** Whatever a transaction threw reaches the caller as an Error (better-sqlite3 only throws Errors; user code might not). */
function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error('store transaction failed', { cause: err });
}
