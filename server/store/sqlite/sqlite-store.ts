import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers';
import type { Statement } from 'better-sqlite3';
import type { QueueStore, SharedTx, SiteReader, SiteTx } from '../store.js';
import { SqliteAppointments } from './appointments.js';
import { CatalogRevisions, SqliteCatalog } from './catalog.js';
import { openDatabase, type SqliteDb } from './database.js';
import { SqliteEvents } from './events.js';
import { SqliteFeedback } from './feedback.js';
import { SqliteStats } from './stats.js';
import { SqliteShared, SqliteStaff } from './people.js';
import { SqlitePrivacy } from './privacy.js';
import { Statements } from './statements.js';
import { classifySqliteError } from './storage-errors.js';
import { SqliteTickets } from './tickets.js';

/** How a group of units of work is bounded; both have defaults that suit the server. */
export interface GroupCommitOptions {
  /** A group commits after this many units, even while more are ready (default 200). */
  maxUnits?: number;
  /** A group commits once it has been open this long, even while more units are ready (default 10 ms). */
  maxMs?: number;
}

interface Unit {
  /** 'read' units begin a DEFERRED transaction; others IMMEDIATE. A read joins a write group, not the other way. */
  mode: 'read' | 'write';
  /** Gives the unit its turn (null), or the error that keeps it from running (the BEGIN failed). */
  start: (refused: Error | null) => void;
  /** Settles the unit's promise (its callback has ended; maybe its group has committed). */
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** A unit whose answer waits for its group's COMMIT. */
interface Held {
  unit: Unit;
  ok: boolean;
  value: unknown;
}

interface Group {
  mode: 'IMMEDIATE' | 'DEFERRED';
  startedAt: number;
  units: number;
  /** Some unit of the group changed a row: later units saw uncommitted data, and every answer waits for the COMMIT. */
  dirty: boolean;
  held: Held[];
  /** CatalogRevisions.mark() at BEGIN: a failed group that wrote the catalog bumps its revisions. */
  catalogMark: number;
}

/**
 * better-sqlite3 behind the asynchronous seam, with group commit. One
 * connection does all the work, and units of work take turns on it (FIFO),
 * so a unit holds the connection while its callback awaits the (immediately
 * answered) calls and SQLite's own isolation holds across the awaits.
 *
 * Units that start while a transaction is open join it as a group: each runs
 * inside a SAVEPOINT (a unit that throws rolls back only itself, ROLLBACK TO)
 * and sees what the earlier units of the group wrote. The group COMMITs once
 * the event loop has turned without a new unit being ready (setImmediate), or
 * when it is full (GroupCommitOptions), so several commands share one fsync.
 * A unit's promise settles only after the COMMIT that holds what it saw and
 * wrote has returned, in the order the units ran; when the COMMIT fails, every
 * such unit rejects with the (classified) error. Only a unit that ran while the group had
 * written nothing and that wrote nothing itself (a read, a refused command)
 * settles at once: it saw committed data only.
 */
export class SqliteStore implements QueueStore {
  readonly db: SqliteDb;
  private readonly sql: Statements;
  private readonly siteUnits = new Map<string, SiteTx>();
  private readonly sharedUnit: SharedTx;
  private readonly maxUnits: number;
  private readonly maxMs: number;
  private readonly queue: Unit[] = [];
  private group: Group | null = null;
  private running = false;
  private pumpQueued = false;
  private commitQueued = false;
  private commitCount = 0;
  /** total_changes() when the running unit began: whether it wrote shows at its end. */
  private unitChanges = 0;
  /** Whether the running unit is inside a SAVEPOINT (every unit but the first of a group). */
  private inSavepoint = false;
  /** CatalogRevisions.mark() when the running unit began. */
  private unitCatalogMark = 0;
  private readonly revisions = new CatalogRevisions();
  private readonly control: { savepoint: Statement; release: Statement; rollbackTo: Statement; changes: Statement };
  /** Set inside a unit of work, so one started inside another fails at once instead of waiting for itself. */
  private readonly inUnit = new AsyncLocalStorage<true>();

