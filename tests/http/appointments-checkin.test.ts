import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BookedAppointmentSchema, IssuedTicketSchema, PublicTicketSchema, StaffTicketSchema } from '../../common/dto-schemas.js';
import { DEFAULT_CHECKIN } from '../../server/domain/settings.js';
import { anyOf, stringMatching } from '../helpers/matchers.js';
import type { TestServer } from '../helpers/test-server.js';
import {
  bodyOf,
  counterAction,
  expectError,
  expectStatus,
  issueTicket,
  MIN,
  officeTime,
  startOffice,
  WEDNESDAY,
  type Client,
} from './support.js';

/**
 * All on one Wednesday; each test sets the clock to the local times it is about.
 * Only the queue-order tests call tickets, each in a service nobody else here uses.
 */

const BOOKING_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

let server: TestServer;
let anon: Client;
let staff: Client;

beforeAll(async () => {
  ({ server, anon, staff } = await startOffice('08:00', 'twerner'));
});
afterAll(() => server.close());

const at = (hhmm: string, date = WEDNESDAY) => {
  server.clock.now = officeTime(date, hhmm);
};

/** Books over HTTP as staff and returns the appointment (201 insisted on). */
async function book(serviceId: string, startsAt: number, language?: string) {
  const res = await staff.post('/api/appointments', {
    serviceId,
    startsAt: new Date(startsAt).toISOString(),
    ...(language ? { language } : {}),
  });
  expectStatus(res, 201);
  return bodyOf(BookedAppointmentSchema, res);
}

const checkIn = (code: string, language = 'de') => anon.post('/api/checkin', { code, language });
/** Checks in and insists on 201: the issued ticket. */
async function checkedIn(code: string, language?: string) {
  const res = await checkIn(code, language);
  expectStatus(res, 201);
  return bodyOf(IssuedTicketSchema, res);
}
/** Calls the next ticket at a counter and insists on 200: the called ticket. */
async function callNext(counterId: string) {
  const res = await counterAction(staff, counterId, 'call-next');
  expectStatus(res, 200);
  return bodyOf(StaffTicketSchema, res);
}

describe('booking appointments', () => {
  test('needs a staff session', async () => {
    at('08:00');
    const body = { serviceId: 'residence', startsAt: new Date(officeTime(WEDNESDAY, '10:00')).toISOString() };
    expectError(await anon.post('/api/appointments', body), 401, 'UNAUTHENTICATED');
  });

  test('a slot before yesterday or more than a year ahead is a typing mistake: 400', async () => {
    at('08:00');
    for (const startsAt of ['3026-06-10T10:00:00Z', '2026-06-08T10:00:00Z', '0001-01-01T00:00:00Z']) {
      expectError(await staff.post('/api/appointments', { serviceId: 'residence', startsAt }), 400, 'INVALID_INPUT');
    }
  });

  test('staff book an appointment and get its booking code', async () => {
    at('08:00');
    const startsAt = officeTime(WEDNESDAY, '10:00');
    const res = await staff.post('/api/appointments', {
      serviceId: 'residence',
      // Any offset is fine; the answer is normalised to UTC.
      startsAt: '2026-06-10T10:00:00+02:00',
      language: 'uk',
    });
    expectStatus(res, 201);
    const booked = bodyOf(BookedAppointmentSchema, res);
    expect(booked).toMatchObject({
      id: anyOf(String),
      code: stringMatching(BOOKING_CODE),
      serviceId: 'residence',
      startsAt: new Date(startsAt).toISOString(),
      language: 'uk',
      status: 'booked',
      ticketId: null,
    });
    const other = await book('residence', startsAt);
    expect(other.code).not.toBe(booked.code);
  });

  test('unknown service → 404; a time without offset, an impossible date or a leap second → 400', async () => {
    at('08:00');
    const startsAt = new Date(officeTime(WEDNESDAY, '10:00')).toISOString();
    expectError(await staff.post('/api/appointments', { serviceId: 'no-such-service', startsAt }), 404, 'SERVICE_NOT_FOUND');
    for (const bad of ['2026-06-10T10:00:00', '2026-02-30T10:00:00Z', '2026-06-30T23:59:60Z']) {
      expectError(await staff.post('/api/appointments', { serviceId: 'residence', startsAt: bad }), 400, 'INVALID_INPUT');
    }
  });
});

