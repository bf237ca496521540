/**
 * The closed catalogue of error codes. The domain returns codes; the HTTP and
 * socket adapters map them to a status and the `{error:{code,message}}` shape.
 */
export const ERROR_STATUS = {
  // 400: the request itself is wrong
  INVALID_INPUT: 400,
  INVALID_JSON: 400,
  // 401/403: who is asking
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  COUNTER_NOT_YOURS: 403,
  // #13 part 3: fairness
  LANGUAGE_NOT_ANNOUNCED: 400,
  // #13 part 1: kiosk devices
  DEVICE_REQUIRED: 401,
  KIOSK_RATE_LIMITED: 429,
  // #13 part 1b/2: client networks and origins
  BAD_ORIGIN: 403,
  NETWORK_NOT_ALLOWED: 403,
  // 404: what is asked for does not exist (or is no longer visible)
  NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  SERVICE_NOT_FOUND: 404,
  COUNTER_NOT_FOUND: 404,
  APPOINTMENT_NOT_FOUND: 404,
  TICKET_EXPIRED: 404,
  // 409: the request is fine, the state does not allow it
  INVALID_TRANSITION: 409,
  SERVICE_CLOSED: 409,
  DAILY_LIMIT_REACHED: 409,
  PAST_CLOSING_TIME: 409,
  COUNTER_CLOSED: 409,
  COUNTER_BUSY: 409,
  COUNTER_TAKEN: 409,
  ALREADY_CHECKED_IN: 409,
  CHECKIN_TOO_EARLY: 409,
  APPOINTMENT_CANCELLED: 409,
  APPOINTMENT_EXPIRED: 409,
  NO_CURRENT_TICKET: 409,
  INVALID_TARGET: 409,
  FEEDBACK_NOT_YET: 409,
  FEEDBACK_ALREADY_GIVEN: 409,
  // #13 part 4: health and staff rules
  COUNTER_LIMIT: 409,
  // #17: visits with several services
  NO_NEXT_SERVICE: 409,
  VISIT_SERVICE_REPEATED: 400,
  // transport-level
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  // #13 part 3: fairness
  TOO_MANY_LOGINS: 429,
  TOO_MANY_CONNECTIONS: 429,
  PROTOCOL_MISMATCH: 400,
  INTERNAL: 500,
  // #13 part 4: health and staff rules
  STORAGE_UNAVAILABLE: 503,
  // #15: administration
  PASSWORD_CHANGE_REQUIRED: 403,
  WEAK_PASSWORD: 400,
  CURRENT_PASSWORD_WRONG: 400,
  STALE: 409,
  PREFIX_TAKEN: 409,
  SERVICE_IN_USE: 409,
  COUNTER_IN_USE: 409,
  AREA_IN_USE: 409,
  USERNAME_TAKEN: 409,
  LAST_ADMIN: 409,
  USER_NOT_FOUND: 404,
  AREA_NOT_FOUND: 404,
  DEVICE_NOT_FOUND: 404,
  // #16: statistics
  COUNTER_STATS_OFF: 403,
  // #15: a kiosk draws only the services its record offers
  SERVICE_NOT_OFFERED: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** The input field the error is about (a JSON path such as `hours.1.0.to`), so a form can show it next to that field. */
  field?: string;
}

