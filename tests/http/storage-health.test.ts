import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { HealthSchema } from '../../common/dto-schemas.js';
import { createApp, type App } from '../../server/app.js';
import { testConfig } from '../../server/config.js';
import type { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { closeAll, connect, emitAck } from '../helpers/socket-clients.js';
import { ADMIN_PASSWORD } from '../helpers/test-server.js';
import { bodyOf, client, expectStatus, officeTime, SETUP_TIMEOUT_MS, WEDNESDAY, type Client } from './support.js';

/**
 * Issue #13, part 4: with a database that refused writes, /api/health said ok
 * while every write answered 500. Here the real SQLite store is made to refuse
 * writes (`PRAGMA query_only`, which fails every write with SQLITE_READONLY, as
 * a read-only file does) and to take them again.
 */

let dir: string;
let app: App;
let url: string;
let anon: Client;
let cookie: string;
const db = () => (app.office.store as SqliteStore).db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amtsqueue-storage-'));
  // The probe is started by hand below; its own interval is out of the way.
  const config = testConfig({ dbFile: join(dir, 'office.sqlite'), adminPassword: ADMIN_PASSWORD });
  app = await createApp(config, {
    now: () => officeTime(WEDNESDAY, '09:00'),
    storageProbeMs: 3_600_000,
  });
  await app.fastify.listen({ port: 0, host: '127.0.0.1' });
  const address = app.fastify.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  url = `http://127.0.0.1:${address.port}`;
  // Staff requests carry this page's Origin: allow it, as the test server does for its own address.
  config.allowedOrigins.push(url);
  anon = client({ url });
  const login = await anon.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
  expectStatus(login, 200);
  cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => closeAll());

const health = async () => {
  const res = await anon.get('/api/health');
  return { status: res.status, body: bodyOf(HealthSchema, res) };
};

describe('health and storage failures', () => {
  test('refused commands and other errors never touch health', async () => {
    const staff = client({ url }, cookie);
    expect((await staff.post('/api/counters/schalter-1/call-next', {})).status).toBe(409);
    expect((await anon.post('/api/tickets', { serviceId: 'no-such-service', language: 'de' })).status).toBe(404);
    await expect(app.office.command(() => Promise.reject(new Error('a bug')))).rejects.toThrow('a bug');
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  test('a failing write answers 503 STORAGE_UNAVAILABLE (HTTP and socket), health turns degraded, and the probe brings it back', async () => {
    const socket = await connect(url, '/counter', { cookie });
    expectStatus(await anon.post('/api/tickets', { serviceId: 'residence', language: 'de' }), 201);

    db().pragma('query_only = 1');
    const failed = await anon.post('/api/tickets', { serviceId: 'residence', language: 'de' });
    expect({ status: failed.status, body: failed.body }).toEqual({
      status: 503,
      body: { error: { code: 'STORAGE_UNAVAILABLE', message: expect.any(String) as string } },
    });
    const down = await health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'degraded', reason: 'read_only', since: officeTime(WEDNESDAY, '09:00') });
    expect(down.body.message).toMatch(/cannot be written/);
    expect(down.body.details.printers).toBeInstanceOf(Array);
    // The same for a staff command over the socket.
    expect(await emitAck(socket, 'counter:open', { counterId: 'schalter-2' })).toEqual({
      ok: false,
      error: { code: 'STORAGE_UNAVAILABLE', message: expect.any(String) as string },
    });
    // Reads still work meanwhile.
    expectStatus(await anon.get('/api/services'), 200);

    // Writing works again: the next probe write turns health back to ok, without any request.
    db().pragma('query_only = 0');
    expect((await health()).status).toBe(503);
    app.storage.startProbing(app.office.store, 20);
    await expect.poll(async () => (await health()).status, { timeout: 5_000, interval: 20 }).toBe(200);
    expect((await health()).body).toEqual({ status: 'ok', details: { printers: expect.any(Array) as unknown[] } });
    expectStatus(await anon.post('/api/tickets', { serviceId: 'residence', language: 'de' }), 201);

    // And the probe alone notices when writes fail again, with no request at all.
    db().pragma('query_only = 1');
    await expect.poll(async () => (await health()).status, { timeout: 5_000, interval: 20 }).toBe(503);
    db().pragma('query_only = 0');
    await expect.poll(async () => (await health()).status, { timeout: 5_000, interval: 20 }).toBe(200);
  });
});
