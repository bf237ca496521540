import Type from 'typebox';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PublicCounterSchema, PublicServiceSchema, PublicTicketSchema, StaffCounterSchema, StaffTicketSchema } from '../../common/dto-schemas.js';
import type { CounterAction } from '../../common/protocol.js';
import { DEFAULT_POLICY } from '../../server/domain/settings.js';
import { anyOf } from '../helpers/matchers.js';
import { staffRef } from '../helpers/staff-ref.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  bodyOf,
  client,
  counterAction,
  expectError,
  expectStatus,
  issueTicket,
  MIN,
  officeTime,
  WEDNESDAY,
  type Client,
  type HttpReply,
} from './support.js';

/**
 * Counters used (demo office): schalter-3 (residence; secondary permit-pickup) by ayilmaz,
 * schalter-4 (residence; secondary asylum) by kmansour, schalter-5 (asylum; secondary
 * residence) by okovalenko. Every ticket is German, which all of them speak, so language
 * matching never changes the order. After each test the office is emptied again.
 */

let server: TestServer;
let anon: Client;
const cookies: Record<string, string> = {};
const issued: string[] = [];
const opened = new Set<string>();

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  anon = client(server);
  for (const user of ['admin', 'ayilmaz', 'kmansour', 'okovalenko']) cookies[user] = await server.login(user);
});
afterAll(() => server.close());

afterEach(async () => {
  // Cleanup, not assertions: finish what is being served, cancel the rest, close the counters.
  const admin = client(server, cookies.admin);
  for (const counterId of opened) await counterAction(admin, counterId, 'finish');
  for (const id of issued.splice(0)) await anon.del(`/api/tickets/${id}`);
  for (const counterId of opened) await counterAction(admin, counterId, 'close');
  opened.clear();
});

async function walkIn(serviceId = 'residence') {
  const t = await issueTicket(anon, serviceId);
  issued.push(t.id);
  return t;
}

/** One staff member at one counter. */
function desk(user: string, counterId: string) {
  const c = client(server, cookies[user]);
  const act = (action: CounterAction, json?: unknown): Promise<HttpReply> => counterAction(c, counterId, action, json);
  return {
    act,
    async open(json?: unknown) {
      const res = await act('open', json);
      expectStatus(res, 200);
      opened.add(counterId);
      return bodyOf(StaffCounterSchema, res);
    },
    /** Runs an action that must succeed with a ticket and returns it. */
    async ticket(action: CounterAction, json?: unknown) {
      const res = await act(action, json);
      expectStatus(res, 200);
      expect(res.body).toMatchObject({ ref: anyOf(String), number: anyOf(String) });
      // Staff answers name the ticket by its staff reference; the visitor's token stays theirs.
      expect(res.body).not.toHaveProperty('id');
      for (const id of issued) expect(res.text).not.toContain(id);
      return bodyOf(StaffTicketSchema, res);
    },
  };
}

const publicTicket = async (id: string) => bodyOf(PublicTicketSchema, await anon.get(`/api/tickets/${id}`));
async function waitingIn(serviceId: string): Promise<number> {
  const service = bodyOf(Type.Array(PublicServiceSchema), await anon.get('/api/services')).find((s) => s.id === serviceId);
  if (!service) throw new Error(`no service ${serviceId}`);
  return service.waiting;
}
const boardCounter = async (id: string) => bodyOf(Type.Array(PublicCounterSchema), await anon.get('/api/counters')).find((c) => c.id === id);

