import Fastify, { type RouteOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PublicTicketSchema, StaffCounterSchema, StaffTicketSchema } from '../../common/dto-schemas.js';
import type { PublicTicket, StaffCounter, StaffTicket } from '../../common/dto.js';
import { testConfig } from '../../server/config.js';
import { registerErrorHandling } from '../../server/http/errors.js';
import { registerSharedSchemas } from '../../server/http/replies.js';
import { registerRoutes } from '../../server/http/routes/index.js';
import { PrintService } from '../../server/print/print-service.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { withUserIds } from '../helpers/actors.js';
import { bodyOf, client, counterAction, expectStatus, issueTicket, officeTime, request, SETUP_TIMEOUT_MS, WEDNESDAY } from './support.js';

/**
 * Every answer is serialised by a declared schema, so a public route cannot
 * carry a staff field by accident. The routes are walked with an onRoute hook
 * on a fresh Fastify instance that registers exactly what the server does.
 */

let server: TestServer;
const routes: RouteOptions[] = [];
const probe = Fastify({ logger: false }).withTypeProvider<TypeBoxTypeProvider>();
let print: PrintService;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
function record(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value;
}

/** As much of the OpenAPI document as the checks below read. */
const Loose = Type.Record(Type.String(), Type.Unknown());
const OpenApiDocument = Type.Object({
  paths: Type.Record(
    Type.String(),
    Type.Record(
      Type.String(),
      Type.Object({
        requestBody: Type.Optional(Loose),
        responses: Type.Record(Type.String(), Type.Object({ content: Type.Optional(Type.Record(Type.String(), Type.Object({ schema: Type.Unknown() }))) })),
      }),
    ),
  ),
  components: Type.Object({ schemas: Type.Record(Type.String(), Type.Object({ properties: Loose })) }),
});
/** A route's response declarations by status, or null when it has none. */
const responsesOf = (route: RouteOptions): Record<string, unknown> | null =>
  isRecord(route.schema?.response) ? route.schema.response : null;
const find = (method: string, url: string) => {
  const route = routes.find((r) => r.method === method && r.url === url);
  if (!route) throw new Error(`no route ${method} ${url}`);
  return route;
};
const named = (r: RouteOptions) => `${String(r.method)} ${r.url}`;
/** An error answer: the shared ErrorResponse schema, whose only property is `error`. */
const isErrorResponse = (schema: unknown): boolean => {
  const resolved = isRecord(schema) && typeof schema.$ref === 'string' ? probe.getSchema(schema.$ref.replace(/#$/, '')) : schema;
  return isRecord(resolved) && isRecord(resolved.properties) && Object.keys(resolved.properties).join() === 'error';
};

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  print = new PrintService(server.app.office, probe.log);
  probe.addHook('onRoute', (route) => void routes.push(route));
  registerRoutes(probe, { office: server.app.office, config: testConfig(), print, storage: server.app.storage });
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  await probe.close();
  await server.close();
});

describe('every route declares its answers', () => {
  test('each route has a response schema for a success status and for errors (the ErrorResponse shape)', () => {
    expect(routes.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const route of routes) {
      const response = responsesOf(route);
      if (!response) {
        problems.push(`${named(route)}: no response schema`);
        continue;
      }
      const statuses = Object.keys(response);
      if (!statuses.some((s) => /^2\d\d$/.test(s))) problems.push(`${named(route)}: no 2xx answer in ${statuses.join(',')}`);
      for (const status of statuses.filter((s) => /^[45]/.test(s))) {
        // The one exception: health answers 503 with its own shape, "degraded" and the reason (issue #13).
        if (route.url === '/api/health' && status === '503') continue;
        if (!isErrorResponse(response[status])) problems.push(`${named(route)}: ${status} is not an ErrorResponse`);
      }
      if (!statuses.includes('4xx') || !statuses.includes('5xx')) problems.push(`${named(route)}: no 4xx/5xx catch-all`);
    }
    expect(problems).toEqual([]);
  });

  test('the new staff routes are there', () => {
    for (const [method, url] of [
      ['POST', '/api/counters/:id/alarm'],
      ['POST', '/api/alarms/:id/acknowledge'],
      ['PUT', '/api/tickets/:id/notes'],
    ] as const) {
      expect(responsesOf(find(method, url))).not.toBeNull();
    }
  });

  test('the OpenAPI document shows the answers of every operation', async () => {
    const doc = bodyOf(OpenApiDocument, await request(server.url, 'GET', '/api/docs/json'));
    // The error shape is listed once, and every error answer refers to it.
    expect(Object.keys(doc.components.schemas.ErrorResponse?.properties ?? {})).toEqual(['error']);
    expect(doc.paths['/api/tickets/{id}']?.get?.responses?.['404']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/ErrorResponse',
    });
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        const responses = op.responses ?? {};
        const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s));
        if (success.length === 0 || !responses['4XX']?.content?.['application/json']?.schema) missing.push(`${method} ${path}`);
      }
    }
    expect(Object.keys(doc.paths).length).toBeGreaterThan(25);
    expect(missing).toEqual([]);
    expect(doc.paths['/api/counters/{id}/transfer']?.post?.requestBody).toMatchObject({
      content: { 'application/json': { schema: { properties: { targetCounterId: { type: 'string' }, counterId: { deprecated: true } } } } },
    });
  });
});

