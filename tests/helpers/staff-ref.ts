import type { Office } from '../../server/app/office.js';

/** The staff reference of a ticket the test drew as a visitor (by its id), as staff screens name it. */
export async function staffRef(office: Office, ticketId: string): Promise<string> {
  const ticket = await office.store.read(office.siteId, (r) => r.tickets.get(ticketId));
  if (!ticket) throw new Error(`no ticket ${ticketId}`);
  return ticket.ref;
}