describe('calling and serving', () => {
  test('call-next is 204 when nobody waits, 409 COUNTER_CLOSED before opening', async () => {
    const d = desk('ayilmaz', 'schalter-3');
    expectError(await d.act('call-next'), 409, 'COUNTER_CLOSED');
    const counter = await d.open();
    expect(counter).toMatchObject({ id: 'schalter-3', open: true, userName: 'Ayşe Yılmaz', currentTicketRef: null });

    const res = await d.act('call-next');
    expectStatus(res, 204);
    expect(res.text).toBe('');
  });

  test('lifecycle: call-next → recall → start → finish, then the next ticket → no-show', async () => {
    const d = desk('ayilmaz', 'schalter-3');
    await d.open();
    const first = await walkIn();
    const second = await walkIn();

    const called = await d.ticket('call-next');
    expect(called).toMatchObject({ number: first.number, status: 'called', counterId: 'schalter-3', callCount: 1, calledAt: server.clock.now });
    expect(await publicTicket(first.id)).toMatchObject({ status: 'called', counterName: 'Schalter 3', position: null });
    expect(await publicTicket(second.id)).toMatchObject({ status: 'waiting', position: 1, counterName: null });
    const board = await boardCounter('schalter-3');
    expect(board?.currentTicket).toEqual({ number: first.number, status: 'called' });

    server.clock.advance(MIN);
    expect(await d.ticket('recall')).toMatchObject({ number: first.number, status: 'called', callCount: 2, calledAt: server.clock.now });
    expect(await d.ticket('start')).toMatchObject({ number: first.number, status: 'serving' });
    expect(await publicTicket(first.id)).toMatchObject({ status: 'serving', counterName: 'Schalter 3' });
    server.clock.advance(10 * MIN);
    expect(await d.ticket('finish')).toMatchObject({ number: first.number, status: 'done' });
    expect(await publicTicket(first.id)).toMatchObject({ status: 'done', counterName: null });

    expect(await d.ticket('call-next')).toMatchObject({ number: second.number, status: 'called' });
    expect(await d.ticket('no-show')).toMatchObject({ number: second.number, status: 'no_show' });
    expect(await publicTicket(second.id)).toMatchObject({ status: 'no_show' });
    expectStatus(await d.act('call-next'), 204);
  });

  test('return parks the ticket: waiting again, but not offered before the cool-down', async () => {
    const d = desk('ayilmaz', 'schalter-3');
    await d.open();
    const t = await walkIn();
    await d.ticket('call-next');
    expect(await d.ticket('return')).toMatchObject({ number: t.number, status: 'waiting', counterId: null });
    expect(await publicTicket(t.id)).toMatchObject({ status: 'waiting', position: 1, counterName: null });

    expectStatus(await d.act('call-next'), 204);
    server.clock.advance(DEFAULT_POLICY.recallCooldownSeconds * 1000 - 1000);
    expectStatus(await d.act('call-next'), 204);
    server.clock.advance(2000);
    expect(await d.ticket('call-next')).toMatchObject({ number: t.number, status: 'called', callCount: 2 });
  });

  test('return after the maximum number of calls makes the ticket a no-show', async () => {
    const d = desk('ayilmaz', 'schalter-3');
    await d.open();
    const t = await walkIn();
    await d.ticket('call-next');
    for (let calls = 1; calls < DEFAULT_POLICY.maxCalls; calls++) await d.ticket('recall');
    expect(await d.ticket('return')).toMatchObject({ number: t.number, status: 'no_show', callCount: DEFAULT_POLICY.maxCalls });
  });

  test('call picks a specific waiting ticket; unknown → 404, already called elsewhere → 409', async () => {
    const mine = desk('ayilmaz', 'schalter-3');
    const other = desk('kmansour', 'schalter-4');
    await mine.open();
    await other.open();
    const first = await walkIn();
    const second = await walkIn();

    const ref = await staffRef(server.app.office, second.id);
    const called = await mine.ticket('call', { ticketRef: ref });
    expect(called).toMatchObject({ ref, number: second.number, status: 'called', counterId: 'schalter-3' });
    expect(called).not.toHaveProperty('id');
    // The id, as documented before protocol 3, still names the ticket (deprecated).
    expectError(await other.act('call', { ticketId: second.id }), 409, 'INVALID_TRANSITION');
    expectError(await other.act('call', { ticketRef: ref }), 409, 'INVALID_TRANSITION');
    expectError(await other.act('call', { ticketRef: 'no-such-ticket' }), 404, 'TICKET_NOT_FOUND');
    expectError(await other.act('call', { ticketRef: ref, ticketId: second.id }), 400, 'INVALID_INPUT');
    expectError(await other.act('call', {}), 400, 'INVALID_INPUT');
    expect(await other.ticket('call-next')).toMatchObject({ number: first.number });
  });
});

