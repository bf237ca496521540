import { describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../../server/domain/numbering.js';
import { businessDate, endOfDay, instantAt, localParts, startOfDay } from '../../server/domain/time.js';

const TZ = 'Europe/Berlin';
const HOUR = 3_600_000;

describe('formatTicketNumber', () => {
  it('pads to three digits and grows beyond', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('A', 42)).toBe('A042');
    expect(formatTicketNumber('A', 999)).toBe('A999');
    expect(formatTicketNumber('A', 1000)).toBe('A1000');
    expect(formatTicketNumber('K', 12345)).toBe('K12345');
  });

  it('rejects sequences that are not positive integers', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => formatTicketNumber('A', bad)).toThrow(RangeError);
    }
  });
});

describe('business dates in Europe/Berlin', () => {
  it('the spring DST day has 23 hours, the autumn one 25', () => {
    expect(endOfDay('2026-03-29', TZ) - startOfDay('2026-03-29', TZ)).toBe(23 * HOUR);
    expect(endOfDay('2026-10-25', TZ) - startOfDay('2026-10-25', TZ)).toBe(25 * HOUR);
    expect(endOfDay('2026-06-10', TZ) - startOfDay('2026-06-10', TZ)).toBe(24 * HOUR);
  });

  it('day bounds are local midnights', () => {
    expect(startOfDay('2026-03-29', TZ)).toBe(Date.UTC(2026, 2, 28, 23));
    expect(endOfDay('2026-03-29', TZ)).toBe(Date.UTC(2026, 2, 29, 22));
    expect(startOfDay('2026-10-25', TZ)).toBe(Date.UTC(2026, 9, 24, 22));
    expect(endOfDay('2026-10-25', TZ)).toBe(Date.UTC(2026, 9, 25, 23));
  });

  it('23:59:59 and 00:00:00 local belong to different business dates', () => {
    const midnight = startOfDay('2026-10-26', TZ);
    expect(businessDate(midnight - 1000, TZ)).toBe('2026-10-25');
    expect(businessDate(midnight, TZ)).toBe('2026-10-26');
    const springMidnight = startOfDay('2026-03-30', TZ);
    expect(businessDate(springMidnight - 1000, TZ)).toBe('2026-03-29');
    expect(businessDate(springMidnight, TZ)).toBe('2026-03-30');
  });

  it('00:30 UTC on a summer day is already the next local date', () => {
    expect(businessDate(Date.UTC(2026, 6, 15, 0, 30), TZ)).toBe('2026-07-15');
    expect(businessDate(Date.UTC(2026, 6, 14, 23, 30), TZ)).toBe('2026-07-15');
    expect(businessDate(Date.UTC(2026, 6, 14, 21, 59), TZ)).toBe('2026-07-14');
  });

  it('localParts gives ISO weekday and minute of day', () => {
    expect(localParts(Date.UTC(2026, 5, 10, 7, 15), TZ)).toEqual({ date: '2026-06-10', weekday: 3, minuteOfDay: 9 * 60 + 15 });
    expect(localParts(Date.UTC(2026, 5, 13, 22, 0), TZ)).toEqual({ date: '2026-06-14', weekday: 7, minuteOfDay: 0 });
  });

  it('instantAt handles 24:00, skipped and repeated local times', () => {
    expect(instantAt('2026-06-10', '08:00', TZ)).toBe(Date.UTC(2026, 5, 10, 6));
    expect(instantAt('2026-06-10', '24:00', TZ)).toBe(endOfDay('2026-06-10', TZ));
    // 02:30 does not exist on 29 March; 'compatible' moves it forward by the gap.
    expect(instantAt('2026-03-29', '02:30', TZ)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // 02:30 happens twice on 25 October; the earlier (summer time) one is taken.
    expect(instantAt('2026-10-25', '02:30', TZ)).toBe(Date.UTC(2026, 9, 25, 0, 30));
  });
});
