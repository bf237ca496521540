import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookedAppointmentSchema } from '../../common/dto-schemas.js';
import type { PublicTicket } from '../../common/dto.js';
import { instantAt } from '../../server/domain/time.js';
import { checked } from '../helpers/checked.js';
import { anyOf } from '../helpers/matchers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { api, counterAction, issue } from '../realtime/support.js';

/**
 * The wait a visitor is shown when the ticket is drawn (kiosk screen, paper,
 * the 201 answer) is the one the log records: both come from one view in the
 * issuing transaction.
 */

const WEDNESDAY_9 = instantAt('2026-06-10', '09:00', 'Europe/Berlin');

describe('the estimate shown at issue is the estimate logged', () => {
  let server: TestServer;
  let ayse: string;

  beforeAll(async () => {
    server = await startTestServer({}, WEDNESDAY_9);
    ayse = await server.login('ayilmaz');
  });
  afterAll(() => server.close());

  const logged = (ticketId: string) =>
    server.app.office.store.read(server.app.office.siteId, async (r) => (await r.events.after(0, 10_000, ['ticket.issued', 'ticket.checked_in'])).filter((e) => e.ticketId === ticketId));

  it('a drawn ticket: the 201 body\'s estimate and place are the ticket.issued event\'s', async () => {
    const unknown: PublicTicket = await issue(server.url, 'residence', 'tr');
    expect([unknown.estimate, unknown.position]).toEqual([null, 1]);

    expect((await counterAction(server.url, ayse, 'schalter-3', 'open')).status).toBe(200);
    const second: PublicTicket = await issue(server.url, 'residence', 'ar');
    const third: PublicTicket = await issue(server.url, 'residence', 'de', ayse);
    expect(second.estimate).not.toBeNull();
    expect(third.position).toBe(3);

    for (const t of [unknown, second, third]) {
      const events = await logged(t.id);
      expect(events.map((e) => [e.type, e.v, e.data.number, e.data.estimate, e.data.position])).toEqual([
        ['ticket.issued', 3, t.number, t.estimate, t.position],
      ]);
      expect(await api(server.url, 'GET', `/api/tickets/${t.id}`).then((r) => r.status)).toBe(200);
    }
    const byStaff = await logged(third.id);
    expect(byStaff[0]).toMatchObject({ userId: anyOf(String), data: { channel: 'staff', language: 'de' } });
  });

  it('a checked-in appointment: the 201 body\'s estimate and place are the ticket.checked_in event\'s', async () => {
    const booked = await api(server.url, 'POST', '/api/appointments', {
      cookie: ayse,
      body: { serviceId: 'residence', startsAt: new Date(WEDNESDAY_9 + 10 * 60_000).toISOString(), language: 'fa' },
    });
    expect(booked.status).toBe(201);
    const res = await api<PublicTicket>(server.url, 'POST', '/api/checkin', { body: { code: checked(BookedAppointmentSchema, booked.body).code, language: 'fa' } });
    expect(res.status).toBe(201);
    const events = await logged(res.body.id);
    expect(events.map((e) => [e.type, e.v, e.data.estimate, e.data.position, e.data.channel])).toEqual([
      ['ticket.checked_in', 3, res.body.estimate, res.body.position, 'checkin'],
    ]);
    expect(res.body.estimate).not.toBeNull();
  });
});
