import type { Ticket } from '../../common/model.js';
import type { SiteReader } from '../store/store.js';

/**
 * The ticket a staff command names: by its staff reference (`ref`), which is what
 * staff screens and answers carry. The ticket's id, the visitor's token, is still
 * accepted for routes whose path took it before protocol 3 (a staff member who drew
 * a ticket for a visitor has it); staff answers never carry it.
 */
export async function staffTicketByRef(r: SiteReader, refOrId: string): Promise<Ticket | null> {
  return (await r.tickets.byRef(refOrId)) ?? (await r.tickets.get(refOrId));
}
