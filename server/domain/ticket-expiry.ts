import type { Ticket } from '../../common/model.js';
import { endOfDay } from './time.js';

/**
 * A ticket's token (its id: the phone page, the QR code, the receipt) works
 * until the end of its office day; after that it is neither shown nor changed.
 */
export function ticketExpiresAt(ticket: Pick<Ticket, 'businessDate'>, timeZone: string): number {
  return endOfDay(ticket.businessDate, timeZone);
}

export function isTicketExpired(ticket: Pick<Ticket, 'businessDate'>, now: number, timeZone: string): boolean {
  return now >= ticketExpiresAt(ticket, timeZone);
}
