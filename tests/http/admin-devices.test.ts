import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AdminDeviceListSchema, AdminDeviceSchema, PublicDisplaySchema } from '../../common/device-schemas.js';
import { ErrorResponseSchema, PrintOutcomeSchema } from '../../common/dto-schemas.js';
import { TEST_KIOSK_TOKEN } from '../../server/config.js';
import { DEFAULT_KIOSK_ID } from '../../server/seed/demo-data.js';
import { startCapturePrinter, type CapturePrinter } from '../print/capture-printer.js';
import { decodeEscPos } from '../print/escpos-decoder.js';
import type { TestServer } from '../helpers/test-server.js';
import { bodyOf, client, expectError, expectStatus, SETUP_TIMEOUT_MS, startOffice, type Client } from './support.js';

/**
 * #15: kiosks and screens are records an admin keeps: list, create, change
 * with the version read (409 STALE otherwise), delete, print a test ticket.
 * A screen reads its own record at /api/displays/:id. Every write leaves a
 * `config.changed` event with the fields before and after.
 */

let server: TestServer;
let anon: Client;
let staff: Client;
let admin: Client;
let printer: CapturePrinter;

beforeAll(async () => {
  ({ server, anon, staff } = await startOffice('09:00', 'jschulte'));
  admin = client(server, await server.login('admin'));
  printer = await startCapturePrinter('ok');
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await server.close();
  await printer.close();
});

const errorOf = (res: { body: unknown; text: string }) => bodyOf(ErrorResponseSchema, { ...res, status: 400, headers: new Headers() }).error;

async function configEvents(recordId: string) {
  const { office } = server.app;
  const events = await office.store.read(office.siteId, (r) => r.events.after(0, 10_000, ['config.changed']));
  return events.filter((e) => e.data.recordId === recordId);
}

describe('who may', () => {
  test('anonymous 401, staff 403 on every admin device route; the kiosk token opens none of them', async () => {
    const kioskOnly = client(server);
    for (const c of [anon, kioskOnly]) {
      expectError(await c.get('/api/admin/devices'), 401, 'UNAUTHENTICATED');
      expectError(await c.post('/api/admin/devices', { kind: 'display', name: 'X', area: 'eg' }), 401, 'UNAUTHENTICATED');
      expectError(await c.patch('/api/admin/devices/anzeige-eg', { version: 1, name: 'X' }), 401, 'UNAUTHENTICATED');
      expectError(await c.del('/api/admin/devices/anzeige-eg?version=1'), 401, 'UNAUTHENTICATED');
      expectError(await c.post(`/api/admin/devices/${DEFAULT_KIOSK_ID}/test-print`, {}), 401, 'UNAUTHENTICATED');
    }
    expectError(await staff.get('/api/admin/devices'), 403, 'FORBIDDEN');
    expectError(await staff.post('/api/admin/devices', { kind: 'display', name: 'X', area: 'eg' }), 403, 'FORBIDDEN');
    expectError(await staff.patch('/api/admin/devices/anzeige-eg', { version: 1, name: 'X' }), 403, 'FORBIDDEN');
    expectError(await staff.del('/api/admin/devices/anzeige-eg?version=1'), 403, 'FORBIDDEN');
    expectError(await staff.post(`/api/admin/devices/${DEFAULT_KIOSK_ID}/test-print`, {}), 403, 'FORBIDDEN');
  });
});

