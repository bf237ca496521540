import { describe, expect, it } from 'vitest';
import type { PriorityClass, TicketChannel } from '../../common/model.js';
import { event, type DomainEvent, type LoggedEvent } from '../../server/domain/events.js';
import type { SegmentFact } from '../../server/domain/stats/facts.js';
import { localHour } from '../../server/domain/stats/local-hour.js';
import { foldTicket, segmentFacts, type FoldContext } from '../../server/domain/stats/segments.js';

/** #16: the definitions on a scripted Monday in Berlin (UTC+1), every figure computed by hand. */

const DAY = '2027-03-01';
const T = (hhmm: string): number => Date.parse(`${DAY}T${hhmm}:00+01:00`);
const MIN = 60_000;
const SLOTS: Record<string, number> = { 'apt-late': T('09:00'), 'apt-early': T('10:00') };
const ctx: FoldContext = { timeZone: 'Europe/Berlin', earlyGraceMinutes: 5, slotStart: (id) => SLOTS[id] ?? null };

let seq = 0;
const log: LoggedEvent[] = [];
function add(e: DomainEvent): void {
  log.push({ ...e, seq: ++seq });
}
function issue(id: string, at: string, number: string, o: { service?: string; channel?: TicketChannel; language?: string; priority?: boolean } = {}): void {
  add(
    event('ticket.issued', T(at), {
      ticketId: id,
      serviceId: o.service ?? 's1',
      data: {
        number,
        businessDate: DAY,
        language: o.language ?? 'de',
        priorityClass: o.priority ? 'priority' : 'walk_in',
        channel: o.channel ?? 'kiosk',
        estimate: null,
        position: 1,
        nextServiceIds: [],
      },
    }),
  );
}
function checkIn(id: string, at: string, number: string, appointmentId: string, late: boolean): void {
  const priorityClass: PriorityClass = late ? 'walk_in' : 'appointment';
  add(
    event('ticket.checked_in', T(at), {
      ticketId: id,
      serviceId: 's1',
      data: { number, businessDate: DAY, language: 'en', priorityClass, channel: 'checkin', estimate: null, position: 1, nextServiceIds: [], appointmentId, late },
    }),
  );
}
const call = (id: string, at: string, counterId: string, n = 1) =>
  add(event('ticket.called', T(at), { ticketId: id, serviceId: 's1', counterId, data: { number: 'x', callCount: n, waitedMs: 0 } }));
const recall = (id: string, at: string, n = 2) => add(event('ticket.recalled', T(at), { ticketId: id, data: { number: 'x', callCount: n } }));
const start = (id: string, at: string) => add(event('ticket.started', T(at), { ticketId: id }));
const finish = (id: string, at: string) => add(event('ticket.finished', T(at), { ticketId: id, data: { serviceMs: 0 } }));
const transfer = (id: string, at: string, to: string, keepPlace: boolean) =>
  add(
    event('ticket.transferred', T(at), {
      ticketId: id,
      serviceId: 's1',
      data: { fromServiceId: 's1', toServiceId: to, toCounterId: keepPlace ? null : 'c3', keepPlace, serviceMs: 0 },
    }),
  );

// The day, in the order things happen.
issue('t-a1', '08:00', 'A001');
issue('t-p1', '08:05', 'P001', { channel: 'staff', language: 'tr', priority: true });
call('t-p1', '08:07', 'c2');
recall('t-p1', '08:09');
call('t-a1', '08:10', 'c1');
start('t-p1', '08:10');
start('t-a1', '08:12');
finish('t-a1', '08:20');
finish('t-p1', '08:25');
issue('t-a2', '08:30', 'A002', { channel: 'api' });
add(event('ticket.noted', T('08:35'), { ticketId: 't-a2', data: { length: 4 } }));
call('t-a2', '08:40', 'c1');
start('t-a2', '08:41');
transfer('t-a2', '08:50', 's2', true);
call('t-a2', '09:00', 'c3');
start('t-a2', '09:01');
finish('t-a2', '09:05');
checkIn('t-late', '09:20', 'A003', 'apt-late', true); // slot 09:00, came 20 min late
call('t-late', '09:30', 'c1');
start('t-late', '09:31');
finish('t-late', '09:40');
checkIn('t-early', '09:40', 'A004', 'apt-early', false); // slot 10:00, due 09:55
call('t-early', '10:02', 'c2');
start('t-early', '10:03');
finish('t-early', '10:13');
issue('t-a5', '11:00', 'A005');
call('t-a5', '11:05', 'c1');
transfer('t-a5', '11:06', 's2', false); // only called: no service time
call('t-a5', '11:20', 'c3');
add(event('ticket.no_show', T('11:25'), { ticketId: 't-a5', counterId: 'c3', data: { callCount: 1 } }));
issue('t-a6', '12:00', 'A006');
call('t-a6', '12:10', 'c1');
recall('t-a6', '12:12');
add(event('ticket.no_show', T('12:15'), { ticketId: 't-a6', counterId: 'c1', data: { callCount: 2 } }));
issue('t-a7', '13:00', 'A007', { language: 'ar' });
add(event('ticket.estimate_shown', T('13:05'), { ticketId: 't-a7', data: { estimate: { low: 5, high: 9 }, position: 2 } }));
add(event('ticket.cancelled', T('13:20'), { ticketId: 't-a7' }));
issue('t-a8', '17:50', 'A008');
call('t-a8', '17:55', 'c1');
issue('t-a9', '17:58', 'A009');
add(event('counter.closed', T('18:00'), { counterId: 'c2' }));
add(event('ticket.expired', Date.parse('2027-03-02T00:00:05+01:00'), { ticketId: 't-a8', counterId: 'c1', data: { from: 'called' } }));

