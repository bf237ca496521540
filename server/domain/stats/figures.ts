/**
 * #16: how the summary turns durations into figures (one place, documented in
 * the README "Statistics"):
 * - durations are kept in ms and shown in minutes rounded to 0.1 (half up);
 * - percentiles are exact over the measured values, by linear interpolation
 *   between the closest ranks (Hyndman & Fan type 7: Excel's PERCENTILE.INC /
 *   QUANTIL.INKL, numpy's default), so the median of an even count is the mean
 *   of the two middle values and a figure checked in Excel against the export
 *   CSV comes out the same;
 * - a figure with nothing measured is null, never 0.
 */

/** ms → minutes, rounded to 0.1 half up (computed on ms so 0.15 min does not round down by float error). */
export function minutes(ms: number): number {
  return Math.round(ms / 6000) / 10;
}

/** The p-th percentile (0 ≤ p ≤ 100) of values sorted ascending, linear between closest ranks; null when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * (p / 100);
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Numeric ascending order (a typed array sorts by value, and fast), in a copy. */
function ascending(values: readonly number[] | Float64Array): Float64Array {
  return values instanceof Float64Array ? values.slice().sort() : Float64Array.from(values).sort();
}

function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

const inMinutes = (ms: number | null): number | null => (ms === null ? null : minutes(ms));

export interface DurationFiguresOf {
  count: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}

/** Count, mean, median, p90 and max in minutes of durations in ms. */
export function durationFigures(ms: readonly number[] | Float64Array): DurationFiguresOf {
  const sorted = ascending(ms);
  return {
    count: sorted.length,
    mean: inMinutes(mean(sorted)),
    median: inMinutes(percentile(sorted, 50)),
    p90: inMinutes(percentile(sorted, 90)),
    max: inMinutes(sorted.length ? sorted[sorted.length - 1]! : null),
  };
}

/** Count, mean and p90 in minutes (appointments' lateness and office delay; negative values allowed). */
export function meanP90(ms: readonly number[] | Float64Array): { count: number; mean: number | null; p90: number | null } {
  const sorted = ascending(ms);
  return { count: sorted.length, mean: inMinutes(mean(sorted)), p90: inMinutes(percentile(sorted, 90)) };
}

/** A share 0…1 rounded to 0.001; null when there is nothing to share. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

/** A mean grade rounded to 0.01 (as `/api/stats/feedback` gives it); null when there is none. */
export function meanGrade(sum: number, count: number): number | null {
  return count === 0 ? null : Math.round((sum / count) * 100) / 100;
}
