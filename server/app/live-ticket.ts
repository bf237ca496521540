import { AppError } from '../../common/errors.js';
import type { Ticket } from '../../common/model.js';
import { isTicketExpired } from '../domain/ticket-expiry.js';
import type { SiteReader } from '../store/store.js';

/** Why a ticket token no longer opens anything: unknown, or its office day is over. */
export type TicketRefusal = 'TICKET_NOT_FOUND' | 'TICKET_EXPIRED';

/** The ticket behind a visitor's token while the token works, else why not. */
export async function liveTicketOrRefusal(r: SiteReader, id: string, now: number): Promise<Ticket | TicketRefusal> {
  const t = await r.tickets.get(id);
  if (!t) return 'TICKET_NOT_FOUND';
  return isTicketExpired(t, now, (await r.catalog.settings()).timeZone) ? 'TICKET_EXPIRED' : t;
}

/** As liveTicketOrRefusal, with the refusal thrown as the ticket API's error. */
export async function liveTicket(r: SiteReader, id: string, now: number): Promise<Ticket> {
  const t = await liveTicketOrRefusal(r, id, now);
  if (typeof t === 'string') throw new AppError(t);
  return t;
}
