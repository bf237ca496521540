import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IssuedTicketSchema, PublicTicketSchema, StaffTicketSchema } from '../../common/dto-schemas.js';
import type { CounterAction } from '../../common/protocol.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { bodyOf, client, counterAction, expectError, expectStatus, MIN, officeTime, WEDNESDAY, type Client } from './support.js';

/**
 * #17 §1 over HTTP: a ticket drawn for several services (`alsoServiceIds`), served in turn at
 * different counters with `POST /api/counters/:id/finish-next`, keeping its number; the errors;
 * and the statistics, where each service of the visit is a segment (the first ends served).
 * Demo office: schalter-3 serves residence (ayilmaz), schalter-5 asylum (okovalenko),
 * raum-1-14 naturalisation (admin may work any desk).
 */

let server: TestServer;
let anon: Client;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({}, officeTime(WEDNESDAY, '09:00'));
  anon = client(server);
  for (const user of ['admin', 'ayilmaz', 'okovalenko']) cookies[user] = await server.login(user);
});
afterAll(() => server.close());

function desk(user: string, counterId: string) {
  const c = client(server, cookies[user]);
  return {
    act: (action: CounterAction, json?: unknown) => counterAction(c, counterId, action, json),
    async ticket(action: CounterAction, json?: unknown) {
      const res = await counterAction(c, counterId, action, json);
      expectStatus(res, 200);
      return bodyOf(StaffTicketSchema, res);
    },
  };
}

const draw = (body: Record<string, unknown>) => anon.post('/api/tickets', { language: 'fa', ...body });
const publicTicket = async (id: string) => bodyOf(PublicTicketSchema, await anon.get(`/api/tickets/${id}`));

describe('drawing a ticket for several services', () => {
  test('alsoServiceIds: the further services in order, on the answer, the public view and the staff view', async () => {
    const res = await draw({ serviceId: 'residence', alsoServiceIds: ['asylum', 'naturalisation'] });
    expectStatus(res, 201);
    const t = bodyOf(IssuedTicketSchema, res);
    expect(t).toMatchObject({ serviceId: 'residence', nextServiceIds: ['asylum', 'naturalisation'] });
    expect(await publicTicket(t.id)).toMatchObject({ nextServiceIds: ['asylum', 'naturalisation'] });
    expectStatus(await anon.del(`/api/tickets/${t.id}`), 200);
    // One service as before: an empty list.
    const single = bodyOf(IssuedTicketSchema, await draw({ serviceId: 'residence' }));
    expect(single.nextServiceIds).toEqual([]);
    expectStatus(await anon.del(`/api/tickets/${single.id}`), 200);
  });

  test.each([
    ['the first service again', ['residence']],
    ['one service twice', ['asylum', 'asylum']],
  ])('400 VISIT_SERVICE_REPEATED: %s', async (_what, also) => {
    const res = await draw({ serviceId: 'residence', alsoServiceIds: also });
    expectError(res, 400, 'VISIT_SERVICE_REPEATED');
    expect((res.body as { error: { field?: string } }).error.field).toBe('/alsoServiceIds');
  });

  test('400 INVALID_INPUT for more than two further services; 404 for a service that does not exist', async () => {
    expectError(await draw({ serviceId: 'residence', alsoServiceIds: ['asylum', 'naturalisation', 'information'] }), 400, 'INVALID_INPUT');
    expectError(await draw({ serviceId: 'residence', alsoServiceIds: ['nope'] }), 404, 'SERVICE_NOT_FOUND');
  });
});

