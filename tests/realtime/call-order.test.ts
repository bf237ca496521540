import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openCounterCallOrder } from '../../server/app/call-order.js';
import { closeAll, connect, emitAck, firstOf, history, ok, received, ticketOf, type ClientSocket } from '../helpers/socket-clients.js';
import { staffRef } from '../helpers/staff-ref.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { api, counterAction } from './support.js';

/**
 * Staff screens list each open counter's waiting tickets in `callOrder`: in
 * full in the snapshot, and as changes in every queue:changed (the counters
 * whose order changed). call-next must then take exactly that order.
 * Schalter 2 (jschulte: de, en, fr) has permit-pickup as its own service and
 * information and residence as secondary ones; Schalter 3 (ayilmaz: de, tr,
 * en) has residence, and permit-pickup as secondary.
 */

let server: TestServer;
let julia: string;
let ayse: string;

beforeAll(async () => {
  server = await startTestServer();
  [julia, ayse] = await Promise.all([server.login('jschulte'), server.login('ayilmaz')]);
});
afterAll(async () => {
  closeAll();
  await server?.close();
});

/** Draws a ticket as a visitor; its staff reference. */
async function draw(serviceId: string, language: string, priority = false): Promise<string> {
  const res = await api<{ id: string }>(server.url, 'POST', '/api/tickets', { body: { serviceId, language, priority } });
  expect(res.status).toBe(201);
  server.clock.advance(60_000);
  // Staff screens name the ticket by its staff reference.
  return staffRef(server.app.office, res.body.id);
}

/** What a staff screen holds: the snapshot's call order with every push's changes applied, closed counters dropped. */
function heldOrder(socket: ClientSocket<'/counter'>): Record<string, string[]> {
  let order: Record<string, string[]> = {};
  for (const e of history(socket)) {
    if (e.event === 'counter:snapshot') order = { ...e.payload.callOrder };
    if (e.event !== 'queue:changed') continue;
    order = { ...order, ...e.payload.callOrder };
    for (const c of e.payload.counters) if (!c.open) delete order[c.id];
  }
  return order;
}

