/**
 * A sorted list for `WaitingLine`: the elements in chunks of `load` to
 * 2 × `load` (a small one joins its neighbour), so an insert or delete is a
 * binary search plus a splice inside one chunk (O(log n + load)), never a move
 * of the whole day's queue. Equal elements (cmp = 0) may be several; `delete`
 * takes out the very object given.
 */

export const DEFAULT_CHUNK_LOAD = 512;

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

/** A read position in a `SortedList`. */
export interface ListCursor {
  chunk: number;
  index: number;
}

export class SortedList<T> {
  private readonly cmp: (a: T, b: T) => number;
  private readonly load: number;
  private chunks: T[][] = [];
  private count = 0;
  private staged: T[] = [];

  /** `load`: chunk size (the tests use tiny ones to split and join chunks often). */
  constructor(cmp: (a: T, b: T) => number, load = DEFAULT_CHUNK_LOAD) {
    this.cmp = cmp;
    this.load = Math.max(2, Math.floor(load));
  }

  /** Bulk load: `stage` elements in any order, then `settle` once (one sort) before any other use. */
  stage(x: T): void {
    this.staged.push(x);
  }

  settle(): void {
    const all = this.count === 0 ? this.staged : this.chunks.flat().concat(this.staged);
    all.sort(this.cmp);
    this.staged = [];
    this.chunks = [];
    for (let i = 0; i < all.length; i += this.load) this.chunks.push(all.slice(i, i + this.load));
    this.count = all.length;
  }

  get size(): number {
    return this.count;
  }

  first(): T | undefined {
    return this.chunks[0]?.[0];
  }

  insert(x: T): void {
    const chunks = this.chunks;
    this.count++;
    if (chunks.length === 0) {
      chunks.push([x]);
      return;
    }
    // The first chunk whose last element is after x; appending to the last chunk when there is none.
    let c = partitionPoint(chunks, (chunk) => this.cmp(chunk[chunk.length - 1] as T, x) <= 0);
    if (c === chunks.length) c--;
    const chunk = chunks[c] as T[];
    const last = chunk.length > 0 && this.cmp(chunk[chunk.length - 1] as T, x) <= 0;
    if (last) chunk.push(x);
    else chunk.splice(partitionPoint(chunk, (y) => this.cmp(y, x) <= 0), 0, x);
    if (chunk.length > 2 * this.load) chunks.splice(c + 1, 0, chunk.splice(this.load));
  }

  /** Removes the element `x` itself (by identity); false when it is not there. */
  delete(x: T): boolean {
    const chunks = this.chunks;
    let c = partitionPoint(chunks, (chunk) => this.cmp(chunk[chunk.length - 1] as T, x) < 0);
    for (; c < chunks.length; c++) {
      const chunk = chunks[c] as T[];
      for (let i = partitionPoint(chunk, (y) => this.cmp(y, x) < 0); i < chunk.length; i++) {
        const y = chunk[i] as T;
        if (y === x) {
          chunk.splice(i, 1);
          this.count--;
          this.rebalance(c);
          return true;
        }
        if (this.cmp(y, x) !== 0) return false;
      }
    }
    return false;
  }

  /** How many elements are `before` (a prefix of the list must be, the rest not). */
  countBefore(before: (x: T) => boolean): number {
    const chunks = this.chunks;
    const c = partitionPoint(chunks, (chunk) => before(chunk[chunk.length - 1] as T));
    let n = 0;
    for (let k = 0; k < c; k++) n += (chunks[k] as T[]).length;
    const chunk = chunks[c];
    return chunk ? n + partitionPoint(chunk, before) : n;
  }

  /** The first element that is not `before` (a prefix of the list must be, the rest not). */
  firstNotBefore(before: (x: T) => boolean): T | undefined {
    const chunks = this.chunks;
    const chunk = chunks[partitionPoint(chunks, (ch) => before(ch[ch.length - 1] as T))];
    return chunk?.[partitionPoint(chunk, before)];
  }

  /** The first element, in order, for which `pred` holds (a scan from the start). */
  find(pred: (x: T) => boolean): T | undefined {
    for (const chunk of this.chunks) for (const x of chunk) if (pred(x)) return x;
    return undefined;
  }

  /**
   * From the read position `at` (chunk, index; inclusive) on, the first element for which `pred` holds; `at` is
   * moved onto it. Undefined at the end. A cursor for merges, valid while the list does not change.
   */
  seek(at: ListCursor, pred: (x: T) => boolean): T | undefined {
    const chunks = this.chunks;
    for (let c = at.chunk, i = at.index; c < chunks.length; c++, i = 0) {
      const chunk = chunks[c] as T[];
      for (; i < chunk.length; i++) {
        const x = chunk[i] as T;
        if (pred(x)) {
          at.chunk = c;
          at.index = i;
          return x;
        }
      }
    }
    at.chunk = chunks.length;
    at.index = 0;
    return undefined;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (const chunk of this.chunks) yield* chunk;
  }

  /** No empty chunks; a small one joins its neighbour. */
  private rebalance(c: number): void {
    const chunks = this.chunks;
    const chunk = chunks[c] as T[];
    if (chunk.length === 0) {
      chunks.splice(c, 1);
      return;
    }
    if (chunk.length > this.load >> 2 || chunks.length === 1) return;
    const left = c > 0 ? c - 1 : c;
    const merged = (chunks[left] as T[]).concat(chunks[left + 1] as T[]);
    chunks.splice(left, 2, merged);
    if (merged.length > 2 * this.load) chunks.splice(left + 1, 0, merged.splice(this.load));
  }
}

export const ascending = (a: number, b: number): number => a - b;
