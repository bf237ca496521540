import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnreadableEventError } from '../../server/domain/event-upgrade.js';
import { event } from '../../server/domain/events.js';
import { MIGRATIONS } from '../../server/store/sqlite/migrations.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { DEFAULT_SITE_ID } from '../../server/store/store.js';
import { T0 } from '../helpers/ticket-factory.js';

/**
 * A database written before events carried a payload version: the schema of
 * migrations 1–2 and rows in the v1 shape, inserted with raw SQL the way the
 * old server wrote them. Opening it with today's store migrates it through
 * payload versions (3) and sites (4, which puts its log into the default
 * site) and must read the old rows typed.
 */
function writeOldDatabase(file: string): void {
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, T0);
  }
  const insert = db.prepare('INSERT INTO events (type, at, ticket_id, service_id, counter_id, user_id, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const created = { number: 'A001', businessDate: '2026-06-10', language: 'uk', priorityClass: 'walk_in', channel: 'kiosk' };
  insert.run('ticket.issued', T0, 't1', 'residence', null, null, JSON.stringify(created));
  insert.run(
    'ticket.checked_in',
    T0 + 1,
    't2',
    'residence',
    null,
    null,
    JSON.stringify({ ...created, number: 'A002', priorityClass: 'appointment', channel: 'checkin', appointmentId: 'apt_1', late: false }),
  );
  insert.run('ticket.called', T0 + 2, 't1', 'residence', 'schalter-3', 'u1', JSON.stringify({ number: 'A001', callCount: 1, waitedMs: 2 }));
  db.close();
}

describe('events written before payload versions', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'amtsqueue-events-'));
    file = join(dir, 'old.sqlite');
    writeOldDatabase(file);
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('read back as today\'s types: version 1 kept, the estimate and place not recorded then are null', async () => {
    store = new SqliteStore(file);
    expect(store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    const read = await store.read(DEFAULT_SITE_ID, async (r) => ({
      created: await r.events.after(0, 10, ['ticket.issued', 'ticket.checked_in']),
      called: await r.events.latest(['ticket.called'], 10),
    }));
    expect(read.created.map((e) => [e.type, e.v, e.data.number, e.data.estimate, e.data.position])).toEqual([
      ['ticket.issued', 1, 'A001', null, null],
      ['ticket.checked_in', 1, 'A002', null, null],
    ]);
    const checkedIn = read.created[1];
    expect(checkedIn?.type === 'ticket.checked_in' && [checkedIn.data.appointmentId, checkedIn.data.late]).toEqual(['apt_1', false]);
    expect(read.called.map((e) => [e.v, e.data.number, e.data.callCount, e.data.waitedMs])).toEqual([[1, 'A001', 1, 2]]);
  });

  it('sit beside rows written today, in one append-only log', async () => {
    store = new SqliteStore(file);
    const data = { number: 'A003', businessDate: '2026-06-10', language: 'de', priorityClass: 'walk_in', channel: 'kiosk', estimate: { low: 12, high: 20 }, position: 2, nextServiceIds: [] as string[] } as const;
    const [logged] = await store.transaction(DEFAULT_SITE_ID, (tx) => tx.events.append([event('ticket.issued', T0 + 3, { ticketId: 't3', data })]));
    expect(logged).toMatchObject({ seq: 4, v: 3 });
    const issued = await store.read(DEFAULT_SITE_ID, (r) => r.events.latest(['ticket.issued'], 10));
    expect(issued.map((e) => [e.seq, e.v, e.data.estimate, e.data.position])).toEqual([
      [4, 3, { low: 12, high: 20 }, 2],
      [1, 1, null, null],
    ]);
    const raw = store.db.prepare('SELECT seq, v, site_id AS siteId FROM events ORDER BY seq').all();
    expect(raw).toEqual([1, 1, 1, 3].map((v, i) => ({ seq: i + 1, v, siteId: DEFAULT_SITE_ID })));
    expect(() => store?.db.prepare('UPDATE events SET v = 2 WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => store?.db.prepare('DELETE FROM events WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('refuses to read a row of a type or version this server does not know', async () => {
    store = new SqliteStore(file);
    store.db.prepare("INSERT INTO events (type, v, at, data) VALUES ('ticket.finished', 9, ?, '{}')").run(T0 + 4);
    await expect(store.read(DEFAULT_SITE_ID, (r) => r.events.after(3, 10))).rejects.toThrow(UnreadableEventError);
    store.db.prepare("INSERT INTO events (type, v, at, data) VALUES ('ticket.teleported', 1, ?, '{}')").run(T0 + 5);
    await expect(store.read(DEFAULT_SITE_ID, (r) => r.events.after(4, 10))).rejects.toThrow(/"ticket.teleported" is unknown/);
  });
});
