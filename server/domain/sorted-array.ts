/**
 * Sorted plain arrays: binary search to find the place, `splice` to insert or
 * remove (a memmove, fast enough for the 10⁵ elements of an office day).
 * Used by `WaitingLine`.
 */

/** The first index whose element is not `before` (all elements before it are): `xs` must be partitioned that way. */
export function partitionPoint<T>(xs: readonly T[], before: (x: T) => boolean): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(xs[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > v in ascending `xs` (= the count of elements ≤ v). */
export function upperBound(xs: readonly number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Inserts `x` into `xs`, kept ascending by `cmp` (ties: after the equal ones). Appending is O(1). */
export function insertSorted<T>(xs: T[], x: T, cmp: (a: T, b: T) => number): void {
  const n = xs.length;
  if (n === 0 || cmp(xs[n - 1] as T, x) <= 0) {
    xs.push(x);
    return;
  }
  xs.splice(
    partitionPoint(xs, (y) => cmp(y, x) <= 0),
    0,
    x,
  );
}

/** Removes the element `x` itself (by identity) from `xs`, ascending by `cmp`; false when it is not there. */
export function removeSorted<T>(xs: T[], x: T, cmp: (a: T, b: T) => number): boolean {
  for (let i = partitionPoint(xs, (y) => cmp(y, x) < 0); i < xs.length && cmp(xs[i] as T, x) === 0; i++) {
    if (xs[i] === x) {
      xs.splice(i, 1);
      return true;
    }
  }
  return false;
}

const ascending = (a: number, b: number) => a - b;

/** Inserts the number `v` into ascending `xs`. */
export function insertNumber(xs: number[], v: number): void {
  insertSorted(xs, v, ascending);
}

/** Removes one occurrence of `v` from ascending `xs`; false when there is none. */
export function removeNumber(xs: number[], v: number): boolean {
  return removeSorted(xs, v, ascending);
}
