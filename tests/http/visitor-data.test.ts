import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { VisitorDataSchema } from '../../common/privacy-schemas.js';
import { redactUrl } from '../../server/http/log-redaction.js';
import type { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import type { TestServer } from '../helpers/test-server.js';
import { bodyOf, client, counterAction, expectError, expectStatus, issueTicket, officeTime, request, startOffice, WEDNESDAY, type Client } from './support.js';

/**
 * #17 a visitor's right of access: GET /api/tickets/:id/data (the ticket token) and
 * GET /api/appointments/:code/data (the booking code) show what is stored; the contact data
 * can be deleted early. Token-only: no session needed, an unknown token or code is 404.
 */
let server: TestServer;
let anon: Client;
let staff: Client;
let cookie: string;
const contactOf = (id: string) => ((server.app.office.store as SqliteStore).db.prepare('SELECT contact FROM appointments WHERE id = ?').get(id) as { contact: string | null }).contact;

beforeAll(async () => {
  ({ server, anon, staff } = await startOffice('09:30', 'ayilmaz'));
  cookie = await server.login('ayilmaz');
  const { office } = server.app;
  await office.store.transaction(office.siteId, (tx) =>
    tx.appointments.put({ id: 'apt_data', code: 'DATA23', serviceId: 'residence', startsAt: officeTime(WEDNESDAY, '10:00'), language: 'tr', status: 'booked', ticketId: null, createdAt: 0, contact: 'e.demir@example.org' }),
  );
}, 60_000);
afterAll(() => server.close());

describe('the visitor data routes', () => {
  test('a ticket token shows what is stored about the ticket, notes included, and when it goes', async () => {
    const t = await issueTicket(anon, 'residence', { language: 'ar' });
    const empty = bodyOf(VisitorDataSchema, await client(server, undefined, null).get(`/api/tickets/${t.id}/data`));
    expect(empty).toEqual({
      ticket: expect.objectContaining({ number: t.number, serviceId: 'residence', businessDate: WEDNESDAY, language: 'ar', status: 'waiting', notes: '', notesKeptUntil: WEDNESDAY, feedbackGiven: false }) as unknown,
      appointment: null,
    });
    expectStatus(await counterAction(staff, 'schalter-3', 'open'), 200);
    expectStatus(await counterAction(staff, 'schalter-3', 'call', { ticketId: t.id }), 200);
    expectStatus(await request(server.url, 'PUT', `/api/tickets/${t.id}/notes`, { json: { notes: 'Dolmetscher nötig' }, cookie }), 200);
    expect(bodyOf(VisitorDataSchema, await anon.get(`/api/tickets/${t.id}/data`)).ticket).toMatchObject({ status: 'called', notes: 'Dolmetscher nötig' });
  });

  test('an unknown token or booking code is 404; a malformed code 400', async () => {
    expectError(await anon.get('/api/tickets/not-a-ticket/data'), 404, 'TICKET_NOT_FOUND');
    expectError(await anon.del('/api/tickets/not-a-ticket/contact'), 404, 'TICKET_NOT_FOUND');
    expectError(await anon.get('/api/appointments/ZZZZ99/data'), 404, 'APPOINTMENT_NOT_FOUND');
    expectError(await anon.del('/api/appointments/ZZZZ99/contact'), 404, 'APPOINTMENT_NOT_FOUND');
    expectError(await anon.get('/api/appointments/no%2Fslash/data'), 400, 'INVALID_INPUT');
  });

  test('a booking code shows the appointment with its contact data; the visitor deletes it early, by code or by the checked-in ticket', async () => {
    const byCode = bodyOf(VisitorDataSchema, await anon.get('/api/appointments/data-23/data'));
    expect(byCode).toEqual({
      ticket: null,
      appointment: { code: 'DATA23', serviceId: 'residence', startsAt: new Date(officeTime(WEDNESDAY, '10:00')).toISOString(), language: 'tr', status: 'booked', contact: 'e.demir@example.org', contactKeptUntil: '2026-07-10' },
    });
    const checkin = await anon.post('/api/checkin', { code: 'DATA23', language: 'tr' });
    expectStatus(checkin, 201);
    const ticketId = (checkin.body as { id: string }).id;
    const viaTicket = bodyOf(VisitorDataSchema, await anon.get(`/api/tickets/${ticketId}/data`));
    expect(viaTicket.appointment).toMatchObject({ code: 'DATA23', status: 'checked_in', contact: 'e.demir@example.org' });
    expect(viaTicket.ticket).toMatchObject({ channel: 'checkin' });

    const deleted = bodyOf(VisitorDataSchema, await anon.del(`/api/tickets/${ticketId}/contact`));
    expect(deleted.appointment?.contact).toBeNull();
    expect(contactOf('apt_data')).toBeNull();
    expect(bodyOf(VisitorDataSchema, await anon.del('/api/appointments/DATA23/contact')).appointment).toMatchObject({ code: 'DATA23', contact: null });
  });

  test('the request log holds neither the token nor the booking code', () => {
    expect(redactUrl('/api/tickets/abcDEF123/data')).toBe('/api/tickets/[ticket]/data');
    expect(redactUrl('/api/appointments/DATA23/contact')).toBe('/api/appointments/[code]/contact');
    expect(redactUrl('/api/appointments')).toBe('/api/appointments');
  });
});