describe('a public answer cannot leak a staff field', () => {
  /** Answers `value` through the response schemas of a real route, as Fastify would serialise it. */
  async function through(method: string, url: string, status: number, value: unknown): Promise<unknown> {
    const res = await answerAs(method, url, status, value);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<unknown>();
  }

  /** A public ticket with every staff field on top: what a handler might return by mistake. */
  let staffTicket: PublicTicket & StaffTicket;
  let staffCounter: StaffCounter;

  beforeAll(async () => {
    // A ticket with everything staff know about it: called at a counter, with notes.
    const anon = client(server);
    const staff = client(server, await server.login('ayilmaz'));
    const t = await issueTicket(anon, 'residence');
    expectStatus(await counterAction(staff, 'schalter-3', 'open'), 200);
    expectStatus(await counterAction(staff, 'schalter-3', 'call', { ticketId: t.id }), 200);
    const noted = await request(server.url, 'PUT', `/api/tickets/${t.id}/notes`, { json: { notes: 'Pass abgelaufen' }, cookie: await server.login('ayilmaz') });
    expectStatus(noted, 200);
    staffTicket = { ...bodyOf(PublicTicketSchema, await anon.get(`/api/tickets/${t.id}`)), ...bodyOf(StaffTicketSchema, noted) };
    staffCounter = bodyOf(StaffCounterSchema, await counterAction(staff, 'schalter-3', 'open'));
    expect(staffTicket).toMatchObject({ notes: 'Pass abgelaufen', counterId: 'schalter-3' });
    expect(staffCounter).toMatchObject({ userName: 'Ayşe Yılmaz' });
    // #17: the ticket names the staff member by an actor key that leads to the counter's user.
    expect(await withUserIds(server.app.office, [{ userId: staffTicket.userId }])).toEqual([{ userId: staffCounter.userId }]);
    expect(staffTicket.userId).not.toBeNull();
  }, SETUP_TIMEOUT_MS);

  const STAFF_TICKET_FIELDS = ['notes', 'userId', 'counterId', 'targetCounterId', 'priorityClass', 'channel', 'queuedAt', 'businessDate'];

  test('a StaffTicket handed to GET /api/tickets/:id comes out as a PublicTicket', async () => {
    const body = await through('GET', '/api/tickets/:id', 200, staffTicket);
    for (const field of STAFF_TICKET_FIELDS) expect(body).not.toHaveProperty(field);
    expect(Object.keys(record(body)).sort()).toEqual(
      ['id', 'number', 'serviceId', 'language', 'status', 'position', 'estimate', 'issuedAt', 'appointmentAt', 'calledAt', 'counterName', 'transferredFrom', 'nextServiceIds', 'statusUrl', 'expiresAt'].sort(),
    );
  });

  test('a StaffTicket handed to POST /api/tickets (201) keeps no staff field either', async () => {
    const body = await through('POST', '/api/tickets', 201, { ...staffTicket, print: { status: 'none', detail: 'tcp://10.0.0.7:9100' } });
    for (const field of STAFF_TICKET_FIELDS) expect(body).not.toHaveProperty(field);
    expect(record(body).print).toEqual({ status: 'none' });
  });

  test('a StaffCounter handed to GET /api/counters loses the staff member', async () => {
    const body = await through('GET', '/api/counters', 200, [{ ...staffCounter, serviceIds: [], currentTicket: null }]);
    expect(body).toEqual([expect.objectContaining({ id: 'schalter-3', name: 'Schalter 3' })]);
    expect(body).not.toHaveProperty('0.userId');
    expect(body).not.toHaveProperty('0.userName');
  });

  test('a staff printer status handed to GET /api/health shows no printer address', async () => {
    const [status] = await print.statuses();
    const body = await through('GET', '/api/health', 200, { status: 'ok', details: { printers: [{ ...status, printer: 'tcp://10.0.0.7:9100', detail: 'ECONNREFUSED 10.0.0.7:9100' }] } });
    expect(JSON.stringify(body)).not.toContain('10.0.0.7');
  });

  test('a value that misses a public field is an opaque 500, not a partial answer', async () => {
    const { estimate: _dropped, ...incomplete } = staffTicket;
    const res = await answerAs('GET', '/api/tickets/:id', 200, incomplete);
    expect({ status: res.statusCode, body: res.json<unknown>() }).toEqual({ status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error.' } } });
  });

  test('an error carries the code and message only', async () => {
    const body = await through('GET', '/api/tickets/:id', 404, { error: { code: 'TICKET_NOT_FOUND', message: 'No such ticket.', stack: 'at secret.ts:1' } });
    expect(body).toEqual({ error: { code: 'TICKET_NOT_FOUND', message: 'No such ticket.' } });
  });
});

/**
 * A throwaway Fastify instance with one route that answers `value` under the
 * response schemas of the real route `method url`: what Fastify's serialiser
 * makes of a value the handler should never have returned.
 */
async function answerAs(method: string, url: string, status: number, value: unknown) {
  const response = responsesOf(find(method, url));
  const app = Fastify({ logger: false });
  registerErrorHandling(app);
  registerSharedSchemas(app);
  app.get('/probe', { schema: response ? { response } : {} }, async (_request, reply) => reply.status(status).send(value));
  try {
    return await app.inject({ method: 'GET', url: '/probe' });
  } finally {
    await app.close();
  }
}
