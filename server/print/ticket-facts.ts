import { AppError } from '../../common/errors.js';
import type { Office } from '../app/office.js';
import { endOfDay } from '../domain/time.js';
import type { TicketFacts } from './ticket-content.js';

export interface LoadedTicket {
  facts: TicketFacts;
  /** The token no longer works for the public (end of its office day). */
  expired: boolean;
}

/** Everything a printed ticket shows, read in one consistent view: position and estimate as of now. */
export function loadTicketFacts(office: Office, ticketId: string): Promise<LoadedTicket> {
  return office.view((v) => {
    const ticket = v.r.ticket(ticketId);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    const settings = v.r.settings();
    const service = v.r.service(ticket.serviceId);
    const view = v.publicTicket(ticket);
    return {
      expired: v.now >= endOfDay(ticket.businessDate, settings.timeZone),
      facts: {
        officeName: settings.name,
        number: ticket.number,
        language: ticket.language,
        serviceNames: service?.names ?? { de: ticket.serviceId },
        issuedAt: ticket.issuedAt,
        timeZone: settings.timeZone,
        position: view.position,
        estimate: view.estimate,
        appointmentAt: ticket.priorityClass === 'appointment' ? ticket.dueAt : null,
        statusUrl: view.statusUrl,
      },
    };
  });
}
