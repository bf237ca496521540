import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { FloorPicture } from '../../common/floor.js';
import { SUPERVISOR_NAMESPACE } from '../../common/protocol.js';
import type { UserWithPassword } from '../../common/user-schemas.js';
import { event } from '../../server/domain/events.js';
import { closeAll, connect, ConnectRefused, emitAck, firstOf, ok, received, waitFor, waitForDisconnect } from '../helpers/socket-clients.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { officeTime, WEDNESDAY } from '../http/support.js';
import { api, counterAction, issue } from './support.js';

/**
 * #16 live supervision: /supervisor with real sockets against a real server on
 * port 0. Team leads and admins get the floor on connect and after every
 * committed change; staff and anonymous clients are refused at the handshake.
 */

const MIN = 60_000;
let server: TestServer;
let url: string;
let admin: string;
let staff: string;
let supervisor: string;
let oneTime: string;

async function newUser(role: 'supervisor' | 'staff', username: string, changePassword: boolean): Promise<string> {
  const created = await api<UserWithPassword>(url, 'POST', '/api/admin/users', { cookie: admin, body: { username, displayName: `Live ${role}`, role } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  server.passwords[username] = created.body.oneTimePassword;
  const cookie = await server.login(username);
  if (!changePassword) return cookie;
  const password = `${username}-own-password`;
  const res = await api(url, 'POST', '/api/auth/password', { cookie, body: { currentPassword: created.body.oneTimePassword, newPassword: password } });
  expect(res.status, JSON.stringify(res.body)).toBe(204);
  server.passwords[username] = password;
  return server.login(username);
}

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  url = server.url;
  admin = await server.login('admin');
  staff = await server.login('twerner');
  supervisor = await newUser('supervisor', 'live-lead', true);
  oneTime = await newUser('staff', 'live-new', false);
}, 60_000);

afterAll(async () => {
  closeAll();
  await server?.close();
});

afterEach(() => closeAll());

async function refusal(cookie: string | undefined): Promise<ConnectRefused> {
  const err = await connect(url, SUPERVISOR_NAMESPACE, cookie ? { cookie } : {}).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectRefused);
  return err as ConnectRefused;
}

const counterOf = (floor: FloorPicture, id: string) => floor.counters.find((c) => c.counterId === id);
const serviceOf = (floor: FloorPicture, id: string) => floor.services.find((s) => s.serviceId === id);

describe('/supervisor handshake', () => {
  test('staff are refused with FORBIDDEN, anonymous clients with UNAUTHENTICATED, a one-time password with PASSWORD_CHANGE_REQUIRED', async () => {
    expect((await refusal(staff)).data).toMatchObject({ code: 'FORBIDDEN' });
    expect((await refusal(undefined)).data).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await refusal('amtsqueue_session=not-a-session')).data).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await refusal(oneTime)).data).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
  });

  test('a team lead and an admin get the floor on connect: every counter and service, nobody named', async () => {
    for (const cookie of [supervisor, admin]) {
      const socket = await connect(url, SUPERVISOR_NAMESPACE, { cookie });
      const snap = await firstOf(socket, 'supervisor:snapshot');
      expect(snap.timeZone).toBe('Europe/Berlin');
      expect(typeof snap.seq).toBe('number');
      expect(typeof snap.epoch).toBe('string');
      expect(snap.floor.at).toBe(server.clock.now);
      expect(snap.floor.businessDate).toBe(WEDNESDAY);
      expect(snap.floor.waitTargetMinutes).toBe(15);
      expect(snap.floor.counters).toHaveLength(10);
      expect(counterOf(snap.floor, 'schalter-2')).toMatchObject({ name: 'Schalter 2', state: 'closed', ticket: null, alarm: false });
      expect(snap.floor.services).toHaveLength(8);
      expect(JSON.stringify(snap.floor)).not.toMatch(/Julia|Werner|jschulte|userId|userName/);
      socket.close();
    }
  });
});

