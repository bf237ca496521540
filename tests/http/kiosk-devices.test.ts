import { PROTOCOL_VERSION } from '../../common/protocol.js';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DeviceTokenIssuedSchema, DeviceTokenRevokedSchema, IssuedTicketSchema } from '../../common/dto-schemas.js';
import { TEST_KIOSK_TOKEN } from '../../server/config.js';
import { DEFAULT_KIOSK } from '../../server/domain/settings.js';
import { DEFAULT_KIOSK_ID } from '../../server/seed/demo-data.js';
import { closeAll, connect, ConnectRefused, waitForDisconnect } from '../helpers/socket-clients.js';
import { setKioskRules, startTestServer, type TestServer } from '../helpers/test-server.js';
import { withUserIds } from '../helpers/actors.js';
import { bodyOf, client, expectError, expectStatus, MIN, officeTime, request, SETUP_TIMEOUT_MS, WEDNESDAY, type Client } from './support.js';

/**
 * #13 part 1: kiosks are enrolled devices. Observed on main: one anonymous
 * client drew 80 naturalisation tickets in a minute and closed the service
 * for the day; with `kioskId` it printed on that kiosk. Now an anonymous draw
 * needs a kiosk's device token, prints only on that kiosk, and each kiosk is
 * limited per minute.
 */

let server: TestServer;
let admin: Client;
let staff: Client;
const unpaired = () => client(server, undefined, null);

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  admin = client(server, await server.login('admin'));
  staff = client(server, await server.login('twerner'));
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  closeAll();
  await server?.close();
});

afterEach(() => closeAll());

const draw = (c: Client, serviceId = 'naturalisation') => c.post('/api/tickets', { serviceId, language: 'de' });
const tokenEvents = async () =>
  withUserIds(
    server.app.office,
    await server.app.office.store.read(server.app.office.siteId, async (r) =>
      (await r.events.latest(['device.token_issued', 'device.token_revoked'], 10)).reverse().map((e) => ({ type: e.type, userId: e.userId, data: e.data })),
    ),
  );

describe('anonymous draws need a paired kiosk', () => {
  test('the anonymous flood: 401 DEVICE_REQUIRED without a device token, for tickets and check-ins', async () => {
    for (let i = 0; i < 5; i++) expectError(await draw(unpaired()), 401, 'DEVICE_REQUIRED');
    expectError(await unpaired().post('/api/checkin', { code: 'ABCD2345', language: 'de' }), 401, 'DEVICE_REQUIRED');
    // A wrong token, another scheme, a bearer token: the same.
    for (const authorization of [`Device ${'x'.repeat(43)}`, `Bearer ${TEST_KIOSK_TOKEN}`, TEST_KIOSK_TOKEN, 'Device']) {
      const res = await request(server.url, 'POST', '/api/tickets', { json: { serviceId: 'residence', language: 'de' }, device: null, headers: { authorization } });
      expectError(res, 401, 'DEVICE_REQUIRED');
    }
    const waiting = await server.app.office.view((v) => v.waitingCount());
    expect(waiting).toBe(0);
  });

  test('with a token, the kiosk limit (a setting, default 30 a minute) answers 429 KIOSK_RATE_LIMITED with Retry-After', async () => {
    await setKioskRules(server, { ticketsPerMinute: DEFAULT_KIOSK.ticketsPerMinute });
    try {
      const kiosk = client(server);
      const answers = [];
      for (let i = 0; i < 35; i++) answers.push(await draw(kiosk, 'residence'));
      expect(answers.slice(0, 30).map((r) => r.status)).toEqual(Array(30).fill(201));
      for (const res of answers.slice(30)) expectError(res, 429, 'KIOSK_RATE_LIMITED');
      expect(Number(answers[30]?.headers.get('retry-after'))).toBeGreaterThan(0);
      // Staff are never limited by a kiosk's rule.
      expectStatus(await draw(staff, 'residence'), 201);
      // A minute later the kiosk draws again.
      server.clock.advance(MIN);
      expectStatus(await draw(kiosk, 'residence'), 201);
    } finally {
      await setKioskRules(server, { ticketsPerMinute: 100_000 });
    }
  });

  test("an anonymous draw prints on its own kiosk, whatever the body's kioskId says", async () => {
    const res = await client(server).post('/api/tickets', { serviceId: 'residence', language: 'de', kioskId: 'kiosk-nowhere' });
    expectStatus(res, 201);
    // Before: printed (failed) on the kiosk named in the body. Now: its own kiosk, which has no printer.
    expect(bodyOf(IssuedTicketSchema, res).print).toEqual({ status: 'none' });
    // Staff may still name a kiosk.
    const named = await staff.post('/api/tickets', { serviceId: 'residence', language: 'de', kioskId: 'kiosk-nowhere' });
    expect(bodyOf(IssuedTicketSchema, named).print).toMatchObject({ status: 'failed' });
  });

  test("kiosks draw only their share of a daily contingent (a setting per service); staff issue the rest", async () => {
    await setKioskRules(server, { anonymousShare: { naturalisation: 0.05 } }); // 80 a day → 4 for kiosks
    try {
      const before = await server.app.office.view((v) => v.serviceState('naturalisation')?.waitingCount ?? 0);
      const kiosk = client(server);
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await draw(kiosk)).status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(Math.max(0, 4 - before));
      expectError(await draw(kiosk), 409, 'DAILY_LIMIT_REACHED');
      expectStatus(await draw(staff), 201);
    } finally {
      await setKioskRules(server, { anonymousShare: {} });
    }
  });
});

