import type { IssuedTicket } from '../../common/dto.js';

/**
 * What the ticket screen says about paper: `printed` (take it), `failed` (say
 * so plainly; the number and QR code stay on screen longer) or `none` (this
 * kiosk has no printer, or the server did not say). A remote print agent
 * counts as printed: the paper comes out of this kiosk's printer.
 */
export type PrintState = 'printed' | 'failed' | 'none';

export function printState(ticket: IssuedTicket): PrintState {
  switch (ticket.print?.status) {
    case 'printed':
    case 'agent':
      return 'printed';
    case 'failed':
      return 'failed';
    default:
      return 'none';
  }
}
