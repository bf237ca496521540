import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PublicCounterSchema, PublicTicketSchema, StaffTicketSchema } from '../../common/dto-schemas.js';
import type { EventType } from '../../common/events.js';
import { closeAll, connect, emitAck, waitForDisconnect } from '../helpers/socket-clients.js';
import { staffRef } from '../helpers/staff-ref.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import {
  bodyOf,
  client,
  counterAction,
  expectError,
  expectStatus,
  issueTicket,
  officeTime,
  request,
  SETUP_TIMEOUT_MS,
  WEDNESDAY,
  type Client,
} from './support.js';

/**
 * Issue #13, part 4: the staff rules. Notes belong to whoever holds the
 * ticket's counter; a staff member holds one counter at a time; logging out
 * closes the user's counters and gives their called visitors back their place.
 */

let server: TestServer;
let anon: Client;
const cookies: Record<string, string> = {};
const as = (user: string) => client(server, cookies[user]);
const putNotes = (user: string, ticketId: string, notes: string) =>
  request(server.url, 'PUT', `/api/tickets/${ticketId}/notes`, { json: { notes }, cookie: cookies[user] });
const counterState = async (id: string) => {
  const res = await anon.get('/api/counters');
  expectStatus(res, 200);
  const all = res.body as Array<{ id: string; open: boolean }>;
  const found = all.find((c) => c.id === id);
  return bodyOf(PublicCounterSchema, { ...res, body: found, text: JSON.stringify(found) });
};
const eventsSince = (seq: number, ...types: EventType[]) =>
  server.app.office.store.read(server.app.office.siteId, (r) => r.events.after(seq, 1000, types));
const lastSeq = () => server.app.office.store.read(server.app.office.siteId, async (r) => (await r.events.after(0, 1_000_000)).at(-1)?.seq ?? 0);

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  anon = client(server);
  for (const user of ['kmansour', 'okovalenko', 'ayilmaz', 'jschulte', 'skrueger']) cookies[user] = await server.login(user);
}, SETUP_TIMEOUT_MS);
afterAll(() => server.close());
afterEach(() => closeAll());

describe('ticket notes', () => {
  test('only the staff member at the ticket’s counter (or an admin) writes them; another one is refused over HTTP and the socket', async () => {
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'open'), 200);
    expectStatus(await counterAction(as('okovalenko'), 'schalter-5', 'open'), 200);
    const t = await issueTicket(anon, 'residence');
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'call', { ticketRef: await staffRef(server.app.office, t.id) }), 200);

    const own = await putNotes('kmansour', t.id, 'Passport copy missing');
    expectStatus(own, 200);
    expect(bodyOf(StaffTicketSchema, own).notes).toBe('Passport copy missing');

    // Olena works at Schalter 5: she may not overwrite Karim's notes.
    expectError(await putNotes('okovalenko', t.id, 'overwritten'), 403, 'COUNTER_NOT_YOURS');
    const socket = await connect(server.url, '/counter', { cookie: cookies.okovalenko });
    expect(await emitAck(socket, 'counter:notes', { ticketRef: await staffRef(server.app.office, t.id), notes: 'overwritten' })).toMatchObject({
      ok: false,
      error: { code: 'COUNTER_NOT_YOURS' },
    });
    // A waiting ticket is at nobody's counter: staff leave its notes alone.
    const waiting = await issueTicket(anon, 'residence');
    expectError(await putNotes('kmansour', waiting.id, 'x'), 403, 'COUNTER_NOT_YOURS');
    expectStatus(await anon.del(`/api/tickets/${waiting.id}`), 200);

    const stored = await server.app.office.store.read(server.app.office.siteId, (r) => r.tickets.get(t.id));
    expect(stored?.notes).toBe('Passport copy missing');

    // An admin may write any ticket's notes.
    const admin = await putNotes('skrueger', t.id, 'Checked by the team lead');
    expectStatus(admin, 200);
    expect(bodyOf(StaffTicketSchema, admin).notes).toBe('Checked by the team lead');

    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'no-show'), 200);
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'close'), 200);
    expectStatus(await counterAction(as('okovalenko'), 'schalter-5', 'close'), 200);
  });
});

