import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { event } from '../../server/domain/events.js';
import { defaultOfficeSettings } from '../../server/domain/settings.js';
import { MIGRATIONS } from '../../server/store/sqlite/migrations.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { seedIfEmpty } from '../../server/seed/seed.js';
import { makeTicket, T0 } from '../helpers/ticket-factory.js';

describe('SqliteStore', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'amtsqueue-store-'));
    file = join(dir, 'db.sqlite');
    store = new SqliteStore(file);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs in WAL mode with full durability and applies migrations once', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    store.close();
    store = new SqliteStore(file);
    const versions = store.db.prepare('SELECT version FROM schema_migrations').all();
    expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });

  it('hands out every number once per prefix and day, also after reopening', async () => {
    const first = await store.transaction((tx) => [tx.nextTicketSeq('A', '2026-06-10'), tx.nextTicketSeq('A', '2026-06-10')]);
    expect(first).toEqual([1, 2]);
    expect(await store.transaction((tx) => tx.nextTicketSeq('B', '2026-06-10'))).toBe(1);
    expect(await store.transaction((tx) => tx.nextTicketSeq('A', '2026-06-11'))).toBe(1);
    store.close();
    store = new SqliteStore(file);
    expect(await store.transaction((tx) => tx.nextTicketSeq('A', '2026-06-10'))).toBe(3);
  });

  it('rolls back state and events together when a command fails', async () => {
    await seedIfEmpty(store, { timeZone: 'Europe/Berlin', seed: 'demo', demoHours: 'always', adminPassword: 'x', printer: null });
    const ticket = makeTicket({ serviceId: 'residence' });
    await expect(
      store.transaction((tx) => {
        tx.insertTicket(ticket, 1);
        tx.appendEvents([
          event('ticket.issued', T0, {
            ticketId: ticket.id,
            data: { number: ticket.number, businessDate: ticket.businessDate, language: 'de', priorityClass: 'walk_in', channel: 'kiosk', estimate: null, position: 1 },
          }),
        ]);
        throw new Error('decided against it');
      }),
    ).rejects.toThrow('decided against it');
    const after = await store.read((r) => ({ ticket: r.ticket(ticket.id), events: r.events(0, 100, ['ticket.issued']) }));
    expect(after.ticket).toBeNull();
    expect(after.events).toEqual([]);
  });

  it('round-trips a ticket and refuses a second ticket with the same number on the same day', async () => {
    await seedIfEmpty(store, { timeZone: 'Europe/Berlin', seed: 'demo', demoHours: 'always', adminPassword: 'x', printer: null });
    const ticket = makeTicket({ serviceId: 'residence', number: 'A001', dueAt: T0 + 5, targetCounterId: 'schalter-3' });
    await store.transaction((tx) => tx.insertTicket(ticket, 1));
    expect(await store.read((r) => r.ticket(ticket.id))).toEqual(ticket);
    const twin = makeTicket({ serviceId: 'residence', number: 'A001' });
    await expect(store.transaction((tx) => tx.insertTicket(twin, 1))).rejects.toThrow(/UNIQUE/);
  });

  it('serves the day\'s open tickets from memory without ever showing a rolled-back write', async () => {
    await seedIfEmpty(store, { timeZone: 'Europe/Berlin', seed: 'demo', demoHours: 'always', adminPassword: 'x', printer: null });
    const day = '2026-06-10';
    const first = makeTicket({ serviceId: 'residence', number: 'A001', businessDate: day, queuedAt: T0 + 2 });
    const second = makeTicket({ serviceId: 'residence', number: 'A002', businessDate: day, queuedAt: T0 + 1 });
    expect(await store.read((r) => r.waitingTickets(day))).toEqual([]);
    await store.transaction((tx) => {
      tx.insertTicket(first, 1);
      expect(tx.waitingTickets(day).map((t) => t.id)).toEqual([first.id]);
    });
    await expect(
      store.transaction((tx) => {
        tx.insertTicket(second, 2);
        tx.updateTicket({ ...first, status: 'done' });
        expect(tx.openTickets(day).map((t) => t.id)).toEqual([second.id]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.read((r) => r.openTickets(day).map((t) => [t.id, t.status]))).toEqual([[first.id, 'waiting']]);

    await store.transaction((tx) => {
      tx.insertTicket(second, 2);
      tx.updateTicket({ ...first, status: 'called', counterId: 'schalter-3' });
    });
    expect(await store.read((r) => r.openTickets(day).map((t) => [t.id, t.status]))).toEqual([
      [second.id, 'waiting'],
      [first.id, 'called'],
    ]);
    expect(await store.read((r) => r.waitingTickets(day).map((t) => t.id))).toEqual([second.id]);
    await store.transaction((tx) => tx.updateTicket({ ...first, status: 'done' }));
    store.close();
    store = new SqliteStore(file);
    expect(await store.read((r) => r.openTickets(day).map((t) => t.id))).toEqual([second.id]);
  });

  it('forgets a day first read inside a transaction that rolled back', async () => {
    await seedIfEmpty(store, { timeZone: 'Europe/Berlin', seed: 'demo', demoHours: 'always', adminPassword: 'x', printer: null });
    const ticket = makeTicket({ serviceId: 'residence', number: 'A001', businessDate: '2026-06-11' });
    await expect(
      store.transaction((tx) => {
        tx.insertTicket(ticket, 1);
        expect(tx.waitingTickets('2026-06-11').map((t) => t.id)).toEqual([ticket.id]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.read((r) => r.waitingTickets('2026-06-11'))).toEqual([]);
  });

  it('keeps the event log append-only', async () => {
    await store.transaction((tx) => tx.appendEvents([event('counter.opened', T0, { counterId: 'c1', data: { takenOverFrom: null } })]));
    expect(() => store.db.prepare("UPDATE events SET type = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
  });

  it('numbers events in commit order', async () => {
    const logged = await store.transaction((tx) =>
      tx.appendEvents([
        event('counter.opened', T0, { counterId: 'c1', data: { takenOverFrom: null } }),
        event('counter.closed', T0 + 1, { counterId: 'c1' }),
      ]),
    );
    expect(logged.map((e) => e.seq)).toEqual([1, 2]);
    const read = await store.read((r) => r.events(0, 10));
    expect(read.map((e) => [e.seq, e.type, e.counterId])).toEqual([
      [1, 'counter.opened', 'c1'],
      [2, 'counter.closed', 'c1'],
    ]);
  });

  it('seeds settings once and applies a changed OFFICE_TIMEZONE on the next start', async () => {
    const opts = { timeZone: 'Europe/Berlin', seed: 'none', demoHours: 'always', adminPassword: 'x', printer: null } as const;
    expect((await seedIfEmpty(store, opts)).seeded).toBe(true);
    expect((await seedIfEmpty(store, { ...opts, timeZone: 'Europe/Istanbul' })).seeded).toBe(false);
    expect(await store.read((r) => r.settings())).toEqual({ ...defaultOfficeSettings('Europe/Istanbul'), name: 'Bürgeramt' });
    expect(await store.read((r) => r.services())).toEqual([]);
  });
});
