import type { SessionUser } from '../../common/dto.js';
import type { EventPayloads } from '../../common/events.js';
import { AppError } from '../../common/errors.js';
import type { Estimate } from '../../common/model.js';
import { event } from '../domain/events.js';
import { isTicketExpired } from '../domain/ticket-expiry.js';
import type { Office } from './office.js';
import { staffTicketByRef } from './staff-tickets.js';

/** What a printed ticket says, before any layout. */
export interface TicketFacts {
  officeName: string;
  number: string;
  /** The visitor's language (BCP-47). */
  language: string;
  /** Service name by language; `de` is always there. */
  serviceNames: Record<string, string>;
  /** #17: the names of the visit's further services, in order (absent or empty: a visit of one service). */
  nextServiceNames?: Record<string, string>[];
  issuedAt: number;
  timeZone: string;
  /** 1-based place in line while waiting, else null (a reprint after the call). */
  position: number | null;
  estimate: Estimate | null;
  /** Appointment slot start for a checked-in appointment. */
  appointmentAt: number | null;
  statusUrl: string;
}

export interface ReceiptFacts {
  facts: TicketFacts;
  /** The token no longer works for the public (end of its office day). */
  expired: boolean;
}

/** A sample ticket for an admin's print test: the office's name and time, no visitor, no real number. */
export async function testTicketFacts(office: Office): Promise<TicketFacts> {
  const settings = await office.store.read(office.siteId, (r) => r.catalog.settings());
  return {
    officeName: settings.name,
    number: 'TEST',
    language: 'de',
    serviceNames: { de: 'Testdruck', en: 'Test print' },
    issuedAt: office.now(),
    timeZone: settings.timeZone,
    position: 1,
    estimate: { low: 5, high: 10 },
    appointmentAt: null,
    statusUrl: `${office.deps.publicUrl}/visitor/`,
  };
}

/** Everything a printed ticket shows, read in one consistent view: position and estimate as of now. */
export function receiptFacts(office: Office, ticketId: string): Promise<ReceiptFacts> {
  return office.view(async (v) => {
    const ticket = await v.r.tickets.get(ticketId);
    if (!ticket) throw new AppError('TICKET_NOT_FOUND');
    const service = v.services.find((s) => s.id === ticket.serviceId);
    const view = v.publicTicket(ticket);
    return {
      expired: isTicketExpired(ticket, v.now, v.settings.timeZone),
      facts: {
        officeName: v.settings.name,
        number: ticket.number,
        language: ticket.language,
        serviceNames: service?.names ?? { de: ticket.serviceId },
        nextServiceNames: ticket.nextServiceIds.map((id) => v.services.find((s) => s.id === id)?.names ?? { de: id }),
        issuedAt: ticket.issuedAt,
        timeZone: v.settings.timeZone,
        position: view.position,
        estimate: view.estimate,
        appointmentAt: view.appointmentAt,
        statusUrl: view.statusUrl,
      },
    };
  });
}

/** The id of the ticket a staff reprint names by its staff reference (or, as before protocol 3, by its id). */
export async function reprintedTicketId(office: Office, refOrId: string): Promise<string> {
  const ticket = await office.store.read(office.siteId, (r) => staffTicketByRef(r, refOrId));
  if (!ticket) throw new AppError('TICKET_NOT_FOUND');
  return ticket.id;
}

/** A staff reprint and what became of it, for the event log. */
export async function recordReprint(
  office: Office,
  ticketId: string,
  kioskId: string,
  outcome: Omit<EventPayloads['ticket.reprinted'], 'kioskId'>,
  staff: SessionUser,
): Promise<void> {
  await office.command((_tx, now) =>
    Promise.resolve({
      result: null,
      events: [event('ticket.reprinted', now, { ticketId, userId: staff.id, data: { kioskId, ...outcome } })],
    }),
  );
}
