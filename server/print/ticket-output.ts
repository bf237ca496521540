import { escposJob } from './escpos-job.js';
import { rasterToPng, stackRasters } from './raster.js';
import { renderTicket, type PaperWidth } from './ticket-canvas.js';
import type { TicketFacts } from '../app/receipts.js';
import { ticketBlocks } from './ticket-content.js';

/** The ESC/POS bytes of a ticket for a printer of this paper width. */
export function ticketJob(facts: TicketFacts, width: PaperWidth): Buffer {
  return escposJob(renderTicket(ticketBlocks(facts), width, 'print'));
}

/** The ticket as a 1-bit PNG, as it comes out of the printer (the preview draws the number itself). */
export function ticketPng(facts: TicketFacts, width: PaperWidth): Buffer {
  const rasters = renderTicket(ticketBlocks(facts), width, 'preview').flatMap((p) => (p.kind === 'raster' ? [p.raster] : []));
  return rasterToPng(stackRasters(rasters));
}
