import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/model.js';
import { event, type DomainEvent, type LoggedEvent } from '../../server/domain/events.js';
import { maxVisitCreditMs, pickNext } from '../../server/domain/queue-policy.js';
import { DEFAULT_POLICY, nextServicePlacement, type PolicySettings } from '../../server/domain/settings.js';
import { segmentFacts, type FoldContext } from '../../server/domain/stats/segments.js';
import { applyTicketCommand } from '../../server/domain/ticket-lifecycle.js';
import { makeCounter, makeTicket, MIN, T0 } from '../helpers/ticket-factory.js';

/**
 * #17 §1: one ticket, several services in turn. The order of the segments, the keep-place
 * rule (credit the time waited, capped; or join at the back) and the statistics fold.
 */

const P = DEFAULT_POLICY; // maxOvertake 30, priority 20, language 10

/** A ticket of a visit of three services, called at `calledAt` after joining at `queuedAt`, being served. */
function atCounter(o: Partial<Ticket> = {}): Ticket {
  return makeTicket({
    serviceId: 'residence',
    nextServiceIds: ['integration', 'youth'],
    language: 'fa',
    status: 'serving',
    counterId: 'c1',
    userId: 'u1',
    queuedAt: T0,
    calledAt: T0 + 12 * MIN,
    servingAt: T0 + 13 * MIN,
    callCount: 2,
    ...o,
  });
}

