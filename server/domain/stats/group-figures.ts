import type { ClosedReason } from '../../../common/model.js';
import type { StatsGroup } from '../../../common/stats-schemas.js';
import type { AppointmentFact, RefusalFact, SegmentFigures, SegmentOutcome } from './facts.js';
import type { SegmentColumns } from './segment-columns.js';
import { durationFigures, meanGrade, meanP90, share } from './figures.js';

/** A visitor's anonymous grade as the summary sees it: no ticket, no counter, no time of the visit. */
export interface FeedbackFact {
  serviceId: string;
  businessDate: string;
  language: string;
  grade: number;
}

/** Durations in ms as they come (a typed array that grows: no boxed numbers for a year of segments). */
class Durations {
  private list = new Float64Array(16);
  private n = 0;

  push(ms: number): void {
    if (this.n === this.list.length) {
      const grown = new Float64Array(this.list.length * 2);
      grown.set(this.list);
      this.list = grown;
    }
    this.list[this.n++] = ms;
  }

  values(): Float64Array {
    return this.list.subarray(0, this.n);
  }
}

const REASONS: readonly ClosedReason[] = ['outside_hours', 'holiday', 'daily_limit', 'past_closing', 'inactive'];

/**
 * #16: the figures of one group (or of the whole range) gathered fact by fact,
 * then turned into a `StatsGroup`. Counting rules (README "Statistics"):
 * - issued: segment 0 of a ticket (a transfer is no new ticket);
 * - served, noShow, cancelled, expired, transferred: segments by outcome
 *   (an open segment counts in none of them);
 * - wait: every segment that was called; service time: every segment served
 *   (or transferred while served) with a measured service;
 * - within target: served segments whose wait ≤ the target ÷ served segments;
 * - refused: `ticket.refused` by reason;
 * - appointments: booked (not cancelled), checked in and missed by the
 *   appointment facts; lateness and office delay by the checked-in segments.
 */
export class GroupFigures {
  private issued = 0;
  private served = 0;
  private noShow = 0;
  private cancelled = 0;
  private expired = 0;
  private transferred = 0;
  private readonly refused = new Map<ClosedReason, number>();
  private readonly waits = new Durations();
  private readonly serviceTimes = new Durations();
  private servedMeasured = 0;
  private servedWithin = 0;
  private booked = 0;
  private checkedIn = 0;
  private missed = 0;
  private readonly lateness = new Durations();
  private readonly officeDelay = new Durations();
  private readonly feedback: { count: number; sum: number; grades: number[] } | null;

  constructor(
    readonly key: string,
    private readonly targetMs: number,
    /** False where feedback cannot be told apart (by counter, channel, hour): the group's feedback is null. */
    withFeedback: boolean,
  ) {
    this.feedback = withFeedback ? { count: 0, sum: 0, grades: [0, 0, 0, 0, 0, 0] } : null;
  }

  addSegment(s: SegmentFigures): void {
    this.add(s.segment, s.outcome, s.waitMs ?? Number.NaN, s.serviceMs ?? Number.NaN, s.latenessMs ?? Number.NaN, s.officeDelayMs ?? Number.NaN);
  }

  /** The segment at `i` of the columns, counted as `addSegment` counts it. */
  addSegmentAt(c: SegmentColumns, i: number): void {
    this.add(c.segment[i]!, c.strings[c.outcome[i]!] as SegmentOutcome, c.waitMs[i]!, c.serviceMs[i]!, c.latenessMs[i]!, c.officeDelayMs[i]!);
  }

  /** One segment; a figure NaN is null (not measured). */
  private add(segment: number, outcome: SegmentOutcome, waitMs: number, serviceMs: number, latenessMs: number, officeDelayMs: number): void {
    if (segment === 0) this.issued++;
    const waited = !Number.isNaN(waitMs);
    switch (outcome) {
      case 'served':
        this.served++;
        if (waited) {
          this.servedMeasured++;
          if (waitMs <= this.targetMs) this.servedWithin++;
        }
        break;
      case 'no_show':
        this.noShow++;
        break;
      case 'cancelled':
        this.cancelled++;
        break;
      case 'expired':
        this.expired++;
        break;
      case 'transferred':
        this.transferred++;
        break;
      case 'open':
        break;
    }
    if (waited) this.waits.push(waitMs);
    if (!Number.isNaN(serviceMs)) this.serviceTimes.push(serviceMs);
    if (!Number.isNaN(latenessMs)) this.lateness.push(latenessMs);
    if (!Number.isNaN(officeDelayMs)) this.officeDelay.push(officeDelayMs);
  }

  addRefusal(f: RefusalFact): void {
    this.refused.set(f.reason, (this.refused.get(f.reason) ?? 0) + 1);
  }

  addAppointment(a: AppointmentFact): void {
    if (a.status !== 'cancelled') this.booked++;
    if (a.status === 'checked_in') this.checkedIn++;
    if (a.status === 'missed') this.missed++;
  }

  addFeedback(f: FeedbackFact): void {
    if (!this.feedback || !Number.isInteger(f.grade) || f.grade < 1 || f.grade > 6) return;
    this.feedback.count++;
    this.feedback.sum += f.grade;
    this.feedback.grades[f.grade - 1]!++;
  }

  figures(): StatsGroup {
    const refused = Object.fromEntries(REASONS.map((r) => [r, this.refused.get(r) ?? 0])) as Record<ClosedReason, number>;
    return {
      key: this.key,
      counts: {
        issued: this.issued,
        served: this.served,
        noShow: this.noShow,
        cancelled: this.cancelled,
        expired: this.expired,
        transferred: this.transferred,
        refused: { total: REASONS.reduce((n, r) => n + refused[r], 0), ...refused },
      },
      wait: durationFigures(this.waits.values()),
      serviceTime: durationFigures(this.serviceTimes.values()),
      withinTarget: share(this.servedWithin, this.servedMeasured),
      feedback: this.feedback && {
        count: this.feedback.count,
        mean: meanGrade(this.feedback.sum, this.feedback.count),
        grades: [...this.feedback.grades],
      },
      appointments: {
        booked: this.booked,
        checkedIn: this.checkedIn,
        missed: this.missed,
        lateness: meanP90(this.lateness.values()),
        officeDelay: meanP90(this.officeDelay.values()),
      },
    };
  }
}
