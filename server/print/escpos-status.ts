import type { PrintFailure } from '../../common/printing.js';

/**
 * ESC/POS real-time status (DLE EOT n). The printer answers each query with
 * one byte at once, even while offline or with a full buffer, so a printer
 * that accepts a connection but answers nothing is hanging. Bits per Epson's
 * ESC/POS reference; every answer has bits 1 and 4 set and bits 0 and 7 clear.
 */
export const DLE_EOT = (n: 1 | 2 | 4): Buffer => Buffer.from([0x10, 0x04, n]);

/** Printer status, offline cause, roll paper sensor: three answers in this order. */
export const STATUS_QUERY = Buffer.concat([DLE_EOT(1), DLE_EOT(2), DLE_EOT(4)]);
export const STATUS_ANSWER_BYTES = 3;

export interface PrinterCondition {
  fault: { reason: PrintFailure; detail: string } | null;
  paperLow: boolean;
}

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export function readCondition(answer: Uint8Array): PrinterCondition {
  const [printer = 0, offline = 0, paper = 0] = answer;
  if (![printer, offline, paper].every(isStatusByte)) {
    return { fault: { reason: 'printer_error', detail: `unexpected status answer ${Buffer.from(answer).toString('hex')}` }, paperLow: false };
  }
  const paperLow = (paper & 0x0c) !== 0;
  if ((paper & 0x60) !== 0 || (offline & 0x20) !== 0) return { fault: { reason: 'paper_out', detail: 'the paper roll is empty' }, paperLow };
  if ((offline & 0x04) !== 0) return { fault: { reason: 'cover_open', detail: 'the printer cover is open' }, paperLow };
  if ((offline & 0x40) !== 0) return { fault: { reason: 'printer_error', detail: 'the printer reports an error (e.g. a cutter jam)' }, paperLow };
  if ((printer & 0x08) !== 0) return { fault: { reason: 'offline', detail: 'the printer is offline' }, paperLow };
  return { fault: null, paperLow };
}
