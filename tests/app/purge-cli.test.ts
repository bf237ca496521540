import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { backupDatabase } from '../../server/backup.js';
import { testConfig } from '../../server/config.js';
import { purgeReport, purgeSites } from '../../server/purge-cli.js';
import type { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/test-server.js';
import { client, counterAction, expectStatus, issueTicket, officeTime, request, WEDNESDAY } from '../http/support.js';

/** #17 `npm run purge [-- --dry-run]` and `npm run backup -- <file>`, through the functions the commands run. */
describe('purge and backup commands', () => {
  let server: TestServer;
  let ticketId: string;
  const db = () => (server.app.office.store as SqliteStore).db;
  const count = (sql: string) => (db().prepare(sql).get() as { n: number }).n;

  beforeAll(async () => {
    server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
    const cookie = await server.login('ayilmaz');
    const staff = client(server, cookie);
    expectStatus(await counterAction(staff, 'schalter-3', 'open'), 200);
    ticketId = (await issueTicket(client(server), 'residence')).id;
    expectStatus(await counterAction(staff, 'schalter-3', 'call-next'), 200);
    expectStatus(await request(server.url, 'PUT', `/api/tickets/${ticketId}/notes`, { json: { notes: 'Rückruf' }, cookie }), 200);
  }, 60_000);
  afterAll(() => server.close());

  it('the dry run prints what would go and changes nothing; the purge then removes it', async () => {
    const nextMorning = officeTime('2026-06-11', '06:00');
    const events = () => count('SELECT count(*) AS n FROM events');
    const logged = events();
    const dry = await purgeSites(server.app.office.store, true, () => nextMorning);
    expect(dry.get('main')?.counts).toMatchObject({ notes: 1, sessions: 1 });
    const printed = purgeReport(dry, true);
    expect(printed).toContain('would remove (dry run, nothing changed)');
    expect(printed).toMatch(/counter notes\s+1 {3}\(tickets of office days before 2026-06-11\)/);
    expect(printed).toMatch(/expired sessions\s+1/);
    expect(count("SELECT count(*) AS n FROM tickets WHERE notes <> ''")).toBe(1);
    expect(count('SELECT count(*) AS n FROM sessions')).toBe(1);
    expect(events()).toBe(logged);

    const done = await purgeSites(server.app.office.store, false, () => nextMorning);
    expect(done.get('main')?.counts).toMatchObject({ notes: 1, sessions: 1 });
    expect(purgeReport(done, false)).toMatch(/site main: removed\n {2}counter notes\s+1/);
    expect(count("SELECT count(*) AS n FROM tickets WHERE notes <> ''")).toBe(0);
    expect(count('SELECT count(*) AS n FROM sessions')).toBe(0);
    expect(events()).toBe(logged + 1);
  });

  it('a backup taken while the server runs restores: a server starts on it with the same tickets and log', async () => {
    const target = join(server.dir, 'backup.sqlite');
    const { pages } = await backupDatabase(db().name, target);
    expect(pages).toBeGreaterThan(0);
    await expect(backupDatabase(db().name, target)).rejects.toThrow(/exists already/);
    const log = db().prepare('SELECT * FROM events ORDER BY seq').all();

    const config = testConfig({ dbFile: target, adminPassword: ADMIN_PASSWORD });
    const restored = await createApp(config, { now: () => server.clock.now });
    try {
      await restored.fastify.listen({ port: 0, host: '127.0.0.1' });
      const address = restored.fastify.server.address();
      if (!address || typeof address === 'string') throw new Error('no address');
      const res = await fetch(`http://127.0.0.1:${address.port}/api/tickets/${ticketId}`);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { status: string }).status).toBe('called');
      expect((restored.office.store as SqliteStore).db.prepare('SELECT * FROM events ORDER BY seq').all()).toEqual(log);
    } finally {
      await restored.close();
    }
  });
});
