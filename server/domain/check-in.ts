import type { Appointment, PriorityClass } from '../../common/model.js';
import { fail, ok, type Result } from './result.js';
import type { CheckinSettings } from './settings.js';
import { businessDate } from './time.js';

/**
 * Checking in an appointment at the kiosk turns it into a ticket. Timeline
 * around the slot start S:
 *
 *   S − checkinOpens ……… S − earlyGrace ……… S ……… S + lateWindow ………
 *   too early  │  queued, not yet offered  │  due (offered)  │  late: walk-in
 *
 * An on-time ticket is ordered by its slot time (dueAt), so arriving early
 * buys no advantage; a late one loses its appointment status but is still
 * served, queued from the moment it arrived.
 */
export interface CheckInOutcome {
  priorityClass: PriorityClass;
  dueAt: number | null;
  queuedAt: number;
  availableAt: number;
}

const MINUTE_MS = 60_000;

export function checkIn(appt: Appointment, now: number, s: CheckinSettings, timeZone: string): Result<CheckInOutcome> {
  if (appt.status === 'cancelled') return fail('APPOINTMENT_CANCELLED');
  if (appt.status === 'checked_in') return fail('ALREADY_CHECKED_IN');
  if (businessDate(appt.startsAt, timeZone) !== businessDate(now, timeZone)) return fail('APPOINTMENT_EXPIRED');
  if (now < appt.startsAt - s.checkinOpensMinutes * MINUTE_MS) return fail('CHECKIN_TOO_EARLY');

  if (now > appt.startsAt + s.lateWindowMinutes * MINUTE_MS) {
    return ok({ priorityClass: 'walk_in', dueAt: null, queuedAt: now, availableAt: now });
  }
  return ok({
    priorityClass: 'appointment',
    dueAt: appt.startsAt,
    queuedAt: now,
    availableAt: Math.max(now, appt.startsAt - s.earlyGraceMinutes * MINUTE_MS),
  });
}
