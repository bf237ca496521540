import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ErrorBody } from '../../common/errors.js';
import { PROTOCOL_VERSION, type CounterClientEvents } from '../../common/protocol.js';
import { anyOf } from '../helpers/matchers.js';
import { withUserIds } from '../helpers/actors.js';
import { staffRef } from '../helpers/staff-ref.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  closeAll,
  connect,
  ConnectRefused,
  emitAck,
  emitAckUnchecked,
  emitUnchecked,
  failure,
  firstOf,
  ok,
  received,
  ticketOf,
  waitForDisconnect,
} from '../helpers/socket-clients.js';
import { api, counterAction, issue } from './support.js';

/**
 * /counter: staff sockets. Authentication by the session cookie, the same
 * command code and authorisation as the HTTP routes, acks for every action.
 */

let server: TestServer;
let url: string;
let julia: string; // jschulte: schalter-2 (permit-pickup; information, residence)
let ayse: string; // ayilmaz: schalter-3 (residence; permit-pickup)
let admin: string;

beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
  [julia, ayse, admin] = await Promise.all([server.login('jschulte'), server.login('ayilmaz'), server.login('admin')]);
});

afterAll(async () => {
  closeAll();
  await server?.close();
});

afterEach(() => closeAll());

async function refused(promise: Promise<unknown>): Promise<ConnectRefused> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ConnectRefused);
    return err as ConnectRefused;
  }
  throw new Error('the handshake was accepted');
}

async function ticketStatus(id: string): Promise<string | undefined> {
  return server.app.office.store.read(server.app.office.siteId, async (r) => (await r.tickets.get(id))?.status);
}

async function counterState(id: string) {
  return server.app.office.store.read(server.app.office.siteId, (r) => r.catalog.counter(id));
}

describe('/counter handshake', () => {
  test('without a session cookie the handshake is refused with UNAUTHENTICATED', async () => {
    const err = await refused(connect(url, '/counter'));
    expect(err.message).toBe('UNAUTHENTICATED');
    expect(err.data).toMatchObject({ code: 'UNAUTHENTICATED', message: anyOf(String) });
  });

  test('a forged, oversized or other cookie is refused too', async () => {
    for (const cookie of [
      'amtsqueue_session=not-a-session',
      `amtsqueue_session=${'x'.repeat(10_000)}`,
      'some_other_cookie=1',
      'amtsqueue_session=',
    ]) {
      const err = await refused(connect(url, '/counter', { cookie }));
      expect(err.message, cookie.slice(0, 40)).toBe('UNAUTHENTICATED');
      expect((err.data as { code: string }).code).toBe('UNAUTHENTICATED');
    }
  });

  test('a wrong protocol version is refused with PROTOCOL_MISMATCH on every namespace', async () => {
    for (const protocol of [PROTOCOL_VERSION + 1, 0, -1]) {
      const counter = await refused(connect(url, '/counter', { cookie: julia, auth: { protocol } }));
      expect(counter.message).toBe('PROTOCOL_MISMATCH');
      expect(counter.data).toMatchObject({ code: 'PROTOCOL_MISMATCH', message: anyOf(String) });
      for (const ns of ['/display', '/kiosk'] as const) {
        const err = await refused(connect(url, ns, { auth: { protocol } }));
        expect(err.message).toBe('PROTOCOL_MISMATCH');
        expect((err.data as { code: string }).code).toBe('PROTOCOL_MISMATCH');
      }
    }
    // Checked before the session: an out-of-date app is told to reload, not to log in.
    const noCookie = await refused(connect(url, '/counter', { auth: { protocol: PROTOCOL_VERSION + 1 } }));
    expect(noCookie.message).toBe('PROTOCOL_MISMATCH');
  });

  test('with the session cookie, counter:snapshot arrives with the user, counters, services and tickets', async () => {
    const t = await issue(url, 'asylum', 'uk');
    const socket = await connect(url, '/counter', { cookie: julia });
    const snap = await firstOf(socket, 'counter:snapshot');
    expect(snap.user).toMatchObject({ username: 'jschulte', displayName: 'Julia Schulte', role: 'staff' });
    expect(typeof snap.seq).toBe('number');
    expect(typeof snap.epoch).toBe('string');
    expect(snap.counters).toHaveLength(10);
    expect(snap.counters.find((c) => c.id === 'schalter-2')).toMatchObject({ name: 'Schalter 2', open: false, userName: null });
    expect(snap.services.map((s) => s.serviceId).sort()).toHaveLength(8);
    expect(snap.tickets.find((x) => x.number === t.number)).toMatchObject({ number: t.number, status: 'waiting', position: 1 });
    expect(snap.services.find((s) => s.serviceId === 'asylum')?.waiting).toBe(1);

    const asked = ok(await emitAck(socket, 'snapshot'));
    expect(asked.ok).toBe(true);
    expect(asked.snapshot.user.username).toBe('jschulte');
    expect(asked.snapshot.seq).toBe(snap.seq);
    // Tidy up: nobody serves asylum in these tests.
    expect((await api(url, 'DELETE', `/api/tickets/${t.id}`)).status).toBe(200);
  });
});

