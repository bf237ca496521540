import type { ClosedReason, PriorityClass } from '../../../common/model.js';
import type { StatsChannel } from '../../../common/stats-schemas.js';

/**
 * #16: the rows statistics are computed from, one per ticket segment (a ticket
 * waits for one service at a time; a transfer starts a new segment), kept up
 * to date from the event log and rebuilt from it (`npm run stats:rebuild`).
 * Pre-summed totals could not give an exact median or p90 under filters, so
 * the summary reads these rows. Times are epoch ms; `businessDate`, `hour`
 * and `weekday` are local to the office. Nothing here names a person.
 */

export type SegmentOutcome = 'served' | 'no_show' | 'cancelled' | 'expired' | 'transferred' | 'open';

export interface SegmentFact {
  ticketId: string;
  /** 0 for the segment the ticket was issued or checked in for, then 1, 2, … per transfer. */
  segment: number;
  businessDate: string;
  /** Local hour (0–23) and ISO weekday (1 Monday … 7) of `joinedAt`. */
  hour: number;
  weekday: number;
  number: string;
  serviceId: string;
  /** The ticket's channel as statistics name it: kiosk and api → walk_in, checkin → appointment, staff. */
  channel: StatsChannel;
  language: string;
  priorityClass: PriorityClass;
  /** When its wait started: the issue, the transfer, or for an appointment the later of check-in and due time. */
  joinedAt: number;
  firstCalledAt: number | null;
  startedAt: number | null;
  /** When the segment ended (finish, transfer, no-show, cancel, expiry); null while open. */
  endedAt: number | null;
  /** The counter that first called it in this segment, null when never called. */
  counterId: string | null;
  outcome: SegmentOutcome;
  /** Derived durations in ms (null when not measurable). */
  waitMs: number | null;
  serviceMs: number | null;
  callToStartMs: number | null;
  /** Appointments only (segment 0 of a checked-in ticket): check-in − slot start, first call − slot start. */
  appointmentId: string | null;
  latenessMs: number | null;
  officeDelayMs: number | null;
}

/**
 * What the summary needs of a segment: a year of these reads in a fraction of the time the
 * whole rows take (no ids, numbers or instants: strings are what SQLite rows cost most).
 */
export type SegmentFigures = Pick<
  SegmentFact,
  'segment' | 'businessDate' | 'hour' | 'weekday' | 'serviceId' | 'channel' | 'language' | 'counterId' | 'outcome' | 'waitMs' | 'serviceMs' | 'latenessMs' | 'officeDelayMs'
>;

/** A ticket that could not be drawn (`ticket.refused`). */
export interface RefusalFact {
  at: number;
  businessDate: string;
  hour: number;
  weekday: number;
  serviceId: string;
  reason: ClosedReason;
  channel: StatsChannel;
  language: string;
}

/** A booked appointment as statistics count it: on the day of its slot. */
export interface AppointmentFact {
  appointmentId: string;
  businessDate: string;
  hour: number;
  weekday: number;
  serviceId: string;
  language: string;
  slotStart: number;
  /** `booked` while the day is not over and it was not checked in. */
  status: 'checked_in' | 'missed' | 'cancelled' | 'booked';
}

/** Filters every fact read takes; dates local and inclusive. */
export interface FactQuery {
  fromDate: string;
  toDate: string;
  serviceId?: string;
  counterId?: string;
  language?: string;
  channel?: StatsChannel;
}
