import type { PublicCounter, StaffTicket } from '../../common/dto.js';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { anyOf } from '../helpers/matchers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, emitAck, firstOf, history, ok, received, ticketOf, waitFor } from '../helpers/socket-clients.js';
import { api, counterAction, issue } from './support.js';
import { SERVICES_PUSH_INTERVAL_MS } from '../../server/realtime/broadcaster.js';
import { DISPLAY_HISTORY_SIZE } from '../../server/app/snapshots.js';

/**
 * /display: the public waiting-room screens. Real server, real SQLite file,
 * real socket.io-client sockets; counters act over HTTP and over /counter.
 */

let server: TestServer;
let url: string;
let staffCookie: string; // jschulte, opens Schalter 2 (permit-pickup primary; information, residence secondary)
let adminCookie: string;
/** Every string that would identify a staff member: user ids, usernames, display names. */
let staffSecrets: string[];

beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
  staffCookie = await server.login('jschulte');
  adminCookie = await server.login('admin');
  const users = await server.app.office.store.read(server.app.office.siteId, (r) => r.staff.users());
  staffSecrets = users.flatMap((u) => [u.id, u.username, u.displayName]);
  expect(users.length).toBeGreaterThanOrEqual(10);
  const open = await counterAction(url, staffCookie, 'schalter-2', 'open');
  expect(open.status).toBe(200);
});

afterAll(async () => {
  closeAll();
  await server?.close();
});

afterEach(() => closeAll());

function assertNoStaffData(payload: unknown): void {
  const json = JSON.stringify(payload);
  for (const secret of staffSecrets) expect(json, `display payload leaks "${secret}"`).not.toContain(secret);
  expect(json).not.toMatch(/"userId"|"userName"|"displayName"|"username"/);
}

/** Finishes whatever schalter-2 has, so the next call can happen. */
async function clearCounter(counterId = 'schalter-2', cookie = staffCookie): Promise<void> {
  const c = (await api<PublicCounter[]>(url, 'GET', '/api/counters')).body.find((x) => x.id === counterId);
  if (!c?.currentTicket) return;
  if (c.currentTicket.status === 'called') expect((await counterAction(url, cookie, counterId, 'start')).status).toBe(200);
  expect((await counterAction(url, cookie, counterId, 'finish')).status).toBe(200);
}

