import type { PrintOutcome, ReprintOutcome, SessionUser } from '../../common/dto.js';
import type { PrinterStatus, PublicPrinterStatus } from '../../common/printing.js';

/**
 * What the HTTP routes ask of ticket printing. The print adapter provides it
 * (server/print/print-service.ts) and the composition root hands it to the
 * routes, so neither adapter imports the other.
 */
export interface TicketPrinting {
  /** After a kiosk drew a ticket: print it there, waiting a bounded time. */
  printIssued(ticket: { id: string; number: string }, kioskId: string | undefined): Promise<PrintOutcome>;
  /** `ticketRef`: the ticket's staff reference (its id still works). */
  reprint(ticketRef: string, kioskId: string | undefined, staff: SessionUser): Promise<ReprintOutcome>;
  /** The ticket as printed, as a PNG of the paper's width in dots. */
  receiptPng(ticketId: string, width: 576 | 384, staff: SessionUser | null): Promise<Buffer>;
  /** Admin: a sample ticket (number TEST) on a kiosk's printer, to check paper, width and address. */
  printTest(kioskId: string): Promise<PrintOutcome>;
  statuses(): Promise<PrinterStatus[]>;
  publicStatuses(): Promise<PublicPrinterStatus[]>;
}