describe('/supervisor pushes', () => {
  test('a call made over the API is pushed: the counter calls that ticket, the service’s queue shrinks', async () => {
    const socket = await connect(url, SUPERVISOR_NAMESPACE, { cookie: supervisor });
    const snap = await firstOf(socket, 'supervisor:snapshot');
    expect((await counterAction(url, admin, 'schalter-2', 'open')).status).toBe(200);
    const opened = await waitFor(socket, 'floor:changed', (e) => counterOf(e.floor, 'schalter-2')?.state === 'free');
    expect(opened.seq).toBeGreaterThan(snap.seq);

    const ticket = await issue(url, 'permit-pickup', 'en');
    const waiting = await waitFor(socket, 'floor:changed', (e) => serviceOf(e.floor, 'permit-pickup')?.waiting === 1);
    expect(serviceOf(waiting.floor, 'permit-pickup')).toMatchObject({ oldestWaitingSince: server.clock.now, longestWaitMinutes: 0, openCounters: 1, unstaffed: false });
    expect(serviceOf(waiting.floor, 'permit-pickup')?.estimate).not.toBeNull();

    server.clock.advance(4 * MIN);
    expect((await counterAction(url, admin, 'schalter-2', 'call-next')).status).toBe(200);
    const called = await waitFor(socket, 'floor:changed', (e) => counterOf(e.floor, 'schalter-2')?.state === 'calling');
    expect(counterOf(called.floor, 'schalter-2')).toMatchObject({ state: 'calling', ticket: { number: ticket.number, serviceId: 'permit-pickup' }, since: server.clock.now });
    expect(serviceOf(called.floor, 'permit-pickup')).toMatchObject({ waiting: 0, oldestWaitingSince: null, longestWaitMinutes: 0 });

    expect((await counterAction(url, admin, 'schalter-2', 'start')).status).toBe(200);
    const serving = await waitFor(socket, 'floor:changed', (e) => counterOf(e.floor, 'schalter-2')?.state === 'serving');
    expect(counterOf(serving.floor, 'schalter-2')?.ticket?.number).toBe(ticket.number);
    expect((await counterAction(url, admin, 'schalter-2', 'finish')).status).toBe(200);
    await waitFor(socket, 'floor:changed', (e) => counterOf(e.floor, 'schalter-2')?.state === 'free');

    // Every push is numbered one after the other: the live channel sees no gap.
    const seqs = received(socket, 'floor:changed').map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
  });

  test('a service with waiting visitors and no open counter is highlighted; so is a wait over the target', async () => {
    const socket = await connect(url, SUPERVISOR_NAMESPACE, { cookie: admin });
    await firstOf(socket, 'supervisor:snapshot');
    await issue(url, 'naturalisation', 'de');
    const unstaffed = await waitFor(socket, 'floor:changed', (e) => serviceOf(e.floor, 'naturalisation')?.waiting === 1);
    expect(serviceOf(unstaffed.floor, 'naturalisation')).toMatchObject({ openCounters: 0, unstaffed: true, overTarget: false });
    expect(unstaffed.floor.highlights).toContainEqual({ kind: 'unstaffed', serviceId: 'naturalisation', waiting: 1 });
    const since = serviceOf(unstaffed.floor, 'naturalisation')?.oldestWaitingSince ?? 0;
    expect(unstaffed.floor.nextChangeAt).toBe(since + 15 * MIN + 1);

    // Two seconds before the wait passes the target, something else changes (a push), then time runs on:
    // the server pushes again when the target is passed, with no command in between.
    server.clock.now = since + 15 * MIN - 2000;
    await issue(url, 'information', 'de');
    const before = await waitFor(socket, 'floor:changed', (e) => serviceOf(e.floor, 'information')?.waiting === 1);
    expect(serviceOf(before.floor, 'naturalisation')?.overTarget).toBe(false);
    server.clock.advance(3000);
    const over = await waitFor(socket, 'floor:changed', (e) => serviceOf(e.floor, 'naturalisation')?.overTarget === true, 10_000);
    expect(over.seq).toBe(before.seq + 1);
    expect(serviceOf(over.floor, 'naturalisation')?.longestWaitMinutes).toBe(15);
    expect(over.floor.highlights).toContainEqual({ kind: 'wait_over_target', serviceId: 'naturalisation', since, targetMinutes: 15 });
  }, 20_000);

  test('the silent alarm is highlighted until someone acknowledges it', async () => {
    const socket = await connect(url, SUPERVISOR_NAMESPACE, { cookie: supervisor });
    await firstOf(socket, 'supervisor:snapshot');
    const raised = await api<{ alarm: { alarmId: string } }>(url, 'POST', '/api/counters/schalter-2/alarm', { cookie: admin, body: {} });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    const alarm = await waitFor(socket, 'floor:changed', (e) => e.floor.highlights.some((h) => h.kind === 'alarm'));
    expect(alarm.floor.highlights[0]).toMatchObject({ kind: 'alarm', alarmId: raised.body.alarm.alarmId, counterId: 'schalter-2', counterName: 'Schalter 2' });
    expect(counterOf(alarm.floor, 'schalter-2')?.alarm).toBe(true);

    const ack = await api(url, 'POST', `/api/alarms/${raised.body.alarm.alarmId}/acknowledge`, { cookie: admin, body: {} });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    const cleared = await waitFor(socket, 'floor:changed', (e) => !e.floor.highlights.some((h) => h.kind === 'alarm'));
    expect(counterOf(cleared.floor, 'schalter-2')?.alarm).toBe(false);
  });

  test('refused tickets of the office day are counted per service from the log', async () => {
    const socket = await connect(url, SUPERVISOR_NAMESPACE, { cookie: supervisor });
    const snap = await firstOf(socket, 'supervisor:snapshot');
    expect(serviceOf(snap.floor, 'information')?.refusedToday).toBe(0);
    const { office } = server.app;
    const refuse = (serviceId: string, at: number) =>
      office.command((_tx, now) =>
        Promise.resolve({
          result: undefined,
          events: [event('ticket.refused', at || now, { serviceId, data: { reason: 'past_closing', channel: 'kiosk', language: 'de', priority: false } })],
        }),
      );
    // Yesterday's refusal does not count today.
    await refuse('information', server.clock.now - 24 * 60 * MIN);
    await refuse('information', 0);
    await refuse('information', 0);
    await refuse('asylum', 0);
    const pushed = await waitFor(socket, 'floor:changed', (e) => serviceOf(e.floor, 'asylum')?.refusedToday === 1);
    expect(serviceOf(pushed.floor, 'information')?.refusedToday).toBe(2);

    // A socket connecting later counts them afresh from the log.
    const late = await connect(url, SUPERVISOR_NAMESPACE, { cookie: admin });
    const fresh = await firstOf(late, 'supervisor:snapshot');
    expect(serviceOf(fresh.floor, 'information')?.refusedToday).toBe(2);
    expect(serviceOf(fresh.floor, 'asylum')?.refusedToday).toBe(1);
  });
});

