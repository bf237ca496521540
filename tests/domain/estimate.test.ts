import { describe, expect, it } from 'vitest';
import { averageServiceMinutes, estimateWait, MIN_SPREAD_MINUTES } from '../../server/domain/estimate.js';
import { DEFAULT_ESTIMATE } from '../../server/domain/settings.js';

const MIN = 60_000;

describe('averageServiceMinutes', () => {
  it('falls back to the default without history', () => {
    expect(averageServiceMinutes([], 12)).toBe(12);
  });

  it('averages durations in minutes', () => {
    expect(averageServiceMinutes([10 * MIN, 20 * MIN], 5)).toBe(15);
    expect(averageServiceMinutes([90_000], 5)).toBe(1.5);
  });

  it('ignores non-positive and absurd values', () => {
    expect(averageServiceMinutes([0, -MIN, 9 * 60 * MIN, Number.NaN, 6 * MIN], 20)).toBe(6);
    expect(averageServiceMinutes([0, 10 * 60 * MIN], 20)).toBe(20);
    expect(averageServiceMinutes([8 * 60 * MIN], 20)).toBe(480);
  });
});

describe('estimateWait', () => {
  it('is unknown when no counter is open', () => {
    expect(estimateWait(5, 0, 10, DEFAULT_ESTIMATE)).toBeNull();
  });

  it('starts at zero for the next in line', () => {
    expect(estimateWait(0, 1, 10, DEFAULT_ESTIMATE)).toEqual({ low: 0, high: MIN_SPREAD_MINUTES });
  });

  it('divides the work by the open counters', () => {
    // central = 4 × 10 / 2 = 20 → low ⌊16⌋, high ⌈26⌉
    expect(estimateWait(4, 2, 10, DEFAULT_ESTIMATE)).toEqual({ low: 16, high: 26 });
    expect(estimateWait(4, 4, 10, DEFAULT_ESTIMATE)).toEqual({ low: 8, high: 13 });
  });

  it('keeps a minimum spread', () => {
    expect(estimateWait(1, 1, 5, DEFAULT_ESTIMATE)).toEqual({ low: 4, high: 9 });
  });

  it('is monotonic in ahead, integral and ordered', () => {
    for (const counters of [1, 2, 3, 7]) {
      for (const avg of [0.5, 4, 12.3, 25]) {
        let prev = { low: 0, high: 0 };
        for (let ahead = 0; ahead <= 300; ahead++) {
          const e = estimateWait(ahead, counters, avg, DEFAULT_ESTIMATE);
          if (e === null) throw new Error('unexpected null');
          expect(Number.isInteger(e.low) && Number.isInteger(e.high)).toBe(true);
          expect(e.low).toBeLessThanOrEqual(e.high);
          expect(e.low).toBeGreaterThanOrEqual(prev.low);
          expect(e.high).toBeGreaterThanOrEqual(prev.high);
          prev = e;
        }
      }
    }
  });

  it('stays sane with odd inputs', () => {
    expect(estimateWait(-3, 1, 10, DEFAULT_ESTIMATE)).toEqual({ low: 0, high: 5 });
    expect(estimateWait(3, 1, Number.NaN, DEFAULT_ESTIMATE)).toEqual({ low: 0, high: 5 });
    expect(estimateWait(10, 1, 10, { historySize: 20, lowFactor: 2, highFactor: 1 })).toEqual({ low: 200, high: 205 });
  });
});