describe('transfers', () => {
  test('to another service: keeps number and place, joins that queue, is called there', async () => {
    const residenceDesk = desk('ayilmaz', 'schalter-3');
    const asylumDesk = desk('okovalenko', 'schalter-5');
    await residenceDesk.open();
    await asylumDesk.open();
    const t = await walkIn('residence');
    server.clock.advance(5 * MIN);
    const later = await walkIn('asylum');
    const asylumBefore = await waitingIn('asylum');

    await residenceDesk.ticket('call-next');
    await residenceDesk.ticket('start');
    const moved = await residenceDesk.ticket('transfer', { serviceId: 'asylum' });
    expect(moved).toMatchObject({ number: t.number, serviceId: 'asylum', status: 'waiting', transferredFrom: 'residence' });
    expect(await waitingIn('asylum')).toBe(asylumBefore + 1);
    expect(await waitingIn('residence')).toBe(0);
    // keepPlace defaults to true: still ahead of the asylum ticket drawn after it.
    expect(await publicTicket(t.id)).toMatchObject({ number: t.number, status: 'waiting', position: 1, transferredFrom: 'residence' });
    expect(await publicTicket(later.id)).toMatchObject({ position: 2 });

    expect(await asylumDesk.ticket('call-next')).toMatchObject({ number: t.number, counterId: 'schalter-5' });
  });

  test('to another service with keepPlace false: joins at the end', async () => {
    const d = desk('ayilmaz', 'schalter-3');
    await d.open();
    const t = await walkIn('residence');
    server.clock.advance(5 * MIN);
    const later = await walkIn('asylum');
    await d.ticket('call-next');
    server.clock.advance(MIN);
    await d.ticket('transfer', { serviceId: 'asylum', keepPlace: false });
    expect(await publicTicket(t.id)).toMatchObject({ serviceId: 'asylum', position: 2 });
    expect(await publicTicket(later.id)).toMatchObject({ position: 1 });
  });

  test('to a named counter: only that counter is offered the ticket', async () => {
    const from = desk('ayilmaz', 'schalter-3');
    const target = desk('kmansour', 'schalter-4');
    const bystander = desk('okovalenko', 'schalter-5'); // also serves residence (secondary)
    await from.open();
    await target.open();
    await bystander.open();
    const t = await walkIn('residence');

    await from.ticket('call-next');
    expect(await from.ticket('transfer', { counterId: 'schalter-4' })).toMatchObject({
      number: t.number,
      status: 'waiting',
      serviceId: 'residence',
      targetCounterId: 'schalter-4',
    });
    expectStatus(await bystander.act('call-next'), 204);
    expectStatus(await from.act('call-next'), 204);
    expectError(await bystander.act('call', { ticketRef: await staffRef(server.app.office, t.id) }), 409, 'INVALID_TARGET');
    expect(await target.ticket('call-next')).toMatchObject({ number: t.number, counterId: 'schalter-4', targetCounterId: null });
  });

  test('the target counter is `targetCounterId`; the documented `counterId` stays an alias of it', async () => {
    const from = desk('ayilmaz', 'schalter-3');
    await from.open();
    const t = await walkIn('residence');
    await from.ticket('call-next');
    expectError(await from.act('transfer', { counterId: 'schalter-4', targetCounterId: 'schalter-5' }), 400, 'INVALID_INPUT');
    expectError(await from.act('transfer', { targetCounterId: 'schalter-3' }), 409, 'INVALID_TARGET');
    expect(await from.ticket('transfer', { targetCounterId: 'schalter-4', keepPlace: false })).toMatchObject({
      number: t.number,
      status: 'waiting',
      targetCounterId: 'schalter-4',
    });

    const target = desk('kmansour', 'schalter-4');
    await target.open();
    await target.ticket('call-next');
    // Both names at once are fine when they agree.
    expect(await target.ticket('transfer', { counterId: 'schalter-3', targetCounterId: 'schalter-3' })).toMatchObject({
      number: t.number,
      targetCounterId: 'schalter-3',
    });
  });

  test('invalid targets: none given → 400, unknown service/counter, same service or own counter → 409 INVALID_TARGET', async () => {
    const d = desk('ayilmaz', 'schalter-3');
    await d.open();
    await walkIn('residence');
    await d.ticket('call-next');
    expectError(await d.act('transfer', {}), 400, 'INVALID_INPUT');
    expectError(await d.act('transfer', { serviceId: 'no-such-service' }), 409, 'INVALID_TARGET');
    expectError(await d.act('transfer', { counterId: 'no-such-counter' }), 409, 'INVALID_TARGET');
    expectError(await d.act('transfer', { serviceId: 'residence' }), 409, 'INVALID_TARGET');
    expectError(await d.act('transfer', { counterId: 'schalter-3' }), 409, 'INVALID_TARGET');
    // The ticket is still this counter's.
    expect(await d.ticket('start')).toMatchObject({ status: 'serving', counterId: 'schalter-3' });
  });
});

