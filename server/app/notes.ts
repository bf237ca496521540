import type { SessionUser, StaffTicket } from '../../common/dto.js';
import { AppError } from '../../common/errors.js';
import { NOTES_MAX_LENGTH } from '../../common/protocol.js';
import { event } from '../domain/events.js';
import { businessDate } from '../domain/time.js';
import type { Office } from './office.js';
import { staffTicketByRef } from './staff-tickets.js';
import { can } from './access.js';

/**
 * Staff notes on one of today's tickets, named by its staff reference (`ref`). They never reach a public view (display,
 * phone page, printed ticket); the event log records that a note changed and its
 * length, not the text, so the append-only log keeps no personal details.
 */
export async function saveNotes(office: Office, ticketRef: string, notes: string, user: SessionUser): Promise<StaffTicket> {
  if (notes.length > NOTES_MAX_LENGTH) {
    throw new AppError('INVALID_INPUT', `Notes may be at most ${NOTES_MAX_LENGTH} characters long.`);
  }
  const ticketId = await office.command(async (tx, now) => {
    const ticket = await staffTicketByRef(tx, ticketRef);
    if (!ticket || ticket.businessDate !== businessDate(now, (await tx.catalog.settings()).timeZone)) throw new AppError('TICKET_NOT_FOUND');
    // Only whoever holds the ticket's counter writes its notes (an admin anywhere): one
    // staff member never overwrites another's notes on a visitor they are not serving.
    if (!can(user, 'counter.anyDesk')) {
      const counter = ticket.counterId ? await tx.catalog.counter(ticket.counterId) : null;
      if (!counter?.open || counter.userId !== user.id) {
        throw new AppError('COUNTER_NOT_YOURS', 'Only the staff member at this ticket’s counter may write its notes.');
      }
    }
    if (ticket.notes === notes) return { result: ticket.id, events: [] };
    await tx.tickets.update({ ...ticket, notes });
    return {
      result: ticket.id,
      events: [
        event('ticket.noted', now, {
          ticketId: ticket.id,
          serviceId: ticket.serviceId,
          counterId: ticket.counterId,
          userId: user.id,
          data: { length: notes.length },
        }),
      ],
    };
  });
  return office.view(async (v) => {
    const ticket = await v.r.tickets.get(ticketId);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    return v.staffTicket(ticket);
  }, []);
}
