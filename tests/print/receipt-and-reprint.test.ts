import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ErrorResponseSchema } from '../../common/dto-schemas.js';
import { checked } from '../helpers/checked.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { startCapturePrinter, type CapturePrinter } from './capture-printer.js';
import { decodeEscPos, rasterQrPayloads, readQr } from './escpos-decoder.js';
import { api, issueAtKiosk, KIOSK, saveArtifact, setKioskSettings, WEDNESDAY_9 } from './support.js';

describe('receipt preview, reprint and printer status for staff', () => {
  let server: TestServer;
  let printer: CapturePrinter;
  let staff: string;

  beforeAll(async () => {
    server = await startTestServer({}, WEDNESDAY_9);
    printer = await startCapturePrinter('ok');
    staff = await server.login('kmansour');
  });
  afterAll(async () => {
    await server.close();
    await printer.close();
  });

  test('GET /api/tickets/:id/receipt.png: the ticket as a PNG for whoever holds the token', async () => {
    const ticket = (await issueAtKiosk(server, 'ar', { kioskId: null })).body;
    const res = await api(server, 'GET', `/api/tickets/${ticket.id}/receipt.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const png = PNG.sync.read(res.bytes);
    expect(png.width).toBe(576);
    expect(png.height).toBeGreaterThan(800);
    expect(readQr(new Uint8ClampedArray(png.data), png.width, png.height)).toBe(ticket.statusUrl);

    const narrow = await api(server, 'GET', `/api/tickets/${ticket.id}/receipt.png?width=384`);
    expect(narrow.status).toBe(200);
    saveArtifact('receipt-ar-384.png', narrow.bytes);
    expect(PNG.sync.read(narrow.bytes).width).toBe(384);
  });

  test('receipt.png: 404 for an unknown token, 400 for a bad width; after the office day only staff', async () => {
    const unknown = await api(server, 'GET', '/api/tickets/AAAAAAAAAAAAAAAAAAAAAA/receipt.png');
    expect(unknown.status).toBe(404);
    expect(checked(ErrorResponseSchema, unknown.body).error.code).toBe('TICKET_NOT_FOUND');
    const ticket = (await issueAtKiosk(server, 'de', { kioskId: null })).body;
    expect((await api(server, 'GET', `/api/tickets/${ticket.id}/receipt.png?width=1000`)).status).toBe(400);

    const saved = server.clock.now;
    try {
      server.clock.now = WEDNESDAY_9 + 24 * 3_600_000;
      const expired = await api(server, 'GET', `/api/tickets/${ticket.id}/receipt.png`);
      expect(expired.status).toBe(404);
      expect(checked(ErrorResponseSchema, expired.body).error.code).toBe('TICKET_EXPIRED');
      // A session from today (yesterday's has run out by now).
      const cookie = await server.login('kmansour');
      expect((await api(server, 'GET', `/api/tickets/${ticket.id}/receipt.png`, { cookie })).status).toBe(200);
    } finally {
      server.clock.now = saved;
      // Logging in tomorrow cleared today's sessions as expired.
      staff = await server.login('kmansour');
    }
  });

  test('reprint: staff only; goes to the kiosk that issued the ticket and is logged', async () => {
    await setKioskSettings(server, { printer: printer.address });
    const ticket = (await issueAtKiosk(server, 'tr')).body;
    expect(ticket.print).toEqual({ status: 'printed' });
    await printer.waitForJobs(1);

    const anonymous = await api(server, 'POST', `/api/tickets/${ticket.id}/reprint`, { json: {} });
    expect(anonymous.status).toBe(401);
    expect(checked(ErrorResponseSchema, anonymous.body).error.code).toBe('UNAUTHENTICATED');

    const res = await api(server, 'POST', `/api/tickets/${ticket.id}/reprint`, { cookie: staff, json: {} });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'printed', kioskId: KIOSK });
    const jobs = await printer.waitForJobs(2);
    const job = decodeEscPos(jobs[1]!);
    expect(job.texts.some((t) => t.text === ticket.number)).toBe(true);
    expect(rasterQrPayloads(job)).toEqual([ticket.statusUrl]);

    const events = await server.app.office.store.read(server.app.office.siteId, (r) => r.events.latest(['ticket.reprinted'], 5));
    expect(events[0]).toMatchObject({ ticketId: ticket.id, data: { kioskId: KIOSK, status: 'printed' } });
    expect(events[0]!.userId).not.toBeNull();
  });

  test('reprint to a named kiosk; unknown kiosk 404, unknown ticket 404, stray fields 400', async () => {
    const ticket = (await issueAtKiosk(server, 'de', { kioskId: null })).body;
    const res = await api(server, 'POST', `/api/tickets/${ticket.id}/reprint`, { cookie: staff, json: { kioskId: KIOSK } });
    expect(res.body).toEqual({ status: 'printed', kioskId: KIOSK });
    expect((await api(server, 'POST', `/api/tickets/${ticket.id}/reprint`, { cookie: staff, json: { kioskId: 'nope' } })).status).toBe(404);
    expect((await api(server, 'POST', '/api/tickets/AAAAAAAAAAAAAAAAAAAAAA/reprint', { cookie: staff, json: {} })).status).toBe(404);
    expect((await api(server, 'POST', `/api/tickets/${ticket.id}/reprint`, { cookie: staff, json: { printer: 'x' } })).status).toBe(400);
  });

  test('GET /api/printers is for staff and names the printer; /api/health shows no addresses', async () => {
    expect((await api(server, 'GET', '/api/printers')).status).toBe(401);
    const res = await api(server, 'GET', '/api/printers', { cookie: staff });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        kioskId: KIOSK,
        kioskName: 'Kiosk Eingang',
        printer: printer.address,
        paperWidthDots: 576,
        via: 'tcp',
        state: 'ok',
        reason: null,
        detail: null,
        warning: null,
        lastSuccessAt: server.clock.now,
        lastFailureAt: null,
        agentConnected: false,
        pending: 0,
      },
    ]);
    const health = await api(server, 'GET', '/api/health');
    expect(health.body).toEqual({
      status: 'ok',
      details: {
        printers: [{ kioskId: KIOSK, via: 'tcp', state: 'ok', reason: null, warning: null, lastSuccessAt: server.clock.now, lastFailureAt: null }],
      },
    });
  });
});
