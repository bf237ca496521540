import type { Estimate } from '../../common/model.js';
import type { EstimateSettings } from './settings.js';

/**
 * Expected wait, ZMS-style: average handling time of the service divided by
 * the counters currently open for it, shown as a range rather than a promise.
 */

const MINUTE_MS = 60_000;
/** Longer than a working day: a counter left in "serving" overnight, not a real service. */
const MAX_PLAUSIBLE_SERVICE_MS = 8 * 60 * MINUTE_MS;
/** The range never collapses to a single figure; a visitor reads "0–5 min", not "0 min". */
export const MIN_SPREAD_MINUTES = 5;

/** Mean of recent service durations in minutes; implausible values are dropped. */
export function averageServiceMinutes(recentServiceMs: readonly number[], defaultMinutes: number): number {
  let sum = 0;
  let count = 0;
  for (const ms of recentServiceMs) {
    if (Number.isFinite(ms) && ms > 0 && ms <= MAX_PLAUSIBLE_SERVICE_MS) {
      sum += ms;
      count++;
    }
  }
  return count === 0 ? defaultMinutes : sum / count / MINUTE_MS;
}

/**
 * Wait range in whole minutes for a visitor with `ahead` people before them.
 *
 *   central = ahead × avg / openCounters
 *   low     = ⌊central × lowFactor⌋
 *   high    = max(⌈central × highFactor⌉, low + MIN_SPREAD_MINUTES)
 *
 * Every term is non-decreasing in `ahead`, so a visitor further back never
 * sees a shorter range; nobody ahead gives low = 0. No open counter means no
 * meaningful figure, so the answer is null ("unknown").
 */
export function estimateWait(
  ahead: number,
  openCounters: number,
  avgServiceMinutes: number,
  s: EstimateSettings,
): Estimate | null {
  if (!(openCounters > 0)) return null;
  const people = Math.max(0, ahead);
  const avg = Number.isFinite(avgServiceMinutes) && avgServiceMinutes > 0 ? avgServiceMinutes : 0;
  const central = (people * avg) / openCounters;
  const low = Math.max(0, Math.floor(central * Math.max(0, s.lowFactor)));
  const high = Math.max(Math.ceil(central * Math.max(0, s.highFactor)), low + MIN_SPREAD_MINUTES);
  return { low, high };
}
