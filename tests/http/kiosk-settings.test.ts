import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { KioskSettingsSchema } from '../../common/device-schemas.js';
import { PublicKioskSchema } from '../../common/dto-schemas.js';
import { DEFAULT_KIOSK_ID } from '../../server/seed/demo-data.js';
import { closeAll, connect, waitFor } from '../helpers/socket-clients.js';
import type { TestServer } from '../helpers/test-server.js';
import { bodyOf, client, expectError, expectStatus, SETUP_TIMEOUT_MS, startOffice, type Client } from './support.js';

/**
 * #15: a kiosk follows its device record. It reads its own settings (services
 * and languages offered, idle seconds) with its device token, hears
 * `device:changed` naming its id on its /kiosk socket when an admin changes
 * the record, and draws only the services the record offers: the server
 * refuses any other with 409 SERVICE_NOT_OFFERED.
 */

let server: TestServer;
let kiosk: Client;
let staff: Client;
let admin: Client;
let version = 1;

beforeAll(async () => {
  ({ server, anon: kiosk, staff } = await startOffice('09:00', 'twerner'));
  admin = client(server, await server.login('admin'));
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  closeAll();
  await server.close();
});
afterEach(() => closeAll());

const SETTINGS = '/api/kiosks/me/settings';
const draw = (c: Client, serviceId: string) => c.post('/api/tickets', { serviceId, language: 'de' });
const issuedCount = () => server.app.office.store.read(server.app.office.siteId, async (r) => (await r.events.latest(['ticket.issued'], 1000)).length);

async function patchKiosk(kioskFields: Record<string, unknown>): Promise<void> {
  const res = await admin.patch(`/api/admin/devices/${DEFAULT_KIOSK_ID}`, { version, kiosk: kioskFields });
  expectStatus(res, 200);
  version += 1;
}

describe('GET /api/kiosks/me/settings', () => {
  test("a paired kiosk reads its own settings: by default every service, every language, the record's idle seconds", async () => {
    const res = await kiosk.get(SETTINGS);
    expectStatus(res, 200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(bodyOf(KioskSettingsSchema, res)).toEqual({ id: DEFAULT_KIOSK_ID, serviceIds: null, languages: null, idleSeconds: 60, version: 1 });
  });

  test('401 DEVICE_REQUIRED without a device token, with a wrong one, and for a staff session without one', async () => {
    expectError(await client(server, undefined, null).get(SETTINGS), 401, 'DEVICE_REQUIRED');
    expectError(await client(server, undefined, 'x'.repeat(43)).get(SETTINGS), 401, 'DEVICE_REQUIRED');
    expectError(await client(server, await server.login('jschulte'), null).get(SETTINGS), 401, 'DEVICE_REQUIRED');
  });

  test('is documented in the OpenAPI document with its answer', async () => {
    const doc = (await kiosk.get('/api/docs/json')).body as { paths: Record<string, { get?: { responses?: Record<string, unknown> } }> };
    expect(Object.keys(doc.paths[SETTINGS]?.get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401']));
  });
});

describe("an admin limits the kiosk's record", () => {
  test('the kiosk hears device:changed with its id on /kiosk, then reads the new services (in kiosk order), languages and idle time', async () => {
    const socket = await connect(server.url, '/kiosk');
    const heard = waitFor(socket, 'device:changed', (e) => e.id === DEFAULT_KIOSK_ID);
    await patchKiosk({ serviceIds: ['information', 'residence'], languages: ['de', 'ar', 'tr'], idleSeconds: 30 });
    expect(await heard).toEqual({ id: DEFAULT_KIOSK_ID, version: 2 });
    expect(bodyOf(KioskSettingsSchema, await kiosk.get(SETTINGS))).toEqual({
      id: DEFAULT_KIOSK_ID,
      serviceIds: ['information', 'residence'],
      languages: ['de', 'ar', 'tr'],
      idleSeconds: 30,
      version: 2,
    });
  });

  test('the kiosk draws only what it offers: 409 SERVICE_NOT_OFFERED for another service, nothing issued; staff still issue it', async () => {
    const before = await issuedCount();
    expectError(await draw(kiosk, 'naturalisation'), 409, 'SERVICE_NOT_OFFERED');
    expectError(await draw(kiosk, 'no-such-service'), 409, 'SERVICE_NOT_OFFERED');
    expect(await issuedCount()).toBe(before);
    expectStatus(await draw(kiosk, 'residence'), 201);
    expectStatus(await draw(staff, 'naturalisation'), 201);
    expect(await issuedCount()).toBe(before + 2);
  });

  test('the public kiosk routes keep their shapes', async () => {
    const one = { id: DEFAULT_KIOSK_ID, name: 'Kiosk Eingang', area: 'eg' };
    expect(bodyOf(PublicKioskSchema, await kiosk.get('/api/kiosks/me'))).toEqual(one);
    expect((await kiosk.get('/api/kiosks')).body).toEqual([one]);
    expect((await kiosk.get(`/api/kiosks/${DEFAULT_KIOSK_ID}`)).body).toEqual(one);
  });

  test('back to every service (null): the kiosk draws any of them again', async () => {
    await patchKiosk({ serviceIds: null, languages: null });
    expect(bodyOf(KioskSettingsSchema, await kiosk.get(SETTINGS))).toMatchObject({ serviceIds: null, languages: null, idleSeconds: 30, version: 3 });
    expectStatus(await draw(kiosk, 'naturalisation'), 201);
  });
});