const base = { businessDate: DAY, weekday: 1, serviceId: 's1', channel: 'walk_in', language: 'de', priorityClass: 'walk_in' } as const;
const none = { appointmentId: null, latenessMs: null, officeDelayMs: null } as const;

/** Every segment of the day, figured out by hand from the script above. */
const EXPECTED: Record<string, SegmentFact[]> = {
  't-a1': [
    { ...base, ...none, ticketId: 't-a1', segment: 0, hour: 8, number: 'A001', joinedAt: T('08:00'), firstCalledAt: T('08:10'), startedAt: T('08:12'), endedAt: T('08:20'), counterId: 'c1', outcome: 'served', waitMs: 10 * MIN, serviceMs: 8 * MIN, callToStartMs: 2 * MIN },
  ],
  't-p1': [
    // The walk to the counter counts from the recall, the wait from the first call.
    { ...base, ...none, ticketId: 't-p1', segment: 0, hour: 8, number: 'P001', channel: 'staff', language: 'tr', priorityClass: 'priority', joinedAt: T('08:05'), firstCalledAt: T('08:07'), startedAt: T('08:10'), endedAt: T('08:25'), counterId: 'c2', outcome: 'served', waitMs: 2 * MIN, serviceMs: 15 * MIN, callToStartMs: MIN },
  ],
  't-a2': [
    { ...base, ...none, ticketId: 't-a2', segment: 0, hour: 8, number: 'A002', joinedAt: T('08:30'), firstCalledAt: T('08:40'), startedAt: T('08:41'), endedAt: T('08:50'), counterId: 'c1', outcome: 'transferred', waitMs: 10 * MIN, serviceMs: 9 * MIN, callToStartMs: MIN },
    // Kept its place in line, but the wait for s2 starts at the transfer.
    { ...base, ...none, ticketId: 't-a2', segment: 1, hour: 8, number: 'A002', serviceId: 's2', joinedAt: T('08:50'), firstCalledAt: T('09:00'), startedAt: T('09:01'), endedAt: T('09:05'), counterId: 'c3', outcome: 'served', waitMs: 10 * MIN, serviceMs: 4 * MIN, callToStartMs: MIN },
  ],
  't-late': [
    // Late: joined at the check-in (09:20 > due 08:55), lateness +20, office delay 30; served like a walk-in.
    { ...base, ticketId: 't-late', segment: 0, hour: 9, number: 'A003', channel: 'appointment', language: 'en', joinedAt: T('09:20'), firstCalledAt: T('09:30'), startedAt: T('09:31'), endedAt: T('09:40'), counterId: 'c1', outcome: 'served', waitMs: 10 * MIN, serviceMs: 9 * MIN, callToStartMs: MIN, appointmentId: 'apt-late', latenessMs: 20 * MIN, officeDelayMs: 30 * MIN },
  ],
  't-early': [
    // Early: joined when due (10:00 − 5 min grace = 09:55), lateness −20, office delay +2.
    { ...base, ticketId: 't-early', segment: 0, hour: 9, number: 'A004', channel: 'appointment', language: 'en', priorityClass: 'appointment', joinedAt: T('09:55'), firstCalledAt: T('10:02'), startedAt: T('10:03'), endedAt: T('10:13'), counterId: 'c2', outcome: 'served', waitMs: 7 * MIN, serviceMs: 10 * MIN, callToStartMs: MIN, appointmentId: 'apt-early', latenessMs: -20 * MIN, officeDelayMs: 2 * MIN },
  ],
  't-a5': [
    { ...base, ...none, ticketId: 't-a5', segment: 0, hour: 11, number: 'A005', joinedAt: T('11:00'), firstCalledAt: T('11:05'), startedAt: null, endedAt: T('11:06'), counterId: 'c1', outcome: 'transferred', waitMs: 5 * MIN, serviceMs: null, callToStartMs: null },
    { ...base, ...none, ticketId: 't-a5', segment: 1, hour: 11, number: 'A005', serviceId: 's2', joinedAt: T('11:06'), firstCalledAt: T('11:20'), startedAt: null, endedAt: T('11:25'), counterId: 'c3', outcome: 'no_show', waitMs: 14 * MIN, serviceMs: null, callToStartMs: null },
  ],
  't-a6': [
    { ...base, ...none, ticketId: 't-a6', segment: 0, hour: 12, number: 'A006', joinedAt: T('12:00'), firstCalledAt: T('12:10'), startedAt: null, endedAt: T('12:15'), counterId: 'c1', outcome: 'no_show', waitMs: 10 * MIN, serviceMs: null, callToStartMs: null },
  ],
  't-a7': [
    { ...base, ...none, ticketId: 't-a7', segment: 0, hour: 13, number: 'A007', language: 'ar', joinedAt: T('13:00'), firstCalledAt: null, startedAt: null, endedAt: T('13:20'), counterId: null, outcome: 'cancelled', waitMs: null, serviceMs: null, callToStartMs: null },
  ],
  't-a8': [
    { ...base, ...none, ticketId: 't-a8', segment: 0, hour: 17, number: 'A008', joinedAt: T('17:50'), firstCalledAt: T('17:55'), startedAt: null, endedAt: Date.parse('2027-03-02T00:00:05+01:00'), counterId: 'c1', outcome: 'expired', waitMs: 5 * MIN, serviceMs: null, callToStartMs: null },
  ],
  't-a9': [
    { ...base, ...none, ticketId: 't-a9', segment: 0, hour: 17, number: 'A009', joinedAt: T('17:58'), firstCalledAt: null, startedAt: null, endedAt: null, counterId: null, outcome: 'open', waitMs: null, serviceMs: null, callToStartMs: null },
  ],
};

