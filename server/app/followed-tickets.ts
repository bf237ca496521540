import type { PublicTicket } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import { liveTicketOrRefusal as followable, type TicketRefusal as Refusal } from './live-ticket.js';
import type { Office } from './office.js';
import type { QueueView } from './views.js';

/**
 * The tickets visitors follow on their phones (`/visitor`). A ticket's id is
 * its bearer token and works until the end of its office day.
 */

/** Why a phone may not follow this ticket (unknown, or its day is over), or null when it may. */
export function followRefusal(office: Office, ticketId: string): Promise<Refusal | null> {
  const now = office.now();
  return office.store.read((r) => {
    const t = followable(r, ticketId, now);
    return typeof t === 'string' ? t : null;
  });
}

/** Of these tickets, the ones no phone may follow any more. */
export function unfollowable(office: Office, ticketIds: readonly string[]): Promise<string[]> {
  const now = office.now();
  return office.store.read((r) => ticketIds.filter((id) => typeof followable(r, id, now) === 'string'));
}

/** The public view a phone shows, or why it may not see it. */
export function followedTicket(v: QueueView, ticketId: string): PublicTicket | AppError {
  const t = followable(v.r, ticketId, v.now);
  return typeof t === 'string' ? new AppError(t) : v.publicTicket(t);
}
