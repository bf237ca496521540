import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { statsProjection } from '../../server/app/stats/projection.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { client, expectError, expectStatus, officeTime, WEDNESDAY, type Client } from './support.js';

/**
 * #16: a ticket the office could not give is recorded as `ticket.refused`
 * (committed although the request answers with the error), so statistics count
 * the demand that was turned away; nothing else is written.
 */

let server: TestServer;
let anon: Client;
let staff: Client;

beforeAll(async () => {
  server = await startTestServer({ demoHours: 'weekly' }, officeTime(WEDNESDAY, '03:00'));
  anon = client(server);
  staff = client(server, await server.login('jschulte'));
});
afterAll(() => server.close());

const office = () => server.app.office;
const lastSeq = () => office().store.read(office().siteId, (r) => r.events.lastSeq());
const eventsAfter = (seq: number) => office().store.read(office().siteId, (r) => r.events.after(seq, 100));

describe('refused tickets', () => {
  test('a kiosk draw refused with 409 leaves one ticket.refused in the log and no ticket', async () => {
    const before = await lastSeq();
    expectError(await anon.post('/api/tickets', { serviceId: 'residence', language: 'tr', priority: true }), 409, 'SERVICE_CLOSED');

    const logged = await eventsAfter(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      type: 'ticket.refused',
      at: officeTime(WEDNESDAY, '03:00'),
      ticketId: null,
      serviceId: 'residence',
      counterId: null,
      userId: null,
      data: { reason: 'outside_hours', channel: 'kiosk', language: 'tr', priority: true },
    });
    const tickets = await office().store.read(office().siteId, async (r) => ({
      issued: await r.tickets.issuedCounts(WEDNESDAY),
      open: await r.tickets.open(WEDNESDAY),
    }));
    expect(tickets).toEqual({ issued: {}, open: [] });

    // The statistics count it: a walk-in turned away at 03:00 on a Wednesday.
    await statsProjection(office()).catchUp();
    const refusals = await office().store.read(office().siteId, (r) => r.stats.refusals({ fromDate: WEDNESDAY, toDate: WEDNESDAY }));
    expect(refusals).toEqual([
      { at: officeTime(WEDNESDAY, '03:00'), businessDate: WEDNESDAY, hour: 3, weekday: 3, serviceId: 'residence', reason: 'outside_hours', channel: 'walk_in', language: 'tr' },
    ]);
  });

  test('staff may issue past the hours: a ticket, no refusal', async () => {
    const before = await lastSeq();
    expectStatus(await staff.post('/api/tickets', { serviceId: 'residence', language: 'de' }), 201);
    expect((await eventsAfter(before)).map((e) => e.type)).toEqual(['ticket.issued']);
  });

  test('a service switched off is refused for staff too (answered as unknown, as before), with the reason inactive', async () => {
    await office().store.transaction(office().siteId, async (tx) => {
      const s = await tx.catalog.service('asylum');
      if (s) await tx.catalog.putService({ ...s, active: false });
    });
    const before = await lastSeq();
    expectError(await staff.post('/api/tickets', { serviceId: 'asylum', language: 'fa' }), 404, 'SERVICE_NOT_FOUND');
    const logged = await eventsAfter(before);
    expect(logged.map((e) => [e.type, e.serviceId, e.data])).toEqual([
      ['ticket.refused', 'asylum', { reason: 'inactive', channel: 'staff', language: 'fa', priority: false }],
    ]);
    expect(logged[0]?.userId).toBeTruthy();
  });

  test('an unknown service records nothing', async () => {
    const before = await lastSeq();
    expectError(await anon.post('/api/tickets', { serviceId: 'no-such-service', language: 'de' }), 404, 'SERVICE_NOT_FOUND');
    expect(await eventsAfter(before)).toEqual([]);
  });
});
