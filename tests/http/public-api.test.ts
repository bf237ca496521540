import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  IssuedTicketSchema,
  PublicCounterSchema,
  PublicServiceSchema,
  PublicTicketSchema,
  SessionUserSchema,
  StaffTicketSchema,
} from '../../common/dto-schemas.js';
import type { PublicService } from '../../common/dto.js';
import { DEMO_SERVICES } from '../../server/seed/demo-data.js';
import { anyOf, satisfying, stringMatching } from '../helpers/matchers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  bodyOf,
  client,
  counterAction,
  expectError,
  expectErrorShape,
  expectStatus,
  issueTicket,
  MIN,
  officeTime,
  WEDNESDAY,
  type Client,
} from './support.js';

const PUBLIC_URL = 'https://warteschlange.example.org';
const PUBLIC_TICKET_KEYS = [
  'id',
  'number',
  'serviceId',
  'language',
  'status',
  'position',
  'estimate',
  'issuedAt',
  'appointmentAt',
  'calledAt',
  'counterName',
  'transferredFrom',
  'nextServiceIds',
  'statusUrl',
  'expiresAt',
].sort();

const estimateShape = () => satisfying((e) => e === null || isEstimate(e));
function isEstimate(e: unknown): boolean {
  const { low, high } = (e ?? {}) as { low?: unknown; high?: unknown };
  return typeof low === 'number' && typeof high === 'number' && low >= 0 && low <= high;
}

const ServiceList = Type.Array(PublicServiceSchema);
const CounterList = Type.Array(PublicCounterSchema);

/** The service `id` of a list; a missing one fails the test. */
function serviceOf(services: Map<string, PublicService>, id: string): PublicService {
  const service = services.get(id);
  if (!service) throw new Error(`no service ${id}`);
  return service;
}

/** As much of the OpenAPI document as the checks below read. */
const OpenApiDocument = Type.Object({
  openapi: Type.String(),
  paths: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
});

