import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { AlarmAcknowledgedSchema, AlarmRaisedSchema, PublicTicketSchema, StaffTicketSchema } from '../../common/dto-schemas.js';
import type { StaffTicket } from '../../common/dto.js';
import { EVENT_TYPES, type EventType, type LoggedEvent, type LoggedEventOf } from '../../common/events.js';
import { NOTES_MAX_LENGTH } from '../../common/protocol.js';
import { closeAll, connect, emitAck, waitFor } from '../helpers/socket-clients.js';
import { staffRef } from '../helpers/staff-ref.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { bodyOf, client, counterAction, expectError, expectStatus, issueTicket, officeTime, request, SETUP_TIMEOUT_MS, WEDNESDAY, type Client } from './support.js';

/**
 * The alarm and ticket notes over HTTP: the same application commands as the
 * socket events `counter:alarm`, `counter:alarm-ack` and `counter:notes`, so
 * they log the same events and reach the same screens.
 */

let server: TestServer;
let anon: Client;
const cookies: Record<string, string> = {};
const as = (user: string) => client(server, cookies[user]);
const put = (user: string | null, path: string, json: unknown) =>
  request(server.url, 'PUT', path, { json, ...(user ? { cookie: cookies[user] } : {}) });

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  anon = client(server);
  for (const user of ['kmansour', 'okovalenko', 'ipetrova']) cookies[user] = await server.login(user);
  expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'open'), 200);
  expectStatus(await counterAction(as('okovalenko'), 'schalter-5', 'open'), 200);
}, SETUP_TIMEOUT_MS);
afterAll(() => server.close());
afterEach(() => closeAll());

/** Events of the given types logged after `seq`, oldest first. */
const eventsSince = <K extends EventType>(seq: number, ...types: K[]): Promise<LoggedEventOf<K>[]> =>
  server.app.office.store.read(server.app.office.siteId, (r) => r.events.after(seq, 100, types));
/** The sequence number of the newest event in the log. */
const lastSeq = () => server.app.office.store.read(server.app.office.siteId, async (r) => (await r.events.latest(EVENT_TYPES, 1))[0]?.seq ?? 0);
/** An event without what differs between two runs of the same command (ids, instants, sequence). */
const shape = (e: LoggedEvent) => ({ type: e.type, counterId: e.counterId, userId: e.userId, ticketId: e.ticketId !== null, data: Object.keys(e.data) });

describe('POST /api/counters/:id/alarm and POST /api/alarms/:id/acknowledge', () => {
  test('staff only; unknown counter 404; a desk staffed by someone else 403', async () => {
    expectError(await anon.post('/api/counters/schalter-4/alarm'), 401, 'UNAUTHENTICATED');
    expectError(await anon.post('/api/alarms/alarm_x/acknowledge'), 401, 'UNAUTHENTICATED');
    expectError(await as('kmansour').post('/api/counters/no-such-counter/alarm'), 404, 'COUNTER_NOT_FOUND');
    expectError(await as('kmansour').post('/api/counters/schalter-5/alarm'), 403, 'COUNTER_NOT_YOURS');
    expectError(await as('kmansour').post('/api/counters/schalter-4/alarm', { reason: 'x' }), 400, 'INVALID_INPUT');
    expectError(await as('kmansour').post('/api/alarms/alarm_unknown/acknowledge'), 404, 'NOT_FOUND');
  });

  test('raise → 201 {alarm}; acknowledge → 200 {cleared}, once for everyone; both logged like the socket commands', async () => {
    const before = await lastSeq();
    const res = await as('kmansour').post('/api/counters/schalter-4/alarm');
    expectStatus(res, 201);
    const { alarm } = bodyOf(AlarmRaisedSchema, res);
    const { alarmId } = alarm;
    expect(alarm).toEqual({ alarmId, counterId: 'schalter-4', counterName: 'Schalter 4', raisedBy: 'Karim Mansour', at: server.clock.now });
    expect(alarmId).not.toBe('');

    server.clock.advance(30_000);
    const acknowledged = await as('ipetrova').post(`/api/alarms/${alarmId}/acknowledge`, {});
    expectStatus(acknowledged, 200);
    const { cleared } = bodyOf(AlarmAcknowledgedSchema, acknowledged);
    expect(cleared).toEqual({ alarmId, acknowledgedBy: 'Irina Petrova', at: server.clock.now });
    // Again: the first acknowledgement, and nothing more in the log.
    const again = await as('okovalenko').post(`/api/alarms/${alarmId}/acknowledge`);
    expectStatus(again, 200);
    expect(bodyOf(AlarmAcknowledgedSchema, again).cleared).toMatchObject({ alarmId, at: cleared.at });

    const logged = await eventsSince(before, 'counter.alarm_raised', 'counter.alarm_acknowledged');
    expect(logged.map((e) => [e.type, e.data.alarmId])).toEqual([
      ['counter.alarm_raised', alarmId],
      ['counter.alarm_acknowledged', alarmId],
    ]);

    // The same people doing the same over the socket log the very same facts.
    const raiser = await connect(server.url, '/counter', { cookie: cookies.kmansour });
    const acknowledger = await connect(server.url, '/counter', { cookie: cookies.ipetrova });
    const viaSocketFrom = await lastSeq();
    const viaSocket = await emitAck(raiser, 'counter:alarm', { counterId: 'schalter-4' });
    if (!viaSocket.ok) throw new Error(`counter:alarm failed: ${JSON.stringify(viaSocket)}`);
    expect(viaSocket.alarm).toMatchObject({ counterId: 'schalter-4', raisedBy: 'Karim Mansour' });
    expect(await emitAck(acknowledger, 'counter:alarm-ack', { alarmId: viaSocket.alarm.alarmId })).toMatchObject({ ok: true });
    const socketLogged = await eventsSince(viaSocketFrom, 'counter.alarm_raised', 'counter.alarm_acknowledged');
    expect(socketLogged.map(shape)).toEqual(logged.map(shape));
  });

  test('every staff socket sees alarm:raised and alarm:cleared after the HTTP commands', async () => {
    const helper = await connect(server.url, '/counter', { cookie: cookies.okovalenko });
    const raisedPush = waitFor(helper, 'alarm:raised');
    const { alarm } = bodyOf(AlarmRaisedSchema, await as('kmansour').post('/api/counters/schalter-4/alarm'));
    expect((await raisedPush).alarm).toEqual(alarm);
    const clearedPush = waitFor(helper, 'alarm:cleared');
    const { cleared } = bodyOf(AlarmAcknowledgedSchema, await as('ipetrova').post(`/api/alarms/${alarm.alarmId}/acknowledge`));
    expect((await clearedPush).cleared).toEqual(cleared);
  });
});

