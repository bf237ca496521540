import { describe, expect, it } from 'vitest';
import type { ServiceQueueStats, SessionUser, StaffCounter, StaffTicket } from '../../common/dto.js';
import type { Ticket } from '../../common/model.js';
import type { CounterSnapshot } from '../../common/protocol.js';
import {
  applyQueueChanged,
  currentTicket,
  enabledActions,
  fromSnapshot,
  longestWaitMs,
  pickableCounters,
  showsOutcome,
  statsFor,
  waitingBeyondList,
  waitingFor,
} from '../../counter/state.js';
import { CALL_ORDER_LIMIT } from '../../common/protocol.js';
import { makeTicket, MIN, T0 } from '../helpers/ticket-factory.js';

const staff: SessionUser = { id: 'u-staff', username: 'ayilmaz', displayName: 'Ayşe Yılmaz', role: 'staff', languages: ['de', 'tr'], mustChangePassword: false };
const admin: SessionUser = { ...staff, id: 'u-admin', username: 'skrueger', displayName: 'Sabine Krüger', role: 'admin' };

function counter(id: string, overrides: Partial<StaffCounter> = {}): StaffCounter {
  return {
    id,
    name: id,
    area: 'eg',
    primaryServiceIds: ['residence'],
    secondaryServiceIds: ['permit-pickup'],
    open: false,
    userId: null,
    currentTicketRef: null,
    userName: null,
    ...overrides,
  };
}

/** A staff ticket: the factory's ticket without its id (the visitor's token never reaches the counter app). */
function ticket(o: Partial<Ticket> = {}): StaffTicket {
  const { id: _token, ...rest } = makeTicket(o);
  return { ...rest, position: null };
}
const stats = (serviceId: string, waiting: number): ServiceQueueStats => ({
  serviceId,
  waiting,
  longestWaitMs: 0,
  dueAppointments: 0,
  estimate: null,
  open: true,
});

function snapshot(tickets: StaffTicket[], counters: StaffCounter[], user = staff, callOrder: Record<string, string[]> = {}): CounterSnapshot {
  return {
    seq: 1,
    epoch: 'e1',
    timeZone: 'Europe/Berlin',
    user,
    tickets,
    counters,
    services: [stats('residence', 1), stats('permit-pickup', 0), stats('asylum', 3)],
    alarms: [],
    callOrder,
  };
}

describe('counter state from snapshot and pushes', () => {
  it('keeps only open tickets and drops one whose push carries a final status', () => {
    const waiting = ticket();
    const called = ticket({ status: 'called', counterId: 'c1' });
    let s = fromSnapshot(snapshot([waiting, called, ticket({ status: 'done' })], [counter('c1')]));
    expect([...s.tickets.keys()]).toEqual([waiting.ref, called.ref]);

    s = applyQueueChanged(s, {
      seq: 2,
      epoch: 'e1',
      tickets: [{ ...called, status: 'done' }, { ...waiting, status: 'called', counterId: 'c1' }],
      counters: [counter('c1', { open: true, userId: staff.id, currentTicketRef: waiting.ref })],
      services: [stats('residence', 0)],
      callOrder: {},
    });
    expect([...s.tickets.keys()]).toEqual([waiting.ref]);
    expect(s.tickets.get(waiting.ref)?.status).toBe('called');
    expect(s.counters[0]?.currentTicketRef).toBe(waiting.ref);
    expect(s.services).toEqual([stats('residence', 0)]);
  });

  it('leaves the previous state untouched (a pure reducer)', () => {
    const t = ticket();
    const before = fromSnapshot(snapshot([t], [counter('c1')]));
    applyQueueChanged(before, { seq: 2, epoch: 'e1', tickets: [{ ...t, status: 'cancelled' }], counters: [], services: [], callOrder: {} });
    expect(before.tickets.has(t.ref)).toBe(true);
    expect(before.counters).toHaveLength(1);
  });
});

describe('counter picker', () => {
  const counters = [
    counter('free'),
    counter('mine', { open: true, userId: staff.id }),
    counter('taken', { open: true, userId: 'someone-else', userName: 'Karim Mansour' }),
  ];

  it('offers staff the free counters and their own, never someone else’s', () => {
    const s = fromSnapshot(snapshot([], counters));
    expect(pickableCounters(s).map((e) => [e.counter.id, e.availability])).toEqual([
      ['free', 'free'],
      ['mine', 'mine'],
    ]);
  });

  it('also shows an admin the taken ones, to take over', () => {
    const s = fromSnapshot(snapshot([], counters, admin));
    expect(pickableCounters(s).map((e) => e.availability)).toEqual(['free', 'taken', 'taken']);
  });
});

