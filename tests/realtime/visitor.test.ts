import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { IssuedTicket, PublicTicket, StaffTicket } from '../../common/dto.js';
import { PROTOCOL_VERSION } from '../../common/protocol.js';
import { instantAt } from '../../server/domain/time.js';
import { anyOf } from '../helpers/matchers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  closeAll,
  connect,
  ConnectRefused,
  emitAck,
  firstOf,
  received,
  waitForDisconnect,
  type ClientSocket,
} from '../helpers/socket-clients.js';
import { api, counterAction, issue } from './support.js';

/**
 * /visitor: a phone follows its own ticket. The handshake carries the token;
 * pushes go only to that ticket's room, counted per ticket, and only when its
 * public view changed. Counters: schalter-3 (residence) by ayilmaz,
 * schalter-4 (residence; secondary asylum) by kmansour.
 */

const WEDNESDAY_9 = instantAt('2026-06-10', '09:00', 'Europe/Berlin');

let server: TestServer;
let url: string;
let ayse: string;
let karim: string;

beforeAll(async () => {
  server = await startTestServer({}, WEDNESDAY_9);
  url = server.url;
  [ayse, karim] = await Promise.all([server.login('ayilmaz'), server.login('kmansour')]);
});
afterAll(async () => {
  closeAll();
  await server?.close();
});
/** Tickets a test drew; cancelled afterwards so every test starts with empty queues. */
const drawn: string[] = [];
async function draw(serviceId: string, language = 'de'): Promise<IssuedTicket> {
  const t = await issue(url, serviceId, language);
  drawn.push(t.id);
  return t;
}

afterEach(async () => {
  closeAll();
  for (const id of drawn.splice(0)) await api(url, 'DELETE', `/api/tickets/${id}`);
  // Leave the counters closed and empty for the next test.
  for (const [cookie, counterId] of [
    [ayse, 'schalter-3'],
    [karim, 'schalter-4'],
  ] as const) {
    await counterAction(url, cookie, counterId, 'finish');
    await counterAction(url, cookie, counterId, 'close');
  }
});

const follow = (ticketId: string) => connect(url, '/visitor', { auth: { protocol: PROTOCOL_VERSION, ticket: ticketId } });
const snapshotOf = (s: ClientSocket<'/visitor'>) => firstOf(s, 'visitor:snapshot');
const pushes = (s: ClientSocket<'/visitor'>) => received(s, 'ticket:status');
/** The first push (already received or still to come) whose ticket matches. */
const push = (s: ClientSocket<'/visitor'>, pred: (t: PublicTicket) => boolean) => firstOf(s, 'ticket:status', (e) => pred(e.ticket));

async function refused(promise: Promise<unknown>): Promise<ConnectRefused> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ConnectRefused);
    return err as ConnectRefused;
  }
  throw new Error('the handshake was accepted');
}

describe('/visitor handshake', () => {
  test('no token, an unknown, malformed or oversized token: TICKET_NOT_FOUND, and nothing else is said', async () => {
    const real = await draw('residence');
    for (const auth of [
      { protocol: PROTOCOL_VERSION },
      { protocol: PROTOCOL_VERSION, ticket: 'no-such-ticket' },
      { protocol: PROTOCOL_VERSION, ticket: real.id.slice(0, -1) },
      { protocol: PROTOCOL_VERSION, ticket: '../../etc/passwd' },
      { protocol: PROTOCOL_VERSION, ticket: 'x'.repeat(10_000) },
      { protocol: PROTOCOL_VERSION, ticket: 42 },
      { protocol: PROTOCOL_VERSION, ticket: { $ne: null } },
    ]) {
      const err = await refused(connect(url, '/visitor', { auth }));
      expect(err.message, JSON.stringify(auth).slice(0, 60)).toBe('TICKET_NOT_FOUND');
      expect(err.data).toEqual({ code: 'TICKET_NOT_FOUND', message: anyOf(String) });
    }
  });

  test('another protocol version is refused with PROTOCOL_MISMATCH even with a good token', async () => {
    const t = await draw('residence');
    const err = await refused(connect(url, '/visitor', { auth: { protocol: PROTOCOL_VERSION + 1, ticket: t.id } }));
    expect(err.message).toBe('PROTOCOL_MISMATCH');
  });

  test('a good token gets a snapshot equal to the ticket API, and the snapshot ack answers the same', async () => {
    const t = await draw('residence', 'ar');
    const socket = await follow(t.id);
    const snap = await snapshotOf(socket);
    const viaHttp = await api(url, 'GET', `/api/tickets/${t.id}`);
    expect(snap.ticket).toEqual(viaHttp.body);
    expect(snap.ticket).toMatchObject({ id: t.id, status: 'waiting', language: 'ar' });
    expect(snap).toMatchObject({ seq: 0, epoch: anyOf(String) });
    const ack = await emitAck(socket, 'snapshot');
    expect(ack).toEqual({ ok: true, snapshot: snap });
  });
});

