import type { AppointmentFact, RefusalFact, SegmentFact } from '../../server/domain/stats/facts.js';
import type { FeedbackFact } from '../../server/domain/stats/summary.js';

/**
 * #16: the scripted day as fact rows, hand-built for the pure summary
 * tests; tests/http/stats-scripted-day.ts drives the same day through the real
 * commands over HTTP and checks the same figures: Monday 2027-03-01 in Europe/Berlin
 * (UTC+1), services A (first at the kiosk) and P, counters c1 and c2, wait target 15.
 *
 * | ticket | seg | service | counter | lang | channel     | hour | outcome     | wait | service |
 * |--------|-----|---------|---------|------|-------------|------|-------------|------|---------|
 * | A001   | 0   | A       | c1      | de   | walk_in     | 8    | served      | 10   | 10      |
 * | A002   | 0   | A       | c1      | en   | walk_in     | 8    | served      | 20   | 5       |
 * | P001   | 0   | P       | c2      | de   | walk_in (priority) | 8 | served  | 2    | 15      |
 * | P002   | 0   | P       | c2      | de   | appointment (late 7, office delay 12) | 9 | served | 5 | 20 |
 * | A003   | 0   | A       | c1      | de   | walk_in     | 9    | transferred | 30   | 9       |
 * | A003   | 1   | P       | c2      | de   | walk_in     | 9    | served      | 10   | 10      |
 * | A004   | 0   | A       | c1      | en   | walk_in     | 10   | no_show     | 20   | –       |
 * | A005   | 0   | A       | –       | de   | staff       | 10   | cancelled   | –    | –       |
 * | A006   | 0   | A       | c1      | de   | walk_in     | 11   | served      | 4    | 7       |
 * | A007   | 0   | A       | –       | de   | walk_in     | 15   | expired (left open at day end) | – | – |
 *
 * A refusal after closing (16:05, A, de, walk_in, outside_hours: A closes at 16:00); appointments:
 * ap1 (P, de, 09:00, checked in 09:07), ap2 (A, en, 10:00, missed), ap3 (A, de,
 * 11:00, cancelled); feedback: A de 1, P de 2, P de 1, A en 3. A segment of the
 * next day lies outside every range asked.
 */

export const DAY = '2027-03-01';
export const RANGE = { from: '2027-02-28', to: DAY } as const;
export const TIME_ZONE = 'Europe/Berlin';
export const WAIT_TARGET = 15;
export const ORDER = { services: ['A', 'P'], counters: ['c1', 'c2'] };

/** A local time of the day (CET, UTC+1). */
export const at = (hh: number, mm: number, date = DAY): number => Date.parse(`${date}T${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00+01:00`);

interface SegmentSpec {
  ticketId: string;
  number: string;
  segment?: number;
  serviceId: string;
  counterId?: string;
  language: string;
  channel: SegmentFact['channel'];
  priorityClass?: SegmentFact['priorityClass'];
  joined: [number, number];
  called?: [number, number];
  started?: [number, number];
  ended?: [number, number];
  outcome: SegmentFact['outcome'];
  appointment?: { id: string; slot: [number, number]; checkIn: [number, number] };
  date?: string;
}

function segment(s: SegmentSpec): SegmentFact {
  const date = s.date ?? DAY;
  const t = (x: [number, number] | undefined) => (x ? at(x[0], x[1], date) : null);
  const joinedAt = at(s.joined[0], s.joined[1], date);
  const firstCalledAt = t(s.called);
  const startedAt = t(s.started);
  const endedAt = t(s.ended);
  const slot = s.appointment ? at(...s.appointment.slot) : null;
  return {
    ticketId: s.ticketId,
    segment: s.segment ?? 0,
    businessDate: date,
    hour: s.joined[0],
    weekday: date === DAY ? 1 : 2,
    number: s.number,
    serviceId: s.serviceId,
    channel: s.channel,
    language: s.language,
    priorityClass: s.priorityClass ?? 'walk_in',
    joinedAt,
    firstCalledAt,
    startedAt,
    endedAt,
    counterId: s.counterId ?? null,
    outcome: s.outcome,
    waitMs: firstCalledAt === null ? null : firstCalledAt - joinedAt,
    serviceMs: startedAt !== null && endedAt !== null && s.outcome !== 'no_show' ? endedAt - startedAt : null,
    callToStartMs: startedAt !== null && firstCalledAt !== null ? startedAt - firstCalledAt : null,
    appointmentId: s.appointment?.id ?? null,
    latenessMs: s.appointment && slot !== null ? at(...s.appointment.checkIn) - slot : null,
    officeDelayMs: s.appointment && slot !== null && firstCalledAt !== null ? firstCalledAt - slot : null,
  };
}