describe('/supervisor after a reconnect, a logout', () => {
  test('a socket that reconnects gets a fresh snapshot with what changed while it was away', async () => {
    const first = await connect(url, SUPERVISOR_NAMESPACE, { cookie: supervisor });
    const before = await firstOf(first, 'supervisor:snapshot');
    first.close();

    expect((await counterAction(url, admin, 'schalter-1', 'open')).status).toBe(200);
    await issue(url, 'information', 'tr');
    const call = await counterAction<{ number: string }>(url, admin, 'schalter-1', 'call-next');
    expect(call.status).toBe(200);
    const ticket = call.body;

    const again = await connect(url, SUPERVISOR_NAMESPACE, { cookie: supervisor });
    const after = await firstOf(again, 'supervisor:snapshot');
    expect(after.epoch).toBe(before.epoch);
    // Nobody was connected: nothing was pushed meanwhile, and the new snapshot holds the change.
    expect(after.seq).toBeGreaterThanOrEqual(before.seq);
    expect(counterOf(before.floor, 'schalter-1')?.state).toBe('closed');
    expect(counterOf(after.floor, 'schalter-1')).toMatchObject({ state: 'calling', ticket: { number: ticket.number } });

    // Asked for (after a gap), the snapshot is the present one too.
    const asked = ok(await emitAck(again, 'snapshot'));
    expect(asked.snapshot.seq).toBeGreaterThanOrEqual(after.seq);
    expect(counterOf(asked.snapshot.floor, 'schalter-1')?.state).toBe('calling');
  });

  test('a logout ends the session’s socket at once', async () => {
    const cookie = await server.login('admin');
    const socket = await connect(url, SUPERVISOR_NAMESPACE, { cookie });
    await firstOf(socket, 'supervisor:snapshot');
    const gone = waitForDisconnect(socket);
    expect((await api(url, 'POST', '/api/auth/logout', { cookie, body: {} })).status).toBeLessThan(300);
    await gone;
  });
});
