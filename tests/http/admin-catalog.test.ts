import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AdminAreaSchema,
  AdminAreasReplySchema,
  AdminCounterSchema,
  AdminCountersReplySchema,
  AdminOfficeSchema,
  AdminServiceSchema,
  AdminServicesReplySchema,
  HolidaysReplySchema,
  IconsReplySchema,
  SERVICE_ICONS,
} from '../../common/admin-schemas.js';
import { ErrorResponseSchema, PublicServiceSchema } from '../../common/dto-schemas.js';
import Type from 'typebox';
import type { LoggedEventOf } from '../../server/domain/events.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { withUserIds } from '../helpers/actors.js';
import {
  bodyOf,
  client,
  counterAction,
  expectError,
  expectStatus,
  issueTicket,
  officeTime,
  request,
  SETUP_TIMEOUT_MS,
  WEDNESDAY,
  type Client,
  type HttpReply,
} from './support.js';

/**
 * #15 (h15-catalog): the admin API for the office's own configuration. On
 * main none of these routes existed (404 for everything below); every record
 * carries a version, a stale write is 409 STALE, conflicts have their codes,
 * bad input names its field, and every change is one `config.changed` event.
 */

let server: TestServer;
let admin: Client;
let staff: Client;
let adminCookie: string;
let staffCookie: string;
let adminId: string;

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  adminCookie = await server.login('admin');
  staffCookie = await server.login('twerner');
  admin = client(server, adminCookie);
  staff = client(server, staffCookie);
  adminId = await server.app.office.store.shared(async (p) => (await p.userByUsername('admin'))?.id ?? '');
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await server?.close();
});

const patch = (cookie: string | undefined, path: string, json: unknown) => request(server.url, 'PATCH', path, { ...(cookie ? { cookie } : {}), json });
const del = (cookie: string | undefined, path: string) => request(server.url, 'DELETE', path, cookie ? { cookie } : {});
const post = (cookie: string | undefined, path: string, json: unknown) => request(server.url, 'POST', path, { ...(cookie ? { cookie } : {}), json });
const get = (cookie: string | undefined, path: string) => request(server.url, 'GET', path, cookie ? { cookie } : {});

/** A 400 INVALID_INPUT that names the field. */
function expectField(res: HttpReply, field: string): void {
  expect(res.status, res.text).toBe(400);
  const { error } = bodyOf(ErrorResponseSchema, res);
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.field, res.text).toBe(field);
}

const configEvents = async () =>
  withUserIds(server.app.office, await server.app.office.store.read(server.app.office.siteId, (r) => r.events.after(0, 100_000, ['config.changed'])));

/** The config.changed events a write appended. */
async function eventsOf(write: () => Promise<HttpReply>): Promise<{ res: HttpReply; events: LoggedEventOf<'config.changed'>[] }> {
  const before = (await configEvents()).length;
  const res = await write();
  return { res, events: (await configEvents()).slice(before) };
}

