import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { IssuedTicket } from '../../common/dto.js';
import { PROTOCOL_VERSION } from '../../common/protocol.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { closeAll, connect, emitAck, emitAckUnchecked, failure, firstOf, ticketOf } from '../helpers/socket-clients.js';
import { api } from './support.js';

/**
 * #17 over sockets: `counter:finish-next` with its acknowledgement (same command code as
 * POST /api/counters/:id/finish-next), the staff push and the visitor's phone following the
 * same ticket into its next service ("next: …" comes from `nextServiceIds`).
 * ayilmaz: schalter-3 (residence); okovalenko: schalter-5 (asylum).
 */

let server: TestServer;
let url: string;
let ayse: string;
let oksana: string;

beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
  [ayse, oksana] = await Promise.all([server.login('ayilmaz'), server.login('okovalenko')]);
});
afterAll(async () => {
  closeAll();
  await server?.close();
});
afterEach(() => closeAll());

async function drawVisit(services: string[]): Promise<IssuedTicket> {
  const res = await api<IssuedTicket>(url, 'POST', '/api/tickets', {
    cookie: ayse,
    body: { serviceId: services[0], alsoServiceIds: services.slice(1), language: 'uk' },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('counter:finish-next', () => {
  test('acknowledges with the ticket waiting for its next service, same number; pushes to staff and to the phone', async () => {
    const t = await drawVisit(['residence', 'asylum', 'naturalisation']);
    const phone = await connect(url, '/visitor', { auth: { protocol: PROTOCOL_VERSION, ticket: t.id } });
    expect((await firstOf(phone, 'visitor:snapshot')).ticket).toMatchObject({ serviceId: 'residence', nextServiceIds: ['asylum', 'naturalisation'] });

    const a = await connect(url, '/counter', { cookie: ayse });
    const b = await connect(url, '/counter', { cookie: oksana });
    await firstOf(b, 'counter:snapshot');
    expect(await emitAck(a, 'counter:open', { counterId: 'schalter-3' })).toMatchObject({ ok: true });
    expect(await emitAck(b, 'counter:open', { counterId: 'schalter-5' })).toMatchObject({ ok: true });

    expect(ticketOf(await emitAck(a, 'counter:call-next', { counterId: 'schalter-3' }))).toMatchObject({ number: t.number, nextServiceIds: ['asylum', 'naturalisation'] });
    ticketOf(await emitAck(a, 'counter:start', { counterId: 'schalter-3' }));

    const staffPush = firstOf(b, 'queue:changed', (e) => e.tickets.some((x) => x.number === t.number && x.serviceId === 'asylum'));
    const phonePush = firstOf(phone, 'ticket:status', (e) => e.ticket.serviceId === 'asylum');
    const reply = await emitAck(a, 'counter:finish-next', { counterId: 'schalter-3' });
    expect(ticketOf(reply)).toMatchObject({ number: t.number, serviceId: 'asylum', status: 'waiting', nextServiceIds: ['naturalisation'] });
    expect(reply.ok && reply.counter).toMatchObject({ id: 'schalter-3', currentTicketRef: null });
    expect((await staffPush).tickets.find((x) => x.number === t.number)).toMatchObject({ status: 'waiting', nextServiceIds: ['naturalisation'] });
    expect((await phonePush).ticket).toMatchObject({ number: t.number, status: 'waiting', position: 1, nextServiceIds: ['naturalisation'] });

    // The next counter calls the same number; the visitor listed one more service, staff may pick another.
    expect(ticketOf(await emitAck(b, 'counter:call-next', { counterId: 'schalter-5' }))).toMatchObject({ number: t.number, serviceId: 'asylum' });
    expect(failure(await emitAck(b, 'counter:finish-next', { counterId: 'schalter-5', serviceId: 'asylum' })).code).toBe('VISIT_SERVICE_REPEATED');
    expect(ticketOf(await emitAck(b, 'counter:finish-next', { counterId: 'schalter-5' }))).toMatchObject({ serviceId: 'naturalisation', nextServiceIds: [] });
    expect(await emitAck(a, 'counter:close', { counterId: 'schalter-3' })).toMatchObject({ ok: true });
    expect(await emitAck(b, 'counter:close', { counterId: 'schalter-5' })).toMatchObject({ ok: true });
  });

  test('409 NO_NEXT_SERVICE when the visitor listed none; a bad payload is 400 INVALID_INPUT', async () => {
    const t = await drawVisit(['residence']);
    const a = await connect(url, '/counter', { cookie: ayse });
    expect(await emitAck(a, 'counter:open', { counterId: 'schalter-3' })).toMatchObject({ ok: true });
    expect(ticketOf(await emitAck(a, 'counter:call-next', { counterId: 'schalter-3' })).number).toBe(t.number);
    expect(failure(await emitAck(a, 'counter:finish-next', { counterId: 'schalter-3' })).code).toBe('NO_NEXT_SERVICE');
    expect(failure(await emitAckUnchecked(a, 'counter:finish-next', { counterId: 'schalter-3', serviceId: 7 })).code).toBe('INVALID_INPUT');
    expect(failure(await emitAckUnchecked(a, 'counter:finish-next', { counterId: 'schalter-3', extra: 1 })).code).toBe('INVALID_INPUT');
    ticketOf(await emitAck(a, 'counter:start', { counterId: 'schalter-3' }));
    expect(ticketOf(await emitAck(a, 'counter:finish', { counterId: 'schalter-3' })).status).toBe('done');
    expect(await emitAck(a, 'counter:close', { counterId: 'schalter-3' })).toMatchObject({ ok: true });
  });
});
