import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { IssuedTicket, PublicTicket } from '../../common/dto.js';
import { PROTOCOL_VERSION } from '../../common/protocol.js';
import { event, type LoggedEvent } from '../../server/domain/events.js';
import { instantAt } from '../../server/domain/time.js';
import { touchedServices } from '../../server/realtime/visitor.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, emitAck, firstOf, ok, received, type ClientSocket } from '../helpers/socket-clients.js';
import { api, counterAction, issue } from './support.js';

/**
 * #14: after a committed batch, /visitor works out again only the followed
 * tickets whose view the batch can have changed: the tickets it names and
 * those of the services it touched; all of them after a counter opened or
 * closed. What phones are shown stays what they were shown before.
 */

const WEDNESDAY_9 = instantAt('2026-06-10', '09:00', 'Europe/Berlin');

let server: TestServer;
let url: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({}, WEDNESDAY_9);
  url = server.url;
  admin = await server.login('admin');
});
afterAll(async () => {
  closeAll();
  await server?.close();
});
const drawn: string[] = [];
async function draw(serviceId: string): Promise<IssuedTicket> {
  const t = await issue(url, serviceId);
  drawn.push(t.id);
  return t;
}
afterEach(async () => {
  closeAll();
  for (const id of drawn.splice(0)) await api(url, 'DELETE', `/api/tickets/${id}`);
  for (const counterId of ['schalter-3', 'raum-1-14']) {
    await counterAction(url, admin, counterId, 'no-show');
    await counterAction(url, admin, counterId, 'close');
  }
});

const follow = async (ticketId: string) => {
  const s = await connect(url, '/visitor', { auth: { protocol: PROTOCOL_VERSION, ticket: ticketId } });
  await firstOf(s, 'visitor:snapshot');
  return s;
};
const push = (s: ClientSocket<'/visitor'>, pred: (t: PublicTicket) => boolean) => firstOf(s, 'ticket:status', (e) => pred(e.ticket));
const recomputed = () => server.app.realtime.visitorViewsRecomputed();

const at = <E extends ReturnType<typeof event>>(e: E): E & { seq: number } => ({ ...e, seq: 1 });
const started = (serviceId: string | null): LoggedEvent => at(event('ticket.started', 0, { ticketId: 't', serviceId }));

describe('touchedServices', () => {
  test('ticket events touch their service, a transfer its target too; counters touch everything; records nothing', () => {
    expect(touchedServices([started('residence'), at(event('ticket.cancelled', 0, { ticketId: 'u', serviceId: 'asylum' }))])).toEqual(
      new Set(['residence', 'asylum']),
    );
    const transfer = { fromServiceId: 'residence', toServiceId: 'asylum', toCounterId: null, keepPlace: true, serviceMs: 0 };
    expect(touchedServices([at(event('ticket.transferred', 0, { ticketId: 't', serviceId: 'residence', data: transfer }))])).toEqual(
      new Set(['residence', 'asylum']),
    );
    expect(touchedServices([started('residence'), at(event('counter.closed', 0, { counterId: 'schalter-1' }))])).toBeNull();
    expect(touchedServices([started(null)])).toBeNull();
    const records = [
      at(event('ticket.estimate_shown', 0, { ticketId: 't', serviceId: 'residence', data: { estimate: null, position: 1 } })),
      at(event('counter.alarm_raised', 0, { counterId: 'schalter-1', data: { alarmId: 'a' } })),
    ];
    expect(touchedServices(records)).toEqual(new Set());
  });
});

describe('/visitor recomputes only what a batch can change', () => {
  test('a call in one service works out its own followers only; the phones of another service hear nothing', async () => {
    expect((await counterAction(url, admin, 'schalter-3', 'open')).status).toBe(200);
    expect((await counterAction(url, admin, 'raum-1-14', 'open')).status).toBe(200);
    const residence = [await draw('residence'), await draw('residence'), await draw('residence')];
    const naturalisation = [await draw('naturalisation'), await draw('naturalisation')];
    const phones = await Promise.all([...residence, ...naturalisation].map((t) => follow(t.id)));
    const [r1, r2, r3, n1, n2] = phones;

    const before = recomputed();
    expect((await counterAction(url, admin, 'schalter-3', 'call-next')).status).toBe(200);
    await push(r1!, (t) => t.status === 'called');
    await push(r2!, (t) => t.position === 1);
    await push(r3!, (t) => t.position === 2);
    // A later change upstairs is the barrier: its pushes come after anything the call caused.
    expect((await counterAction(url, admin, 'raum-1-14', 'call-next')).status).toBe(200);
    await push(n1!, (t) => t.status === 'called');
    await push(n2!, (t) => t.position === 1);
    // The call downstairs worked out the three residence tickets, the one upstairs the two naturalisation ones.
    expect(recomputed() - before).toBe(5);
    expect(received(n2!, 'ticket:status').map((e) => e.ticket.position)).toEqual([1]);
    expect(received(r3!, 'ticket:status').map((e) => e.ticket.position)).toEqual([2]);
  });

  test('a counter that opens changes the estimates of every service it serves: all followers are worked out', async () => {
    const t = await draw('naturalisation');
    const phone = await follow(t.id);
    const other = await follow((await draw('residence')).id);
    const before = recomputed();
    expect((await counterAction(url, admin, 'raum-1-14', 'open')).status).toBe(200);
    const shown = await push(phone, (x) => x.estimate !== null);
    expect(shown.ticket.estimate).toMatchObject({ low: expect.any(Number) as number });
    await counterAction(url, admin, 'raum-1-14', 'close');
    await push(phone, (x) => x.estimate === null);
    expect(recomputed() - before).toBe(4);
    expect(received(other, 'ticket:status')).toEqual([]);
  });

  test('a transfer into a service moves its followers back, keeping the transferred place', async () => {
    expect((await counterAction(url, admin, 'schalter-3', 'open')).status).toBe(200);
    const early = await draw('residence');
    const later = await draw('naturalisation');
    const phone = await follow(later.id);
    expect((await counterAction(url, admin, 'schalter-3', 'call-next')).status).toBe(200);
    expect((await counterAction(url, admin, 'schalter-3', 'transfer', { serviceId: 'naturalisation', keepPlace: true })).status).toBe(200);
    // The residence ticket drawn before keeps its place in naturalisation: the follower moves from 1 to 2.
    const moved = await push(phone, (x) => x.position === 2);
    expect(moved.ticket.serviceId).toBe('naturalisation');
    expect(early.id).not.toBe(later.id);
  });

  test('phones asking at once share reads of the queue, and each gets its own ticket', async () => {
    const tickets = await Promise.all(Array.from({ length: 20 }, () => draw('residence')));
    const phones = await Promise.all(tickets.map((t) => follow(t.id)));
    const before = server.app.realtime.visitorSnapshotReads();
    const answers = await Promise.all(phones.map((p) => emitAck(p, 'snapshot')));
    const snaps = answers.map((a) => ok(a).snapshot);
    expect(snaps.map((s) => s.ticket.id)).toEqual(tickets.map((t) => t.id));
    expect(new Set(snaps.map((s) => s.ticket.position)).size).toBe(20);
    expect(server.app.realtime.visitorSnapshotReads() - before).toBeLessThan(20);
  });
});