async function adminServices() {
  return bodyOf(AdminServicesReplySchema, await admin.get('/api/admin/services')).services;
}
async function adminService(id: string) {
  const s = (await adminServices()).find((x) => x.id === id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
}
async function adminCounter(id: string) {
  const c = bodyOf(AdminCountersReplySchema, await admin.get('/api/admin/counters')).counters.find((x) => x.id === id);
  if (!c) throw new Error(`no counter ${id}`);
  return c;
}
const publicServices = async () => bodyOf(Type.Array(PublicServiceSchema), await client(server).get('/api/services'));

const NEW_SERVICE = { prefix: 'Q', names: { de: 'Führerschein', en: 'Driving licence' }, icon: 'id-card', hours: { '3': [{ from: '08:00', to: '16:00' }] } };

describe('who may call the catalogue routes', () => {
  const reads = ['/api/admin/office', '/api/admin/holidays?state=NW&year=2027', '/api/admin/icons', '/api/admin/services', '/api/admin/areas', '/api/admin/counters'];
  const writes: [string, string, unknown][] = [
    ['PATCH', '/api/admin/office', { version: 1, name: 'x' }],
    ['POST', '/api/admin/services', NEW_SERVICE],
    ['PATCH', '/api/admin/services/residence', { version: 1, active: false }],
    ['DELETE', '/api/admin/services/residence?version=1', undefined],
    ['POST', '/api/admin/services/order', { ids: ['residence'] }],
    ['POST', '/api/admin/areas', { name: { de: 'Keller' } }],
    ['PATCH', '/api/admin/areas/eg', { version: 1, name: { de: 'x' } }],
    ['DELETE', '/api/admin/areas/eg?version=1', undefined],
    ['POST', '/api/admin/counters', { name: 'x', area: 'eg' }],
    ['PATCH', '/api/admin/counters/schalter-1', { version: 1, name: 'x' }],
    ['DELETE', '/api/admin/counters/schalter-1?version=1', undefined],
  ];

  test('anonymous callers get 401, staff 403, for every read and write; admins read', async () => {
    for (const path of reads) {
      expectError(await request(server.url, 'GET', path, { device: null }), 401, 'UNAUTHENTICATED');
      expectError(await get(staffCookie, path), 403, 'FORBIDDEN');
      expectStatus(await get(adminCookie, path), 200);
    }
    const eventsBefore = (await configEvents()).length;
    for (const [method, path, json] of writes) {
      const o = json === undefined ? {} : { json };
      expectError(await request(server.url, method, path, { ...o, device: null }), 401, 'UNAUTHENTICATED');
      expectError(await request(server.url, method, path, { ...o, cookie: staffCookie }), 403, 'FORBIDDEN');
    }
    // Nothing refused changed anything.
    expect((await configEvents()).length).toBe(eventsBefore);
  });

  test('every write route takes an admin (each answers its success status)', async () => {
    const office = bodyOf(AdminOfficeSchema, await get(adminCookie, '/api/admin/office'));
    expectStatus(await patch(adminCookie, '/api/admin/office', { version: office.version, waitTargetMinutes: 20 }), 200);
    const created = bodyOf(AdminServiceSchema, await post(adminCookie, '/api/admin/services', { ...NEW_SERVICE, prefix: 'RA' }));
    expectStatus(await patch(adminCookie, `/api/admin/services/${created.id}`, { version: 1, icon: 'book' }), 200);
    const ids = (await adminServices()).map((s) => s.id);
    expectStatus(await post(adminCookie, '/api/admin/services/order', { ids }), 200);
    expectStatus(await del(adminCookie, `/api/admin/services/${created.id}?version=2`), 204);
    const area = bodyOf(AdminAreaSchema, await post(adminCookie, '/api/admin/areas', { name: { de: 'Keller' } }));
    expect(area.version).toBe(1);
    const counter = bodyOf(AdminCounterSchema, await post(adminCookie, '/api/admin/counters', { name: 'Kellerschalter', area: area.id }));
    expectStatus(await patch(adminCookie, `/api/admin/counters/${counter.id}`, { version: 1, name: 'Schalter K' }), 200);
    expectStatus(await del(adminCookie, `/api/admin/counters/${counter.id}?version=2`), 204);
    expectStatus(await patch(adminCookie, `/api/admin/areas/${area.id}`, { version: 1, name: { de: 'Untergeschoss' } }), 200);
    expectStatus(await del(adminCookie, `/api/admin/areas/${area.id}?version=2`), 204);
  });
});

describe('office settings', () => {
  test('read with a version and the wait target (default 15 for settings from before #15)', async () => {
    const { office } = server.app;
    // Settings stored before #15 have no wait target.
    await office.store.transaction(office.siteId, async (tx) => {
      const { waitTargetMinutes: _gone, ...old } = await tx.catalog.settings();
      await tx.catalog.putSettings(old);
    });
    const read = bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office'));
    expect(read.waitTargetMinutes).toBe(15);
    expect(read.timeZone).toBe('Europe/Berlin');
    expect(read.version).toBeGreaterThanOrEqual(1);
  });

  test('a change raises the version and is one config.changed event with before and after; a stale one is 409 STALE', async () => {
    const read = bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office'));
    const { res, events } = await eventsOf(() =>
      patch(adminCookie, '/api/admin/office', { version: read.version, name: 'Bürgeramt Nord', holidays: ['2026-12-26', '2026-12-25', '2026-12-25'], waitTargetMinutes: 25 }),
    );
    const after = bodyOf(AdminOfficeSchema, res);
    expect(after).toMatchObject({ name: 'Bürgeramt Nord', holidays: ['2026-12-25', '2026-12-26'], waitTargetMinutes: 25, version: read.version + 1 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      userId: adminId,
      data: {
        record: 'office',
        action: 'updated',
        version: read.version + 1,
        changes: {
          name: { before: read.name, after: 'Bürgeramt Nord' },
          holidays: { before: read.holidays, after: ['2026-12-25', '2026-12-26'] },
          waitTargetMinutes: { before: read.waitTargetMinutes, after: 25 },
        },
      },
    });
    // The second admin still holds the old version: refused, nothing written.
    const { res: stale, events: none } = await eventsOf(() => patch(adminCookie, '/api/admin/office', { version: read.version, name: 'Lost update' }));
    expectError(stale, 409, 'STALE');
    expect(none).toEqual([]);
    expect(bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office')).name).toBe('Bürgeramt Nord');
  });

  test('#16: per-counter statistics are off by default (also for settings from before #16); switching them on is logged', async () => {
    const { office } = server.app;
    await office.store.transaction(office.siteId, async (tx) => {
      const { counterStats: _gone, ...old } = await tx.catalog.settings();
      await tx.catalog.putSettings(old);
    });
    const read = bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office'));
    expect(read.counterStatsEnabled).toBe(false);
    const { res, events } = await eventsOf(() => patch(adminCookie, '/api/admin/office', { version: read.version, counterStatsEnabled: true }));
    expect(bodyOf(AdminOfficeSchema, res)).toMatchObject({ counterStatsEnabled: true, version: read.version + 1 });
    expect(events[0]).toMatchObject({ data: { record: 'office', changes: { counterStatsEnabled: { before: false, after: true } } } });
    // Stored under the settings' own name, not the API's.
    expect(await office.store.read(office.siteId, (r) => r.catalog.settings())).toMatchObject({ counterStats: true });
    expect(await office.store.read(office.siteId, (r) => r.catalog.settings())).not.toHaveProperty('counterStatsEnabled');
    expectField(await patch(adminCookie, '/api/admin/office', { version: read.version + 1, counterStatsEnabled: 'yes' }), 'counterStatsEnabled');
    expectStatus(await patch(adminCookie, '/api/admin/office', { version: read.version + 1, counterStatsEnabled: false }), 200);
  });

  test('an unknown time zone and a bad holiday are 400 naming the field', async () => {
    const { version } = bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office'));
    expectField(await patch(adminCookie, '/api/admin/office', { version, timeZone: 'Europe/Atlantis' }), 'timeZone');
    expectField(await patch(adminCookie, '/api/admin/office', { version, holidays: ['2026-02-30'] }), 'holidays.0');
    expectField(await patch(adminCookie, '/api/admin/office', { version, name: '   ' }), 'name');
    const ok = await patch(adminCookie, '/api/admin/office', { version, timeZone: 'Europe/Berlin', policy: { ...(bodyOf(AdminOfficeSchema, await admin.get('/api/admin/office')).policy), maxCalls: 4 } });
    expect(bodyOf(AdminOfficeSchema, ok).policy.maxCalls).toBe(4);
  });

  test('public holidays of a state are computed for any year', async () => {
    const nw = bodyOf(HolidaysReplySchema, await admin.get('/api/admin/holidays?state=NW&year=2027'));
    expect(nw.holidays.map((h) => h.date)).toEqual([
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-17', '2027-05-27', '2027-10-03', '2027-11-01', '2027-12-25', '2027-12-26',
    ]);
    expect(nw.holidays.find((h) => h.date === '2027-03-29')?.name).toBe('Ostermontag');
    expectStatus(await admin.get('/api/admin/holidays?state=XX&year=2027'), 400);
    expectStatus(await admin.get('/api/admin/holidays?state=NW'), 400);
  });

  test('the icons are the shipped pictograms', async () => {
    expect(bodyOf(IconsReplySchema, await admin.get('/api/admin/icons')).icons).toEqual([...SERVICE_ICONS]);
  });
});

describe('services', () => {
  test('create: version 1, last on the kiosk, missing languages listed; public lists show it; one created event', async () => {
    const { res, events } = await eventsOf(() => admin.post('/api/admin/services', NEW_SERVICE));
    expectStatus(res, 201);
    const s = bodyOf(AdminServiceSchema, res);
    expect(s).toMatchObject({ prefix: 'Q', names: NEW_SERVICE.names, version: 1, active: true, dailyLimit: null, priorityEnabled: false });
    expect(s.missingLanguages).toContain('tr');
    expect(s.missingLanguages).not.toContain('de');
    expect(s.missingLanguages).not.toContain('en');
    expect(s.sortOrder).toBe(Math.max(...(await adminServices()).map((x) => x.sortOrder)));
    expect((await publicServices()).map((p) => p.id)).toContain(s.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ serviceId: s.id, userId: adminId, data: { record: 'service', recordId: s.id, action: 'created', version: 1 } });
    expect(events[0]?.data.changes['prefix']).toEqual({ before: null, after: 'Q' });
  });

  test('bad input names its field: German name, prefix, icon, hours that end before they start or overlap', async () => {
    expectField(await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'X', names: { en: 'Only English' } }), 'names.de');
    expectField(await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'X', names: { de: ' ' } }), 'names.de');
    expectField(await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'x1' }), 'prefix');
    expectField(await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'X', icon: 'rocket' }), 'icon');
    expectField(await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'X', hours: { '1': [{ from: '12:00', to: '08:00' }] } }), 'hours.1.0.to');
    expectField(await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'X', hours: { '2': [{ from: '8:00', to: '12:00' }] } }), 'hours.2.0.from');
    expectField(
      await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'X', hours: { '1': [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '15:00' }] } }),
      'hours.1.1.from',
    );
    const residence = await adminService('residence');
    expectField(await patch(adminCookie, '/api/admin/services/residence', { version: residence.version, hours: { '5': [{ from: '09:00', to: '09:00' }] } }), 'hours.5.0.to');
    expect((await adminServices()).some((s) => s.prefix === 'X')).toBe(false);
  });

  test('a prefix another service uses is 409 PREFIX_TAKEN, on create and on change', async () => {
    const residence = await adminService('residence');
    const taken = await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: residence.prefix });
    expectError409(taken, 'PREFIX_TAKEN');
    const info = await adminService('information');
    expectError409(await patch(adminCookie, '/api/admin/services/information', { version: info.version, prefix: residence.prefix }), 'PREFIX_TAKEN');
  });

  test('a rename applies at once (public list) and logs before and after; a stale version is 409 STALE with nothing written', async () => {
    const before = await adminService('information');
    const { res, events } = await eventsOf(() =>
      patch(adminCookie, '/api/admin/services/information', { version: before.version, names: { ...before.names, de: 'Auskunft' } }),
    );
    const after = bodyOf(AdminServiceSchema, res);
    expect(after.version).toBe(before.version + 1);
    expect((await publicServices()).find((s) => s.id === 'information')?.names['de']).toBe('Auskunft');
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toEqual({
      record: 'service',
      recordId: 'information',
      action: 'updated',
      version: before.version + 1,
      changes: { names: { before: before.names, after: { ...before.names, de: 'Auskunft' } } },
    });
    const { res: stale, events: none } = await eventsOf(() =>
      patch(adminCookie, '/api/admin/services/information', { version: before.version, names: { de: 'Verloren' } }),
    );
    expectError409(stale, 'STALE');
    expect(none).toEqual([]);
    expect((await adminService('information')).names['de']).toBe('Auskunft');
    // The same for DELETE.
    expectError409(await del(adminCookie, `/api/admin/services/information?version=${before.version}`), 'STALE');
    expectError(await patch(adminCookie, '/api/admin/services/nowhere', { version: 1, active: false }), 404, 'SERVICE_NOT_FOUND');
    expectError(await del(adminCookie, '/api/admin/services/nowhere?version=1'), 404, 'SERVICE_NOT_FOUND');
    expectField(await del(adminCookie, '/api/admin/services/information'), 'version');
  });

  test('deleting a service with an open ticket or a booked appointment is 409 SERVICE_IN_USE; deactivating is possible', async () => {
    const created = bodyOf(AdminServiceSchema, await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'T' }));
    const ticket = await issueTicket(admin, created.id);
    expectError409(await del(adminCookie, `/api/admin/services/${created.id}?version=1`), 'SERVICE_IN_USE');
    const off = bodyOf(AdminServiceSchema, await patch(adminCookie, `/api/admin/services/${created.id}`, { version: 1, active: false }));
    expect(off).toMatchObject({ active: false, version: 2 });
    expect((await publicServices()).map((s) => s.id)).not.toContain(created.id);
    // Once the ticket is no longer open, the service can go (its row stays for the history, unlisted).
    expectStatus(await client(server).del(`/api/tickets/${ticket.id}`), 200);
    expectStatus(await del(adminCookie, `/api/admin/services/${created.id}?version=2`), 204);
    expect((await adminServices()).map((s) => s.id)).not.toContain(created.id);
    expectError(await del(adminCookie, `/api/admin/services/${created.id}?version=2`), 404, 'SERVICE_NOT_FOUND');

    const booked = bodyOf(AdminServiceSchema, await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'U' }));
    expectStatus(await staff.post('/api/appointments', { serviceId: booked.id, startsAt: new Date(officeTime('2026-06-12', '10:00')).toISOString() }), 201);
    expectError409(await del(adminCookie, `/api/admin/services/${booked.id}?version=1`), 'SERVICE_IN_USE');
  });

  test('a deleted service leaves the counters that offered it, each change logged as the counter\'s', async () => {
    const created = bodyOf(AdminServiceSchema, await admin.post('/api/admin/services', { ...NEW_SERVICE, prefix: 'V' }));
    const desk = await adminCounter('schalter-1');
    const changed = bodyOf(
      AdminCounterSchema,
      await patch(adminCookie, '/api/admin/counters/schalter-1', { version: desk.version, secondaryServiceIds: [...desk.secondaryServiceIds, created.id] }),
    );
    const { res, events } = await eventsOf(() => del(adminCookie, `/api/admin/services/${created.id}?version=1`));
    expectStatus(res, 204);
    expect(events.map((e) => [e.data.record, e.data.recordId, e.data.action])).toEqual([
      ['counter', 'schalter-1', 'updated'],
      ['service', created.id, 'deleted'],
    ]);
    const after = await adminCounter('schalter-1');
    expect(after.secondaryServiceIds).toEqual(desk.secondaryServiceIds);
    expect(after.version).toBe(changed.version + 1);
    expect(events[1]?.data.version).toBe(0);
  });

  test('the kiosk order: every service once, in the order given', async () => {
    const ids = (await adminServices()).map((s) => s.id);
    const reversed = [...ids].reverse();
    const ordered = bodyOf(AdminServicesReplySchema, await admin.post('/api/admin/services/order', { ids: reversed }));
    expect(ordered.services.map((s) => s.id)).toEqual(reversed);
    expect((await adminServices()).map((s) => s.id)).toEqual(reversed);
    expect((await publicServices()).map((s) => s.id)).toEqual(reversed.filter((id) => (ordered.services.find((s) => s.id === id)?.active ?? false)));
    expectField(await admin.post('/api/admin/services/order', { ids: reversed.slice(1) }), 'ids');
    expectField(await admin.post('/api/admin/services/order', { ids: [...reversed.slice(1), 'nowhere'] }), `ids.${reversed.length - 1}`);
  });
});

