import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/store/sqlite/migrations.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { closedEvent, DAY, openedEvent, setUpSites, SITE_A, T0, ticketOf } from './contract/fixtures.js';

/**
 * What only the SQLite adapter promises: its pragmas, its migrations, the
 * triggers behind the append-only log and its in-memory open-ticket cache.
 * Everything the seam promises is in the contract (contract/sqlite.test.ts).
 */
describe('SqliteStore', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'amtsqueue-store-'));
    file = join(dir, 'db.sqlite');
    store = new SqliteStore(file);
    await setUpSites(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function reopen(): Promise<void> {
    await store.close();
    store = new SqliteStore(file);
  }

  it('runs in WAL mode with synchronous=FULL', async () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    await reopen();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('keeps the savepoints\' sub-journals of grouped units in memory', () => {
    expect(store.db.pragma('temp_store', { simple: true })).toBe(2);
  });

  describe('group commit', () => {
    it('answers a unit that saw only committed data and wrote nothing without waiting for the COMMIT', async () => {
      const commits = store.commits;
      const open: boolean[] = [];
      const answered = await Promise.allSettled([
        store.transaction(SITE_A.id, (tx) => tx.catalog.settings()).finally(() => open.push(store.db.inTransaction)),
        store.read(SITE_A.id, (r) => r.tickets.open(DAY)).finally(() => open.push(store.db.inTransaction)),
        store.transaction(SITE_A.id, () => Promise.reject(new Error('no'))).finally(() => open.push(store.db.inTransaction)),
      ]);
      expect(answered.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
      // Answered while their group (no writes) is still open: it ends at the end of this turn of the event loop.
      expect(open).toEqual([true, true, true]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(store.db.inTransaction).toBe(false);
      expect(store.commits - commits).toBe(1);
    });

    it('a write answers only after its COMMIT, and a read in its group waits for it too', async () => {
      const t = ticketOf(SITE_A, { number: 'A001' });
      const states: boolean[] = [];
      await Promise.all([
        store.transaction(SITE_A.id, (tx) => tx.tickets.insert(t, 1)).then(() => states.push(store.db.inTransaction)),
        store.read(SITE_A.id, (r) => r.tickets.get(t.id)).then(() => states.push(store.db.inTransaction)),
      ]);
      expect(states).toEqual([false, false]);
    });
  });

  it('applies every migration once, also when the file is opened again', async () => {
    const applied = () => store.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    const expected = MIGRATIONS.map((m) => ({ version: m.version, name: m.name }));
    expect(applied()).toEqual(expected);
    await reopen();
    expect(applied()).toEqual(expected);
    expect(await store.read(SITE_A.id, (r) => r.catalog.settings())).toEqual(SITE_A.settings);
  });

  it('refuses UPDATE and DELETE of logged events through raw SQL', async () => {
    await store.transaction(SITE_A.id, (tx) => tx.events.append([openedEvent(SITE_A, T0), closedEvent(SITE_A, T0 + 1)]));
    const rows = () => store.db.prepare('SELECT * FROM events ORDER BY seq').all();
    const before = rows();
    expect(before).toHaveLength(2);
    expect(() => store.db.prepare("UPDATE events SET type = 'counter.closed' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => store.db.prepare("UPDATE events SET site_id = 'site-b'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM events WHERE seq = 2').run()).toThrow(/append-only/);
    expect(rows()).toEqual(before);
  });

  describe('open tickets', () => {
    // The site read model keeps the queue in memory since #14; the adapter keeps no second copy.
    it('reads a day\'s open tickets from the file: a write that bypasses the store shows at once', async () => {
      const t = ticketOf(SITE_A, { number: 'A001' });
      await store.transaction(SITE_A.id, (tx) => tx.tickets.insert(t, 1));
      const openIds = async () => (await store.read(SITE_A.id, (r) => r.tickets.open(DAY))).map((x) => x.id);
      expect(await openIds()).toEqual([t.id]);
      store.db.prepare("UPDATE tickets SET status = 'done' WHERE id = ?").run(t.id);
      expect(await openIds()).toEqual([]);
    });

    it('after a reopen, loads the day\'s line from the file: committed changes in order, nothing rolled back', async () => {
      const first = ticketOf(SITE_A, { number: 'A001', queuedAt: T0 + 2 });
      const second = ticketOf(SITE_A, { number: 'A002', queuedAt: T0 + 1 });
      const third = ticketOf(SITE_A, { number: 'A003', queuedAt: T0 + 1 });
      const dropped = ticketOf(SITE_A, { number: 'A004', queuedAt: T0 });
      const line = () => store.read(SITE_A.id, (r) => r.tickets.open(DAY));
      expect(await line()).toEqual([]);
      await store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.insert(first, 1);
        await tx.tickets.insert(second, 2);
        await tx.tickets.insert(third, 3);
      });
      const calledFirst = { ...first, status: 'called' as const, counterId: SITE_A.counter.id, calledAt: T0 + 5 };
      await store.transaction(SITE_A.id, async (tx) => {
        await tx.tickets.update(calledFirst);
        await tx.tickets.update({ ...second, status: 'done', finishedAt: T0 + 5 });
      });
      await expect(
        store.transaction(SITE_A.id, async (tx) => {
          await tx.tickets.insert(dropped, 4);
          await tx.tickets.update({ ...third, status: 'cancelled' });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const cached = await line();
      expect(cached).toEqual([third, calledFirst]);

      await reopen();
      expect(await line()).toEqual(cached);
      const servingThird = { ...third, status: 'serving' as const, counterId: SITE_A.counter.id, servingAt: T0 + 9 };
      await store.transaction(SITE_A.id, (tx) => tx.tickets.update(servingThird));
      expect(await line()).toEqual([servingThird, calledFirst]);
    });
  });
});
