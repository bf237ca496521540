import { expect } from 'vitest';
import { BookedAppointmentSchema, IssuedTicketSchema, StaffTicketSchema } from '../../common/dto-schemas.js';
import type { IssuedTicket } from '../../common/dto.js';
import { closeEndedDays } from '../../server/app/day-close.js';
import type { TestServer } from '../helpers/test-server.js';
import { bodyOf, client, counterAction, expectError, expectStatus, issueTicket, officeTime, type Client } from './support.js';

/**
 * #16: the issue's scripted day, driven through the real commands over HTTP on
 * a test server with a fake clock (demo office, weekly hours): Monday
 * 2027-03-01, Europe/Berlin. The hand-computed figures are those of
 * tests/stats/scripted-day-figures.ts (the same day as fact rows for the pure
 * summary tests), with the demo office's ids for the fixture's names:
 *
 * | fixture | here                                                      |
 * |---------|-----------------------------------------------------------|
 * | A       | residence (prefix A, Aufenthaltstitel, until 16:00)       |
 * | P       | permit-pickup (prefix P, mornings until 12:30)            |
 * | c1      | schalter-3 (ayilmaz; residence first, then permit-pickup) |
 * | c2      | schalter-2 (jschulte; permit-pickup first)                |
 *
 * | ticket | how                                   | joined | called | started | ended |
 * |--------|---------------------------------------|--------|--------|---------|-------|
 * | A001   | kiosk, de                             | 08:00  | 08:10  | 08:11   | 08:21 served |
 * | A002   | kiosk, en                             | 08:05  | 08:25  | 08:26   | 08:31 served |
 * | P001   | kiosk, de, priority                   | 08:30  | 08:32  | 08:33   | 08:48 served |
 * | A003   | kiosk, de                             | 09:00  | 09:30  | 09:31   | 09:40 transferred to P |
 * | P002   | appointment 09:00, checked in 09:07   | 09:07  | 09:12  | 09:13   | 09:33 served |
 * | A003/1 | the transfer                          | 09:40  | 09:50  | 09:51   | 10:01 served |
 * | A004   | kiosk, en                             | 10:00  | 10:20  | –       | 10:26 no-show |
 * | A005   | staff, de                             | 10:30  | –      | –       | 10:40 cancelled by the visitor |
 * | A006   | kiosk, de                             | 11:00  | 11:04  | 11:05   | 11:12 served |
 * | A007   | kiosk, de, left open                  | 15:50  | –      | –       | expired by the day close (00:05) |
 *
 * 16:05: a kiosk ticket for A is refused (the office closed at 16:00:
 * `outside_hours`). Appointments: P 09:00 de (checked in, 7 min late, office
 * delay 12), A 10:00 en (never came: missed). Feedback: A001 1, P001 2, P002 1,
 * A002 3. The next day (outside every range asked) a ticket is served.
 */

export const DAY = '2027-03-01';
export const NEXT_DAY = '2027-03-02';
export const RANGE = { from: '2027-02-28', to: DAY } as const;
/** The fixture's names → the demo office's ids. */
export const IDS: Record<string, string> = { A: 'residence', P: 'permit-pickup', c1: 'schalter-3', c2: 'schalter-2' };
export const SERVICE_NAMES = { A: 'Aufenthaltstitel', P: 'Abholung Aufenthaltskarte (eAT)' } as const;