describe('admins enrol kiosks', () => {
  const path = `/api/admin/devices/${DEFAULT_KIOSK_ID}/token`;

  test('401 anonymous, 403 staff, 404 unknown kiosk (for admins)', async () => {
    expectError(await unpaired().post(path), 401, 'UNAUTHENTICATED');
    expectError(await client(server).post(path), 401, 'UNAUTHENTICATED');
    expectError(await staff.post(path), 403, 'FORBIDDEN');
    expectError(await staff.del(path), 403, 'FORBIDDEN');
    expectError(await admin.post('/api/admin/devices/anzeige-eg/token'), 404, 'NOT_FOUND');
    expectError(await admin.post('/api/admin/devices/no-such-kiosk/token'), 404, 'NOT_FOUND');
  });

  test('rotate: the new token is shown once with its pairing link, the old one stops at once, its sockets too; revoke refuses the kiosk', async () => {
    const oldSocket = await connect(server.url, '/kiosk');
    const res = await admin.post(path);
    expectStatus(res, 201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const issued = bodyOf(DeviceTokenIssuedSchema, res);
    expect(issued.kioskId).toBe(DEFAULT_KIOSK_ID);
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued.pairingUrl).toBe(`http://localhost:3000/kiosk/?pair=${issued.token}`);
    await waitForDisconnect(oldSocket);

    expectError(await draw(client(server)), 401, 'DEVICE_REQUIRED');
    await expect(connect(server.url, '/kiosk')).rejects.toMatchObject({ message: 'DEVICE_REQUIRED' });
    const paired = client(server, undefined, issued.token);
    expectStatus(await draw(paired, 'residence'), 201);
    expect(bodyOf(DeviceTokenIssuedSchema, { ...res }).token).toBe(issued.token);
    const me = await paired.get('/api/kiosks/me');
    expect(me.body).toEqual({ id: DEFAULT_KIOSK_ID, name: 'Kiosk Eingang', area: 'eg' });

    const socket = await connect(server.url, '/kiosk', { auth: { protocol: PROTOCOL_VERSION, device: issued.token } });
    const revoked = await admin.del(path);
    expectStatus(revoked, 200);
    expect(bodyOf(DeviceTokenRevokedSchema, revoked)).toEqual({ kioskId: DEFAULT_KIOSK_ID, revoked: true });
    await waitForDisconnect(socket);
    expectError(await draw(paired, 'residence'), 401, 'DEVICE_REQUIRED');
    expectError(await paired.get('/api/kiosks/me'), 401, 'DEVICE_REQUIRED');
    const refused = await connect(server.url, '/kiosk', { auth: { protocol: PROTOCOL_VERSION, device: issued.token } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConnectRefused);
    expect(bodyOf(DeviceTokenRevokedSchema, await admin.del(path))).toEqual({ kioskId: DEFAULT_KIOSK_ID, revoked: false });

    const adminId = (await server.app.office.store.shared((p) => p.userByUsername('admin')))?.id;
    expect(await tokenEvents()).toEqual([
      { type: 'device.token_issued', userId: adminId, data: { kioskId: DEFAULT_KIOSK_ID, replaced: true } },
      { type: 'device.token_revoked', userId: adminId, data: { kioskId: DEFAULT_KIOSK_ID, hadToken: true } },
      { type: 'device.token_revoked', userId: adminId, data: { kioskId: DEFAULT_KIOSK_ID, hadToken: false } },
    ]);
    // The token itself is never logged, nor stored in clear.
    const device = await server.app.office.store.read(server.app.office.siteId, (r) => r.catalog.device(DEFAULT_KIOSK_ID));
    expect(JSON.stringify(device)).not.toContain(issued.token);
    expect(JSON.stringify(await tokenEvents())).not.toContain(issued.token);
  });
});
