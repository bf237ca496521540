import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { AdminCounterSchema, AdminOfficeSchema, AdminServicesReplySchema } from '../../common/admin-schemas.js';
import type { PublicService } from '../../common/dto.js';
import { checked } from '../helpers/checked.js';
import { closeAll, connect, firstOf, waitFor } from '../helpers/socket-clients.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { officeTime, WEDNESDAY } from '../http/support.js';
import { api } from './support.js';

/**
 * #15: an admin's change reaches every open kiosk, screen and counter without
 * a reload. Real sockets against a real server; each test waits for the push
 * that carries the change (on main there was no route to make one).
 */

let server: TestServer;
let url: string;
let admin: string;
let staff: string;

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  url = server.url;
  admin = await server.login('admin');
  staff = await server.login('twerner');
}, 60_000);

afterAll(async () => {
  closeAll();
  await server?.close();
});

afterEach(() => closeAll());

async function service(id: string) {
  const res = await api(url, 'GET', '/api/admin/services', { cookie: admin });
  const found = checked(AdminServicesReplySchema, res.body).services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

async function patchService(id: string, fields: Record<string, unknown>) {
  const { version } = await service(id);
  const res = await api(url, 'PATCH', `/api/admin/services/${id}`, { cookie: admin, body: { version, ...fields } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const named = (services: PublicService[], id: string, name: string) => services.some((s) => s.id === id && s.names['de'] === name);

describe('changes apply live', () => {
  test('a renamed service reaches open kiosks and screens, and a kiosk that connects afterwards', async () => {
    const kiosk = await connect(url, '/kiosk');
    const screen = await connect(url, '/display');
    await firstOf(kiosk, 'kiosk:snapshot');
    await firstOf(screen, 'display:snapshot');
    const onKiosk = waitFor(kiosk, 'services:status', (e) => named(e.services, 'residence', 'Aufenthalt (neu)'));
    const onScreen = waitFor(screen, 'services:status', (e) => named(e.services, 'residence', 'Aufenthalt (neu)'));
    const { names } = await service('residence');
    await patchService('residence', { names: { ...names, de: 'Aufenthalt (neu)' } });
    await Promise.all([onKiosk, onScreen]);
    // The shared snapshot was dropped: a kiosk connecting now sees the new name at once.
    const late = await connect(url, '/kiosk');
    expect(named((await firstOf(late, 'kiosk:snapshot')).services, 'residence', 'Aufenthalt (neu)')).toBe(true);
  });

  test('new hours close a service on the kiosk; a deactivated one leaves it; a holiday closes all', async () => {
    const kiosk = await connect(url, '/kiosk');
    await firstOf(kiosk, 'kiosk:snapshot');
    const closed = waitFor(kiosk, 'services:status', (e) => e.services.some((s) => s.id === 'information' && !s.open && s.closedReason === 'outside_hours'));
    await patchService('information', { hours: { '3': [{ from: '14:00', to: '18:00' }] } });
    await closed;

    const gone = waitFor(kiosk, 'services:status', (e) => !e.services.some((s) => s.id === 'information'));
    await patchService('information', { active: false });
    await gone;

    const office = checked(AdminOfficeSchema, (await api(url, 'GET', '/api/admin/office', { cookie: admin })).body);
    const holiday = waitFor(kiosk, 'services:status', (e) => e.services.length > 0 && e.services.every((s) => !s.open && s.closedReason === 'holiday'));
    const res = await api(url, 'PATCH', '/api/admin/office', { cookie: admin, body: { version: office.version, holidays: [WEDNESDAY] } });
    expect(res.status).toBe(200);
    await holiday;
    const reopen = waitFor(kiosk, 'services:status', (e) => e.services.some((s) => s.open));
    await api(url, 'PATCH', '/api/admin/office', { cookie: admin, body: { version: office.version + 1, holidays: [] } });
    await reopen;
  });

  test("a changed counter reaches the staff screens: its name and its services", async () => {
    const desk = await connect(url, '/counter', { cookie: staff });
    await firstOf(desk, 'counter:snapshot');
    const list = await api(url, 'GET', '/api/admin/counters', { cookie: admin });
    const before = (list.body as { counters: { id: string; version: number }[] }).counters.find((c) => c.id === 'schalter-3');
    if (!before) throw new Error('no schalter-3');
    const pushed = waitFor(desk, 'queue:changed', (e) =>
      e.counters.some((c) => c.id === 'schalter-3' && c.name === 'Schalter 3a' && c.secondaryServiceIds.includes('asylum')),
    );
    const res = await api(url, 'PATCH', '/api/admin/counters/schalter-3', {
      cookie: admin,
      body: { version: before.version, name: 'Schalter 3a', secondaryServiceIds: ['permit-pickup', 'asylum'] },
    });
    checked(AdminCounterSchema, res.body);
    await pushed;
  });
});