describe('public API on an always-open office', () => {
  let server: TestServer;
  let anon: Client;

  beforeAll(async () => {
    server = await startTestServer({ publicUrl: PUBLIC_URL }, officeTime(WEDNESDAY, '09:00'));
    anon = client(server);
  });
  afterAll(() => server.close());

  const servicesById = async () => {
    const res = await anon.get('/api/services');
    expectStatus(res, 200);
    return new Map(bodyOf(ServiceList, res).map((s) => [s.id, s]));
  };

  test('GET /api/health answers ok', async () => {
    const res = await anon.get('/api/health');
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ status: 'ok' });
  });

  test('GET /api/services lists every active service with names, state, queue length and estimate', async () => {
    const res = await anon.get('/api/services');
    expectStatus(res, 200);
    const services = bodyOf(ServiceList, res);
    expect(services.map((s) => s.id).sort()).toEqual(DEMO_SERVICES.map((s) => s.id).sort());
    for (const s of services) {
      expect(s).toMatchObject({
        id: anyOf(String),
        prefix: stringMatching(/^[A-Z]$/),
        names: { de: anyOf(String), en: anyOf(String) },
        open: true,
        closedReason: null,
        waiting: anyOf(Number),
        estimate: estimateShape(),
      });
    }
  });

  // First residence tickets of the day in this file: numbering starts at A001.
  test('POST /api/tickets issues numbered tickets with an unguessable id and a status URL', async () => {
    const first = await anon.post('/api/tickets', { serviceId: 'residence', language: 'tr' });
    const second = await anon.post('/api/tickets', { serviceId: 'residence', language: 'de' });
    expectStatus(first, 201);
    expectStatus(second, 201);

    const [one, two] = [bodyOf(IssuedTicketSchema, first), bodyOf(IssuedTicketSchema, second)];
    expect(one).toMatchObject({
      number: 'A001',
      serviceId: 'residence',
      language: 'tr',
      status: 'waiting',
      position: 1,
      estimate: estimateShape(),
      issuedAt: server.clock.now,
    });
    expect(two).toMatchObject({ number: 'A002', position: 2, language: 'de' });
    for (const t of [one, two]) {
      expect(t.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(t.statusUrl).toBe(`${PUBLIC_URL}/t/${t.id}`);
    }
    expect(one.id).not.toBe(two.id);
  });

  test('GET /api/tickets/:id returns the public view without staff-only fields', async () => {
    const issued = await issueTicket(anon, 'asylum', { language: 'ar' });
    const res = await anon.get(`/api/tickets/${issued.id}`);
    expectStatus(res, 200);
    const ticket = bodyOf(PublicTicketSchema, res);
    expect(Object.keys(ticket).sort()).toEqual(PUBLIC_TICKET_KEYS);
    expect(ticket).toMatchObject({
      id: issued.id,
      number: issued.number,
      status: 'waiting',
      position: 1,
      counterName: null,
      calledAt: null,
      estimate: estimateShape(),
    });
  });

  test('GET /api/tickets/:id of an unknown id is 404 TICKET_NOT_FOUND', async () => {
    expectError(await anon.get('/api/tickets/no-such-ticket-0000000000'), 404, 'TICKET_NOT_FOUND');
  });

  test('DELETE /api/tickets/:id cancels; the ticket stays visible; cancelling again is 409', async () => {
    const mine = await issueTicket(anon, 'integration-courses');
    const behind = await issueTicket(anon, 'integration-courses');
    expect(behind.position).toBe(2);

    const cancelled = await anon.del(`/api/tickets/${mine.id}`);
    expectStatus(cancelled, 200);
    expect(cancelled.body).toMatchObject({ id: mine.id, status: 'cancelled', position: null });

    expect((await anon.get(`/api/tickets/${mine.id}`)).body).toMatchObject({ status: 'cancelled' });
    expect((await anon.get(`/api/tickets/${behind.id}`)).body).toMatchObject({ status: 'waiting', position: 1 });
    expect(serviceOf(await servicesById(), 'integration-courses').waiting).toBe(1);

    expectError(await anon.del(`/api/tickets/${mine.id}`), 409, 'INVALID_TRANSITION');
  });

  test('GET /api/counters shows counters and their current ticket but no staff names or ids', async () => {
    const cookie = await server.login('ayilmaz');
    const staff = client(server, cookie);
    const me = bodyOf(SessionUserSchema, await staff.get('/api/auth/me'));
    const ticket = await issueTicket(anon, 'residence');
    // Someone else may be ahead in residence: call this ticket by id.
    expectStatus(await counterAction(staff, 'schalter-3', 'open'), 200);
    const called = await counterAction(staff, 'schalter-3', 'call', { ticketId: ticket.id });
    expectStatus(called, 200);

    const res = await anon.get('/api/counters');
    expectStatus(res, 200);
    const counters = bodyOf(CounterList, res);
    for (const c of counters) {
      expect(Object.keys(c).sort()).toEqual(['area', 'currentTicket', 'id', 'name', 'open', 'serviceIds']);
      expect(c.serviceIds.length).toBeGreaterThan(0);
    }
    expect(counters.find((c) => c.id === 'schalter-3')).toEqual({
      id: 'schalter-3',
      name: 'Schalter 3',
      area: 'eg',
      serviceIds: ['residence', 'permit-pickup'],
      open: true,
      currentTicket: { number: ticket.number, status: 'called' },
    });
    for (const secret of [me.id, me.username, me.displayName, 'usr_']) expect(res.text).not.toContain(secret);

    // The visitor's phone learns where to go.
    expect((await anon.get(`/api/tickets/${ticket.id}`)).body).toMatchObject({ status: 'called', counterName: 'Schalter 3' });

    expectStatus(await counterAction(staff, 'schalter-3', 'no-show'), 200);
    expectStatus(await counterAction(staff, 'schalter-3', 'close'), 200);
  });

  test('an estimate range appears once a counter serving the service is open', async () => {
    const staff = client(server, await server.login('twerner'));
    await issueTicket(anon, 'naturalisation');
    expect(serviceOf(await servicesById(), 'naturalisation').estimate).toBeNull();

    expectStatus(await counterAction(staff, 'raum-1-14', 'open'), 200);
    const estimate = serviceOf(await servicesById(), 'naturalisation').estimate;
    expect(isEstimate(estimate), JSON.stringify(estimate)).toBe(true);
    expect(estimate?.high).toBeGreaterThan(0);
    expectStatus(await counterAction(staff, 'raum-1-14', 'close'), 200);
  });

  test('priority: moves ahead of earlier walk-ins where the service allows it, is ignored where not', async () => {
    const walkIn = await issueTicket(anon, 'youth-migration');
    server.clock.advance(5 * MIN);
    const priority = await issueTicket(anon, 'youth-migration', { priority: true });
    expect(priority.position).toBe(1);
    expect(bodyOf(PublicTicketSchema, await anon.get(`/api/tickets/${walkIn.id}`)).position).toBe(2);

    // Naturalisation has priorityEnabled: false.
    const before = serviceOf(await servicesById(), 'naturalisation').waiting;
    const ignored = await issueTicket(anon, 'naturalisation', { priority: true });
    expect(ignored.position).toBe(before + 1);

    // Staff see the class the server stored.
    const staff = client(server, await server.login('ftesfaye'));
    expectStatus(await counterAction(staff, 'raum-1-17', 'open'), 200);
    const called = await counterAction(staff, 'raum-1-17', 'call-next');
    expectStatus(called, 200);
    expect(bodyOf(StaffTicketSchema, called)).toMatchObject({ number: priority.number, priorityClass: 'priority' });
    expectStatus(await counterAction(staff, 'raum-1-17', 'no-show'), 200);
    const next = await counterAction(staff, 'raum-1-17', 'call-next');
    expect(bodyOf(StaffTicketSchema, next)).toMatchObject({ number: walkIn.number, priorityClass: 'walk_in' });
    expectStatus(await counterAction(staff, 'raum-1-17', 'no-show'), 200);
    expectStatus(await counterAction(staff, 'raum-1-17', 'close'), 200);
  });

  test('OpenAPI 3 document lists the API with full paths; the docs UI is served', async () => {
    const doc = await anon.get('/api/docs/json');
    expectStatus(doc, 200);
    const { openapi, paths } = bodyOf(OpenApiDocument, doc);
    expect(openapi).toMatch(/^3\./);
    for (const p of Object.keys(paths)) expect(p).toMatch(/^\/api\//);
    expect(Object.keys(paths['/api/tickets'] ?? {})).toContain('post');
    expect(Object.keys(paths['/api/tickets/{id}'] ?? {})).toEqual(expect.arrayContaining(['get', 'delete']));
    for (const p of [
      '/api/health',
      '/api/services',
      '/api/counters',
      '/api/checkin',
      '/api/appointments',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/counters/{id}/call-next',
      '/api/counters/{id}/transfer',
    ]) {
      expect(paths, p).toHaveProperty([p]);
    }

    const ui = await anon.get('/api/docs');
    expectStatus(ui, 200);
    expect(ui.headers.get('content-type')).toMatch(/^text\/html/);
    expect(ui.text.toLowerCase()).toContain('swagger');
  });

  test('helmet security headers are set, on errors too', async () => {
    for (const res of [await anon.get('/api/health'), await anon.get('/api/no-such-route')]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    }
  });

  test('a ticket token stops working at the end of its office day', async () => {
    const saved = server.clock.now;
    try {
      const ticket = await issueTicket(anon, 'information');
      server.clock.now = officeTime(WEDNESDAY, '23:59');
      expectStatus(await anon.get(`/api/tickets/${ticket.id}`), 200);

      server.clock.now = officeTime('2026-06-11', '00:00') + 1000;
      expectError(await anon.get(`/api/tickets/${ticket.id}`), 404, 'TICKET_EXPIRED');
      expectError(await anon.del(`/api/tickets/${ticket.id}`), 404, 'TICKET_EXPIRED');
    } finally {
      server.clock.now = saved;
    }
  });
});