describe('/counter commands', () => {
  test('open, call-next, start and finish through acks; a second staff socket sees every change in order', async () => {
    const a = await connect(url, '/counter', { cookie: julia });
    const b = await connect(url, '/counter', { cookie: ayse });
    const bSnap = await firstOf(b, 'counter:snapshot');

    const ticket = await issue(url, 'permit-pickup', 'en');
    await firstOf(b, 'queue:changed', (e) => e.tickets.some((t) => t.number === ticket.number));

    const opened = await emitAck(a, 'counter:open', { counterId: 'schalter-2' });
    expect(Object.keys(opened).sort()).toEqual(['counter', 'ok', 'ticket']);
    expect(opened).toMatchObject({
      ok: true,
      ticket: null,
      counter: { id: 'schalter-2', open: true, userName: 'Julia Schulte', currentTicketRef: null },
    });

    server.clock.advance(60_000);
    const called = ok(await emitAck(a, 'counter:call-next', { counterId: 'schalter-2' }));
    expect(Object.keys(called).sort()).toEqual(['counter', 'ok', 'ticket']);
    expect(called.ok).toBe(true);
    expect(called.ticket).toMatchObject({ number: ticket.number, status: 'called', counterId: 'schalter-2', callCount: 1 });
    expect(called.counter).toMatchObject({ id: 'schalter-2', currentTicketRef: called.ticket?.ref });

    server.clock.advance(30_000);
    const started = await emitAck(a, 'counter:start', { counterId: 'schalter-2' });
    expect(started).toMatchObject({ ok: true, ticket: { number: ticket.number, status: 'serving' }, counter: { currentTicketRef: called.ticket?.ref } });

    server.clock.advance(300_000);
    const finished = ok(await emitAck(a, 'counter:finish', { counterId: 'schalter-2' }));
    expect(finished).toMatchObject({ ok: true, ticket: { number: ticket.number, status: 'done' }, counter: { currentTicketRef: null } });
    expect(await ticketStatus(ticket.id)).toBe('done');

    const none = await emitAck(a, 'counter:call-next', { counterId: 'schalter-2' });
    expect(none).toMatchObject({ ok: true, ticket: null, counter: { id: 'schalter-2', currentTicketRef: null } });

    // b saw: issue, open, call, start, finish — numbered one by one after its snapshot.
    await firstOf(b, 'queue:changed', (e) => e.tickets.some((t) => t.number === ticket.number && t.status === 'done'));
    const changes = received(b, 'queue:changed');
    expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => bSnap.seq + 1 + i));
    for (const c of changes) expect(c.epoch).toBe(bSnap.epoch);
    const statuses = changes.flatMap((c) => c.tickets.filter((t) => t.number === ticket.number).map((t) => t.status));
    expect(statuses).toEqual(['waiting', 'called', 'serving', 'done']);
    const openPush = changes.find((c) => c.counters.some((x) => x.id === 'schalter-2' && x.open));
    expect(openPush?.counters.find((x) => x.id === 'schalter-2')).toMatchObject({ userName: 'Julia Schulte' });
    // The pushed ticket carries the same state the ack did.
    const donePush = changes.find((c) => c.tickets.some((t) => t.number === ticket.number && t.status === 'done'));
    expect(donePush?.tickets.find((t) => t.number === ticket.number)).toEqual(finished.ticket);
    expect(donePush?.services.find((s) => s.serviceId === 'permit-pickup')?.waiting).toBe(0);
    // a sees the same pushes as b.
    expect(received(a, 'queue:changed').map((c) => c.seq)).toEqual(changes.map((c) => c.seq));
  });

  test("acting on someone else's counter is refused with COUNTER_NOT_YOURS, as over HTTP", async () => {
    const a = await connect(url, '/counter', { cookie: julia });
    const b = await connect(url, '/counter', { cookie: ayse });
    expect((await emitAck(a, 'counter:open', { counterId: 'schalter-2' })).ok).toBe(true);
    const t = await issue(url, 'permit-pickup');

    for (const action of ['call-next', 'recall', 'start', 'finish', 'no-show', 'return', 'close'] as const) {
      const ack = await emitAck(b, `counter:${action}`, { counterId: 'schalter-2' });
      expect(ack, action).toEqual({ ok: false, error: { code: 'COUNTER_NOT_YOURS', message: anyOf(String) } });
    }
    const call = await emitAck(b, 'counter:call', { counterId: 'schalter-2', ticketRef: await staffRef(server.app.office, t.id) });
    expect(failure(call).code).toBe('COUNTER_NOT_YOURS');
    const transfer = await emitAck(b, 'counter:transfer', { counterId: 'schalter-2', serviceId: 'residence' });
    expect(failure(transfer).code).toBe('COUNTER_NOT_YOURS');
    // Opening it is "taken", not a silent take-over.
    const open = await emitAck(b, 'counter:open', { counterId: 'schalter-2' });
    expect(open).toEqual({ ok: false, error: { code: 'COUNTER_TAKEN', message: anyOf(String) } });
    const force = await emitAck(b, 'counter:open', { counterId: 'schalter-2', force: true });
    expect(failure(force).code).toBe('COUNTER_TAKEN');

    // The HTTP route answers the same code for the same command.
    const http = await counterAction<{ error: ErrorBody }>(url, ayse, 'schalter-2', 'call-next');
    expect(http.status).toBe(403);
    expect(http.body.error.code).toBe('COUNTER_NOT_YOURS');
    // Unknown and closed counters.
    expect(failure(await emitAck(b, 'counter:call-next', { counterId: 'schalter-99' })).code).toBe('COUNTER_NOT_FOUND');
    expect(failure(await emitAck(b, 'counter:call-next', { counterId: 'schalter-5' })).code).toBe('COUNTER_CLOSED');

    // Nothing happened to the ticket or the counter.
    expect(await ticketStatus(t.id)).toBe('waiting');
    expect(await counterState('schalter-2')).toMatchObject({ open: true, currentTicketId: null });
    // The owner still can.
    const mine = await emitAck(a, 'counter:call-next', { counterId: 'schalter-2' });
    expect(mine).toMatchObject({ ok: true, ticket: { number: t.number, status: 'called' } });
    expect(ticketOf(await emitAck(a, 'counter:no-show', { counterId: 'schalter-2' })).status).toBe('no_show');
  });

  test('the same command sent several times at once takes effect once', async () => {
    const a = await connect(url, '/counter', { cookie: julia });
    const tab2 = await connect(url, '/counter', { cookie: julia }); // the same person in a second tab
    expect((await emitAck(a, 'counter:open', { counterId: 'schalter-2' })).ok).toBe(true);
    const [t1, t2] = [await issue(url, 'permit-pickup'), await issue(url, 'permit-pickup')];

    const fire = (action: 'call-next' | 'start' | 'finish') =>
      Promise.all([a, a, a, tab2, tab2].map((s) => emitAck(s, `counter:${action}`, { counterId: 'schalter-2' })));
    const calls = await fire('call-next');
    const called = calls.flatMap((c) => (c.ok && c.ticket ? [c.ticket] : []));
    expect(called).toHaveLength(1);
    expect(called[0]?.number).toBe(t1.number);
    for (const c of calls.filter((x) => !x.ok)) expect(failure(c).code).toBe('COUNTER_BUSY');
    expect(calls.filter((c) => !c.ok)).toHaveLength(4);

    const starts = await fire('start');
    expect(starts.filter((c) => c.ok)).toHaveLength(1);
    for (const c of starts.filter((x) => !x.ok)) expect(c.error.code).toBe('INVALID_TRANSITION');
    const finishes = await fire('finish');
    expect(finishes.filter((c) => c.ok)).toHaveLength(1);
    for (const c of finishes.filter((x) => !x.ok)) expect(c.error.code).toBe('NO_CURRENT_TICKET');

    const log = await server.app.office.store.read(server.app.office.siteId, (r) => r.events.after(0, 100_000, ['ticket.called', 'ticket.started', 'ticket.finished']));
    expect(log.filter((e) => e.ticketId === t1.id).map((e) => e.type)).toEqual(['ticket.called', 'ticket.started', 'ticket.finished']);
    expect(await ticketStatus(t2.id)).toBe('waiting');

    // An admin may act on any open counter; the call is logged under the admin.
    const boss = await connect(url, '/counter', { cookie: admin });
    const bossCall = await emitAck(boss, 'counter:call-next', { counterId: 'schalter-2' });
    expect(bossCall).toMatchObject({ ok: true, ticket: { number: t2.number, counterId: 'schalter-2' } });
    // #17: the ticket row names the admin by an actor key, which leads to the admin while the link is kept.
    const bossTicket = bossCall.ok ? bossCall.ticket : null;
    expect(await withUserIds(server.app.office, [{ userId: bossTicket?.userId ?? null }])).toEqual([{ userId: 'usr_admin' }]);
    expect((await emitAck(boss, 'counter:no-show', { counterId: 'schalter-2' })).ok).toBe(true);
  });

  test('invalid payloads are answered with INVALID_INPUT and change nothing', async () => {
    const a = await connect(url, '/counter', { cookie: julia });
    expect((await emitAck(a, 'counter:open', { counterId: 'schalter-2' })).ok).toBe(true);
    const t = await issue(url, 'permit-pickup');
    const big = 'x'.repeat(10 * 1024);
    const bad: Array<[keyof CounterClientEvents, unknown[]]> = [
      ['counter:call-next', [{}]],
      ['counter:call-next', [{ counterId: 42 }]],
      ['counter:call-next', [{ counterId: null }]],
      ['counter:call-next', [{ counterId: ['schalter-2'] }]],
      ['counter:call-next', [{ counterId: { $ne: '' } }]],
      ['counter:call-next', [{ counterId: 'schalter-2', extra: true }]],
      ['counter:call-next', [{ counterId: 'schalter-2', force: true }]],
      ['counter:call-next', [{ counterId: big }]],
      ['counter:call-next', [{ counterId: 'schalter-2', note: big }]],
      ['counter:call-next', [{ counterId: '' }]],
      ['counter:call-next', [{ counterId: '../schalter-2' }]],
      ['counter:call-next', [{ counterId: 'schalter 2' }]],
      ['counter:call-next', [big]],
      ['counter:call-next', [42]],
      ['counter:call-next', [null]],
      ['counter:call-next', [[{ counterId: 'schalter-2' }]]],
      ['counter:call-next', [true]],
      ['counter:call-next', []],
      ['counter:call', [{ counterId: 'schalter-2' }]],
      ['counter:call', [{ counterId: 'schalter-2', ticketRef: 17 }]],
      ['counter:call', [{ counterId: 'schalter-2', ticketRef: big }]],
      // Protocol 3 names tickets by their staff reference; the id field of protocol 2 is unknown.
      ['counter:call', [{ counterId: 'schalter-2', ticketId: 'AAAAAAAAAAAAAAAAAAAAAA' }]],
      ['counter:open', [{ counterId: 'schalter-2', force: 'yes' }]],
      ['counter:open', [{ counterId: 'schalter-2', force: 1 }]],
      ['counter:transfer', [{ counterId: 'schalter-2', serviceId: 5 }]],
      ['counter:transfer', [{ counterId: 'schalter-2', keepPlace: 'no' }]],
      ['counter:transfer', [{ counterId: 'schalter-2', counterId2: 'x' }]],
      ['counter:start', [{ counterid: 'schalter-2' }]],
      ['counter:finish', [{ counterId: 1e308 }]],
      ['counter:close', [{ __proto__: { counterId: 'schalter-2' } }]],
    ];
    for (const [event, args] of bad) {
      const ack = await emitAckUnchecked(a, event, ...args);
      const label = `${event} ${JSON.stringify(args).slice(0, 60)}`;
      expect(ack, label).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: anyOf(String) } });
      expect(failure(ack).message.length, label).toBeLessThan(1000);
    }
    // A payload of `undefined` (JSON has none, socket.io sends null) and a proto-polluting key.
    const polluted = await emitAckUnchecked(a, 'counter:call-next', JSON.parse('{"counterId":"schalter-2","__proto__":{"x":1}}'));
    expect(failure(polluted).code).toBe('INVALID_INPUT');

    expect(await ticketStatus(t.id)).toBe('waiting');
    expect(await counterState('schalter-2')).toMatchObject({ open: true, currentTicketId: null });
    // The socket and the server still work.
    const ok = await emitAck(a, 'counter:call-next', { counterId: 'schalter-2' });
    expect(ok).toMatchObject({ ok: true, ticket: { number: t.number } });
    expect((await emitAck(a, 'counter:start', { counterId: 'schalter-2' })).ok).toBe(true);
    expect((await emitAck(a, 'counter:finish', { counterId: 'schalter-2' })).ok).toBe(true);
  });

  test('an emit without an ack callback is ignored and does not crash the server', async () => {
    const a = await connect(url, '/counter', { cookie: julia });
    expect((await emitAck(a, 'counter:open', { counterId: 'schalter-2' })).ok).toBe(true);
    const t = await issue(url, 'permit-pickup');

    emitUnchecked(a, 'counter:call-next', { counterId: 'schalter-2' });
    emitUnchecked(a, 'counter:call-next');
    emitUnchecked(a, 'counter:call-next', null);
    emitUnchecked(a, 'counter:finish', 'x'.repeat(10 * 1024));
    emitUnchecked(a, 'counter:close', { counterId: 'schalter-2' }, 'not a callback');
    emitUnchecked(a, 'counter:transfer', { counterId: 'schalter-2', serviceId: 'residence' });
    emitUnchecked(a, 'snapshot');
    emitUnchecked(a, 'snapshot', { please: true });
    emitUnchecked(a, 'no-such-event', { counterId: 'schalter-2' });
    // Display and kiosk sockets sending junk are ignored as well.
    const display = await connect(url, '/display');
    emitUnchecked(display, 'snapshot');
    emitUnchecked(display, 'snapshot', 'x'.repeat(10 * 1024));
    emitUnchecked(display, 'counter:call-next', { counterId: 'schalter-2' }, () => undefined);

    // The server still answers on the same socket, over HTTP, and on new sockets.
    const snap = await emitAck(a, 'snapshot');
    expect(snap.ok).toBe(true);
    expect((await api(url, 'GET', '/api/health')).status).toBe(200);
    const fresh = await connect(url, '/counter', { cookie: julia });
    expect((await emitAck(fresh, 'snapshot')).ok).toBe(true);
    // And none of the ack-less commands ran: the ticket still waits, the counter is still open.
    expect(await ticketStatus(t.id)).toBe('waiting');
    expect(await counterState('schalter-2')).toMatchObject({ open: true, currentTicketId: null });
    expect(a.connected).toBe(true);
    const ok = await emitAck(a, 'counter:call-next', { counterId: 'schalter-2' });
    expect(ok).toMatchObject({ ok: true, ticket: { number: t.number } });
    expect((await emitAck(a, 'counter:no-show', { counterId: 'schalter-2' })).ok).toBe(true);
  });

  test('a payload above the socket size limit drops that socket only', async () => {
    const a = await connect(url, '/counter', { cookie: julia });
    const other = await connect(url, '/counter', { cookie: julia });
    const gone = waitForDisconnect(a);
    a.emit('counter:call-next', { counterId: 'x'.repeat(200 * 1024) }, () => undefined);
    await gone;
    expect((await emitAck(other, 'snapshot')).ok).toBe(true);
    expect((await api(url, 'GET', '/api/health')).status).toBe(200);
  });

  test('after logout over HTTP, the session\'s sockets are closed at once and the cookie opens no new one', async () => {
    // A session of its own, so the other tests keep theirs.
    const cookie = await server.login('ftesfaye');
    const s = await connect(url, '/counter', { cookie });
    expect((await emitAck(s, 'counter:open', { counterId: 'raum-1-17' })).ok).toBe(true);
    const watcher = await connect(url, '/counter', { cookie: admin });

    const gone = waitForDisconnect(s);
    const out = await api(url, 'POST', '/api/auth/logout', { cookie });
    expect(out.status).toBe(200);
    await gone;
    expect((await api(url, 'GET', '/api/auth/me', { cookie })).status).toBe(401);
    // The old cookie opens no new socket.
    const err = await refused(connect(url, '/counter', { cookie }));
    expect(err.message).toBe('UNAUTHENTICATED');
    // The logout closed the user's counter (issue #13): nobody is at it any more.
    expect(await counterState('raum-1-17')).toMatchObject({ open: false });
    expect((await emitAck(watcher, 'counter:open', { counterId: 'raum-1-17' })).ok).toBe(true);
    expect((await emitAck(watcher, 'counter:close', { counterId: 'raum-1-17' })).ok).toBe(true);
  });

  test('after logout over HTTP, an idle socket stops receiving queue:changed', async () => {
    const cookie = await server.login('mhosseini');
    const s = await connect(url, '/counter', { cookie });
    await firstOf(s, 'counter:snapshot');
    const watcher = await connect(url, '/counter', { cookie: admin });
    expect((await api(url, 'POST', '/api/auth/logout', { cookie })).status).toBe(200);
    const gone = waitForDisconnect(s);

    // Staff data keeps changing; the logged-out socket must not get it.
    const t = await issue(url, 'youth-migration', 'ti');
    await firstOf(watcher, 'queue:changed', (e) => e.tickets.some((x) => x.number === t.number));
    // It is closed, so the app notices and shows the login (a reconnect is refused). The close is
    // the barrier: whatever was sent to the socket before it has arrived by now.
    await gone;
    const leaked = received(s, 'queue:changed').filter((e) => e.tickets.some((x) => x.number === t.number));
    expect(leaked).toEqual([]);
    expect(watcher.connected).toBe(true);
    expect((await api(url, 'DELETE', `/api/tickets/${t.id}`)).status).toBe(200);
  });
});
