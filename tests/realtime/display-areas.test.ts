import type { PublicCounter } from '../../common/dto.js';
import { PROTOCOL_VERSION } from '../../common/protocol.js';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, emitAck, firstOf, history, ok, received, ticketOf, waitFor } from '../helpers/socket-clients.js';
import { api, issue } from './support.js';

/**
 * #14: calls are routed to the screens of their area. A /display socket names
 * its areas in the handshake (`auth.area`); it receives the calls of counters
 * there and its own numbering (no gaps from other areas' calls); a screen
 * without an area receives every call, as before.
 */

let server: TestServer;
let url: string;
let cookie: string;

beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
  cookie = await server.login('admin');
});

afterAll(async () => {
  closeAll();
  await server?.close();
});

afterEach(() => closeAll());

const screen = (area?: string) => connect(url, '/display', { auth: { protocol: PROTOCOL_VERSION, ...(area === undefined ? {} : { area }) } });

/** Calls the next ticket at `counterId` (opening it first), then frees the counter again. */
async function callAt(counterId: string, serviceId: string): Promise<string> {
  const staff = await connect(url, '/counter', { cookie });
  const counters = (await api<PublicCounter[]>(url, 'GET', '/api/counters')).body;
  if (!counters.find((c) => c.id === counterId)?.open) expect((await emitAck(staff, 'counter:open', { counterId })).ok).toBe(true);
  const t = await issue(url, serviceId, "de", cookie);
  server.clock.advance(1000);
  const call = ok(await emitAck(staff, 'counter:call-next', { counterId }));
  expect(ticketOf(call).number).toBe(t.number);
  expect((await emitAck(staff, 'counter:no-show', { counterId })).ok).toBe(true);
  staff.close();
  return t.number;
}

describe('/display by area', () => {
  test('a screen of area og1 does not receive a call of area eg; eg and all-area screens do; no screen sees a gap', async () => {
    const [og1, eg, all, both] = await Promise.all([screen('og1'), screen('eg'), screen(), screen('og1, eg')]);
    const snaps = await Promise.all([og1, eg, all, both].map((s) => firstOf(s, 'display:snapshot')));
    const downstairs = waitFor(eg, 'ticket:called');
    const everywhere = waitFor(all, 'ticket:called');
    const egCall = await callAt('schalter-1', 'information');
    expect((await downstairs).number).toBe(egCall);
    expect((await everywhere).number).toBe(egCall);

    // A later call upstairs reaches og1; pushes arrive in order, so a routed eg call would be there by now.
    const upstairs = waitFor(og1, 'ticket:called');
    const og1Call = await callAt('raum-1-14', 'naturalisation');
    expect((await upstairs).number).toBe(og1Call);
    await firstOf(all, 'ticket:called', (e) => e.number === og1Call);
    await firstOf(both, 'ticket:called', (e) => e.number === og1Call);

    expect(received(og1, 'ticket:called').map((e) => e.number)).toEqual([og1Call]);
    expect(received(eg, 'ticket:called').map((e) => e.number)).toEqual([egCall]);
    expect(received(all, 'ticket:called').map((e) => e.number)).toEqual([egCall, og1Call]);
    expect(received(both, 'ticket:called').map((e) => e.number)).toEqual([egCall, og1Call]);

    // Each screen's pushes (calls and services) count on from its snapshot without a gap.
    [og1, eg, all, both].forEach((s, i) => {
      const pushes = history(s).filter((e) => e.event === 'ticket:called' || e.event === 'services:status');
      const snap = snaps[i];
      expect(pushes.map((e) => e.payload.seq)).toEqual(pushes.map((_, k) => (snap?.seq ?? 0) + 1 + k));
      for (const e of pushes) expect(e.payload.epoch).toBe(snap?.epoch);
    });
  });

  test("a screen's snapshot holds its own areas' calls, numbered in its own sequence", async () => {
    const egCall = await callAt('schalter-1', 'information');
    const og1Call = await callAt('raum-1-14', 'naturalisation');
    const [og1, all] = await Promise.all([screen('og1'), screen()]);
    const [og1Snap, allSnap] = await Promise.all([firstOf(og1, 'display:snapshot'), firstOf(all, 'display:snapshot')]);
    expect(og1Snap.calls.map((c) => c.number)).toContain(og1Call);
    expect(og1Snap.calls.every((c) => c.area === 'og1')).toBe(true);
    expect(allSnap.calls.map((c) => c.number).slice(0, 2)).toEqual([og1Call, egCall]);
    // Counters and services stay whole: the screen works out its waiting counts from them, as before.
    expect(og1Snap.counters).toEqual(allSnap.counters);

    // Asked again (after a gap), the snapshot is numbered as of that room's last push.
    const next = waitFor(og1, 'ticket:called');
    const later = await callAt('raum-1-14', 'naturalisation');
    const pushed = await next;
    expect(pushed.number).toBe(later);
    const asked = ok(await emitAck(og1, 'snapshot')).snapshot;
    expect(asked.epoch).toBe(pushed.epoch);
    expect(asked.seq).toBeGreaterThanOrEqual(pushed.seq);
    expect(asked.calls[0]?.number).toBe(later);
  });

  test('a screen naming no known area gets every call, as one without an area', async () => {
    const [odd, all] = await Promise.all([screen('basement, '), screen()]);
    const [oddSnap, allSnap] = await Promise.all([firstOf(odd, 'display:snapshot'), firstOf(all, 'display:snapshot')]);
    expect(oddSnap.epoch).toBe(allSnap.epoch);
    const arrives = waitFor(odd, 'ticket:called');
    const number = await callAt('schalter-1', 'information');
    expect((await arrives).number).toBe(number);
  });
});
