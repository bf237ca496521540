import { AppError } from '../../common/errors.js';
import type { ClosedReason } from '../../common/model.js';
import { closedReasonToError } from '../domain/capacity.js';
import { event, type EventOf } from '../domain/events.js';
import type { IssueInput } from './office.js';
import type { ServiceState } from './views.js';

/**
 * #16: a ticket the office could not give is recorded (`ticket.refused`), so
 * statistics count the demand that was turned away. The issue command commits
 * the event and answers the error after the commit (office.ts).
 */
export interface Refusal {
  error: AppError;
  event: EventOf<'ticket.refused'>;
}

/**
 * Why this request gets no ticket, or null when it gets one. A service switched
 * off is refused for everyone (answered as unknown, as before); a closed one
 * (hours, holiday, past its last ticket, its contingent) only for kiosks:
 * staff may issue past those.
 */
export function refusalOf(state: ServiceState, input: IssueInput, now: number): Refusal | null {
  let reason: ClosedReason | null = null;
  let error: AppError | null = null;
  if (!state.service.active) {
    reason = 'inactive';
    error = new AppError('SERVICE_NOT_FOUND');
  } else if (!input.staff && !state.open && state.closedReason) {
    reason = state.closedReason;
    error = new AppError(closedReasonToError(state.closedReason));
  }
  if (reason === null || error === null) return null;
  return {
    error,
    event: event('ticket.refused', now, {
      serviceId: state.service.id,
      userId: input.staff?.id ?? null,
      data: {
        reason,
        channel: input.channel ?? (input.staff ? 'staff' : 'kiosk'),
        language: input.language,
        priority: input.priority === true,
      },
    }),
  };
}
