import type { PrintFailure } from '../../common/printing.js';
import type { AgentReport } from './agent-protocol.js';
import type { PrintError } from './print-error.js';

export interface PrinterHealthEntry {
  state: 'ok' | 'error' | 'unknown';
  reason: PrintFailure | null;
  detail: string | null;
  paperLow: boolean;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
}

const UNKNOWN: PrinterHealthEntry = {
  state: 'unknown',
  reason: null,
  detail: null,
  paperLow: false,
  lastSuccessAt: null,
  lastFailureAt: null,
};

/**
 * What the last job (or agent report) said about each kiosk's printer. Kept in
 * memory: it describes now, not history. Results belong to a target (the
 * printer address, or "agent"): after the kiosk is set to another printer,
 * the old results no longer describe it.
 */
export class PrinterHealth {
  private readonly entries = new Map<string, { target: string; entry: PrinterHealthEntry }>();

  get(kioskId: string, target: string): PrinterHealthEntry {
    const e = this.entries.get(kioskId);
    return e && e.target === target ? e.entry : UNKNOWN;
  }

  printed(kioskId: string, target: string, at: number, paperLow: boolean): void {
    this.set(kioskId, target, { state: 'ok', reason: null, detail: null, paperLow, lastSuccessAt: at });
  }

  failed(kioskId: string, target: string, at: number, err: PrintError): void {
    this.set(kioskId, target, { state: 'error', reason: err.reason, detail: err.message, lastFailureAt: at });
  }

  /** An agent's idle check: it changes the state, but only a printed ticket counts as a success. */
  reported(kioskId: string, target: string, at: number, report: AgentReport): void {
    if (report.ok) {
      this.set(kioskId, target, { state: 'ok', reason: null, detail: null, paperLow: report.paperLow ?? false });
    } else {
      const reason = report.reason ?? 'printer_error';
      this.set(kioskId, target, { state: 'error', reason, detail: report.detail ?? null, lastFailureAt: at });
    }
  }

  private set(kioskId: string, target: string, change: Partial<PrinterHealthEntry>): void {
    this.entries.set(kioskId, { target, entry: { ...this.get(kioskId, target), ...change } });
  }
}
