import { describe, expect, it } from 'vitest';
import { minutesWaited, overTarget } from '../../common/floor.js';
import { floorPicture, type FloorCounterInput, type FloorInput, type FloorServiceInput } from '../../server/domain/stats/floor.js';

const MIN = 60_000;
const NOW = Date.UTC(2026, 11, 2, 9, 0); // 10:00 in Berlin

function service(id: string, fields: Partial<FloorServiceInput> = {}): FloorServiceInput {
  return { id, prefix: id.slice(0, 1).toUpperCase(), names: { de: id }, active: true, waiting: 0, oldestQueuedAt: null, estimate: null, ...fields };
}

function counter(id: string, fields: Partial<FloorCounterInput> = {}): FloorCounterInput {
  return { id, name: id, area: 'eg', open: false, primaryServiceIds: [], secondaryServiceIds: [], current: null, ...fields };
}

function input(fields: Partial<FloorInput> = {}): FloorInput {
  return { now: NOW, businessDate: '2026-12-02', waitTargetMinutes: 15, services: [], counters: [], refusedToday: {}, alarms: [], ...fields };
}

describe('floorPicture: services', () => {
  it('gives per service the waiting count, the longest wait so far, the estimate and today’s refusals', () => {
    const picture = floorPicture(
      input({
        services: [
          service('aufenthalt', { waiting: 3, oldestQueuedAt: NOW - 12 * MIN - 30_000, estimate: { low: 8, high: 13 } }),
          service('info'),
        ],
        counters: [counter('s1', { open: true, primaryServiceIds: ['aufenthalt'] })],
        refusedToday: { info: 4 },
      }),
    );
    expect(picture.services).toEqual([
      {
        serviceId: 'aufenthalt',
        prefix: 'A',
        names: { de: 'aufenthalt' },
        waiting: 3,
        oldestWaitingSince: NOW - 12 * MIN - 30_000,
        longestWaitMinutes: 12,
        estimate: { low: 8, high: 13 },
        refusedToday: 0,
        openCounters: 1,
        overTarget: false,
        unstaffed: false,
      },
      {
        serviceId: 'info',
        prefix: 'I',
        names: { de: 'info' },
        waiting: 0,
        oldestWaitingSince: null,
        longestWaitMinutes: 0,
        estimate: null,
        refusedToday: 4,
        openCounters: 0,
        overTarget: false,
        unstaffed: false,
      },
    ]);
    expect(picture.highlights).toEqual([]);
    expect(picture.at).toBe(NOW);
    expect(picture.waitTargetMinutes).toBe(15);
  });

  it('leaves out an inactive service unless tickets still wait for it', () => {
    const picture = floorPicture(input({ services: [service('old', { active: false }), service('gone', { active: false, waiting: 1, oldestQueuedAt: NOW })] }));
    expect(picture.services.map((s) => s.serviceId)).toEqual(['gone']);
  });

  it('counts open counters serving a service as primary or secondary, not closed ones', () => {
    const picture = floorPicture(
      input({
        services: [service('a', { waiting: 1, oldestQueuedAt: NOW })],
        counters: [
          counter('c1', { open: true, secondaryServiceIds: ['a'] }),
          counter('c2', { open: true, primaryServiceIds: ['a'] }),
          counter('c3', { open: false, primaryServiceIds: ['a'] }),
          counter('c4', { open: true, primaryServiceIds: ['b'] }),
        ],
      }),
    );
    expect(picture.services[0]?.openCounters).toBe(2);
    expect(picture.services[0]?.unstaffed).toBe(false);
  });
});

describe('floorPicture: counters', () => {
  it('tells closed, open and free, calling and serving apart, with the ticket and since when', () => {
    const ticket = (status: 'called' | 'serving') => ({ number: 'A017', serviceId: 'a', status, calledAt: NOW - 2 * MIN, servingAt: status === 'serving' ? NOW - MIN : null });
    const picture = floorPicture(
      input({
        counters: [
          counter('closed'),
          counter('free', { open: true }),
          counter('calling', { open: true, current: ticket('called') }),
          counter('serving', { open: true, current: ticket('serving') }),
        ],
      }),
    );
    expect(picture.counters.map((c) => [c.counterId, c.state, c.ticket?.number ?? null, c.since])).toEqual([
      ['closed', 'closed', null, null],
      ['free', 'free', null, null],
      ['calling', 'calling', 'A017', NOW - 2 * MIN],
      ['serving', 'serving', 'A017', NOW - MIN],
    ]);
    expect(picture.counters[2]?.ticket).toEqual({ number: 'A017', serviceId: 'a' });
  });

  it('names no member of staff', () => {
    const picture = floorPicture(input({ counters: [counter('s1', { open: true })] }));
    expect(Object.keys(picture.counters[0] ?? {}).sort()).toEqual(['alarm', 'area', 'counterId', 'name', 'since', 'state', 'ticket']);
  });
});