describe('public API with weekly opening hours', () => {
  const SUNDAY = '2026-06-14';
  let server: TestServer;
  let anon: Client;
  let staff: Client;

  beforeAll(async () => {
    server = await startTestServer({ demoHours: 'weekly' }, officeTime(SUNDAY, '11:00'));
    anon = client(server);
    staff = client(server, await server.login('jschulte'));
  });
  afterAll(() => server.close());

  const at = async (date: string, hhmm: string) => {
    server.clock.now = officeTime(date, hhmm);
    const res = await anon.get('/api/services');
    expectStatus(res, 200);
    return new Map(bodyOf(ServiceList, res).map((s) => [s.id, s]));
  };

  test('on a Sunday every service is closed and a kiosk gets 409 SERVICE_CLOSED', async () => {
    const services = await at(SUNDAY, '11:00');
    for (const s of services.values()) expect(s).toMatchObject({ open: false, closedReason: 'outside_hours' });
    expectError(await anon.post('/api/tickets', { serviceId: 'residence', language: 'de' }), 409, 'SERVICE_CLOSED');
  });

  test('staff may still issue for a closed service', async () => {
    await at(SUNDAY, '11:30');
    const res = await staff.post('/api/tickets', { serviceId: 'residence', language: 'de' });
    expectStatus(res, 201);
    expect(res.body).toMatchObject({ number: 'A001', status: 'waiting', position: 1 });
  });

  test('weekday hours: closed at 03:00, open at 09:00; mornings-only service closed in the afternoon', async () => {
    expect((await at(WEDNESDAY, '03:00')).get('residence')).toMatchObject({ open: false, closedReason: 'outside_hours' });
    expectError(await anon.post('/api/tickets', { serviceId: 'residence', language: 'de' }), 409, 'SERVICE_CLOSED');

    expect((await at(WEDNESDAY, '09:00')).get('residence')).toMatchObject({ open: true, closedReason: null });
    expectStatus(await anon.post('/api/tickets', { serviceId: 'residence', language: 'de' }), 201);

    const afternoon = await at(WEDNESDAY, '14:00');
    expect(afternoon.get('residence')).toMatchObject({ open: true });
    expect(afternoon.get('permit-pickup')).toMatchObject({ open: false, closedReason: 'outside_hours' });
    expectError(await anon.post('/api/tickets', { serviceId: 'permit-pickup', language: 'de' }), 409, 'SERVICE_CLOSED');
  });

  test('on a public holiday services are closed with closedReason holiday', async () => {
    // Fronleichnam, a Thursday.
    expect((await at('2026-06-04', '10:00')).get('residence')).toMatchObject({ open: false, closedReason: 'holiday' });
    expectError(await anon.post('/api/tickets', { serviceId: 'asylum', language: 'de' }), 409, 'SERVICE_CLOSED');
  });

  test('anonymous issuing is limited to 120 a minute per client; staff sessions never are', async () => {
    // Closed service: every attempt counts against the limit without creating tickets.
    await at(SUNDAY, '12:00');
    const body = { serviceId: 'residence', language: 'de' };
    const probe = await anon.post('/api/tickets', body);
    expectError(probe, 409, 'SERVICE_CLOSED');
    expect(probe.headers.get('x-ratelimit-limit')).toBe('120');
    const remaining = Number(probe.headers.get('x-ratelimit-remaining'));
    expect(remaining).toBeGreaterThan(0);

    const answers = await Promise.all(Array.from({ length: remaining }, () => anon.post('/api/tickets', body)));
    for (const res of answers) expectError(res, 409, 'SERVICE_CLOSED');

    const limited = await anon.post('/api/tickets', body);
    expectError(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

    for (let i = 0; i < 3; i++) expectStatus(await staff.post('/api/tickets', body), 201);
    expectErrorShape(await anon.post('/api/tickets', body));
  });
});