describe('records', () => {
  test('the list shows the seeded kiosk and screens with their settings and no secret', async () => {
    const res = await admin.get('/api/admin/devices');
    expectStatus(res, 200);
    const { devices } = bodyOf(AdminDeviceListSchema, res);
    const kiosk = devices.find((d) => d.id === DEFAULT_KIOSK_ID);
    expect(kiosk).toMatchObject({ kind: 'kiosk', enrolled: true, display: null, version: 1 });
    expect(kiosk?.kiosk).toEqual({ printer: 'none', paperWidthDots: 576, statusQuery: true, serviceIds: null, languages: null, idleSeconds: 60 });
    expect(devices.find((d) => d.id === 'anzeige-eg')).toMatchObject({ kind: 'display', area: 'eg', kiosk: null, enrolled: false });
    expect(res.text).not.toMatch(/hash|token/i);
  });

  test('a new screen takes defaults for what is left out; /api/displays/:id gives it to the screen', async () => {
    const res = await admin.post('/api/admin/devices', {
      id: 'anzeige-test',
      kind: 'display',
      name: 'Anzeige Test',
      area: 'og1',
      display: { announce: ['ar', 'fa'], tickerTexts: [{ lang: 'de', text: 'Bitte Nummer beachten' }], historySize: 5 },
    });
    expectStatus(res, 201);
    expect(bodyOf(AdminDeviceSchema, res)).toMatchObject({ id: 'anzeige-test', version: 1 });
    const screen = await anon.get('/api/displays/anzeige-test');
    expectStatus(screen, 200);
    expect(bodyOf(PublicDisplaySchema, screen)).toEqual({
      id: 'anzeige-test',
      name: 'Anzeige Test',
      area: 'og1',
      version: 1,
      config: {
        announce: ['ar', 'fa'],
        tickerTexts: [{ lang: 'de', text: 'Bitte Nummer beachten' }],
        historySize: 5,
        showWaiting: true,
        orientation: 'auto',
      },
    });
    expectError(await anon.get(`/api/displays/${DEFAULT_KIOSK_ID}`), 404, 'DEVICE_NOT_FOUND');
    const [created] = await configEvents('anzeige-test');
    expect(created?.data).toMatchObject({ record: 'device', action: 'created', version: 1 });
    expect(created?.data.changes['display.historySize']).toEqual({ before: null, after: 5 });
    expect(created?.userId).toBeTruthy();
  });

  test('bad input is a 400 that names the field; a reference to nothing a 404 that names it', async () => {
    const cases: [unknown, string, number, string][] = [
      [{ kind: 'kiosk', name: 'K', area: 'eg', kiosk: { printer: 'lpt1' } }, 'kiosk.printer', 400, 'INVALID_INPUT'],
      [{ kind: 'kiosk', name: 'K', area: 'mars' }, 'area', 404, 'AREA_NOT_FOUND'],
      [{ kind: 'kiosk', name: 'K', area: 'eg', kiosk: { serviceIds: ['nope'] } }, 'kiosk.serviceIds', 404, 'SERVICE_NOT_FOUND'],
      [{ kind: 'display', name: 'S', area: null }, 'area', 400, 'INVALID_INPUT'],
      [{ kind: 'display', name: 'S', area: 'eg', display: { historySize: 99 } }, 'display.historySize', 400, 'INVALID_INPUT'],
      [{ kind: 'display', area: 'eg' }, 'name', 400, 'INVALID_INPUT'],
    ];
    for (const [body, field, status, code] of cases) {
      const res = await admin.post('/api/admin/devices', body);
      expectError(res, status, code);
      expect(errorOf(res).field, res.text).toBe(field);
    }
    expectError(await admin.post('/api/admin/devices', { id: 'anzeige-eg', kind: 'display', name: 'S', area: 'eg' }), 400, 'INVALID_INPUT');
  });

  test('a change names the version it read: the next write with the same version is STALE, nothing lost', async () => {
    const first = await admin.patch('/api/admin/devices/anzeige-og1', { version: 1, display: { orientation: 'portrait', showWaiting: false } });
    expectStatus(first, 200);
    expect(bodyOf(AdminDeviceSchema, first)).toMatchObject({ version: 2, display: { orientation: 'portrait', showWaiting: false } });
    const second = await admin.patch('/api/admin/devices/anzeige-og1', { version: 1, name: 'Überschrieben' });
    expectError(second, 409, 'STALE');
    const screen = bodyOf(PublicDisplaySchema, await anon.get('/api/displays/anzeige-og1'));
    expect(screen).toMatchObject({ name: 'Anzeige 1. OG', version: 2, config: { orientation: 'portrait', showWaiting: false } });
    const events = await configEvents('anzeige-og1');
    expect(events.map((e) => e.data.changes)).toEqual([
      { 'display.orientation': { before: 'auto', after: 'portrait' }, 'display.showWaiting': { before: true, after: false } },
    ]);
    expectError(await admin.patch('/api/admin/devices/nowhere', { version: 1, name: 'X' }), 404, 'DEVICE_NOT_FOUND');
  });

  test("a kiosk's printer settings change without touching its enrolment", async () => {
    const res = await admin.patch(`/api/admin/devices/${DEFAULT_KIOSK_ID}`, {
      version: 1,
      kiosk: { printer: printer.address, paperWidthDots: 384, languages: ['de', 'ar'], idleSeconds: 90 },
    });
    expectStatus(res, 200);
    expect(bodyOf(AdminDeviceSchema, res)).toMatchObject({ enrolled: true, version: 2, kiosk: { printer: printer.address, paperWidthDots: 384 } });
    // The kiosk still draws with its token.
    expectStatus(await client(server, undefined, TEST_KIOSK_TOKEN).get('/api/kiosks/me'), 200);
  });

  test('print test: a sample ticket reaches the printer as ESC/POS', async () => {
    const res = await admin.post(`/api/admin/devices/${DEFAULT_KIOSK_ID}/test-print`, {});
    expectStatus(res, 200);
    expect(bodyOf(PrintOutcomeSchema, res)).toEqual({ status: 'printed' });
    const jobs = await printer.waitForJobs(1);
    expect(jobs).toHaveLength(1);
    const job = decodeEscPos(jobs[0] ?? Buffer.alloc(0));
    expect(job.cuts).toBe(1);
    expect(job.images.length).toBeGreaterThan(0);
    expect(job.images.every((i) => i.width <= 384)).toBe(true);
    expectError(await admin.post('/api/admin/devices/anzeige-eg/test-print', {}), 404, 'DEVICE_NOT_FOUND');
  });

  test("deleting needs the current version; a deleted kiosk's token stops working at once", async () => {
    expectError(await admin.del(`/api/admin/devices/${DEFAULT_KIOSK_ID}?version=1`), 409, 'STALE');
    expectStatus(await admin.del(`/api/admin/devices/${DEFAULT_KIOSK_ID}?version=2`), 204);
    expectError(await client(server, undefined, TEST_KIOSK_TOKEN).get('/api/kiosks/me'), 401, 'DEVICE_REQUIRED');
    expectError(await admin.del(`/api/admin/devices/${DEFAULT_KIOSK_ID}?version=2`), 404, 'DEVICE_NOT_FOUND');
    const events = await configEvents(DEFAULT_KIOSK_ID);
    expect(events.at(-1)?.data).toMatchObject({ action: 'deleted', version: 0 });
  });
});