describe('floorPicture: highlights', () => {
  it('marks a wait over the target, not one at it', () => {
    const at = floorPicture(input({ services: [service('a', { waiting: 1, oldestQueuedAt: NOW - 15 * MIN })], counters: [counter('c', { open: true, primaryServiceIds: ['a'] })] }));
    expect(at.services[0]?.overTarget).toBe(false);
    expect(at.highlights).toEqual([]);
    expect(at.nextChangeAt).toBe(NOW + 1);

    const over = floorPicture(input({ now: NOW + 1, services: [service('a', { waiting: 1, oldestQueuedAt: NOW - 15 * MIN })], counters: [counter('c', { open: true, primaryServiceIds: ['a'] })] }));
    expect(over.services[0]?.overTarget).toBe(true);
    expect(over.highlights).toEqual([{ kind: 'wait_over_target', serviceId: 'a', since: NOW - 15 * MIN, targetMinutes: 15 }]);
    expect(over.nextChangeAt).toBeNull();
  });

  it('follows the office’s own target', () => {
    const picture = floorPicture(input({ waitTargetMinutes: 5, services: [service('a', { waiting: 2, oldestQueuedAt: NOW - 6 * MIN })], counters: [counter('c', { open: true, primaryServiceIds: ['a'] })] }));
    expect(picture.highlights).toEqual([{ kind: 'wait_over_target', serviceId: 'a', since: NOW - 6 * MIN, targetMinutes: 5 }]);
  });

  it('marks a service with waiting visitors and no open counter serving it', () => {
    const picture = floorPicture(
      input({
        services: [service('a', { waiting: 2, oldestQueuedAt: NOW - MIN }), service('b')],
        counters: [counter('c1', { open: false, primaryServiceIds: ['a', 'b'] })],
      }),
    );
    expect(picture.services.map((s) => s.unstaffed)).toEqual([true, false]);
    expect(picture.highlights).toEqual([{ kind: 'unstaffed', serviceId: 'a', waiting: 2 }]);
  });

  it('marks an unacknowledged alarm on its counter, first of all highlights', () => {
    const picture = floorPicture(
      input({
        services: [service('a', { waiting: 1, oldestQueuedAt: NOW - 20 * MIN })],
        counters: [counter('s1', { open: true }), counter('s2', { open: true })],
        alarms: [{ alarmId: 'alarm-1', counterId: 's2', counterName: 'Schalter 2', at: NOW - MIN }],
      }),
    );
    expect(picture.counters.map((c) => c.alarm)).toEqual([false, true]);
    expect(picture.highlights.map((h) => h.kind)).toEqual(['alarm', 'unstaffed', 'wait_over_target']);
    expect(picture.highlights[0]).toEqual({ kind: 'alarm', alarmId: 'alarm-1', counterId: 's2', counterName: 'Schalter 2', at: NOW - MIN });
  });

  it('names the next instant a wait passes the target: the earliest of the services not over it yet', () => {
    const picture = floorPicture(
      input({
        services: [
          service('a', { waiting: 1, oldestQueuedAt: NOW - 10 * MIN }),
          service('b', { waiting: 1, oldestQueuedAt: NOW - 14 * MIN }),
          service('c', { waiting: 1, oldestQueuedAt: NOW - 30 * MIN }),
          service('d'),
        ],
      }),
    );
    expect(picture.nextChangeAt).toBe(NOW + MIN + 1);
  });
});

describe('the page’s own clock (common/floor.ts)', () => {
  it('counts whole minutes on from the pushed instant', () => {
    expect(minutesWaited(null, NOW)).toBe(0);
    expect(minutesWaited(NOW - 59_999, NOW)).toBe(0);
    expect(minutesWaited(NOW - 3 * MIN, NOW)).toBe(3);
    expect(minutesWaited(NOW + MIN, NOW)).toBe(0);
    expect(overTarget(NOW - 15 * MIN, NOW, 15)).toBe(false);
    expect(overTarget(NOW - 15 * MIN - 1, NOW, 15)).toBe(true);
    expect(overTarget(null, NOW, 0)).toBe(false);
  });
});
