import type { StaffTicket } from '../common/dto.js';
import type { T } from './i18n.js';

export type TicketCommand = 'call-next' | 'call' | 'recall' | 'start' | 'finish' | 'finish-next' | 'no-show' | 'return' | 'transfer';

/** The sentence that confirms a ticket command, from the ticket the server answered with (`transferTarget`: where a transfer or the next service went). */
export function ticketOutcome(t: T, command: TicketCommand, ticket: StaffTicket | null, transferTarget = ''): string {
  if (!ticket) return t('doneNobody');
  const number = ticket.number;
  switch (command) {
    case 'call-next':
    case 'call':
      return t('doneCalled', { number });
    case 'recall':
      return t('doneRecalled', { number });
    case 'start':
      return t('doneStarted', { number });
    case 'finish':
      return t('doneFinished', { number });
    case 'no-show':
      return t('doneNoShow', { number });
    case 'return':
      // Returning a ticket called maxCalls times makes it a no-show on the server.
      return ticket.status === 'no_show' ? t('doneReturnedNoShow', { number }) : t('doneReturned', { number });
    case 'transfer':
      return t('doneTransferred', { number, target: transferTarget });
    case 'finish-next':
      return t('doneFinishedNext', { number, service: transferTarget });
  }
}

/** What the reprint route answered; it belongs to the printing side, so read it defensively. */
export function reprintOutcome(t: T, number: string, body: unknown): string {
  const b = (body ?? {}) as { status?: unknown; reason?: unknown; print?: { status?: unknown; reason?: unknown } };
  const status = b.print?.status ?? b.status;
  const reason = b.print?.reason ?? b.reason;
  if (status === 'printed') return t('reprintPrinted', { number });
  if (status === 'none') return t('reprintNoPrinter', { number });
  if (status === 'failed') return t('reprintFailed', { number, reason: typeof reason === 'string' ? reason : '?' });
  return t('reprintSent', { number });
}