function nextService(t: Ticket, serviceId: string, at: number, policy: PolicySettings = P) {
  const r = applyTicketCommand(t, { type: 'next_service', userId: 'u1', serviceId, placement: nextServicePlacement(policy) }, at, policy);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('segment order', () => {
  it('goes through the listed services in order, same number, each segment waiting afresh', () => {
    const first = atCounter();
    const a = nextService(first, 'integration', T0 + 20 * MIN);
    expect(a.ticket).toMatchObject({
      number: first.number,
      serviceId: 'integration',
      nextServiceIds: ['youth'],
      status: 'waiting',
      counterId: null,
      calledAt: null,
      servingAt: null,
      callCount: 0,
      availableAt: T0 + 20 * MIN,
      targetCounterId: null,
      transferredFrom: null,
    });
    expect(a.event).toMatchObject({
      type: 'ticket.next_service',
      serviceId: 'residence',
      counterId: 'c1',
      userId: 'u1',
      data: { fromServiceId: 'residence', toServiceId: 'integration', placement: 'credit', serviceMs: 7 * MIN, added: false },
    });
    const called = { ...a.ticket, status: 'serving' as const, counterId: 'c2', calledAt: T0 + 30 * MIN, servingAt: T0 + 31 * MIN, callCount: 1 };
    const b = nextService(called, 'youth', T0 + 40 * MIN);
    expect(b.ticket).toMatchObject({ number: first.number, serviceId: 'youth', nextServiceIds: [] });
    expect(b.event.data).toMatchObject({ fromServiceId: 'integration', toServiceId: 'youth', added: false });
  });

  it('a service staff add goes first and leaves the listed ones as they were; choosing a later listed one skips it from the list', () => {
    const added = nextService(atCounter(), 'pickup', T0 + 20 * MIN);
    expect(added.ticket.nextServiceIds).toEqual(['integration', 'youth']);
    expect(added.event.data).toMatchObject({ toServiceId: 'pickup', added: true });
    const skipped = nextService(atCounter(), 'youth', T0 + 20 * MIN);
    expect(skipped.ticket.nextServiceIds).toEqual(['integration']);
    expect(skipped.event.data).toMatchObject({ toServiceId: 'youth', added: false });
  });

  it('is allowed from called and serving only (a called visitor may be sent on without being served: no service time)', () => {
    const called = nextService(atCounter({ status: 'called', servingAt: null }), 'integration', T0 + 20 * MIN);
    expect(called.event.data).toMatchObject({ serviceMs: 0 });
    for (const status of ['waiting', 'done', 'no_show', 'cancelled'] as const) {
      const r = applyTicketCommand(atCounter({ status }), { type: 'next_service', userId: 'u1', serviceId: 'integration', placement: 'credit' }, T0, P);
      expect(r.ok).toBe(false);
    }
  });

  it("an appointment's slot was for its first service: the next segment waits like a walk-in, a priority ticket keeps its priority", () => {
    const appt = nextService(atCounter({ priorityClass: 'appointment', dueAt: T0 + 5 * MIN, appointmentId: 'apt1' }), 'integration', T0 + 20 * MIN);
    expect(appt.ticket).toMatchObject({ priorityClass: 'walk_in', dueAt: null, appointmentId: 'apt1' });
    expect(nextService(atCounter({ priorityClass: 'priority' }), 'integration', T0 + 20 * MIN).ticket.priorityClass).toBe('priority');
  });
});

describe('the keep-place rule', () => {
  it('credit (the default): the time waited in this visit moves the place back, at most what the cap leaves beside its advantages', () => {
    // Waited 12 minutes (queuedAt → call): all of it is credited.
    const short = nextService(atCounter(), 'integration', T0 + 20 * MIN);
    expect(short.ticket.queuedAt).toBe(T0 + 20 * MIN - 12 * MIN);
    expect(short.event.data).toMatchObject({ placement: 'credit', creditMs: 12 * MIN });
    // Waited 50 minutes: a walk-in who may get the language bonus (10) is credited 30 − 10 = 20.
    const long = nextService(atCounter({ calledAt: T0 + 50 * MIN, servingAt: T0 + 51 * MIN }), 'integration', T0 + 60 * MIN);
    expect(maxVisitCreditMs(long.ticket, P)).toBe(20 * MIN);
    expect(long.event.data).toMatchObject({ creditMs: 20 * MIN });
    expect(long.ticket.queuedAt).toBe(T0 + 40 * MIN);
    // Without language bonus the whole maxOvertake can be credited.
    const noLanguage = { ...P, languageMatchMinutes: 0 };
    expect(nextService(atCounter({ calledAt: T0 + 50 * MIN }), 'integration', T0 + 60 * MIN, noLanguage).event.data).toMatchObject({ creditMs: 30 * MIN });
    // A priority ticket's own boost (20 + 10 language ≥ 30) already uses the whole cap.
    expect(nextService(atCounter({ priorityClass: 'priority', calledAt: T0 + 50 * MIN }), 'integration', T0 + 60 * MIN).event.data).toMatchObject({ creditMs: 0 });
  });

  it("the credit carries on: the next segment's wait counts from its credited place", () => {
    const a = nextService(atCounter(), 'integration', T0 + 20 * MIN); // credited 12, queuedAt T0 + 8
    const served = { ...a.ticket, status: 'serving' as const, counterId: 'c2', calledAt: T0 + 25 * MIN, servingAt: T0 + 26 * MIN, callCount: 1 };
    // 12 credited + 5 waited = 17 minutes.
    expect(nextService(served, 'youth', T0 + 30 * MIN).event.data).toMatchObject({ creditMs: 17 * MIN });
  });

  it('back: joins at the end of the line, nothing credited', () => {
    const back = { ...P, nextServicePlacement: 'back' as const };
    const r = nextService(atCounter(), 'integration', T0 + 20 * MIN, back);
    expect(r.ticket.queuedAt).toBe(T0 + 20 * MIN);
    expect(r.event.data).toMatchObject({ placement: 'back', creditMs: 0 });
  });

  it('the credited ticket is called before a walk-in who joined after its credited place, and never before one who joined more than maxOvertake before it joined', () => {
    const counter = makeCounter({ id: 'c2', primaryServiceIds: ['integration'], staffLanguages: ['fa'] });
    const sent = nextService(atCounter({ calledAt: T0 + 90 * MIN, servingAt: T0 + 91 * MIN }), 'integration', T0 + 100 * MIN).ticket;
    const later = makeTicket({ serviceId: 'integration', language: 'de', queuedAt: T0 + 85 * MIN });
    expect(pickNext(counter, [later, sent], T0 + 101 * MIN, P)?.id).toBe(sent.id);
    const longBefore = makeTicket({ serviceId: 'integration', language: 'de', queuedAt: T0 + 100 * MIN - 30 * MIN - 1 });
    expect(pickNext(counter, [longBefore, sent], T0 + 101 * MIN, P)?.id).toBe(longBefore.id);
    // At the back, the walk-in who was there first goes first.
    const atBack = nextService(atCounter(), 'integration', T0 + 100 * MIN, { ...P, nextServicePlacement: 'back' }).ticket;
    expect(pickNext(counter, [atBack, later], T0 + 101 * MIN, P)?.id).toBe(later.id);
  });
});

describe('statistics of a visit', () => {
  const ctx: FoldContext = { timeZone: 'Europe/Berlin', earlyGraceMinutes: 5, slotStart: () => null };

  it('ticket.next_service ends the segment served with its service time and opens the next one', () => {
    let seq = 0;
    const log: LoggedEvent[] = [];
    const add = (e: DomainEvent) => log.push({ ...e, seq: ++seq });
    const data = { number: 'A001', businessDate: '2026-06-10', language: 'fa', priorityClass: 'walk_in', channel: 'kiosk', estimate: null, position: 1 } as const;
    add(event('ticket.issued', T0, { ticketId: 't1', serviceId: 'residence', data: { ...data, nextServiceIds: ['integration'] } }));
    add(event('ticket.called', T0 + 10 * MIN, { ticketId: 't1', serviceId: 'residence', counterId: 'c1', data: { number: 'A001', callCount: 1, waitedMs: 10 * MIN } }));
    add(event('ticket.started', T0 + 11 * MIN, { ticketId: 't1', serviceId: 'residence', counterId: 'c1' }));
    add(
      event('ticket.next_service', T0 + 20 * MIN, {
        ticketId: 't1',
        serviceId: 'residence',
        counterId: 'c1',
        data: { fromServiceId: 'residence', toServiceId: 'integration', placement: 'credit', creditMs: 10 * MIN, serviceMs: 9 * MIN, added: false },
      }),
    );
    add(event('ticket.called', T0 + 25 * MIN, { ticketId: 't1', serviceId: 'integration', counterId: 'c2', data: { number: 'A001', callCount: 1, waitedMs: 15 * MIN } }));
    add(event('ticket.started', T0 + 26 * MIN, { ticketId: 't1', serviceId: 'integration', counterId: 'c2' }));
    add(event('ticket.finished', T0 + 36 * MIN, { ticketId: 't1', serviceId: 'integration', counterId: 'c2', data: { serviceMs: 10 * MIN } }));
    const segments = segmentFacts(log, ctx);
    expect(segments.map((s) => [s.segment, s.serviceId, s.outcome, s.joinedAt, s.waitMs, s.serviceMs, s.counterId, s.number])).toEqual([
      [0, 'residence', 'served', T0, 10 * MIN, 9 * MIN, 'c1', 'A001'],
      [1, 'integration', 'served', T0 + 20 * MIN, 5 * MIN, 10 * MIN, 'c2', 'A001'],
    ]);
  });
});