  constructor(file: string, options: GroupCommitOptions = {}) {
    try {
      this.db = openDatabase(file);
    } catch (err) {
      throw classifySqliteError(err, file);
    }
    this.maxUnits = options.maxUnits ?? 200;
    this.maxMs = options.maxMs ?? 10;
    this.sql = new Statements(this.db);
    this.sharedUnit = new SqliteShared(this.sql);
    this.control = {
      savepoint: this.db.prepare('SAVEPOINT unit'),
      release: this.db.prepare('RELEASE unit'),
      rollbackTo: this.db.prepare('ROLLBACK TO unit'),
      changes: this.db.prepare('SELECT total_changes()').pluck(),
    };
  }

  /** How many transactions this store has committed (each group is one): what the group commit saves shows here. */
  get commits(): number {
    return this.commitCount;
  }

  transaction<T>(siteId: string, fn: (tx: SiteTx) => Promise<T>): Promise<T> {
    return this.unit('write', () => fn(this.site(siteId)));
  }

  read<T>(siteId: string, fn: (r: SiteReader) => Promise<T>): Promise<T> {
    return this.unit('read', () => fn(this.site(siteId)));
  }

  shared<T>(fn: (tx: SharedTx) => Promise<T>): Promise<T> {
    return this.unit('write', () => fn(this.sharedUnit));
  }

  /** One row rewritten in its own unit of work, synced like every commit. */
  probe(): Promise<void> {
    return this.unit('write', async () => {
      this.sql.run('INSERT INTO storage_probe (id, at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at', Date.now());
    });
  }

  /** Waits for the units before it and their COMMIT, then closes the connection. */
  async close(): Promise<void> {
    await this.unit('read', () => Promise.resolve()).catch(() => undefined);
    await new Promise<void>((resolve) => {
      const closeWhenIdle = () => {
        if (this.running || this.group || this.queue.length > 0) {
          setImmediate(closeWhenIdle);
          return;
        }
        if (this.db.open) this.db.close();
        resolve();
      };
      closeWhenIdle();
    });
  }

  private site(siteId: string): SiteTx {
    let unit = this.siteUnits.get(siteId);
    if (!unit) {
      unit = {
        siteId,
        shared: this.sharedUnit,
        catalog: new SqliteCatalog(this.sql, siteId, this.revisions),
        tickets: new SqliteTickets(this.sql, siteId),
        appointments: new SqliteAppointments(this.sql, siteId),
        staff: new SqliteStaff(this.sql, siteId),
        feedback: new SqliteFeedback(this.sql, siteId),
        events: new SqliteEvents(this.sql, siteId),
        stats: new SqliteStats(this.sql, siteId),
        privacy: new SqlitePrivacy(this.sql, siteId),
      };
      this.siteUnits.set(siteId, unit);
    }
    return unit;
  }

  /**
   * Queues a unit and waits for its turn; the callback then runs in the
   * caller's own continuation (its async context), and the answer waits for
   * the group's COMMIT where it must.
   */
  private async unit<T>(mode: Unit['mode'], run: () => Promise<T>): Promise<T> {
    if (this.inUnit.getStore()) throw new Error('a unit of work was started inside another one; it would wait for itself');
    let unit: Unit | undefined;
    const answer = new Promise<T>((resolve, reject) => {
      const turn = new Promise<Error | null>((start) => {
        unit = { mode, start, resolve: resolve as (value: unknown) => void, reject };
      });
      void turn.then(async (refused) => {
        if (refused) return reject(refused);
        let ok = true;
        let value: unknown;
        try {
          value = await this.inUnit.run(true, run);
        } catch (err) {
          ok = false;
          value = err;
        }
        this.ended(unit as Unit, ok, value);
      });
    });
    this.queue.push(unit as Unit);
    if (!this.running && !this.pumpQueued) {
      this.pumpQueued = true;
      queueMicrotask(() => {
        this.pumpQueued = false;
        this.pump();
      });
    }
    return answer;
  }

  /** Gives the next unit its turn, in the open group or a new one; commits the group when no unit is ready. */
  private pump(): void {
    while (!this.running) {
      const next = this.queue[0];
      if (!next) {
        // A read group ends as soon as its units have: its snapshot must not outlive them, or a read that
        // comes later would see the file as it was before another process's commit (ending it costs no fsync).
        if (this.group?.mode === 'DEFERRED' && !this.group.dirty) this.endGroup();
        else if (this.group) this.commitSoon();
        return;
      }
      if (this.group && (this.full(this.group) || (this.group.mode === 'DEFERRED' && next.mode === 'write'))) this.endGroup();
      this.queue.shift();
      if (!this.group) {
        const refused = this.beginGroup(next.mode);
        if (refused) {
          next.start(refused);
          continue;
        }
      }
      const g = this.group as Group;
      g.units++;
      try {
        this.unitChanges = this.changes();
        this.unitCatalogMark = this.revisions.mark();
        // The group's first unit needs no SAVEPOINT (they cost every write a copy in the sub-journal): ROLLBACK undoes it.
        this.inSavepoint = g.units > 1;
        if (this.inSavepoint) this.control.savepoint.run();
      } catch (err) {
        this.abortGroup(err, next);
        continue;
      }
      this.running = true;
      next.start(null);
    }
  }

