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
  /**
   * For a kiosk (an anonymous visitor): the tickets kiosks drew for this service
   * today and the share of the daily limit they may draw. Left out for staff.
   */
  anonymous?: { issuedToday: number; share: number };
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
  const anonymousCap = input.anonymous ? anonymousLimit(service, input.anonymous.share) : null;
  if (input.anonymous && anonymousCap !== null && input.anonymous.issuedToday >= anonymousCap) {
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

/**
 * How many of a service's daily tickets kiosks may draw: the anonymous share
 * of its contingent, rounded down (null: no daily limit, so no cap). One
 * visitor at a kiosk can then never close a service for the staff too.
 */
export function anonymousLimit(service: Pick<Service, 'dailyLimit'>, share: number): number | null {
  if (service.dailyLimit === null) return null;
  const clamped = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 1;
  return Math.floor(service.dailyLimit * clamped);
}

/** A service's anonymous share from the office's kiosk settings. */
export function anonymousShareOf(serviceId: string, kiosk: { anonymousShare: Record<string, number>; defaultAnonymousShare: number }): number {
  return kiosk.anonymousShare[serviceId] ?? kiosk.defaultAnonymousShare;
}

export const KIOSK_WINDOW_MS = MINUTE_MS;

export type KioskRate = { allowed: true; recent: number[] } | { allowed: false; recent: number[]; retryAfterMs: number };

/**
 * The per-kiosk sanity limit over a sliding minute: `recent` holds the
 * instants of the kiosk's earlier draws (any order). Allowed draws are
 * counted (the returned `recent` includes `now`); refused ones are not, so a
 * kiosk that is refused may draw again once its oldest draw left the window.
 */
export function kioskRate(recent: readonly number[], now: number, perMinute: number): KioskRate {
  const inWindow = recent.filter((at) => at > now - KIOSK_WINDOW_MS && at <= now);
  if (inWindow.length >= Math.max(0, perMinute)) {
    const oldest = Math.min(...inWindow, now);
    return { allowed: false, recent: inWindow, retryAfterMs: Math.max(1, oldest + KIOSK_WINDOW_MS - now) };
  }
  return { allowed: true, recent: [...inWindow, now] };
}