function byTicket(events: readonly LoggedEvent[]): Map<string, LoggedEvent[]> {
  const m = new Map<string, LoggedEvent[]>();
  for (const e of events) if (e.ticketId) m.set(e.ticketId, [...(m.get(e.ticketId) ?? []), e]);
  return m;
}

describe('statistics definitions: a ticket’s events → its segment facts', () => {
  it('gives the hand-computed segments of every ticket of the scripted day', () => {
    const got = Object.fromEntries([...byTicket(log)].map(([id, events]) => [id, segmentFacts(events, ctx)]));
    expect(got).toEqual(EXPECTED);
  });

  it('ignores the events of other tickets, so the whole log may be folded per ticket', () => {
    const first = log.filter((e) => e.ticketId === 't-a2' || e.ticketId === 't-a1');
    expect(segmentFacts(first, ctx)).toEqual(EXPECTED['t-a1']);
  });

  it('continues from the facts so far: folding in two batches at any point gives the same facts', () => {
    for (const [id, events] of byTicket(log)) {
      for (let cut = 1; cut < events.length; cut++) {
        const head = foldTicket(null, events.slice(0, cut), ctx);
        // What a store keeps between batches: the rows and the last call, as plain data.
        const kept = head && (JSON.parse(JSON.stringify(head)) as typeof head);
        expect(foldTicket(kept, events.slice(cut), ctx)?.segments, `${id} cut at ${cut}`).toEqual(EXPECTED[id]);
      }
    }
  });

  it('leaves the facts it continues from unchanged', () => {
    const events = byTicket(log).get('t-a2') ?? [];
    const head = foldTicket(null, events.slice(0, 3), ctx);
    const copy = structuredClone(head);
    foldTicket(head, events.slice(3), ctx);
    expect(head).toEqual(copy);
  });

  it('an appointment whose slot the log does not know joins at its check-in and has no lateness', () => {
    const events = byTicket(log).get('t-early') ?? [];
    const [seg] = segmentFacts(events, { ...ctx, slotStart: () => null });
    expect(seg).toMatchObject({ joinedAt: T('09:40'), waitMs: 22 * MIN, latenessMs: null, officeDelayMs: null, appointmentId: 'apt-early' });
  });

  it('takes the local hour and weekday in the office’s zone, also across the spring DST change', () => {
    // 2027-03-28 is the last Sunday of March: 02:00 CET → 03:00 CEST.
    expect(localHour(Date.parse('2027-03-28T01:30:00+01:00'), 'Europe/Berlin')).toEqual({ hour: 1, weekday: 7, date: '2027-03-28' });
    expect(localHour(Date.parse('2027-03-28T03:30:00+02:00'), 'Europe/Berlin')).toEqual({ hour: 3, weekday: 7, date: '2027-03-28' });
    expect(localHour(Date.parse('2027-03-28T23:59:00+02:00'), 'Europe/Berlin')).toEqual({ hour: 23, weekday: 7, date: '2027-03-28' });
    expect(localHour(Date.parse('2027-03-28T23:00:00Z'), 'Asia/Kolkata')).toEqual({ hour: 4, weekday: 1, date: '2027-03-29' });
  });
});