describe('illegal actions', () => {
  test('without a current ticket: recall/start/finish/no-show/return/transfer → 409 NO_CURRENT_TICKET', async () => {
    const d = desk('ayilmaz', 'schalter-3');
    await d.open();
    for (const action of ['recall', 'start', 'finish', 'no-show', 'return'] as const) {
      expectError(await d.act(action), 409, 'NO_CURRENT_TICKET');
    }
    expectError(await d.act('transfer', { serviceId: 'asylum' }), 409, 'NO_CURRENT_TICKET');
  });

  test('wrong state of the current ticket → 409 INVALID_TRANSITION; busy counter → 409 COUNTER_BUSY', async () => {
    const d = desk('ayilmaz', 'schalter-3');
    await d.open();
    await walkIn();
    const waiting = await walkIn();
    await d.ticket('call-next');

    expectError(await d.act('finish'), 409, 'INVALID_TRANSITION'); // called, not serving
    expectError(await d.act('call-next'), 409, 'COUNTER_BUSY');
    expectError(await d.act('call', { ticketRef: await staffRef(server.app.office, waiting.id) }), 409, 'COUNTER_BUSY');
    expectError(await d.act('close'), 409, 'COUNTER_BUSY');

    await d.ticket('start');
    for (const action of ['start', 'recall', 'no-show'] as const) {
      expectError(await d.act(action), 409, 'INVALID_TRANSITION');
    }
    expectError(await d.act('close'), 409, 'COUNTER_BUSY');
    await d.ticket('finish');
    expectStatus(await d.act('close'), 200);
    opened.delete('schalter-3');
  });

  test('a visitor cancelling a called ticket frees the counter', async () => {
    const d = desk('ayilmaz', 'schalter-3');
    await d.open();
    const t = await walkIn();
    const next = await walkIn();
    await d.ticket('call-next');
    expectStatus(await anon.del(`/api/tickets/${t.id}`), 200);
    expect(await d.ticket('call-next')).toMatchObject({ number: next.number });
  });

  test('unknown counter → 404 COUNTER_NOT_FOUND', async () => {
    const d = desk('ayilmaz', 'no-such-counter');
    expectError(await d.act('open'), 404, 'COUNTER_NOT_FOUND');
    expectError(await d.act('call-next'), 404, 'COUNTER_NOT_FOUND');
  });
});

describe('who may act on a counter', () => {
  test('without a session every action is 401', async () => {
    for (const action of ['open', 'close', 'call-next', 'recall', 'start', 'finish', 'no-show', 'return'] as const) {
      expectError(await counterAction(anon, 'schalter-3', action), 401, 'UNAUTHENTICATED');
    }
    expectError(await counterAction(anon, 'schalter-3', 'call', { ticketRef: 'x' }), 401, 'UNAUTHENTICATED');
    expectError(await counterAction(anon, 'schalter-3', 'transfer', { serviceId: 'asylum' }), 401, 'UNAUTHENTICATED');
  });

  test("staff may not act on another's counter (403) nor open it (409), even with force", async () => {
    const owner = desk('ayilmaz', 'schalter-3');
    const intruder = desk('kmansour', 'schalter-3');
    await owner.open();
    await walkIn();
    // Opening again by the owner changes nothing.
    expect(await owner.open()).toMatchObject({ open: true, userName: 'Ayşe Yılmaz' });

    for (const action of ['call-next', 'close', 'recall'] as const) {
      expectError(await intruder.act(action), 403, 'COUNTER_NOT_YOURS');
    }
    expectError(await intruder.act('open'), 409, 'COUNTER_TAKEN');
    expectError(await intruder.act('open', { force: true }), 409, 'COUNTER_TAKEN');
    expect((await boardCounter('schalter-3'))?.open).toBe(true);
  });

  test('admin acts anywhere and may force-open a counter held by someone else', async () => {
    const owner = desk('ayilmaz', 'schalter-3');
    const admin = desk('admin', 'schalter-3');
    await owner.open();
    const t = await walkIn();

    expect(await admin.ticket('call-next')).toMatchObject({ number: t.number, counterId: 'schalter-3' });
    await admin.ticket('no-show');

    expectError(await admin.act('open'), 409, 'COUNTER_TAKEN');
    expect(await admin.open({ force: true })).toMatchObject({ open: true, userName: 'Administrator' });
    expectError(await owner.act('call-next'), 403, 'COUNTER_NOT_YOURS');
  });
});
