import { AppError } from '../../common/errors.js';
import type { Ticket } from '../../common/model.js';
import type { DomainEvent } from '../domain/events.js';
import { applyTicketCommand, type TicketCommand } from '../domain/ticket-lifecycle.js';
import type { SiteTx } from '../store/store.js';

/** Applies one lifecycle command inside a transaction and writes the new state. */
export async function applyToTicket(
  tx: SiteTx,
  ticket: Ticket,
  command: TicketCommand,
  now: number,
): Promise<{ result: Ticket; events: DomainEvent[] }> {
  const outcome = applyTicketCommand(ticket, command, now, (await tx.catalog.settings()).policy);
  if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
  await tx.tickets.update(outcome.value.ticket);
  return { result: outcome.value.ticket, events: [outcome.value.event] };
}