describe('one counter per staff member', () => {
  test('a second counter is refused with COUNTER_LIMIT until the first is closed; an admin may hold several', async () => {
    expectStatus(await counterAction(as('jschulte'), 'schalter-2', 'open'), 200);
    const second = await counterAction(as('jschulte'), 'schalter-3', 'open');
    expectError(second, 409, 'COUNTER_LIMIT');
    expect((await counterState('schalter-3')).open).toBe(false);
    // Opening the one already held again is fine.
    expectStatus(await counterAction(as('jschulte'), 'schalter-2', 'open'), 200);
    // The same refusal over the socket.
    const socket = await connect(server.url, '/counter', { cookie: cookies.jschulte });
    expect(await emitAck(socket, 'counter:open', { counterId: 'schalter-3' })).toMatchObject({ ok: false, error: { code: 'COUNTER_LIMIT' } });
    expectStatus(await counterAction(as('jschulte'), 'schalter-2', 'close'), 200);
    expectStatus(await counterAction(as('jschulte'), 'schalter-3', 'open'), 200);
    expectStatus(await counterAction(as('jschulte'), 'schalter-3', 'close'), 200);

    expectStatus(await counterAction(as('skrueger'), 'raum-1-16', 'open'), 200);
    expectStatus(await counterAction(as('skrueger'), 'raum-1-17', 'open'), 200);
    expect([(await counterState('raum-1-16')).open, (await counterState('raum-1-17')).open]).toEqual([true, true]);
    expectStatus(await counterAction(as('skrueger'), 'raum-1-16', 'close'), 200);
    expectStatus(await counterAction(as('skrueger'), 'raum-1-17', 'close'), 200);
  });
});

describe('logout', () => {
  test('closes the user’s counters; a called ticket goes back to its place and can be called at once elsewhere', async () => {
    const cookie = await server.login('ayilmaz');
    const ayse = client(server, cookie);
    expectStatus(await counterAction(ayse, 'schalter-3', 'open'), 200);
    const first = await issueTicket(anon, 'residence');
    server.clock.advance(60_000);
    const second = await issueTicket(anon, 'residence');
    const called = await counterAction(ayse, 'schalter-3', 'call', { ticketRef: await staffRef(server.app.office, first.id) });
    expectStatus(called, 200);
    const socket = await connect(server.url, '/counter', { cookie });
    const dropped = waitForDisconnect(socket);

    const before = await lastSeq();
    expectStatus(await ayse.post('/api/auth/logout', {}), 200);
    await dropped;

    expect(await counterState('schalter-3')).toMatchObject({ open: false });
    const view = bodyOf(PublicTicketSchema, await anon.get(`/api/tickets/${first.id}`));
    expect(view).toMatchObject({ status: 'waiting', position: 1 });
    expect(bodyOf(PublicTicketSchema, await anon.get(`/api/tickets/${second.id}`)).position).toBe(2);
    expect((await eventsSince(before, 'ticket.returned', 'counter.closed', 'ticket.no_show')).map((e) => [e.type, e.counterId])).toEqual([
      ['ticket.returned', 'schalter-3'],
      ['counter.closed', 'schalter-3'],
    ]);

    // No cool-down: the next counter calls the visitor who was first, right away.
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'open'), 200);
    const next = await counterAction(as('kmansour'), 'schalter-4', 'call-next');
    expectStatus(next, 200);
    expect(bodyOf(StaffTicketSchema, next).ref).toBe(await staffRef(server.app.office, first.id));
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'no-show'), 200);
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'call', { ticketRef: await staffRef(server.app.office, second.id) }), 200);
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'no-show'), 200);
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'close'), 200);
  });

  test('a ticket being served returns to the queue too (the visit did not end), and every counter of an admin closes', async () => {
    const cookie = await server.login('skrueger');
    const admin = client(server, cookie);
    expectStatus(await counterAction(admin, 'schalter-1', 'open'), 200);
    expectStatus(await counterAction(admin, 'schalter-2', 'open'), 200);
    const t = await issueTicket(anon, 'information');
    expectStatus(await counterAction(admin, 'schalter-1', 'call', { ticketRef: await staffRef(server.app.office, t.id) }), 200);
    expectStatus(await counterAction(admin, 'schalter-1', 'start'), 200);

    expectStatus(await admin.post('/api/auth/logout', {}), 200);
    expect([(await counterState('schalter-1')).open, (await counterState('schalter-2')).open]).toEqual([false, false]);
    expect(bodyOf(PublicTicketSchema, await anon.get(`/api/tickets/${t.id}`))).toMatchObject({ status: 'waiting', position: 1 });
    const stored = await server.app.office.store.read(server.app.office.siteId, (r) => r.tickets.get(t.id));
    expect(stored).toMatchObject({ status: 'waiting', counterId: null, finishedAt: null });
  });
});