describe('checking in', () => {
  test('a booked appointment checks in once: 201 ticket, then 409 ALREADY_CHECKED_IN', async () => {
    at('09:00');
    const appt = await book('asylum', officeTime(WEDNESDAY, '09:30'));
    at('09:10');
    const ticket = await checkedIn(appt.code, 'ar');
    expect(ticket).toMatchObject({
      id: stringMatching(/^[A-Za-z0-9_-]{20,}$/),
      number: stringMatching(/^F\d{3}$/),
      serviceId: 'asylum',
      language: 'ar',
      status: 'waiting',
      issuedAt: server.clock.now,
      appointmentAt: officeTime(WEDNESDAY, '09:30'),
    });
    expect(ticket.statusUrl).toMatch(new RegExp(`/t/${ticket.id}$`));
    expect((await anon.get(`/api/tickets/${ticket.id}`)).body).toMatchObject({ number: ticket.number, status: 'waiting' });

    expectError(await checkIn(appt.code), 409, 'ALREADY_CHECKED_IN');
  });

  test('an unknown code → 404 APPOINTMENT_NOT_FOUND', async () => {
    at('09:00');
    expectError(await checkIn('ZZZZZZ'), 404, 'APPOINTMENT_NOT_FOUND');
  });

  test('the code is accepted in lower case, with a dash or spaces', async () => {
    at('09:00');
    for (const spell of [(c: string) => c.toLowerCase(), (c: string) => `${c.slice(0, 3)}-${c.slice(3)}`.toLowerCase(), (c: string) => ` ${c.slice(0, 3)} ${c.slice(3)} `]) {
      const appt = await book('integration-courses', officeTime(WEDNESDAY, '09:20'));
      expectStatus(await checkIn(spell(appt.code)), 201);
    }
  });

  test(`more than ${DEFAULT_CHECKIN.checkinOpensMinutes} minutes early → 409 CHECKIN_TOO_EARLY; later it works`, async () => {
    at('09:00');
    const appt = await book('information', officeTime(WEDNESDAY, '11:00'));
    expectError(await checkIn(appt.code), 409, 'CHECKIN_TOO_EARLY');
    at('09:59');
    expectError(await checkIn(appt.code), 409, 'CHECKIN_TOO_EARLY');
    at('10:00');
    expectStatus(await checkIn(appt.code), 201);
  });

  test("an appointment on another day → 409 APPOINTMENT_EXPIRED, also for yesterday's", async () => {
    at('09:00');
    const tomorrow = await book('information', officeTime('2026-06-11', '09:10'));
    const yesterday = await book('information', officeTime('2026-06-09', '16:00'));
    at('23:59');
    expectError(await checkIn(tomorrow.code), 409, 'APPOINTMENT_EXPIRED');
    expectError(await checkIn(yesterday.code), 409, 'APPOINTMENT_EXPIRED');
  });
});

describe('appointments in the queue', () => {
  test('a due appointment is called before earlier walk-ins, but never more than the policy bound ahead', async () => {
    // twerner (de, en) at Raum 1.14 (naturalisation only); Arabic tickets, so no language advantage.
    at('09:00');
    const longWaiting = await issueTicket(anon, 'naturalisation', { language: 'ar' });
    at('09:10');
    const recent = await issueTicket(anon, 'naturalisation', { language: 'ar' });
    at('09:32');
    const appt = await book('naturalisation', officeTime(WEDNESDAY, '09:35'));
    const appointment = await checkedIn(appt.code, 'ar');
    // Slot 09:35 minus the 30-minute bound ranks it at 09:05: after 09:00, before 09:10.
    expect(appointment.position).toBe(2);
    expect(bodyOf(PublicTicketSchema, await anon.get(`/api/tickets/${recent.id}`)).position).toBe(3);

    expectStatus(await counterAction(staff, 'raum-1-14', 'open'), 200);
    const order: string[] = [];
    for (let i = 0; i < 3; i++) {
      const called = await callNext('raum-1-14');
      order.push(called.number);
      if (called.number === appointment.number) expect(called).toMatchObject({ priorityClass: 'appointment', appointmentId: appt.id });
      expectStatus(await counterAction(staff, 'raum-1-14', 'no-show'), 200);
    }
    expect(order).toEqual([longWaiting.number, appointment.number, recent.number]);
    expectStatus(await counterAction(staff, 'raum-1-14', 'close'), 200);
  });

  test('an early check-in is not offered before the grace window; a late one is served as a walk-in', async () => {
    // Raum 1.14 again, now empty.
    at('10:00');
    const early = await book('naturalisation', officeTime(WEDNESDAY, '10:30'));
    const late = await book('naturalisation', officeTime(WEDNESDAY, '09:40'));
    const earlyTicket = await checkedIn(early.code, 'ar');
    const lateTicket = await checkedIn(late.code, 'ar');
    // Served like a walk-in, a late arrival no longer shows a slot.
    expect([earlyTicket.appointmentAt, lateTicket.appointmentAt]).toEqual([officeTime(WEDNESDAY, '10:30'), null]);

    expectStatus(await counterAction(staff, 'raum-1-14', 'open'), 200);
    const first = await counterAction(staff, 'raum-1-14', 'call-next');
    expect(first.body).toMatchObject({ number: lateTicket.number, priorityClass: 'walk_in' });
    expectStatus(await counterAction(staff, 'raum-1-14', 'no-show'), 200);
    expectStatus(await counterAction(staff, 'raum-1-14', 'call-next'), 204);

    server.clock.advance((30 - DEFAULT_CHECKIN.earlyGraceMinutes) * MIN);
    const due = await counterAction(staff, 'raum-1-14', 'call-next');
    expect(due.body).toMatchObject({ number: earlyTicket.number, priorityClass: 'appointment' });
    expectStatus(await counterAction(staff, 'raum-1-14', 'no-show'), 200);
    expectStatus(await counterAction(staff, 'raum-1-14', 'close'), 200);
  });
});