describe('PUT /api/tickets/:id/notes', () => {
  test('staff only; unknown ticket 404; too long or stray fields 400', async () => {
    const t = await issueTicket(anon, 'residence');
    expectError(await put(null, `/api/tickets/${t.id}/notes`, { notes: 'x' }), 401, 'UNAUTHENTICATED');
    expectError(await put('kmansour', '/api/tickets/AAAAAAAAAAAAAAAAAAAAAA/notes', { notes: 'x' }), 404, 'TICKET_NOT_FOUND');
    expectError(await put('kmansour', `/api/tickets/${t.id}/notes`, { notes: 'x'.repeat(NOTES_MAX_LENGTH + 1) }), 400, 'INVALID_INPUT');
    expectError(await put('kmansour', `/api/tickets/${t.id}/notes`, { notes: 'x', ticketId: t.id }), 400, 'INVALID_INPUT');
    expectError(await put('kmansour', `/api/tickets/${t.id}/notes`, {}), 400, 'INVALID_INPUT');
  });

  test('→ 200 staff ticket; staff screens get the change, the public view never the text; logged like the socket command', async () => {
    const t = await issueTicket(anon, 'residence');
    const ref = await staffRef(server.app.office, t.id);
    // Notes are written by whoever holds the ticket's counter (issue #13).
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'call', { ticketRef: ref }), 200);
    const screen = await connect(server.url, '/counter', { cookie: cookies.okovalenko });
    const pushed = waitFor(screen, 'queue:changed', (e: { tickets: StaffTicket[] }) => e.tickets.some((x) => x.ref === ref && x.notes !== ''));
    const before = await lastSeq();

    const res = await put('kmansour', `/api/tickets/${ref}/notes`, { notes: 'Dolmetscher Tigrinya bestellt' });
    expectStatus(res, 200);
    const noted = bodyOf(StaffTicketSchema, res);
    expect(noted).toMatchObject({ ref, notes: 'Dolmetscher Tigrinya bestellt', status: 'called' });
    expect(res.text).not.toContain(t.id);
    expect((await pushed).tickets.find((x) => x.ref === ref)?.notes).toBe('Dolmetscher Tigrinya bestellt');
    const publicView = await anon.get(`/api/tickets/${t.id}`);
    expect(noted.position).toBe(bodyOf(PublicTicketSchema, publicView).position);
    expect(publicView.text).not.toContain('Dolmetscher');

    const socket = await connect(server.url, '/counter', { cookie: cookies.kmansour });
    expect(await emitAck(socket, 'counter:notes', { ticketRef: ref, notes: 'Dolmetscher kommt 10:30' })).toMatchObject({ ok: true });
    const logged = await eventsSince(before, 'ticket.noted');
    expect(logged.map((e) => e.data)).toEqual([{ length: 29 }, { length: 23 }]);
    expect(logged[0] && shape(logged[0])).toEqual(logged[1] && shape(logged[1]));

    // The path as documented before protocol 3, with the ticket's id, still works; the answer names it by ref.
    const legacy = await put('kmansour', `/api/tickets/${t.id}/notes`, { notes: 'Termin verschoben' });
    expect(bodyOf(StaffTicketSchema, legacy)).toMatchObject({ ref, notes: 'Termin verschoben' });
    expect(legacy.text).not.toContain(t.id);
    expectStatus(await counterAction(as('kmansour'), 'schalter-4', 'no-show'), 200);
  });
});