function expectError409(res: HttpReply, code: string): void {
  expectStatus(res, 409);
  expect(bodyOf(ErrorResponseSchema, res).error.code).toBe(code);
}

describe('areas and counters', () => {
  test('an area with counters is 409 AREA_IN_USE; a German name is required', async () => {
    const eg = bodyOf(AdminAreasReplySchema, await admin.get('/api/admin/areas')).areas.find((a) => a.id === 'eg');
    expect(eg?.version).toBe(1);
    expectError409(await del(adminCookie, '/api/admin/areas/eg?version=1'), 'AREA_IN_USE');
    expectField(await admin.post('/api/admin/areas', { name: { en: 'Basement' } }), 'name.de');
    expectError(await del(adminCookie, '/api/admin/areas/nowhere?version=1'), 404, 'AREA_NOT_FOUND');
  });

  test("a counter's area and services must exist, each service once", async () => {
    expectField(await admin.post('/api/admin/counters', { name: 'Neu', area: 'nowhere' }), 'area');
    expectField(await admin.post('/api/admin/counters', { name: 'Neu', area: 'eg', primaryServiceIds: ['residence', 'nowhere'] }), 'primaryServiceIds.1');
    expectField(await admin.post('/api/admin/counters', { name: 'Neu', area: 'eg', primaryServiceIds: ['residence'], secondaryServiceIds: ['residence'] }), 'secondaryServiceIds.0');
    expectField(await admin.post('/api/admin/counters', { name: ' ', area: 'eg' }), 'name');
  });

  test('an open counter cannot be deleted (409 COUNTER_IN_USE); a closed one can; a change to a closed counter logs only what the admin set', async () => {
    const counter = bodyOf(AdminCounterSchema, await admin.post('/api/admin/counters', { name: 'Schalter 9', area: 'eg', primaryServiceIds: ['residence'] }));
    expect(counter).toMatchObject({ open: false, version: 1 });
    expectStatus(await counterAction(staff, counter.id, 'open'), 200);
    expect((await adminCounter(counter.id)).open).toBe(true);
    // Opening is counter work, not an admin change: the version stays.
    expect((await adminCounter(counter.id)).version).toBe(1);
    expectError409(await del(adminCookie, `/api/admin/counters/${counter.id}?version=1`), 'COUNTER_IN_USE');
    const { res, events } = await eventsOf(() => patch(adminCookie, `/api/admin/counters/${counter.id}`, { version: 1, name: 'Schalter 10' }));
    expect(bodyOf(AdminCounterSchema, res)).toMatchObject({ name: 'Schalter 10', open: true, version: 2 });
    expect(events[0]).toMatchObject({ counterId: counter.id, data: { changes: { name: { before: 'Schalter 9', after: 'Schalter 10' } } } });
    expectStatus(await counterAction(staff, counter.id, 'close'), 200);
    expectError409(await del(adminCookie, `/api/admin/counters/${counter.id}?version=1`), 'STALE');
    expectStatus(await del(adminCookie, `/api/admin/counters/${counter.id}?version=2`), 204);
    expectError(await del(adminCookie, `/api/admin/counters/${counter.id}?version=2`), 404, 'COUNTER_NOT_FOUND');
  });
});
