import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ScannerBuffer } from './logic/scanner-buffer.js';

export interface ScannerCallbacks {
  /** A scanner finished reading: the text it typed. */
  onScan(text: string): void;
  /** A single key typed at human speed (a hardware keypad or keyboard). */
  onKey(key: string): void;
  /** Any key counts as activity for the idle timeout. */
  onActivity(): void;
}

/**
 * Listens to the whole page for a keyboard-wedge scanner: fast keystrokes
 * ending in Enter, on any screen. Nothing has keyboard focus on a kiosk, so
 * the scan must not land in a focused button either.
 */
export class ScannerController implements ReactiveController {
  private readonly buffer = new ScannerBuffer();

  constructor(
    host: ReactiveControllerHost,
    private readonly on: ScannerCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKeyDown, { capture: true });
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKeyDown, { capture: true });
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    this.on.onActivity();
    const burst = this.buffer.inBurst(e.timeStamp);
    const text = this.buffer.key(e.key, e.timeStamp);
    // Enter or Space at the end of a scan must not also press the button that has focus.
    if (burst && (e.key === 'Enter' || e.key === ' ')) e.preventDefault();
    if (!burst) this.on.onKey(e.key);
    if (text !== null) this.on.onScan(text);
  };
}