describe('finish and next service', () => {
  test('the same number waits for the next listed service, is called there, then staff add one; the errors', async () => {
    const residence = desk('ayilmaz', 'schalter-3');
    const asylum = desk('okovalenko', 'schalter-5');
    const naturalisation = desk('admin', 'raum-1-14');
    for (const d of [residence, asylum, naturalisation]) expectStatus(await d.act('open'), 200);

    const t = bodyOf(IssuedTicketSchema, await draw({ serviceId: 'residence', alsoServiceIds: ['asylum'] }));
    expectError(await residence.act('finish-next'), 409, 'NO_CURRENT_TICKET');
    server.clock.advance(5 * MIN);
    expect(await residence.ticket('call-next')).toMatchObject({ number: t.number, nextServiceIds: ['asylum'] });
    await residence.ticket('start');
    server.clock.advance(10 * MIN);
    const moved = await residence.ticket('finish-next');
    expect(moved).toMatchObject({ number: t.number, serviceId: 'asylum', status: 'waiting', nextServiceIds: [], counterId: null, callCount: 0 });
    // Credit (the default): the 5 minutes waited keep the place.
    expect(moved.queuedAt).toBe(server.clock.now - 5 * MIN);
    expect(await publicTicket(t.id)).toMatchObject({ number: t.number, serviceId: 'asylum', status: 'waiting', position: 1, nextServiceIds: [] });
    // The counter is free again.
    expectStatus(await residence.act('call-next'), 204);

    server.clock.advance(2 * MIN);
    expect(await asylum.ticket('call-next')).toMatchObject({ number: t.number, serviceId: 'asylum', status: 'called', callCount: 1 });
    expectError(await asylum.act('finish-next'), 409, 'NO_NEXT_SERVICE');
    expectError(await asylum.act('finish-next', { serviceId: 'asylum' }), 400, 'VISIT_SERVICE_REPEATED');
    expectError(await asylum.act('finish-next', { serviceId: 'nope' }), 409, 'INVALID_TARGET');
    expectError(await asylum.act('finish-next', { serviceId: 5 }), 400, 'INVALID_INPUT');
    await asylum.ticket('start');
    server.clock.advance(4 * MIN);
    // Staff add a service the visitor did not list.
    expect(await asylum.ticket('finish-next', { serviceId: 'naturalisation' })).toMatchObject({ number: t.number, serviceId: 'naturalisation', status: 'waiting' });
    server.clock.advance(MIN);
    expect(await naturalisation.ticket('call-next')).toMatchObject({ number: t.number, serviceId: 'naturalisation' });
    await naturalisation.ticket('start');
    server.clock.advance(3 * MIN);
    expect(await naturalisation.ticket('finish')).toMatchObject({ number: t.number, status: 'done' });

    // Statistics: three segments of one ticket, each ended served with its own wait and service time.
    const res = await client(server, cookies.admin).get(`/api/stats/export.csv?from=${WEDNESDAY}&to=${WEDNESDAY}&dialect=rfc4180`);
    expectStatus(res, 200);
    const rows = parse<Record<string, string>>(res.text, { columns: true }).filter((r) => r.number === t.number);
    expect(rows.map((r) => [r.segment, r.outcome, r.wait_min, r.service_min])).toEqual([
      ['0', 'served', '5', '10'],
      ['1', 'served', '2', '4'],
      ['2', 'served', '1', '3'],
    ]);
    for (const d of [residence, asylum, naturalisation]) expectStatus(await d.act('close'), 200);
  });

  test("placement 'back': the next segment joins at the end of the line", async () => {
    const admin = client(server, cookies.admin);
    const office = (await admin.get('/api/admin/office')).body as { version: number; policy: Record<string, unknown> };
    expectStatus(await admin.patch('/api/admin/office', { version: office.version, policy: { ...office.policy, nextServicePlacement: 'back' } }), 200);
    const residence = desk('ayilmaz', 'schalter-3');
    expectStatus(await residence.act('open'), 200);
    const t = bodyOf(IssuedTicketSchema, await draw({ serviceId: 'residence', alsoServiceIds: ['asylum'] }));
    server.clock.advance(7 * MIN);
    await residence.ticket('call-next');
    server.clock.advance(MIN);
    const moved = await residence.ticket('finish-next');
    expect(moved).toMatchObject({ number: t.number, serviceId: 'asylum', queuedAt: server.clock.now });
    expectStatus(await anon.del(`/api/tickets/${t.id}`), 200);
    expectStatus(await residence.act('close'), 200);
  });
});
