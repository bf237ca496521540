import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicTicket } from '../../common/dto.js';
import { PROTOCOL_VERSION } from '../../common/protocol.js';
import type { EventType, LoggedEvent, LoggedEventOf } from '../../server/domain/events.js';
import { instantAt } from '../../server/domain/time.js';
import { closeAll, connect, firstOf, received, type ClientSocket } from '../helpers/socket-clients.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { counterAction, issue } from '../realtime/support.js';

/**
 * Every new wait range pushed to a visitor's phone is logged as
 * ticket.estimate_shown, once per ticket however many phones follow it; a push
 * that leaves the range as it was logs nothing. Real server, real sockets.
 * Residence (15 min by default) is served by schalter-3 (ayilmaz) and
 * schalter-4 (kmansour); information by schalter-1 (admin here).
 */

const WEDNESDAY_9 = instantAt('2026-06-10', '09:00', 'Europe/Berlin');

let server: TestServer;
let ayse: string;
let karim: string;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({}, WEDNESDAY_9);
  [ayse, karim, admin] = await Promise.all([server.login('ayilmaz'), server.login('kmansour'), server.login('admin')]);
});
afterAll(async () => {
  closeAll();
  await server?.close();
});

const follow = async (ticketId: string): Promise<ClientSocket<'/visitor'>> => {
  const phone = await connect(server.url, '/visitor', { auth: { protocol: PROTOCOL_VERSION, ticket: ticketId } });
  await firstOf(phone, 'visitor:snapshot');
  return phone;
};
const pushes = (phone: ClientSocket<'/visitor'>) => received(phone, 'ticket:status');
const pushNo = (phone: ClientSocket<'/visitor'>, seq: number) => firstOf(phone, 'ticket:status', (e) => e.seq === seq);
const ok = async (reply: Promise<{ status: number }>) => expect((await reply).status).toBe(200);

/** The next committed batch that holds events of this type (a barrier: resolves only after commit). */
function nextLogged<K extends EventType>(type: K): Promise<LoggedEventOf<K>[]> {
  const { events } = server.app.office;
  return new Promise((resolve) => {
    const listener = (batch: LoggedEvent[]) => {
      const mine = batch.filter((e): e is LoggedEventOf<K> => e.type === type);
      if (mine.length === 0) return;
      events.off('committed', listener);
      resolve(mine);
    };
    events.on('committed', listener);
  });
}

const shownFor = (ticketId: string) =>
  server.app.office.store.read(server.app.office.siteId, async (r) =>
    (await r.events.after(0, 10_000, ['ticket.estimate_shown']))
      .filter((e) => e.ticketId === ticketId)
      .map((e) => e.data),
  );

describe('ticket.estimate_shown', () => {
  it('logs a new range pushed to the phones once, however many phones follow the ticket', async () => {
    await ok(counterAction(server.url, ayse, 'schalter-3', 'open'));
    const first: PublicTicket = await issue(server.url, 'residence');
    const mine: PublicTicket = await issue(server.url, 'residence', 'uk');
    expect([mine.position, mine.estimate]).toEqual([2, { low: 12, high: 20 }]);
    const [phone, tablet] = await Promise.all([follow(mine.id), follow(mine.id)]);

    // A second counter opens: the wait halves.
    let logged = nextLogged('ticket.estimate_shown');
    await ok(counterAction(server.url, karim, 'schalter-4', 'open'));
    const halved = await Promise.all([pushNo(phone, 1), pushNo(tablet, 1)]);
    expect(halved.map((p) => [p.ticket.position, p.ticket.estimate])).toEqual([
      [2, { low: 6, high: 11 }],
      [2, { low: 6, high: 11 }],
    ]);
    expect(await logged).toEqual([
      expect.objectContaining({
        type: 'ticket.estimate_shown',
        v: 1,
        ticketId: mine.id,
        serviceId: 'residence',
        counterId: null,
        userId: null,
        data: { estimate: { low: 6, high: 11 }, position: 2 },
      }),
    ]);

    // The ticket ahead is called: next in line.
    logged = nextLogged('ticket.estimate_shown');
    await ok(counterAction(server.url, ayse, 'schalter-3', 'call', { ticketId: first.id }));
    expect((await pushNo(phone, 2)).ticket.estimate).toEqual({ low: 0, high: 5 });
    expect((await logged).map((e) => e.data)).toEqual([{ estimate: { low: 0, high: 5 }, position: 1 }]);

    // Called: the phone shows no range any more, and nothing is logged for it.
    await ok(counterAction(server.url, karim, 'schalter-4', 'call', { ticketId: mine.id }));
    await Promise.all([pushNo(phone, 3), pushNo(tablet, 3)]);
    expect(await shownFor(mine.id)).toEqual([
      { estimate: { low: 6, high: 11 }, position: 2 },
      { estimate: { low: 0, high: 5 }, position: 1 },
    ]);
    expect(pushes(phone).map((p) => [p.seq, p.ticket.status])).toEqual([
      [1, 'waiting'],
      [2, 'waiting'],
      [3, 'called'],
    ]);
    expect(pushes(tablet).map((p) => p.seq)).toEqual([1, 2, 3]);
    closeAll();
  });

  it('logs nothing for a push that leaves the range as it was, and logs "unknown" when it becomes unknown', async () => {
    // One-minute services: one person ahead or none is the same "0–5 min".
    await server.app.office.store.transaction(server.app.office.siteId, async (tx) => {
      const service = await tx.catalog.service('information');
      if (!service) throw new Error('demo service "information" is missing');
      await tx.catalog.putService({ ...service, defaultServiceMinutes: 1 });
    });
    await ok(counterAction(server.url, admin, 'schalter-1', 'open'));
    const first: PublicTicket = await issue(server.url, 'information');
    const mine: PublicTicket = await issue(server.url, 'information', 'ar');
    expect([mine.position, mine.estimate]).toEqual([2, { low: 0, high: 5 }]);
    const phone = await follow(mine.id);

    await ok(counterAction(server.url, admin, 'schalter-1', 'call', { ticketId: first.id }));
    expect((await pushNo(phone, 1)).ticket).toMatchObject({ position: 1, estimate: { low: 0, high: 5 } });

    // The counter closes after its visitor: no open counter, so the wait is unknown.
    await ok(counterAction(server.url, admin, 'schalter-1', 'start'));
    await ok(counterAction(server.url, admin, 'schalter-1', 'finish'));
    const logged = nextLogged('ticket.estimate_shown');
    await ok(counterAction(server.url, admin, 'schalter-1', 'close'));
    expect((await pushNo(phone, 2)).ticket).toMatchObject({ position: 1, estimate: null });
    expect((await logged).map((e) => [e.ticketId, e.data])).toEqual([[mine.id, { estimate: null, position: 1 }]]);

    expect(await shownFor(mine.id)).toEqual([{ estimate: null, position: 1 }]);
    expect(pushes(phone).map((p) => p.seq)).toEqual([1, 2]);
  });
});