describe('/visitor pushes', () => {
  test('position falls as others are called; the call, recall, start and finish follow in seq order', async () => {
    await counterAction(url, ayse, 'schalter-3', 'open');
    const [a, b, c] = [await draw('residence'), await draw('residence'), await draw('residence')];
    const bystander = await draw('information');
    const phone = await follow(c.id);
    const other = await follow(b.id);
    const elsewhere = await follow(bystander.id);
    expect((await snapshotOf(phone)).ticket).toMatchObject({ position: 3, status: 'waiting', estimate: { low: anyOf(Number) } });
    await snapshotOf(other);
    await snapshotOf(elsewhere);

    const call = () => counterAction<StaffTicket>(url, ayse, 'schalter-3', 'call-next');
    const noShow = () => counterAction(url, ayse, 'schalter-3', 'no-show');

    expect((await call()).body.number).toBe(a.number);
    expect((await push(phone, (t) => t.position === 2)).seq).toBe(1);
    await noShow();
    expect((await call()).body.number).toBe(b.number);
    expect((await push(phone, (t) => t.position === 1)).seq).toBe(2);
    await noShow();
    expect((await call()).body.number).toBe(c.number);
    const called = await push(phone, (t) => t.status === 'called');
    expect(called.ticket).toMatchObject({ status: 'called', counterName: 'Schalter 3', position: null, estimate: null });
    expect(called.seq).toBe(3);

    server.clock.advance(60_000);
    await counterAction(url, ayse, 'schalter-3', 'recall');
    const recalled = await push(phone, (t) => t.status === 'called' && t.calledAt !== called.ticket.calledAt);
    expect(recalled).toMatchObject({ seq: 4, ticket: { status: 'called', counterName: 'Schalter 3' } });

    await counterAction(url, ayse, 'schalter-3', 'start');
    expect((await push(phone, (t) => t.status === 'serving')).seq).toBe(5);
    await counterAction(url, ayse, 'schalter-3', 'finish');
    const done = await push(phone, (t) => t.status === 'done');
    expect(done.seq).toBe(6);
    expect(done.ticket.counterName).toBeNull();

    // Barriers instead of a pause. The bystander's cancel is a later change, so its push reaches
    // `elsewhere` after anything sent there before; a snapshot answer follows every push its room
    // was sent before it, and its seq counts them.
    expect((await api(url, 'DELETE', `/api/tickets/${bystander.id}`)).status).toBe(200);
    await push(elsewhere, (t) => t.status === 'cancelled');
    expect(await emitAck(phone, 'snapshot')).toMatchObject({ ok: true, snapshot: { seq: 6 } });
    expect(await emitAck(other, 'snapshot')).toMatchObject({ ok: true, snapshot: { seq: 3 } });

    // Nothing but changes, no gaps, one epoch; other rooms hear only about their own ticket.
    expect(pushes(phone).map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(pushes(phone).map((p) => p.epoch))).toEqual(new Set([called.epoch]));
    expect(pushes(other).every((p) => p.ticket.id === b.id)).toBe(true);
    expect(pushes(other).map((p) => p.ticket.status)).toEqual(['waiting', 'called', 'no_show']);
    expect(pushes(other).map((p) => p.seq)).toEqual([1, 2, 3]);
    expect(pushes(elsewhere).map((p) => [p.seq, p.ticket.id, p.ticket.status])).toEqual([[1, bystander.id, 'cancelled']]);
  });

  test('two phones on one ticket get the same pushes; a cancel reaches both', async () => {
    const t = await draw('residence');
    const [p1, p2] = [await follow(t.id), await follow(t.id)];
    await Promise.all([snapshotOf(p1), snapshotOf(p2)]);
    expect((await api(url, 'DELETE', `/api/tickets/${t.id}`)).status).toBe(200);
    const [e1, e2] = await Promise.all([
      push(p1, (x) => x.status === 'cancelled'),
      push(p2, (x) => x.status === 'cancelled'),
    ]);
    expect(e1).toEqual(e2);
    expect(e1.seq).toBe(1);
  });

  test('a transfer shows the new service and where it came from', async () => {
    await counterAction(url, karim, 'schalter-4', 'open');
    const t = await draw('residence');
    const phone = await follow(t.id);
    await snapshotOf(phone);
    expect((await counterAction(url, karim, 'schalter-4', 'call', { ticketId: t.id })).status).toBe(200);
    await counterAction(url, karim, 'schalter-4', 'start');
    expect((await counterAction(url, karim, 'schalter-4', 'transfer', { serviceId: 'asylum' })).status).toBe(200);
    const moved = await push(phone, (x) => x.serviceId === 'asylum');
    expect(moved.ticket).toMatchObject({ status: 'waiting', serviceId: 'asylum', transferredFrom: 'residence', position: 1 });
  });

  test('a phone that reconnects starts again from a snapshot with the current state', async () => {
    await counterAction(url, ayse, 'schalter-3', 'open');
    const t = await draw('residence');
    const first = await follow(t.id);
    await snapshotOf(first);
    first.close();
    await counterAction(url, ayse, 'schalter-3', 'call', { ticketId: t.id });
    const again = await follow(t.id);
    expect((await snapshotOf(again)).ticket).toMatchObject({ status: 'called', counterName: 'Schalter 3' });
    await counterAction(url, ayse, 'schalter-3', 'no-show');
  });
});

describe('/visitor at the end of the office day', () => {
  test('an open socket is told and dropped, and the token no longer opens one', async () => {
    const own = await startTestServer({}, WEDNESDAY_9);
    try {
      const t = await issue(own.url, 'residence');
      const phone = await connect(own.url, '/visitor', { auth: { protocol: PROTOCOL_VERSION, ticket: t.id } });
      await snapshotOf(phone);
      own.clock.now = instantAt('2026-06-11', '00:00', 'Europe/Berlin');
      const ack = await emitAck(phone, 'snapshot');
      expect(ack).toEqual({ ok: false, error: { code: 'TICKET_EXPIRED', message: anyOf(String) } });
      await waitForDisconnect(phone);
      const err = await refused(connect(own.url, '/visitor', { auth: { protocol: PROTOCOL_VERSION, ticket: t.id } }));
      expect(err.message).toBe('TICKET_EXPIRED');
      expect(err.data).toEqual({ code: 'TICKET_EXPIRED', message: anyOf(String) });
    } finally {
      await own.close();
    }
  });
});
