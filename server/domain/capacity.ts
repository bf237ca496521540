import type { ErrorCode } from '../../common/errors.js';
import type { ClosedReason, Estimate, Service } from '../../common/model.js';
import { availability } from './opening-hours.js';

/**
 * Whether a kiosk may issue a ticket for a service right now. Checked in a
 * fixed order so the visitor sees the most fundamental reason first:
 * inactive → holiday / outside hours → daily limit → past closing time.
 */

export interface IssuingInput {
  service: Service;
  now: number;
  timeZone: string;
  holidays: readonly string[];
  issuedToday: number;
  /** Wait estimate for a new ticket; null when unknown (no counter open). */
  estimate: Estimate | null;
}

export type IssuingStatus = { open: true; closesAt: number | null } | { open: false; reason: ClosedReason };

const MINUTE_MS = 60_000;

export function issuingStatus(input: IssuingInput): IssuingStatus {
  const { service, now, estimate } = input;
  if (!service.active) return { open: false, reason: 'inactive' };

  const a = availability(service.hours, now, input.timeZone, input.holidays);
  if (!a.open) return { open: false, reason: a.reason ?? 'outside_hours' };

  if (service.dailyLimit !== null && input.issuedToday >= service.dailyLimit) {
    return { open: false, reason: 'daily_limit' };
  }
  // Only the optimistic end of the range: refuse a ticket when even the best
  // case cannot be served before closing. An unknown estimate (no counter open
  // yet, e.g. first thing in the morning) must not block issuing.
  if (estimate !== null && a.closesAt !== null && now + estimate.low * MINUTE_MS > a.closesAt) {
    return { open: false, reason: 'past_closing' };
  }
  return { open: true, closesAt: a.closesAt };
}

const CLOSED_REASON_ERRORS: Record<ClosedReason, ErrorCode> = {
  outside_hours: 'SERVICE_CLOSED',
  holiday: 'SERVICE_CLOSED',
  inactive: 'SERVICE_CLOSED',
  daily_limit: 'DAILY_LIMIT_REACHED',
  past_closing: 'PAST_CLOSING_TIME',
};

export function closedReasonToError(reason: ClosedReason): ErrorCode {
  return CLOSED_REASON_ERRORS[reason];
}
