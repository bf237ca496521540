/**
 * How one kiosk is set up, read from its address so a kiosk PC needs nothing
 * but a URL: `/kiosk/?kiosk=kiosk-eingang&idle=45&ticket=20`.
 */
export interface KioskOptions {
  /** The device id the server knows (printer, area); null = the office's default. */
  kioskId: string | null;
  /** No touch for this long returns to the language screen and clears everything. */
  idleMs: number;
  /** How long the ticket screen stays after drawing a ticket. */
  ticketMs: number;
}

export const DEFAULT_IDLE_SECONDS = 45;
export const DEFAULT_TICKET_SECONDS = 20;
/** When the paper ticket failed, the number and QR code stay at least this long. */
export const PRINT_FAILED_MIN_MS = 90_000;

const DEVICE_ID = /^[A-Za-z0-9_.-]{1,64}$/;

function seconds(value: string | null, fallback: number, min: number, max: number): number {
  if (value === null || !/^\d+(\.\d+)?$/.test(value.trim())) return fallback * 1000;
  return Math.round(Math.min(max, Math.max(min, Number(value))) * 1000);
}

export function parseKioskOptions(search: string): KioskOptions {
  const q = new URLSearchParams(search);
  const kiosk = q.get('kiosk');
  return {
    kioskId: kiosk !== null && DEVICE_ID.test(kiosk) ? kiosk : null,
    idleMs: seconds(q.get('idle'), DEFAULT_IDLE_SECONDS, 2, 3600),
    ticketMs: seconds(q.get('ticket'), DEFAULT_TICKET_SECONDS, 3, 600),
  };
}

/** The ticket screen stays longer when the visitor has no paper to take away. */
export function ticketScreenMs(options: KioskOptions, printFailed: boolean): number {
  return printFailed ? Math.max(options.ticketMs * 3, PRINT_FAILED_MIN_MS) : options.ticketMs;
}