export const SEGMENTS: SegmentFact[] = [
  segment({ ticketId: 't1', number: 'A001', serviceId: 'A', counterId: 'c1', language: 'de', channel: 'walk_in', joined: [8, 0], called: [8, 10], started: [8, 11], ended: [8, 21], outcome: 'served' }),
  segment({ ticketId: 't2', number: 'A002', serviceId: 'A', counterId: 'c1', language: 'en', channel: 'walk_in', joined: [8, 5], called: [8, 25], started: [8, 26], ended: [8, 31], outcome: 'served' }),
  segment({
    ticketId: 't3', number: 'P001', serviceId: 'P', counterId: 'c2', language: 'de', channel: 'walk_in', priorityClass: 'priority',
    joined: [8, 30], called: [8, 32], started: [8, 33], ended: [8, 48], outcome: 'served',
  }),
  segment({
    ticketId: 't4', number: 'P002', serviceId: 'P', counterId: 'c2', language: 'de', channel: 'appointment', priorityClass: 'appointment',
    // Slot 09:00, due 08:55 (early grace 5), checked in 09:07: the wait starts at the check-in.
    joined: [9, 7], called: [9, 12], started: [9, 13], ended: [9, 33], outcome: 'served',
    appointment: { id: 'ap1', slot: [9, 0], checkIn: [9, 7] },
  }),
  segment({ ticketId: 't5', number: 'A003', serviceId: 'A', counterId: 'c1', language: 'de', channel: 'walk_in', joined: [9, 0], called: [9, 30], started: [9, 31], ended: [9, 40], outcome: 'transferred' }),
  segment({
    ticketId: 't5', number: 'A003', segment: 1, serviceId: 'P', counterId: 'c2', language: 'de', channel: 'walk_in',
    joined: [9, 40], called: [9, 50], started: [9, 51], ended: [10, 1], outcome: 'served',
  }),
  segment({ ticketId: 't6', number: 'A004', serviceId: 'A', counterId: 'c1', language: 'en', channel: 'walk_in', joined: [10, 0], called: [10, 20], ended: [10, 26], outcome: 'no_show' }),
  segment({ ticketId: 't7', number: 'A005', serviceId: 'A', language: 'de', channel: 'staff', joined: [10, 30], ended: [10, 40], outcome: 'cancelled' }),
  segment({ ticketId: 't9', number: 'A006', serviceId: 'A', counterId: 'c1', language: 'de', channel: 'walk_in', joined: [11, 0], called: [11, 4], started: [11, 5], ended: [11, 12], outcome: 'served' }),
  segment({ ticketId: 't8', number: 'A007', serviceId: 'A', language: 'de', channel: 'walk_in', joined: [15, 50], ended: [18, 0], outcome: 'expired' }),
];

/** The next day: outside every range the tests ask for. */
export const OUTSIDE: SegmentFact = segment({
  ticketId: 'x1', number: 'A001', serviceId: 'A', counterId: 'c1', language: 'de', channel: 'walk_in', date: '2027-03-02',
  joined: [8, 0], called: [9, 0], started: [9, 1], ended: [9, 2], outcome: 'served',
});

export const REFUSALS: RefusalFact[] = [
  { at: at(16, 5), businessDate: DAY, hour: 16, weekday: 1, serviceId: 'A', reason: 'outside_hours', channel: 'walk_in', language: 'de' },
];

const appointment = (appointmentId: string, serviceId: string, language: string, hh: number, status: AppointmentFact['status']): AppointmentFact => ({
  appointmentId, businessDate: DAY, hour: hh, weekday: 1, serviceId, language, slotStart: at(hh, 0), status,
});
export const APPOINTMENTS: AppointmentFact[] = [
  appointment('ap1', 'P', 'de', 9, 'checked_in'),
  appointment('ap2', 'A', 'en', 10, 'missed'),
  appointment('ap3', 'A', 'de', 11, 'cancelled'),
];

export const FEEDBACK: FeedbackFact[] = [
  { serviceId: 'A', businessDate: DAY, language: 'de', grade: 1 },
  { serviceId: 'P', businessDate: DAY, language: 'de', grade: 2 },
  { serviceId: 'P', businessDate: DAY, language: 'de', grade: 1 },
  { serviceId: 'A', businessDate: DAY, language: 'en', grade: 3 },
];
