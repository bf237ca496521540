import type { Device } from '../../common/model.js';
import type { PrinterRoute, PrinterStatus } from '../../common/printing.js';
import { hasAgentToken } from '../app/print-agents.js';
import { parsePrinterAddress, type PrinterAddress } from '../../common/printer-address.js';
import type { PrinterHealthEntry } from './printer-health.js';
import type { PaperWidth } from './ticket-canvas.js';

/** Where a kiosk's jobs go: its own printer address, or the print agent on the kiosk PC. */
export type Route = PrinterAddress | { kind: 'agent' };

/**
 * A connected agent takes the kiosk's jobs. A kiosk enrolled for an agent
 * (it has a token) but without a printer of its own waits for its agent.
 */
export function routeOf(d: Device, agentConnected: boolean): Route {
  if (agentConnected) return { kind: 'agent' };
  const address = parsePrinterAddress(d.settings.printer);
  if (address.kind === 'none' && hasAgentToken(d)) return { kind: 'agent' };
  return address;
}

/** What printer health results belong to: they stop describing a kiosk set to another printer. */
export function targetOf(route: Route): string {
  switch (route.kind) {
    case 'tcp':
      return `tcp://${route.host}:${route.port}`;
    case 'device':
      return route.path;
    case 'invalid':
      return route.value;
    default:
      return route.kind;
  }
}

export function paperWidth(d: Device): PaperWidth {
  return d.settings.paperWidthDots === 384 ? 384 : 576;
}

/** Ask a network printer for its status unless the kiosk's settings say it never answers. */
export function statusQueryOn(d: Device): boolean {
  return d.settings.statusQuery !== false;
}

export function printerStatus(d: Device, route: Route, h: PrinterHealthEntry, agentConnected: boolean, pending: number): PrinterStatus {
  const via: PrinterRoute = route.kind === 'invalid' ? 'none' : route.kind;
  const invalid = route.kind === 'invalid';
  return {
    kioskId: d.id,
    kioskName: d.name,
    printer: typeof d.settings.printer === 'string' ? d.settings.printer : 'none',
    paperWidthDots: paperWidth(d),
    via,
    state: invalid ? 'error' : via === 'none' ? 'none' : h.state,
    reason: invalid ? 'bad_setting' : h.reason,
    detail: invalid ? `"${route.value}" is not a printer address` : h.detail,
    warning: h.paperLow ? 'paper_low' : null,
    lastSuccessAt: h.lastSuccessAt,
    lastFailureAt: h.lastFailureAt,
    agentConnected,
    pending,
  };
}
