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
  return office.store.read(office.siteId, async (r) => {
    const t = await followable(r, ticketId, now);
    return typeof t === 'string' ? t : null;
  });
}

/** Of these tickets, the ones no phone may follow any more. */
export function unfollowable(office: Office, ticketIds: readonly string[]): Promise<string[]> {
  const now = office.now();
  return office.store.read(office.siteId, async (r) => {
    const gone: string[] = [];
    for (const id of ticketIds) if (typeof (await followable(r, id, now)) === 'string') gone.push(id);
    return gone;
  });
}

/** The public view a phone shows, or why it may not see it. */
export async function followedTicket(v: QueueView, ticketId: string): Promise<PublicTicket | AppError> {
  const t = await followable(v.r, ticketId, v.now);
  return typeof t === 'string' ? new AppError(t) : v.publicTicket(t);
}