export async function driveScriptedDay(server: TestServer): Promise<void> {
  const anon = client(server);
  const c1 = client(server, await server.login('ayilmaz'));
  const c2 = client(server, await server.login('jschulte'));
  const at = (hhmm: string, date = DAY) => {
    server.clock.now = officeTime(date, hhmm);
  };
  const act = async (c: Client, counter: string, action: Parameters<typeof counterAction>[2], body?: unknown) => {
    const res = await counterAction(c, IDS[counter]!, action, body);
    expectStatus(res, 200);
    return res;
  };
  /** Calls the next ticket and insists on which one it is (the script's counters call in the fixture's order). */
  const callNext = async (c: Client, counter: string, number: string) => {
    const called = bodyOf(StaffTicketSchema, await act(c, counter, 'call-next'));
    expect(called.number, `${counter} calls`).toBe(number);
  };
  /** Call, start, finish. */
  const serve = async (c: Client, counter: string, number: string, times: [string, string, string]) => {
    at(times[0]);
    await callNext(c, counter, number);
    at(times[1]);
    await act(c, counter, 'start');
    at(times[2]);
    await act(c, counter, 'finish');
  };
  const draw = async (hhmm: string, service: 'A' | 'P', language: string, number: string, extra: { priority?: boolean; by?: Client } = {}) => {
    at(hhmm);
    const t = await issueTicket(extra.by ?? anon, IDS[service]!, { language, ...(extra.priority ? { priority: true } : {}) });
    expect(t.number).toBe(number);
    return t;
  };
  const feedback = async (t: IssuedTicket, grade: number) => expectStatus(await anon.post(`/api/tickets/${t.id}/feedback`, { grade }), 201);
  const book = async (service: 'A' | 'P', hhmm: string, language: string) => {
    const res = await c1.post('/api/appointments', { serviceId: IDS[service], startsAt: new Date(officeTime(DAY, hhmm)).toISOString(), language });
    expectStatus(res, 201);
    return bodyOf(BookedAppointmentSchema, res);
  };

  at('07:30');
  const ap1 = await book('P', '09:00', 'de');
  await book('A', '10:00', 'en'); // nobody comes: missed once the day is over
  at('08:00');
  await act(c1, 'c1', 'open');
  await act(c2, 'c2', 'open');

  const a001 = await draw('08:00', 'A', 'de', 'A001');
  const a002 = await draw('08:05', 'A', 'en', 'A002');
  await serve(c1, 'c1', 'A001', ['08:10', '08:11', '08:21']);
  await feedback(a001, 1);
  at('08:25');
  await callNext(c1, 'c1', 'A002');
  at('08:26');
  await act(c1, 'c1', 'start');
  const p001 = await draw('08:30', 'P', 'de', 'P001', { priority: true });
  at('08:31');
  await act(c1, 'c1', 'finish');
  await feedback(a002, 3);
  await serve(c2, 'c2', 'P001', ['08:32', '08:33', '08:48']);
  await feedback(p001, 2);

  await draw('09:00', 'A', 'de', 'A003');
  at('09:07'); // 7 minutes late, within the late window: an appointment
  const checkIn = await anon.post('/api/checkin', { code: ap1.code, language: 'de' });
  expectStatus(checkIn, 201);
  const p002 = bodyOf(IssuedTicketSchema, checkIn);
  expect(p002.number).toBe('P002');
  at('09:12');
  await callNext(c2, 'c2', 'P002');
  at('09:13');
  await act(c2, 'c2', 'start');
  at('09:30');
  await callNext(c1, 'c1', 'A003');
  at('09:31');
  await act(c1, 'c1', 'start');
  at('09:33');
  await act(c2, 'c2', 'finish');
  await feedback(p002, 1);
  at('09:40');
  await act(c1, 'c1', 'transfer', { serviceId: IDS.P, keepPlace: false });
  at('09:50');
  await callNext(c2, 'c2', 'A003');
  at('09:51');
  await act(c2, 'c2', 'start');

  await draw('10:00', 'A', 'en', 'A004');
  at('10:01');
  await act(c2, 'c2', 'finish');
  at('10:20');
  await callNext(c1, 'c1', 'A004');
  at('10:26');
  await act(c1, 'c1', 'no-show');
  const a005 = await draw('10:30', 'A', 'de', 'A005', { by: c2 });
  at('10:40');
  expectStatus(await anon.del(`/api/tickets/${a005.id}`), 200);
  await draw('11:00', 'A', 'de', 'A006');
  await serve(c1, 'c1', 'A006', ['11:04', '11:05', '11:12']);
  at('12:30');
  await act(c1, 'c1', 'close');
  await act(c2, 'c2', 'close');

  await draw('15:50', 'A', 'de', 'A007'); // left open
  at('16:05'); // after closing: refused, nothing issued, and counted
  expectError(await anon.post('/api/tickets', { serviceId: IDS.A, language: 'de' }), 409, 'SERVICE_CLOSED');

  // Just after midnight the day close expires what was left open; the unused appointment is missed.
  at('00:05', NEXT_DAY);
  expect(await closeEndedDays(server.app.office)).toBe(1);
  // The next day (a new session: yesterday's has ended): outside every range asked.
  at('08:00', NEXT_DAY);
  const next = client(server, await server.login('ayilmaz'));
  await act(next, 'c1', 'open');
  await issueTicket(anon, IDS.A!, { language: 'de' });
  at('09:00', NEXT_DAY);
  await callNext(next, 'c1', 'A001');
  at('09:01', NEXT_DAY);
  await act(next, 'c1', 'start');
  at('09:02', NEXT_DAY);
  await act(next, 'c1', 'finish');
}
