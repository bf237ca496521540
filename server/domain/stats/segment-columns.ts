import type { StatsChannel } from '../../../common/stats-schemas.js';
import type { SegmentFigures, SegmentOutcome } from './facts.js';

/**
 * #16 (speed): many segments' figures (`SegmentFigures`) as columns, one typed
 * array per field, strings by index into `strings`. A year of segments is
 * ~150,000; as objects they cost more to build and to collect than the summary
 * costs to compute, as columns they are a dozen arrays. The store reads the
 * summary's segments in this form (the day packs decode straight into it);
 * `summarize` takes either form and gives the same figures.
 */
export interface SegmentColumns {
  readonly length: number;
  /** The strings the columns name by index (dates, ids, channels, languages, outcomes). */
  readonly strings: readonly string[];
  readonly segment: Int32Array;
  /** Index into `strings`. */
  readonly businessDate: Int32Array;
  readonly hour: Int32Array;
  readonly weekday: Int32Array;
  /** Indexes into `strings`; `counterId` −1 where the segment has no counter. */
  readonly serviceId: Int32Array;
  readonly channel: Int32Array;
  readonly language: Int32Array;
  readonly counterId: Int32Array;
  readonly outcome: Int32Array;
  /** NaN where the figure is null. */
  readonly waitMs: Float64Array;
  readonly serviceMs: Float64Array;
  readonly latenessMs: Float64Array;
  readonly officeDelayMs: Float64Array;
}

const nullable = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Collects segments into columns; a reader of packed figures writes the columns itself (`reserve`, then `length++`). */
export class SegmentColumnsBuilder {
  length = 0;
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  segment: Int32Array;
  businessDate: Int32Array;
  hour: Int32Array;
  weekday: Int32Array;
  serviceId: Int32Array;
  channel: Int32Array;
  language: Int32Array;
  counterId: Int32Array;
  outcome: Int32Array;
  waitMs: Float64Array;
  serviceMs: Float64Array;
  latenessMs: Float64Array;
  officeDelayMs: Float64Array;

  constructor(capacity = 64) {
    const n = Math.max(1, capacity);
    this.segment = new Int32Array(n);
    this.businessDate = new Int32Array(n);
    this.hour = new Int32Array(n);
    this.weekday = new Int32Array(n);
    this.serviceId = new Int32Array(n);
    this.channel = new Int32Array(n);
    this.language = new Int32Array(n);
    this.counterId = new Int32Array(n);
    this.outcome = new Int32Array(n);
    this.waitMs = new Float64Array(n);
    this.serviceMs = new Float64Array(n);
    this.latenessMs = new Float64Array(n);
    this.officeDelayMs = new Float64Array(n);
  }

  /** The index of a string in `strings` (added on first use). */
  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  /** Room for `more` segments after `length`. */
  reserve(more: number): void {
    const need = this.length + more;
    const capacity = this.segment.length;
    if (need <= capacity) return;
    const n = Math.max(need, capacity * 2);
    const grow = <A extends Int32Array | Float64Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(n);
      b.set(a);
      return b;
    };
    this.segment = grow(this.segment);
    this.businessDate = grow(this.businessDate);
    this.hour = grow(this.hour);
    this.weekday = grow(this.weekday);
    this.serviceId = grow(this.serviceId);
    this.channel = grow(this.channel);
    this.language = grow(this.language);
    this.counterId = grow(this.counterId);
    this.outcome = grow(this.outcome);
    this.waitMs = grow(this.waitMs);
    this.serviceMs = grow(this.serviceMs);
    this.latenessMs = grow(this.latenessMs);
    this.officeDelayMs = grow(this.officeDelayMs);
  }

  push(s: SegmentFigures): void {
    this.reserve(1);
    const i = this.length++;
    this.segment[i] = s.segment;
    this.businessDate[i] = this.intern(s.businessDate);
    this.hour[i] = s.hour;
    this.weekday[i] = s.weekday;
    this.serviceId[i] = this.intern(s.serviceId);
    this.channel[i] = this.intern(s.channel);
    this.language[i] = this.intern(s.language);
    this.counterId[i] = s.counterId === null ? -1 : this.intern(s.counterId);
    this.outcome[i] = this.intern(s.outcome);
    this.waitMs[i] = s.waitMs ?? Number.NaN;
    this.serviceMs[i] = s.serviceMs ?? Number.NaN;
    this.latenessMs[i] = s.latenessMs ?? Number.NaN;
    this.officeDelayMs[i] = s.officeDelayMs ?? Number.NaN;
  }

  build(): SegmentColumns {
    const n = this.length;
    return {
      length: n,
      strings: this.strings,
      segment: this.segment.subarray(0, n),
      businessDate: this.businessDate.subarray(0, n),
      hour: this.hour.subarray(0, n),
      weekday: this.weekday.subarray(0, n),
      serviceId: this.serviceId.subarray(0, n),
      channel: this.channel.subarray(0, n),
      language: this.language.subarray(0, n),
      counterId: this.counterId.subarray(0, n),
      outcome: this.outcome.subarray(0, n),
      waitMs: this.waitMs.subarray(0, n),
      serviceMs: this.serviceMs.subarray(0, n),
      latenessMs: this.latenessMs.subarray(0, n),
      officeDelayMs: this.officeDelayMs.subarray(0, n),
    };
  }
}

export function toColumns(segments: readonly SegmentFigures[]): SegmentColumns {
  const b = new SegmentColumnsBuilder(segments.length);
  for (const s of segments) b.push(s);
  return b.build();
}

/** The segment at `i` as an object (the same fields and values it was made from). */
export function figuresAt(c: SegmentColumns, i: number): SegmentFigures {
  const counter = c.counterId[i]!;
  return {
    segment: c.segment[i]!,
    businessDate: c.strings[c.businessDate[i]!]!,
    hour: c.hour[i]!,
    weekday: c.weekday[i]!,
    serviceId: c.strings[c.serviceId[i]!]!,
    channel: c.strings[c.channel[i]!] as StatsChannel,
    language: c.strings[c.language[i]!]!,
    counterId: counter === -1 ? null : c.strings[counter]!,
    outcome: c.strings[c.outcome[i]!] as SegmentOutcome,
    waitMs: nullable(c.waitMs[i]!),
    serviceMs: nullable(c.serviceMs[i]!),
    latenessMs: nullable(c.latenessMs[i]!),
    officeDelayMs: nullable(c.officeDelayMs[i]!),
  };
}

export function fromColumns(c: SegmentColumns): SegmentFigures[] {
  const out: SegmentFigures[] = [];
  for (let i = 0; i < c.length; i++) out.push(figuresAt(c, i));
  return out;
}

export function isColumns(segments: readonly SegmentFigures[] | SegmentColumns): segments is SegmentColumns {
  return !Array.isArray(segments);
}
