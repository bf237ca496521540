import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedTicket } from '../../common/dto.js';
import { NOTES_MAX_LENGTH } from '../../common/protocol.js';
import { closeAll, connect, emitAck, emitAckUnchecked, firstOf, history, ok, waitFor, type ClientSocket } from '../helpers/socket-clients.js';
import { staffRef } from '../helpers/staff-ref.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { api } from './e2e-support.js';

/**
 * The counter app's server additions over real sockets: the alarm
 * (server/app/alarms.ts; pushes by the broadcaster) and ticket notes
 * (server/app/notes.ts).
 */
let server: TestServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const u of ['kmansour', 'okovalenko', 'ipetrova', 'skrueger']) cookies[u] = await server.login(u);
  for (const [u, c] of [['kmansour', 'schalter-4'], ['okovalenko', 'schalter-5']] as const) {
    expect((await api(server.url, 'POST', `/api/counters/${c}/open`, { cookie: cookies[u] ?? '', body: {} })).status).toBe(200);
  }
});
afterAll(async () => {
  closeAll();
  await server?.close();
});
afterEach(() => closeAll());

const staffSocket = (user: string) => connect(server.url, '/counter', { cookie: cookies[user] ?? '' });
const alarmEvents = () =>
  server.app.office.store.read(server.app.office.siteId, async (r) => (await r.events.latest(['counter.alarm_raised', 'counter.alarm_acknowledged'], 100)).reverse());
/** The numbered pushes a staff socket got after its snapshot, by name and seq. */
const staffPushes = (s: ClientSocket<'/counter'>) =>
  history(s).flatMap((e) => (e.event === 'counter:snapshot' ? [] : [{ event: e.event, seq: e.payload.seq }]));

