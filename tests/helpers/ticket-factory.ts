import type { Ticket } from '../../common/model.js';
import type { CounterProfile } from '../../server/domain/queue-policy.js';

/** 2026-06-10 (a Wednesday) 09:00 in Europe/Berlin, a plain office morning. */
export const T0 = Date.UTC(2026, 5, 10, 7, 0, 0);
export const MIN = 60_000;

let serial = 0;

/** A waiting walk-in; override whatever the test is about. */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  serial++;
  const queuedAt = overrides.queuedAt ?? T0;
  return {
    id: `t${String(serial).padStart(5, '0')}`,
    ref: `r${String(serial).padStart(5, '0')}`,
    number: `A${String(serial % 1000).padStart(3, '0')}`,
    serviceId: 'residence',
    businessDate: '2026-06-10',
    language: 'de',
    status: 'waiting',
    priorityClass: 'walk_in',
    channel: 'kiosk',
    appointmentId: null,
    dueAt: null,
    issuedAt: queuedAt,
    queuedAt,
    availableAt: queuedAt,
    targetCounterId: null,
    counterId: null,
    userId: null,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    callCount: 0,
    transferredFrom: null,
    nextServiceIds: [],
    notes: '',
    ...overrides,
  };
}

export function makeCounter(overrides: Partial<CounterProfile> = {}): CounterProfile {
  return {
    id: 'c1',
    primaryServiceIds: ['residence'],
    secondaryServiceIds: [],
    staffLanguages: [],
    ...overrides,
  };
}
