import { describe, expect, it } from 'vitest';
import { UnreadableEventError, upgradeEvent, type StoredEvent } from '../../server/domain/event-upgrade.js';
import { T0 } from '../helpers/ticket-factory.js';

const envelope = { seq: 7, at: T0, ticketId: 't1', serviceId: 'residence', counterId: null, userId: null };
const createdV1 = { number: 'A001', businessDate: '2026-06-10', language: 'ar', priorityClass: 'walk_in', channel: 'kiosk' } as const;

describe('reading the log across payload versions', () => {
  it('gives a v1 issue and check-in today\'s payload: no estimate and no place were recorded then', () => {
    const issued = upgradeEvent({ ...envelope, type: 'ticket.issued', v: 1, data: createdV1 });
    expect(issued).toEqual({ ...envelope, type: 'ticket.issued', v: 1, data: { ...createdV1, estimate: null, position: null, nextServiceIds: [] } });
    const checkedIn = upgradeEvent({
      ...envelope,
      type: 'ticket.checked_in',
      v: 1,
      data: { ...createdV1, priorityClass: 'appointment', channel: 'checkin', appointmentId: 'apt_1', late: false },
    });
    expect(checkedIn.type === 'ticket.checked_in' && checkedIn.data).toEqual({
      ...createdV1,
      priorityClass: 'appointment',
      channel: 'checkin',
      appointmentId: 'apt_1',
      late: false,
      estimate: null,
      position: null,
      nextServiceIds: [],
    });
  });

  it('gives a v2 issue and check-in (before #17) no further services: a visit was one service then', () => {
    const shown = { estimate: { low: 0, high: 5 }, position: 1 };
    const issued = upgradeEvent({ ...envelope, type: 'ticket.issued', v: 2, data: { ...createdV1, ...shown } });
    expect(issued).toEqual({ ...envelope, type: 'ticket.issued', v: 2, data: { ...createdV1, ...shown, nextServiceIds: [] } });
    const checkedIn = upgradeEvent({
      ...envelope,
      type: 'ticket.checked_in',
      v: 2,
      data: { ...createdV1, ...shown, priorityClass: 'appointment', channel: 'checkin', appointmentId: 'apt_1', late: false },
    });
    expect(checkedIn.type === 'ticket.checked_in' && checkedIn.data.nextServiceIds).toEqual([]);
  });

  it('passes today\'s payloads through unchanged', () => {
    const current: StoredEvent[] = [
      { ...envelope, type: 'ticket.issued', v: 3, data: { ...createdV1, estimate: { low: 0, high: 5 }, position: 1, nextServiceIds: ['asylum'] } },
      { ...envelope, type: 'ticket.finished', v: 1, data: { serviceMs: 600_000 } },
      { ...envelope, type: 'ticket.estimate_shown', v: 1, data: { estimate: null, position: 3 } },
    ];
    for (const e of current) expect(upgradeEvent(e)).toBe(e);
  });

  it('refuses a payload version it does not know rather than guess', () => {
    expect(() => upgradeEvent({ ...envelope, type: 'ticket.finished', v: 2, data: { serviceMs: 1 } })).toThrow(UnreadableEventError);
    expect(() => upgradeEvent({ ...envelope, type: 'ticket.issued', v: 0, data: { ...createdV1, estimate: null, position: null, nextServiceIds: [] } })).toThrow(
      /ticket.issued payload version 0/,
    );
  });
});