describe('what a counter sees', () => {
  const c = counter('schalter-3', { open: true, userId: staff.id });

  it('lists, while open, the tickets it may call in the server’s call order, and follows each new order', () => {
    const walkIn = ticket({ serviceId: 'residence', queuedAt: T0 });
    const appointment = ticket({ serviceId: 'residence', queuedAt: T0 + 5 * MIN, priorityClass: 'appointment' });
    const secondary = ticket({ serviceId: 'permit-pickup', queuedAt: T0 - MIN });
    const order = { [c.id]: [appointment.ref, walkIn.ref, secondary.ref], 'schalter-4': [walkIn.ref] };
    let s = fromSnapshot(snapshot([walkIn, appointment, secondary], [c], staff, order));
    expect(waitingFor(s, c).map((t) => t.ref)).toEqual([appointment.ref, walkIn.ref, secondary.ref]);

    // Someone else called the appointment: the push brings the ticket and the new order.
    const taken = { ...appointment, status: 'called' as const, counterId: 'schalter-4' };
    s = applyQueueChanged(s, { seq: 2, epoch: 'e1', tickets: [taken], counters: [c], services: [], callOrder: { [c.id]: [secondary.ref, walkIn.ref] } });
    expect(waitingFor(s, c).map((t) => t.ref)).toEqual([secondary.ref, walkIn.ref]);
    // An id the order still names but whose ticket is no longer waiting is left out.
    s = applyQueueChanged(s, { seq: 3, epoch: 'e1', tickets: [], counters: [c], services: [], callOrder: { [c.id]: [taken.ref, walkIn.ref] } });
    expect(waitingFor(s, c).map((t) => t.ref)).toEqual([walkIn.ref]);
  });

  it('says how many wait beyond a long queue’s list (the server sends the first CALL_ORDER_LIMIT of a call order)', () => {
    const line = Array.from({ length: CALL_ORDER_LIMIT + 12 }, (_, i) => ticket({ serviceId: 'residence', queuedAt: T0 + i * MIN }));
    const capped = fromSnapshot(snapshot(line, [c], staff, { [c.id]: line.slice(0, CALL_ORDER_LIMIT).map((t) => t.ref) }));
    expect(waitingFor(capped, c)).toHaveLength(CALL_ORDER_LIMIT);
    expect(waitingBeyondList(capped, c)).toBe(12);
    // A short queue is listed whole, cool-downs and all: nothing "beyond" it.
    const short = fromSnapshot(snapshot(line.slice(0, 3), [c], staff, { [c.id]: line.slice(0, 2).map((t) => t.ref) }));
    expect(waitingBeyondList(short, c)).toBe(0);
  });

  it('keeps a counter’s order while pushes do not name it, and forgets it once the counter closes', () => {
    const other = counter('schalter-4', { open: true, userId: 'someone-else' });
    const a = ticket({ serviceId: 'residence', queuedAt: T0 });
    const b = ticket({ serviceId: 'residence', queuedAt: T0 + MIN });
    let s = fromSnapshot(snapshot([a, b], [c, other], staff, { [c.id]: [b.ref, a.ref], [other.id]: [a.ref] }));
    s = applyQueueChanged(s, { seq: 2, epoch: 'e1', tickets: [], counters: [c, other], services: [], callOrder: { [other.id]: [b.ref] } });
    expect(s.callOrder).toEqual({ [c.id]: [b.ref, a.ref], [other.id]: [b.ref] });
    s = applyQueueChanged(s, { seq: 3, epoch: 'e1', tickets: [], counters: [c, { ...other, open: false }], services: [], callOrder: {} });
    expect(s.callOrder).toEqual({ [c.id]: [b.ref, a.ref] });
  });

  it('lists, while not open, the waiting tickets of its services and those sent to it by name, oldest place first', () => {
    const closed = counter('schalter-3');
    const own = ticket({ serviceId: 'residence', queuedAt: T0 + 2 * MIN });
    const secondary = ticket({ serviceId: 'permit-pickup', queuedAt: T0 + MIN });
    const transferredKeepingPlace = ticket({ serviceId: 'residence', queuedAt: T0 - 5 * MIN, issuedAt: T0 + 3 * MIN, transferredFrom: 'asylum' });
    const namedHere = ticket({ serviceId: 'asylum', targetCounterId: 'schalter-3', queuedAt: T0 + 4 * MIN });
    const namedElsewhere = ticket({ serviceId: 'residence', targetCounterId: 'schalter-4' });
    const otherService = ticket({ serviceId: 'asylum' });
    const calledElsewhere = ticket({ serviceId: 'residence', status: 'called', counterId: 'schalter-4' });
    const s = fromSnapshot(snapshot([own, secondary, transferredKeepingPlace, namedHere, namedElsewhere, otherService, calledElsewhere], [closed]));
    expect(waitingFor(s, closed).map((t) => t.ref)).toEqual([transferredKeepingPlace.ref, secondary.ref, own.ref, namedHere.ref]);
  });

  it('shows its current ticket only while called or serving there', () => {
    const called = ticket({ status: 'called', counterId: c.id });
    const s = fromSnapshot(snapshot([called], [{ ...c, currentTicketRef: called.ref }]));
    expect(currentTicket(s, { ...c, currentTicketRef: called.ref })?.ref).toBe(called.ref);
    // A stale pointer (the ticket left, or belongs to another counter now) shows nothing.
    expect(currentTicket(s, { ...c, currentTicketRef: 'gone' })).toBeNull();
    const moved = fromSnapshot(snapshot([{ ...called, counterId: 'schalter-4' }], [c]));
    expect(currentTicket(moved, { ...c, currentTicketRef: called.ref })).toBeNull();
  });

  it('gives the figures of its services, primary first, and the longest wait at any instant', () => {
    const s = fromSnapshot(snapshot([ticket({ serviceId: 'residence', queuedAt: T0 - 7 * MIN }), ticket({ serviceId: 'residence', queuedAt: T0 - MIN })], [c]));
    expect(statsFor(s, c).map((x) => x.serviceId)).toEqual(['residence', 'permit-pickup']);
    expect(longestWaitMs(s, 'residence', T0)).toBe(7 * MIN);
    expect(longestWaitMs(s, 'residence', T0 + MIN)).toBe(8 * MIN);
    expect(longestWaitMs(s, 'permit-pickup', T0)).toBe(0);
  });
});

