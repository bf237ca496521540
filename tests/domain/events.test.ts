import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG, EVENT_TYPES, event, isEventType, type DomainEvent } from '../../server/domain/events.js';
import { T0 } from '../helpers/ticket-factory.js';

describe('the event constructor', () => {
  it('stamps the payload version the catalogue names and leaves unnamed ids null', () => {
    const issued = event('ticket.issued', T0, {
      ticketId: 't1',
      serviceId: 'residence',
      data: {
        number: 'A001',
        businessDate: '2026-06-10',
        language: 'tr',
        priorityClass: 'walk_in',
        channel: 'kiosk',
        estimate: { low: 12, high: 20 },
        position: 2,
        nextServiceIds: [],
      },
    });
    expect(issued).toEqual({
      type: 'ticket.issued',
      v: 3,
      at: T0,
      ticketId: 't1',
      serviceId: 'residence',
      counterId: null,
      userId: null,
      data: { number: 'A001', businessDate: '2026-06-10', language: 'tr', priorityClass: 'walk_in', channel: 'kiosk', estimate: { low: 12, high: 20 }, position: 2, nextServiceIds: [] },
    });
    expect(event('ticket.called', T0, { data: { number: 'A001', callCount: 1, waitedMs: 0 } }).v).toBe(1);
  });

  it('lets only an empty payload be left out, and then writes {}', () => {
    const closed: DomainEvent = event('counter.closed', T0, { counterId: 'schalter-3', userId: 'u1' });
    expect(closed).toMatchObject({ type: 'counter.closed', v: EVENT_CATALOG['counter.closed'].version, data: {} });
    expect(event('ticket.started', T0).data).toEqual({});
    // @ts-expect-error a payload with fields must be given
    expect(() => event('counter.opened', T0, { counterId: 'schalter-3' })).toThrow(/needs a payload/);
  });

  it('knows every catalogued type and no other', () => {
    expect(EVENT_TYPES.every(isEventType)).toBe(true);
    expect(isEventType('ticket.deleted')).toBe(false);
    expect(isEventType('toString')).toBe(false);
  });
});
