/**
 * How one kiosk is set up, read from its address so a kiosk PC needs nothing
 * but a URL: `/kiosk/?idle=45&ticket=20`. Which kiosk it is (and so which
 * printer prints) comes from its device token, never from the address; its
 * idle time from its device record (#15), unless the address names `?idle=`.
 */
export interface KioskOptions {
  /** No touch for this long returns to the language screen and clears everything. */
  idleMs: number;
  /** How long the ticket screen stays after drawing a ticket. */
  ticketMs: number;
}

export const DEFAULT_IDLE_SECONDS = 45;
export const DEFAULT_TICKET_SECONDS = 20;
/** When the paper ticket failed, the number and QR code stay at least this long. */
export const PRINT_FAILED_MIN_MS = 90_000;

const SECONDS = /^\d+(\.\d+)?$/;

function seconds(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || !SECONDS.test(value.trim())) return fallback * 1000;
  return Math.round(Math.min(max, Math.max(min, Number(value))) * 1000);
}

export function parseKioskOptions(search: string): KioskOptions {
  const q = new URLSearchParams(search);
  return {
    idleMs: seconds(q.get('idle'), DEFAULT_IDLE_SECONDS, 2, 3600),
    ticketMs: seconds(q.get('ticket'), DEFAULT_TICKET_SECONDS, 3, 600),
  };
}

/** Whether the address sets the idle time itself (`?idle=`); then it wins over the kiosk's device record. */
export function idleInAddress(search: string): boolean {
  return SECONDS.test(new URLSearchParams(search).get('idle')?.trim() ?? '');
}

/** The ticket screen stays longer when the visitor has no paper to take away. */
export function ticketScreenMs(options: KioskOptions, printFailed: boolean): number {
  return printFailed ? Math.max(options.ticketMs * 3, PRINT_FAILED_MIN_MS) : options.ticketMs;
}
