/**
 * Ticket printers as staff screens and /api/health see them. A kiosk's
 * printer is reached directly by the server (`tcp`, `device`), through a
 * print agent on the kiosk PC (`agent`), or not at all (`none`).
 */

/** Why a ticket did not print; the same codes in PrintOutcome.reason and PrinterStatus.reason. */
export const PRINT_FAILURES = [
  'unreachable',
  'timeout',
  'paper_out',
  'cover_open',
  'offline',
  'printer_error',
  'write_failed',
  'busy',
  'agent_offline',
  'no_such_kiosk',
  'bad_setting',
  'render_failed',
  'shutting_down',
] as const;
export type PrintFailure = (typeof PRINT_FAILURES)[number];

export type PrinterRoute = 'tcp' | 'device' | 'agent' | 'none';

/** What anyone may see (health check): no printer addresses. */
export interface PublicPrinterStatus {
  kioskId: string;
  via: PrinterRoute;
  /** `unknown` until the first job or agent report since the server started. */
  state: 'ok' | 'error' | 'unknown' | 'none';
  reason: PrintFailure | null;
  /** Printing still works, but someone should look: the paper roll is nearly empty. */
  warning: 'paper_low' | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
}

/** What staff see (GET /api/printers). */
export interface PrinterStatus extends PublicPrinterStatus {
  kioskName: string;
  /** The kiosk's printer setting: `none`, `tcp://host[:port]` or a device path. */
  printer: string;
  paperWidthDots: 576 | 384;
  /** A human-readable account of the last failure, e.g. "connect ECONNREFUSED 10.0.0.7:9100". */
  detail: string | null;
  agentConnected: boolean;
  /** Jobs waiting or printing right now. */
  pending: number;
}