describe('/display', () => {
  test('sends a snapshot on connect: counters, services and seq, without staff data', async () => {
    const display = await connect(url, '/display');
    const snap = await firstOf(display, 'display:snapshot');
    expect(typeof snap.seq).toBe('number');
    expect(typeof snap.epoch).toBe('string');
    expect(snap.epoch.length).toBeGreaterThan(0);
    expect(Array.isArray(snap.calls)).toBe(true);
    expect(snap.counters.map((c) => c.id).sort()).toEqual(
      [
        'raum-1-14',
        'raum-1-15',
        'raum-1-16',
        'raum-1-17',
        'raum-1-18',
        'schalter-1',
        'schalter-2',
        'schalter-3',
        'schalter-4',
        'schalter-5',
      ].sort(),
    );
    const s2 = snap.counters.find((c) => c.id === 'schalter-2');
    expect(s2).toMatchObject({ name: 'Schalter 2', area: 'eg', open: true });
    expect(snap.services.length).toBe(8);
    for (const s of snap.services) expect(s).toMatchObject({ id: anyOf(String), prefix: anyOf(String), open: true });
    assertNoStaffData(snap);

    // The snapshot can also be asked for, with the same shape.
    const asked = ok(await emitAck(display, 'snapshot'));
    expect(asked.ok).toBe(true);
    expect(asked.snapshot.epoch).toBe(snap.epoch);
    expect(asked.snapshot.seq).toBe(snap.seq);
    expect(asked.snapshot.counters).toEqual(snap.counters);
    assertNoStaffData(asked);
  });

  test('a call over HTTP reaches every connected display with all fields', async () => {
    const displays = await Promise.all([1, 2, 3].map(() => connect(url, '/display')));
    await Promise.all(displays.map((d) => firstOf(d, 'display:snapshot')));
    const ticket = await issue(url, 'permit-pickup', 'fr');
    server.clock.advance(1000);
    const waits = displays.map((d) => waitFor(d, 'ticket:called', (e) => e.number === ticket.number));

    const res = await counterAction<StaffTicket>(url, staffCookie, 'schalter-2', 'call-next');
    expect(res.status).toBe(200);
    expect(res.body.number).toBe(ticket.number);

    const events = await Promise.all(waits);
    for (const e of events) {
      expect(e).toEqual({
        number: ticket.number,
        counterId: 'schalter-2',
        counterName: 'Schalter 2',
        area: 'eg',
        serviceId: 'permit-pickup',
        language: 'fr',
        recall: false,
        at: server.clock.now,
        seq: anyOf(Number),
        epoch: anyOf(String),
      });
      assertNoStaffData(e);
    }
    // Every display sees the same numbering (one sequence per namespace).
    expect(new Set(events.map((e) => e.seq)).size).toBe(1);
    expect(new Set(events.map((e) => e.epoch)).size).toBe(1);
    await clearCounter();
  });

  test('a call and a recall over the /counter socket reach every display; recall is flagged', async () => {
    const displays = await Promise.all([1, 2, 3].map(() => connect(url, '/display')));
    await Promise.all(displays.map((d) => firstOf(d, 'display:snapshot')));
    const staff = await connect(url, '/counter', { cookie: staffCookie });
    const ticket = await issue(url, 'information', 'ar');
    server.clock.advance(1000);

    const called = displays.map((d) => waitFor(d, 'ticket:called', (e) => e.number === ticket.number));
    const ack = ok(await emitAck(staff, 'counter:call-next', { counterId: 'schalter-2' }));
    expect(ack.ok).toBe(true);
    expect(ticketOf(ack).number).toBe(ticket.number);
    const calledAt = server.clock.now;
    for (const e of await Promise.all(called)) {
      expect(e).toMatchObject({
        number: ticket.number,
        counterId: 'schalter-2',
        counterName: 'Schalter 2',
        area: 'eg',
        serviceId: 'information',
        language: 'ar',
        recall: false,
        at: calledAt,
      });
    }

    server.clock.advance(30_000);
    const recalled = displays.map((d) => waitFor(d, 'ticket:called', (e) => e.number === ticket.number));
    const recallAck = ok(await emitAck(staff, 'counter:recall', { counterId: 'schalter-2' }));
    expect(recallAck.ok).toBe(true);
    for (const e of await Promise.all(recalled)) {
      expect(e).toMatchObject({
        number: ticket.number,
        counterId: 'schalter-2',
        counterName: 'Schalter 2',
        area: 'eg',
        serviceId: 'information',
        language: 'ar',
        recall: true,
        at: calledAt + 30_000,
      });
      assertNoStaffData(e);
    }
    await clearCounter();
  });

  test('seq rises by exactly 1 per display push, across ticket:called and services:status', async () => {
    const display = await connect(url, '/display');
    const snap = await firstOf(display, 'display:snapshot');
    const staff = await connect(url, '/counter', { cookie: staffCookie });

    // A mix of pushes: issues (status only), calls and recalls (call + status), starts/finishes (status).
    const issued: string[] = [];
    for (let i = 0; i < 4; i++) issued.push((await issue(url, i % 2 ? 'residence' : 'permit-pickup')).number);
    const announced: string[] = [];
    for (let i = 0; i < 4; i++) {
      server.clock.advance(1000);
      const call = ok(await emitAck(staff, 'counter:call-next', { counterId: 'schalter-2' }));
      expect(call.ok).toBe(true);
      announced.push(ticketOf(call).number);
      if (i % 2 === 0) {
        expect((await emitAck(staff, 'counter:recall', { counterId: 'schalter-2' })).ok).toBe(true);
        announced.push(ticketOf(call).number);
      }
      expect((await emitAck(staff, 'counter:start', { counterId: 'schalter-2' })).ok).toBe(true);
      expect((await emitAck(staff, 'counter:finish', { counterId: 'schalter-2' })).ok).toBe(true);
    }
    // 6 ticket:called (4 calls, 2 recalls), each as its own push. services:status is coalesced
    // (SERVICES_PUSH_INTERVAL_MS), so there are between 1 and 18 of them (18 commits); wait until quiet.
    const pushes = () => history(display).filter((e) => e.event === 'ticket:called' || e.event === 'services:status');
    const deadline = Date.now() + 5000;
    let count = -1;
    while ((count !== pushes().length || pushes().filter((e) => e.event === 'ticket:called').length < 6) && Date.now() < deadline) {
      count = pushes().length;
      await new Promise((r) => setTimeout(r, SERVICES_PUSH_INTERVAL_MS + 150));
    }
    const seen = pushes();
    const statuses = seen.filter((e) => e.event === 'services:status');
    expect(statuses.length).toBeLessThanOrEqual(18);
    expect(seen.map((e) => e.payload.seq)).toEqual(Array.from({ length: seen.length }, (_, i) => snap.seq + 1 + i));
    for (const e of seen) expect(e.payload.epoch).toBe(snap.epoch);
    expect(new Set(announced)).toEqual(new Set(issued));
    expect(seen.filter((e) => e.event === 'ticket:called').map((e) => e.payload.number)).toEqual(announced);
    // Whatever was coalesced, the screen ends up knowing the services' current state.
    const latest = statuses.at(-1)?.payload.services ?? snap.services;
    expect(latest).toEqual((await api(url, 'GET', '/api/services')).body);
    for (const e of seen) assertNoStaffData(e.payload);

    // A client that saw a gap asks for a snapshot: it is numbered as of the last push.
    const resync = ok(await emitAck(display, 'snapshot'));
    expect(resync.ok).toBe(true);
    expect(resync.snapshot.seq).toBe(snap.seq + seen.length);
    expect(resync.snapshot.epoch).toBe(snap.epoch);
  });

  test('after a reconnect the snapshot carries the call history, newest first, numbers only', async () => {
    const first = await connect(url, '/display');
    const before = await firstOf(first, 'display:snapshot');
    first.close();

    // Calls at two counters while the screen is away.
    const adminStaff = await connect(url, '/counter', { cookie: adminCookie });
    expect((await emitAck(adminStaff, 'counter:open', { counterId: 'raum-1-14' })).ok).toBe(true);
    const calls: Array<{ number: string; counterId: string; recall: boolean; at: number }> = [];
    for (let i = 0; i < 3; i++) {
      const a = await issue(url, 'naturalisation', 'en');
      const b = await issue(url, 'permit-pickup', 'de');
      server.clock.advance(1000);
      expect(ticketOf(await emitAck(adminStaff, 'counter:call-next', { counterId: 'raum-1-14' })).number).toBe(a.number);
      calls.push({ number: a.number, counterId: 'raum-1-14', recall: false, at: server.clock.now });
      server.clock.advance(1000);
      expect((await counterAction<StaffTicket>(url, staffCookie, 'schalter-2', 'call-next')).body.number).toBe(b.number);
      calls.push({ number: b.number, counterId: 'schalter-2', recall: false, at: server.clock.now });
      server.clock.advance(1000);
      expect((await counterAction(url, staffCookie, 'schalter-2', 'recall')).status).toBe(200);
      calls.push({ number: b.number, counterId: 'schalter-2', recall: true, at: server.clock.now });
      await clearCounter('raum-1-14', adminCookie);
      await clearCounter();
    }

    const again = await connect(url, '/display');
    const snap = await firstOf(again, 'display:snapshot');
    expect(snap.epoch).toBe(before.epoch);
    expect(snap.seq).toBeGreaterThan(before.seq);
    const newestFirst = [...calls].reverse();
    expect(snap.calls.slice(0, newestFirst.length).map((c) => ({ number: c.number, counterId: c.counterId, recall: c.recall, at: c.at }))).toEqual(
      newestFirst,
    );
    for (const c of snap.calls) {
      expect(Object.keys(c).sort()).toEqual(['area', 'at', 'counterId', 'counterName', 'language', 'number', 'recall', 'serviceId']);
    }
    expect(snap.calls[0]).toMatchObject({ counterName: 'Schalter 2', area: 'eg', serviceId: 'permit-pickup', recall: true });
    expect(snap.calls[2]).toMatchObject({ counterName: 'Raum 1.14', area: 'og1', serviceId: 'naturalisation', language: 'en' });
    // The times in the history are ordered newest first.
    for (let i = 1; i < snap.calls.length; i++) expect(snap.calls[i - 1]!.at).toBeGreaterThanOrEqual(snap.calls[i]!.at);
    assertNoStaffData(snap);

    // The `snapshot` request (what a client does on a seq gap) returns the same history.
    const asked = ok(await emitAck(again, 'snapshot'));
    expect(asked.ok).toBe(true);
    expect(asked.snapshot.calls).toEqual(snap.calls);
    assertNoStaffData(asked);

    // And everything this screen was ever sent is free of staff data.
    for (const e of history(again)) assertNoStaffData(e.payload);
    expect(received(again, 'display:snapshot')).toHaveLength(1);
  });

  test(`the history holds at most the latest ${DISPLAY_HISTORY_SIZE} calls`, async () => {
    const numbers: string[] = [];
    for (let i = 0; i < DISPLAY_HISTORY_SIZE + 2; i++) {
      const t = await issue(url, 'permit-pickup');
      server.clock.advance(1000);
      expect((await counterAction<StaffTicket>(url, staffCookie, 'schalter-2', 'call-next')).body.number).toBe(t.number);
      numbers.push(t.number);
      await clearCounter();
    }
    const display = await connect(url, '/display');
    const snap = await firstOf(display, 'display:snapshot');
    expect(snap.calls.map((c) => c.number)).toEqual(numbers.slice(-DISPLAY_HISTORY_SIZE).reverse());
  });
});
