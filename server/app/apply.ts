import { AppError } from '../../common/errors.js';
import type { Ticket } from '../../common/model.js';
import type { DomainEvent } from '../domain/events.js';
import { applyTicketCommand, type TicketCommand } from '../domain/ticket-lifecycle.js';
import type { StoreTx } from '../store/store.js';

/** Applies one lifecycle command inside a transaction and writes the new state. */
export function applyToTicket(
  tx: StoreTx,
  ticket: Ticket,
  command: TicketCommand,
  now: number,
): { result: Ticket; events: DomainEvent[] } {
  const outcome = applyTicketCommand(ticket, command, now, tx.settings().policy);
  if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
  tx.updateTicket(outcome.value.ticket);
  return { result: outcome.value.ticket, events: [outcome.value.event] };
}
