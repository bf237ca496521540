import type { RetentionKind } from '../../common/events.js';
import type { RetentionSettings } from './settings.js';
import { addDays, businessDate, startOfDay } from './time.js';

/**
 * #17 data protection: what the purge removes when, pure (time is an argument).
 *
 * Every period counts in whole office days in the office's time zone and ends at a local
 * midnight: an item of office day D kept `n` days is gone from the start of day D + n + 1
 * (notes with 0 days: at the end of their own office day). Appointment contact data counts
 * from the appointment's day; an actor key from the end of its calendar month; a session
 * ends at its expiry instant.
 */
export interface PurgeCutoffs {
  /** Tickets of office days before this date lose their notes. */
  notesBefore: string;
  /** Feedback of office days before this date loses its comment. */
  feedbackCommentsBefore: string;
  /** Appointments starting before this instant lose their contact data. */
  appointmentContactBefore: number;
  /** Sessions expiring at or before this instant are deleted. */
  sessionsExpiredAt: number;
  /** Actor keys of calendar months before this one (`YYYY-MM`) lose their link to the person. */
  actorPeriodsBefore: string;
}

/** The calendar month (`YYYY-MM`) of the office an actor key made at `now` is for. */
export function actorPeriod(now: number, timeZone: string): string {
  return businessDate(now, timeZone).slice(0, 7);
}

export function purgeCutoffs(now: number, timeZone: string, r: RetentionSettings): PurgeCutoffs {
  const today = businessDate(now, timeZone);
  return {
    notesBefore: addDays(today, -r.notesDays),
    feedbackCommentsBefore: addDays(today, -r.feedbackCommentDays),
    appointmentContactBefore: startOfDay(addDays(today, -r.appointmentContactDays), timeZone),
    sessionsExpiredAt: now,
    // A month M is due once its end (the 1st of the next month) lies `actorLinkDays` days back:
    // M + 1 month ≤ today − days, i.e. M is before the month of (today − days).
    actorPeriodsBefore: addDays(today, -r.actorLinkDays).slice(0, 7),
  };
}

/** The counts of a purge (or of a dry run), every kind present. */
export type PurgeCounts = Record<RetentionKind, number>;

export function noCounts(): PurgeCounts {
  return { notes: 0, feedback_comments: 0, appointment_contact: 0, sessions: 0, actor_link: 0 };
}

export function totalOf(c: PurgeCounts): number {
  return Object.values(c).reduce((a, b) => a + b, 0);
}

/** Bounds of the retention settings an admin may set (days). */
export const RETENTION_LIMITS: Readonly<Record<keyof RetentionSettings, { min: number; max: number }>> = {
  notesDays: { min: 0, max: 365 },
  feedbackCommentDays: { min: 0, max: 3650 },
  appointmentContactDays: { min: 0, max: 3650 },
  actorLinkDays: { min: 0, max: 3650 },
};