describe('counter alarm', () => {
  it('goes to every staff socket numbered like the queue, comes in the snapshot, and clears once for all', async () => {
    const raiser = await staffSocket('kmansour');
    const helper = await staffSocket('okovalenko');
    const display = await connect(server.url, '/display');
    const helperSnap = await firstOf(helper, 'counter:snapshot');
    await firstOf(raiser, 'counter:snapshot');
    expect(helperSnap.alarms).toEqual([]);

    const raisedAtHelper = waitFor(helper, 'alarm:raised');
    const raisedAtRaiser = waitFor(raiser, 'alarm:raised');
    const raised = ok(await emitAck(raiser, 'counter:alarm', { counterId: 'schalter-4' }));
    expect(raised.alarm).toMatchObject({ counterId: 'schalter-4', counterName: 'Schalter 4', raisedBy: 'Karim Mansour' });
    const seen = await raisedAtHelper;
    expect(seen).toEqual({ alarm: raised.alarm, seq: helperSnap.seq + 1, epoch: helperSnap.epoch });
    // The raising desk gets the push too (it de-duplicates by id).
    expect((await raisedAtRaiser).alarm).toEqual(raised.alarm);

    const late = await staffSocket('ipetrova');
    expect((await firstOf(late, 'counter:snapshot')).alarms).toEqual([raised.alarm]);

    const clearedAtHelper = waitFor(helper, 'alarm:cleared');
    const clearedAtRaiser = waitFor(raiser, 'alarm:cleared');
    const ack = await emitAck(late, 'counter:alarm-ack', { alarmId: raised.alarm.alarmId });
    expect(ack).toMatchObject({ ok: true, cleared: { alarmId: raised.alarm.alarmId, acknowledgedBy: 'Irina Petrova' } });
    expect(await clearedAtHelper).toEqual({ cleared: ok(ack).cleared, seq: helperSnap.seq + 2, epoch: helperSnap.epoch });
    expect((await clearedAtRaiser).cleared.acknowledgedBy).toBe('Irina Petrova');

    // A second acknowledgement finds it cleared and logs nothing more.
    const again = await emitAck(helper, 'counter:alarm-ack', { alarmId: raised.alarm.alarmId });
    expect(again).toMatchObject({ ok: true, cleared: { acknowledgedBy: 'Irina Petrova' } });
    const log = await alarmEvents();
    expect(log.map((e) => e.type)).toEqual(['counter.alarm_raised', 'counter.alarm_acknowledged']);
    expect(log.map((e) => e.data.alarmId)).toEqual([raised.alarm.alarmId, raised.alarm.alarmId]);
    // ... and pushes nothing: the next staff push (a new ticket, as a barrier) follows the clearing directly.
    const ticket = (await api<IssuedTicket>(server.url, 'POST', '/api/tickets', { body: { serviceId: 'residence', language: 'de' } })).body;
    await firstOf(helper, 'queue:changed', (e) => e.tickets.some((t) => t.number === ticket.number));
    expect(staffPushes(helper)).toEqual([
      { event: 'alarm:raised', seq: helperSnap.seq + 1 },
      { event: 'alarm:cleared', seq: helperSnap.seq + 2 },
      { event: 'queue:changed', seq: helperSnap.seq + 3 },
    ]);
    // Nothing of it on the public screens.
    expect(JSON.stringify(history(display))).not.toContain('alarm');

    const fresh = await staffSocket('ipetrova');
    expect((await firstOf(fresh, 'counter:snapshot')).alarms).toEqual([]);
    expect((await api(server.url, 'DELETE', `/api/tickets/${ticket.id}`)).status).toBe(200);
  });

  it('lists open alarms oldest first and survives a restart: they come from the event log', async () => {
    const raiser = await staffSocket('okovalenko');
    const first = ok(await emitAck(raiser, 'counter:alarm', { counterId: 'schalter-5' })).alarm;
    server.clock.advance(1000);
    const second = ok(await emitAck(raiser, 'counter:alarm', { counterId: 'schalter-5' })).alarm;
    closeAll();
    await server.restart();
    for (const u of Object.keys(cookies)) cookies[u] = await server.login(u);
    const after = await staffSocket('kmansour');
    expect((await firstOf(after, 'counter:snapshot')).alarms).toEqual([first, second]);
    expect(await emitAck(after, 'counter:alarm-ack', { alarmId: first.alarmId })).toMatchObject({ ok: true });
    expect(await emitAck(after, 'counter:alarm-ack', { alarmId: second.alarmId })).toMatchObject({ ok: true });
  });

  it('is refused from someone else’s open counter, for unknown ids and without a session', async () => {
    const other = await staffSocket('ipetrova');
    expect(await emitAck(other, 'counter:alarm', { counterId: 'schalter-4' })).toMatchObject({ ok: false, error: { code: 'COUNTER_NOT_YOURS' } });
    expect(await emitAck(other, 'counter:alarm', { counterId: 'nope' })).toMatchObject({ ok: false, error: { code: 'COUNTER_NOT_FOUND' } });
    expect(await emitAckUnchecked(other, 'counter:alarm', { counterId: 'schalter-4', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await emitAck(other, 'counter:alarm-ack', { alarmId: 'alarm_nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A free desk is anyone's to raise it from; an admin may raise it anywhere.
    expect(await emitAck(other, 'counter:alarm', { counterId: 'raum-1-18' })).toMatchObject({ ok: true });
    const adminSocket = await staffSocket('skrueger');
    expect(await emitAck(adminSocket, 'counter:alarm', { counterId: 'schalter-4' })).toMatchObject({ ok: true });
    await expect(connect(server.url, '/counter')).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
  });
});

describe('ticket notes', () => {
  it('are saved by staff, pushed to staff, and never shown to the public', async () => {
    const ticket = (await api<IssuedTicket>(server.url, 'POST', '/api/tickets', { body: { serviceId: 'residence', language: 'ar' } })).body;
    const writer = await staffSocket('kmansour');
    const colleague = await staffSocket('okovalenko');
    await firstOf(colleague, 'counter:snapshot');
    const ref = await staffRef(server.app.office, ticket.id);
    // Notes are written by whoever holds the ticket's counter (issue #13).
    expect(await emitAck(writer, 'counter:call', { counterId: 'schalter-4', ticketRef: ref })).toMatchObject({ ok: true });
    const pushed = waitFor(colleague, 'queue:changed', (e) => e.tickets.some((t) => t.ref === ref && t.notes !== ''));
    const reply = await emitAck(writer, 'counter:notes', { ticketRef: ref, notes: 'Dolmetscher Arabisch bestellt' });
    expect(reply).toMatchObject({ ok: true, ticket: { ref, notes: 'Dolmetscher Arabisch bestellt' } });
    expect((await pushed).tickets.find((t) => t.ref === ref)?.notes).toBe('Dolmetscher Arabisch bestellt');

    const publicView = await api(server.url, 'GET', `/api/tickets/${ticket.id}`);
    expect(JSON.stringify(publicView.body)).not.toContain('Dolmetscher');
    // The log records that notes changed, not what they say.
    const noted = await server.app.office.store.read(server.app.office.siteId, async (r) => (await r.events.latest(['ticket.noted'], 1))[0]);
    expect(noted).toMatchObject({ ticketId: ticket.id, data: { length: 'Dolmetscher Arabisch bestellt'.length } });
    expect(JSON.stringify(noted)).not.toContain('Dolmetscher');
    expect(await emitAck(writer, 'counter:no-show', { counterId: 'schalter-4' })).toMatchObject({ ok: true });
  });

  it('are refused when too long, for unknown tickets and without a session', async () => {
    const ticket = (await api<IssuedTicket>(server.url, 'POST', '/api/tickets', { body: { serviceId: 'residence', language: 'de' } })).body;
    const s = await staffSocket('kmansour');
    const ref = await staffRef(server.app.office, ticket.id);
    expect(await emitAck(s, 'counter:call', { counterId: 'schalter-4', ticketRef: ref })).toMatchObject({ ok: true });
    expect(await emitAck(s, 'counter:notes', { ticketRef: ref, notes: 'x'.repeat(NOTES_MAX_LENGTH) })).toMatchObject({ ok: true });
    expect(await emitAck(s, 'counter:notes', { ticketRef: ref, notes: 'x'.repeat(NOTES_MAX_LENGTH + 1) })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await emitAck(s, 'counter:notes', { ticketRef: 'nope', notes: 'a' })).toMatchObject({ ok: false, error: { code: 'TICKET_NOT_FOUND' } });
    expect(await emitAckUnchecked(s, 'counter:notes', { ticketRef: ref })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The protocol-2 field is gone from the socket payload.
    expect(await emitAckUnchecked(s, 'counter:notes', { ticketId: ticket.id, notes: 'a' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const stored = await server.app.office.store.read(server.app.office.siteId, (r) => r.tickets.get(ticket.id));
    expect(stored?.notes).toHaveLength(NOTES_MAX_LENGTH);
    expect(await emitAck(s, 'counter:no-show', { counterId: 'schalter-4' })).toMatchObject({ ok: true });
  });
});