/** Default human messages (English; UIs translate by code). */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: 'The request is invalid.',
  INVALID_JSON: 'The request body is not valid JSON.',
  UNAUTHENTICATED: 'Please log in.',
  INVALID_CREDENTIALS: 'Wrong username or password.',
  FORBIDDEN: 'You are not allowed to do this.',
  COUNTER_NOT_YOURS: 'This counter was opened by someone else.',
  // #13 part 1: kiosk devices
  DEVICE_REQUIRED: 'Only a registered kiosk (Authorization: Device <token>) or staff may do this.',
  KIOSK_RATE_LIMITED: 'This kiosk has drawn too many tickets in the last minute; please wait a moment.',
  // #13 part 1b/2: client networks and origins
  BAD_ORIGIN: 'This request comes from a page the server does not accept (its Origin); see PUBLIC_URL and ALLOWED_ORIGINS.',
  NETWORK_NOT_ALLOWED: 'Staff access is not allowed from this network (STAFF_NETWORKS).',
  NOT_FOUND: 'Not found.',
  TICKET_NOT_FOUND: 'No such ticket.',
  SERVICE_NOT_FOUND: 'No such service.',
  COUNTER_NOT_FOUND: 'No such counter.',
  APPOINTMENT_NOT_FOUND: 'No appointment with this code.',
  TICKET_EXPIRED: 'This ticket has expired.',
  INVALID_TRANSITION: 'This action is not possible in the ticket’s current state.',
  SERVICE_CLOSED: 'This service is closed right now.',
  DAILY_LIMIT_REACHED: 'No more tickets for this service today.',
  PAST_CLOSING_TIME: 'The expected wait runs past closing time.',
  COUNTER_CLOSED: 'The counter is not open.',
  COUNTER_BUSY: 'The counter still has a current ticket.',
  COUNTER_TAKEN: 'The counter is open by another user.',
  ALREADY_CHECKED_IN: 'This appointment is already checked in.',
  CHECKIN_TOO_EARLY: 'It is too early to check in for this appointment.',
  APPOINTMENT_CANCELLED: 'This appointment was cancelled.',
  APPOINTMENT_EXPIRED: 'This appointment is not for today.',
  NO_CURRENT_TICKET: 'The counter has no current ticket.',
  INVALID_TARGET: 'The transfer target is not valid.',
  FEEDBACK_NOT_YET: 'Feedback can be given once the visit is finished.',
  FEEDBACK_ALREADY_GIVEN: 'Feedback for this ticket was already given.',
  // #13 part 4: health and staff rules
  COUNTER_LIMIT: 'You already hold another counter; close it first.',
  NO_NEXT_SERVICE: 'The visitor listed no further service; choose the service to send them on to.',
  VISIT_SERVICE_REPEATED: 'A visit lists each service once.',
  PAYLOAD_TOO_LARGE: 'The request is too large.',
  URI_TOO_LONG: 'The address is too long.',
  HEADERS_TOO_LARGE: 'The address or the request headers are too long.',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type; send application/json.',
  RATE_LIMITED: 'Too many requests; please wait a moment.',
  // #13 part 3: fairness
  LANGUAGE_NOT_ANNOUNCED: 'Calls are announced only in German and in the language of the called ticket.',
  TOO_MANY_LOGINS: 'Too many login attempts; please try again later.',
  TOO_MANY_CONNECTIONS: 'Too many open connections from this address.',
  PROTOCOL_MISMATCH: 'The app is out of date; reload it.',
  INTERNAL: 'Internal error.',
  // #13 part 4: health and staff rules
  STORAGE_UNAVAILABLE: 'The server cannot save right now; please try again shortly.',
  // #15: administration
  PASSWORD_CHANGE_REQUIRED: 'Please set your own password first.',
  WEAK_PASSWORD: 'The new password must have at least 12 characters and must not be the username.',
  CURRENT_PASSWORD_WRONG: 'The current password is not correct.',
  STALE: 'Someone else changed this record meanwhile; reload it and apply your change again.',
  PREFIX_TAKEN: 'Another service already uses this prefix.',
  SERVICE_IN_USE: 'This service has open tickets or future appointments; deactivate it instead.',
  COUNTER_IN_USE: 'This counter is open; close it first.',
  AREA_IN_USE: 'Counters or screens still belong to this area.',
  USERNAME_TAKEN: 'This username is already taken.',
  LAST_ADMIN: 'The last active admin cannot be deactivated or demoted.',
  USER_NOT_FOUND: 'No such user.',
  AREA_NOT_FOUND: 'No such area.',
  DEVICE_NOT_FOUND: 'No such device.',
  COUNTER_STATS_OFF: 'Figures per counter are switched off in this office (an admin can switch them on where the staff council agreed).',
  SERVICE_NOT_OFFERED: 'This kiosk does not offer this service.',
};

/** A domain or application failure carried as a value, never as a thrown string. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toBody(): ErrorBody {
    const field = this.details?.['field'];
    return typeof field === 'string' ? { code: this.code, message: this.message, field } : { code: this.code, message: this.message };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_STATUS;
}

/**
 * A socket.io handshake refusal: the client's `connect_error` has the code as
 * its message and the error body as `data`, so every namespace refuses alike.
 */
export function handshakeRefusal(code: ErrorCode, message?: string): Error & { data: ErrorBody } {
  return Object.assign(new Error(code), { data: new AppError(code, message).toBody() });
}

/** Any failure as a status and error body: AppErrors keep theirs, anything else is an opaque 500. */
export function errorReply(err: unknown): { status: number } & ErrorBody {
  if (err instanceof AppError) return { status: err.status, code: err.code, message: err.message };
  return { status: 500, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
}