describe('enabled actions', () => {
  const mine = counter('c', { open: true, userId: staff.id });
  const on = (r: Record<string, boolean>) => Object.keys(r).filter((k) => r[k]);

  it('follow the ticket lifecycle on one’s own open counter', () => {
    expect(on(enabledActions(mine, staff, null))).toEqual(['call-next']);
    expect(on(enabledActions(mine, staff, ticket({ status: 'called' })))).toEqual(['recall', 'start', 'finish-next', 'no-show', 'return', 'transfer', 'reprint']);
    expect(on(enabledActions(mine, staff, ticket({ status: 'serving' })))).toEqual(['finish', 'finish-next', 'return', 'transfer', 'reprint']);
  });

  it('are all off on a closed counter, someone else’s, or none — an admin takes over first', () => {
    const called = ticket({ status: 'called' });
    expect(on(enabledActions(counter('c'), staff, null))).toEqual([]);
    expect(on(enabledActions(counter('c', { open: true, userId: 'other' }), staff, called))).toEqual([]);
    expect(on(enabledActions(counter('c', { open: true, userId: 'other' }), admin, called))).toEqual([]);
    expect(on(enabledActions(null, staff, null))).toEqual([]);
  });
});

describe('catching up with an acknowledgement', () => {
  const c = counter('c1', { open: true, userId: staff.id });

  it('waits until the pushed state shows the ticket and counter the ack reported', () => {
    const waiting = ticket();
    const called = { ...waiting, status: 'called' as const, counterId: 'c1' };
    const reply = { ticket: called, counter: { ...c, currentTicketRef: waiting.ref } };
    const before = fromSnapshot(snapshot([waiting], [c]));
    expect(showsOutcome(before, reply)).toBe(false);
    const after = applyQueueChanged(before, { seq: 2, epoch: 'e1', tickets: [called], counters: [reply.counter], services: [], callOrder: {} });
    expect(showsOutcome(after, reply)).toBe(true);
  });

  it('counts a finished ticket as shown once it has left the open tickets', () => {
    const serving = ticket({ status: 'serving', counterId: 'c1' });
    const withTicket = { ...c, currentTicketRef: serving.ref };
    const reply = { ticket: { ...serving, status: 'done' as const }, counter: c };
    const before = fromSnapshot(snapshot([serving], [withTicket]));
    expect(showsOutcome(before, reply)).toBe(false);
    const after = applyQueueChanged(before, { seq: 2, epoch: 'e1', tickets: [reply.ticket], counters: [c], services: [], callOrder: {} });
    expect(showsOutcome(after, reply)).toBe(true);
    // "Nobody waiting": nothing to wait for beyond the counter itself.
    expect(showsOutcome(after, { ticket: null, counter: c })).toBe(true);
  });
});