  private full(g: Group): boolean {
    return g.units >= this.maxUnits || performance.now() - g.startedAt >= this.maxMs;
  }

  private beginGroup(unitMode: Unit['mode']): Error | null {
    const mode = unitMode === 'read' ? 'DEFERRED' : 'IMMEDIATE';
    try {
      this.db.exec(`BEGIN ${mode}`);
    } catch (err) {
      return asError(classifySqliteError(err, this.db.name));
    }
    this.group = { mode, startedAt: performance.now(), units: 0, dirty: false, held: [], catalogMark: this.revisions.mark() };
    return null;
  }

  /** The unit's callback has ended: keep (RELEASE) or undo (ROLLBACK TO) its writes, then answer now or after the COMMIT. */
  private ended(u: Unit, ok: boolean, value: unknown): void {
    this.running = false;
    const g = this.group as Group;
    if (!this.db.inTransaction) {
      // SQLite rolls a transaction back on its own after some storage failures: the whole group's writes are gone.
      this.abortGroup(ok ? new Error('the transaction ended inside a unit of work') : value, u);
      this.pump();
      return;
    }
    if (!ok && !this.inSavepoint) {
      // The group's first unit failed: nothing else is in the transaction, so it simply ends.
      this.group = null;
      this.rollBack(g);
      u.reject(asError(classifySqliteError(value, this.db.name)));
      this.pump();
      return;
    }
    try {
      if (!ok) {
        this.control.rollbackTo.run();
        this.revisions.rolledBack(this.unitCatalogMark);
      }
      if (this.inSavepoint) this.control.release.run();
      if (ok && this.changes() !== this.unitChanges) g.dirty = true;
    } catch (err) {
      this.abortGroup(err, u);
      this.pump();
      return;
    }
    // A full disk or a read-only file is the storage's failure, not the command's.
    const settled: Held = { unit: u, ok, value: ok ? value : asError(classifySqliteError(value, this.db.name)) };
    if (g.dirty) g.held.push(settled);
    else settle(settled);
    this.pump();
  }

  private changes(): number {
    return Number(this.control.changes.get());
  }

  /** Commits at the end of this turn of the event loop, unless a unit becomes ready before. */
  private commitSoon(): void {
    if (this.commitQueued) return;
    this.commitQueued = true;
    setImmediate(() => {
      this.commitQueued = false;
      if (!this.running && this.queue.length === 0 && this.group) this.endGroup();
      else this.pump();
    });
  }

  private endGroup(): void {
    const g = this.group as Group;
    this.group = null;
    try {
      this.db.exec('COMMIT');
    } catch (err) {
      this.rollBack(g);
      const failure = asError(classifySqliteError(err, this.db.name));
      for (const h of g.held) h.unit.reject(failure);
      return;
    }
    this.commitCount++;
    for (const h of g.held) settle(h);
  }

  /** The group cannot go on: what it wrote is rolled back, and every unit that waited for it and `current` reject. */
  private abortGroup(err: unknown, current: Unit): void {
    const g = this.group as Group;
    this.group = null;
    this.rollBack(g);
    const failure = asError(classifySqliteError(err, this.db.name));
    for (const h of g.held) h.unit.reject(failure);
    current.reject(failure);
  }

  private rollBack(g: Group): void {
    this.revisions.rolledBack(g.catalogMark);
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // A failed disk may refuse the rollback too; SQLite rolls back on its own then.
    }
  }
}

function settle(h: Held): void {
  if (h.ok) h.unit.resolve(h.value);
  else h.unit.reject(h.value);
}

/** Whatever a transaction threw reaches the caller as an Error (better-sqlite3 only throws Errors; user code might not). */
function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error('store transaction failed', { cause: err });
}
