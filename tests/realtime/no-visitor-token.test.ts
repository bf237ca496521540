import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IssuedTicket, StaffTicket } from '../../common/dto.js';
import { closeAll, connect, emitAck, firstOf, history, ok, ticketOf, type ClientSocket } from '../helpers/socket-clients.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { api, counterAction, issue } from './support.js';

/**
 * #13: the ticket id is the visitor's secret (it opens the phone page and cancels
 * the ticket). Staff name tickets by their staff reference: no issued ticket's id
 * may appear in any /counter push or acknowledgement, nor in a staff HTTP answer,
 * except the answer to a staff member who draws a ticket for a visitor.
 */
let server: TestServer;
let cookie: string;
const issued: IssuedTicket[] = [];
/** Everything staff got back, as JSON text. */
const staffSaw: string[] = [];

const seen = <T>(x: T): T => {
  staffSaw.push(JSON.stringify(x));
  return x;
};
/** A staff HTTP call whose whole answer goes into `staffSaw`. */
async function staffHttp<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await api<T>(server.url, method, path, { cookie, ...(body !== undefined ? { body } : {}) });
  expect(res.status, `${method} ${path} ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return seen(res.body);
}
const act = (counterId: string, action: string, body?: unknown) =>
  counterAction<StaffTicket>(server.url, cookie, counterId, action, body).then((res) => {
    expect(res.status, `${action} ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return seen(res.body);
  });

beforeAll(async () => {
  server = await startTestServer();
  cookie = await server.login('admin');
});
afterAll(async () => {
  closeAll();
  await server?.close();
});

describe('no visitor token reaches staff', () => {
  test('a whole day on /counter and the staff HTTP routes: pushes, acks and answers carry refs, never ids', async () => {
    const screen = await connect(server.url, '/counter', { cookie });
    const desk = await connect(server.url, '/counter', { cookie });
    await firstOf(screen, 'counter:snapshot');
    const draw = async (serviceId: string, language = 'de') => {
      const t = await issue(server.url, serviceId, language);
      issued.push(t);
      server.clock.advance(30_000);
      return t;
    };
    const sock = async <R>(p: Promise<R>) => seen(await p);

    for (const s of ['residence', 'residence', 'permit-pickup', 'information', 'residence']) await draw(s);
    ok(await sock(emitAck(desk, 'counter:open', { counterId: 'schalter-1' })));
    ok(await sock(emitAck(desk, 'counter:open', { counterId: 'schalter-2' })));

    // Socket: call next, recall, start, notes, transfer to a service, and to a named counter.
    const first = ticketOf(await sock(emitAck(desk, 'counter:call-next', { counterId: 'schalter-1' })));
    ok(await sock(emitAck(desk, 'counter:recall', { counterId: 'schalter-1' })));
    ok(await sock(emitAck(desk, 'counter:start', { counterId: 'schalter-1' })));
    ok(await sock(emitAck(desk, 'counter:notes', { ticketRef: first.ref, notes: 'Dolmetscher bestellt' })));
    ok(await sock(emitAck(desk, 'counter:transfer', { counterId: 'schalter-1', serviceId: 'naturalisation' })));
    ticketOf(await sock(emitAck(desk, 'counter:call-next', { counterId: 'schalter-1' })));
    ok(await sock(emitAck(desk, 'counter:transfer', { counterId: 'schalter-1', targetCounterId: 'schalter-2' })));

    // A specific ticket, by the ref from the snapshot's call order.
    const snap = ok(await sock(emitAck(screen, 'snapshot'))).snapshot;
    const chosen = snap.callOrder['schalter-2']?.at(-1);
    if (!chosen) throw new Error('schalter-2 has nothing to call');
    expect(ticketOf(await sock(emitAck(desk, 'counter:call', { counterId: 'schalter-2', ticketRef: chosen }))).ref).toBe(chosen);
    ok(await sock(emitAck(desk, 'counter:return', { counterId: 'schalter-2' })));

    // HTTP: call-next, start, notes, reprint, finish, no-show; the counters and the alarm.
    await draw('information', 'uk');
    await draw('permit-pickup', 'fa');
    await act('schalter-1', 'call-next');
    await act('schalter-1', 'start');
    const held = await act('schalter-1', 'finish');
    await staffHttp('PUT', `/api/tickets/${held.ref}/notes`, { notes: 'erledigt' });
    await staffHttp('POST', `/api/tickets/${held.ref}/reprint`, { kioskId: 'kiosk-eingang' });
    await act('schalter-2', 'call-next');
    await act('schalter-2', 'no-show');
    const raised = ok(await sock(emitAck(desk, 'counter:alarm', { counterId: 'schalter-1' }))).alarm;
    ok(await sock(emitAck(screen, 'counter:alarm-ack', { alarmId: raised.alarmId })));
    await staffHttp('POST', '/api/counters/schalter-1/alarm', {});
    await staffHttp('GET', '/api/counters');
    await staffHttp('GET', '/api/printers');
    await staffHttp('GET', '/api/auth/me');

    // A visitor cancels one that is waiting: staff see it go, by ref.
    const waiting = issued.at(-1);
    if (!waiting) throw new Error('no ticket');
    expect((await api(server.url, 'DELETE', `/api/tickets/${waiting.id}`)).status).toBe(200);

    // A staff member draws a ticket for a visitor: that answer alone has the token (to print it or hand over its link).
    const forVisitor = await issue(server.url, 'residence', 'ar', cookie);
    expect(forVisitor.statusUrl).toContain(forVisitor.id);
    issued.push(forVisitor);

    // A late screen's snapshot, and a barrier: the push of the last change has arrived at both sockets.
    const late = await connect(server.url, '/counter', { cookie });
    await firstOf(late, 'counter:snapshot');
    for (const s of [screen, desk]) await firstOf(s, 'queue:changed', (e) => e.tickets.some((t) => t.number === forVisitor.number));
    ok(await sock(emitAck(desk, 'counter:close', { counterId: 'schalter-2' })));

    const pushes = (s: ClientSocket<'/counter'>) => history(s).map((e) => JSON.stringify(e));
    const everything = [...pushes(screen), ...pushes(desk), ...pushes(late), ...staffSaw];
    // The day really happened: every kind of push is there.
    const events = new Set([screen, desk, late].flatMap((s) => history(s).map((e) => e.event)));
    expect([...events].sort()).toEqual(['alarm:cleared', 'alarm:raised', 'counter:snapshot', 'queue:changed']);
    expect(everything.join('\n')).toContain(first.ref);
    for (const t of issued) {
      const leaks = everything.filter((text) => text.includes(t.id));
      expect(leaks, `ticket ${t.number}'s token`).toEqual([]);
    }
  });
});
