import type { HttpFailure } from '../../common/client/http.js';
import type { KioskKey } from '../../common/i18n/kiosk/index.js';

/** A failed request as the kiosk sees it: the server's code, or no answer at all (NETWORK). */
export type FailureCode = HttpFailure['code'];

const TEXTS: Partial<Record<FailureCode, KioskKey>> = {
  APPOINTMENT_NOT_FOUND: 'errNotFound',
  // The server refuses a malformed code the same way it refuses an unknown one.
  INVALID_INPUT: 'errNotFound',
  CHECKIN_TOO_EARLY: 'errTooEarly',
  ALREADY_CHECKED_IN: 'errAlreadyCheckedIn',
  APPOINTMENT_CANCELLED: 'errCancelled',
  APPOINTMENT_EXPIRED: 'errExpired',
  SERVICE_CLOSED: 'errServiceClosed',
  SERVICE_NOT_FOUND: 'errServiceClosed',
  // The kiosk's record no longer offers it (#15): to the visitor it is closed here.
  SERVICE_NOT_OFFERED: 'errServiceClosed',
  DAILY_LIMIT_REACHED: 'errNoMoreTickets',
  PAST_CLOSING_TIME: 'errNoMoreTickets',
  RATE_LIMITED: 'errBusy',
  KIOSK_RATE_LIMITED: 'errBusy',
};

/** The message that explains a failure in the visitor's language. */
export function failureText(code: FailureCode): KioskKey {
  return TEXTS[code] ?? 'errGeneric';
}

/** Messages after which the visitor can only get further with a person's help. */
const NEEDS_HELP: ReadonlySet<KioskKey> = new Set<KioskKey>([
  'errNotFound',
  'errCancelled',
  'errExpired',
  'errServiceClosed',
  'errNoMoreTickets',
  'errGeneric',
]);

export function needsHelp(text: KioskKey): boolean {
  return NEEDS_HELP.has(text);
}