describe('call order', () => {
  test('the snapshot and the pushes give every open counter the order call-next then takes', async () => {
    const a = await connect(server.url, '/counter', { cookie: julia });
    const b = await connect(server.url, '/counter', { cookie: ayse });
    expect((await firstOf(a, 'counter:snapshot')).callOrder).toEqual({});
    ok(await emitAck(a, 'counter:open', { counterId: 'schalter-2' }));
    ok(await emitAck(b, 'counter:open', { counterId: 'schalter-3' }));

    // One minute apart. Secondary services wait 10 min, a language the desk speaks gains 10, priority 20.
    const residence = await draw('residence', 'uk');
    const pickup = await draw('permit-pickup', 'uk');
    const french = await draw('information', 'fr');
    const priority = await draw('permit-pickup', 'uk', true);
    const later = await draw('permit-pickup', 'uk');

    const expected = {
      'schalter-2': [priority, pickup, french, later, residence],
      'schalter-3': [priority, residence, pickup, later],
    };
    await firstOf(a, 'queue:changed', (e) => e.tickets.some((t) => t.ref === later));
    expect(heldOrder(a)).toEqual(expected);
    // A screen that connects now gets it whole.
    expect(ok(await emitAck(a, 'snapshot')).snapshot.callOrder).toEqual(expected);
    const c = await connect(server.url, '/counter', { cookie: julia });
    expect((await firstOf(c, 'counter:snapshot')).callOrder).toEqual(expected);

    // Schalter 3 takes its head; Schalter 2's order loses it: both changed, both are pushed.
    expect(ticketOf(await emitAck(b, 'counter:call-next', { counterId: 'schalter-3' })).ref).toBe(priority);
    const afterCall = await firstOf(a, 'queue:changed', (e) => e.tickets.some((t) => t.ref === priority && t.status === 'called'));
    expect(afterCall.callOrder).toEqual({ 'schalter-2': [pickup, french, later, residence], 'schalter-3': [residence, pickup, later] });

    // Schalter 2 calls until nobody is left: each call takes the head of the order its screen holds.
    const called: string[] = [];
    for (let head = heldOrder(a)['schalter-2']?.[0]; head !== undefined; head = heldOrder(a)['schalter-2']?.[0]) {
      const ticket = ticketOf(await emitAck(a, 'counter:call-next', { counterId: 'schalter-2' }));
      expect(ticket.ref).toBe(head);
      called.push(ticket.ref);
      ok(await emitAck(a, 'counter:no-show', { counterId: 'schalter-2' }));
      // A no-show changes nobody's order: its push carries no call order.
      const noShow = await firstOf(a, 'queue:changed', (e) => e.tickets.some((t) => t.ref === ticket.ref && t.status === 'no_show'));
      expect(noShow.callOrder).toEqual({});
    }
    expect(called).toEqual([pickup, french, later, residence]);
    expect(ok(await emitAck(a, 'counter:call-next', { counterId: 'schalter-2' })).ticket).toBeNull();
    expect(heldOrder(a)).toEqual({ 'schalter-2': [], 'schalter-3': [] });
    // The other screens that followed the pushes hold the same.
    await firstOf(c, 'queue:changed', (e) => e.tickets.some((t) => t.ref === residence && t.status === 'no_show'));
    expect(heldOrder(c)).toEqual(heldOrder(a));

    // A closed counter has no call order.
    const pushesBefore = received(a, 'queue:changed').length;
    ok(await emitAck(b, 'counter:no-show', { counterId: 'schalter-3' }));
    ok(await emitAck(b, 'counter:close', { counterId: 'schalter-3' }));
    // Pushes follow the acknowledgements: wait for the one that closes Schalter 3, not an earlier one with it still closed.
    await firstOf(a, 'queue:changed', (e) => received(a, 'queue:changed').indexOf(e) >= pushesBefore && e.counters.some((x) => x.id === 'schalter-3' && !x.open));
    expect(heldOrder(a)).toEqual({ 'schalter-2': [] });
    expect(ok(await emitAck(a, 'snapshot')).snapshot.callOrder).toEqual({ 'schalter-2': [] });
  });

  test('what staff screens hold after every push is the call order worked out afresh, through a generated day', async () => {
    const own = await startTestServer();
    try {
      const admin = await own.login('admin');
      const desks = [
        { user: 'skrueger', counterId: 'schalter-1' },
        { user: 'jschulte', counterId: 'schalter-2' },
        { user: 'ayilmaz', counterId: 'schalter-3' },
        { user: 'twerner', counterId: 'raum-1-15' },
      ];
      for (const d of desks) expect((await counterAction(own.url, await own.login(d.user), d.counterId, 'open')).status).toBe(200);
      const screen = await connect(own.url, '/counter', { cookie: admin });
      const staff = await connect(own.url, '/counter', { cookie: admin });
      // Pushes as a barrier: notes on a ticket of a service no open counter serves change no call order.
      const marker = await staffRef(own.app.office, (await api<{ id: string }>(own.url, 'POST', '/api/tickets', { body: { serviceId: 'asylum', language: 'de' } })).body.id);
      let step = 0;
      const settle = async () => {
        step++;
        ok(await emitAck(staff, 'counter:notes', { ticketRef: marker, notes: `step ${step}` }));
        await firstOf(screen, 'queue:changed', (e) => e.tickets.some((t) => t.ref === marker && t.notes === `step ${step}`));
      };

      let seed = 7;
      const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const services = ['information', 'permit-pickup', 'residence', 'naturalisation'];
      // Staff refs; a visitor cancels by the ticket's id.
      const waiting = new Set<string>();
      const idOf = new Map<string, string>();
      const current = new Map<string, string>();
      for (let i = 0; i < 80; i++) {
        const desk = pick(desks).counterId;
        const mine = current.get(desk);
        if (mine) {
          const action = pick(['finish', 'no-show', 'return', 'transfer', 'transfer-counter'] as const);
          if (action === 'finish') {
            ok(await emitAck(staff, 'counter:start', { counterId: desk }));
            ok(await emitAck(staff, 'counter:finish', { counterId: desk }));
          } else if (action === 'transfer' || action === 'transfer-counter') {
            const to = action === 'transfer' ? { serviceId: pick(services.filter((s) => s !== 'permit-pickup')) } : { targetCounterId: pick(desks.filter((d) => d.counterId !== desk)).counterId };
            const reply = await emitAck(staff, 'counter:transfer', { counterId: desk, ...to, keepPlace: rnd() < 0.5 });
            if (reply.ok) waiting.add(mine);
            else ok(await emitAck(staff, 'counter:no-show', { counterId: desk }));
          } else {
            const reply = ok(await emitAck(staff, `counter:${action}`, { counterId: desk }));
            if (reply.ticket?.status === 'waiting') waiting.add(mine);
          }
          current.delete(desk);
        } else {
          const action = pick(['issue', 'issue', 'issue', 'call-next', 'call-next', 'cancel', 'wait'] as const);
          if (action === 'issue') {
            const res = await api<{ id: string }>(own.url, 'POST', '/api/tickets', {
              body: { serviceId: pick(services), language: pick(['de', 'ar', 'tr', 'fr', 'uk']), priority: rnd() < 0.15 },
            });
            expect(res.status).toBe(201);
            const ref = await staffRef(own.app.office, res.body.id);
            idOf.set(ref, res.body.id);
            waiting.add(ref);
          } else if (action === 'call-next') {
            const { ticket } = ok(await emitAck(staff, 'counter:call-next', { counterId: desk }));
            if (ticket) {
              current.set(desk, ticket.ref);
              waiting.delete(ticket.ref);
            }
          } else if (action === 'cancel' && waiting.size > 0) {
            const ref = pick([...waiting]);
            expect((await api(own.url, 'DELETE', `/api/tickets/${idOf.get(ref)}`)).status).toBe(200);
            waiting.delete(ref);
          } else {
            // Returned tickets' cool-down (120 s) ends while nothing happens.
            own.clock.advance(pick([20_000, 60_000, 130_000]));
          }
        }
        own.clock.advance(5_000);
        await settle();
        const fresh = await own.app.office.view((v) => openCounterCallOrder(v));
        expect(heldOrder(screen), `step ${step}`).toEqual(fresh);
      }
      // A screen that connects now starts from the same.
      const late = await connect(own.url, '/counter', { cookie: admin });
      expect((await firstOf(late, 'counter:snapshot')).callOrder).toEqual(await own.app.office.view((v) => openCounterCallOrder(v)));
    } finally {
      closeAll();
      await own.close();
    }
  });
});
