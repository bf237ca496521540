/**
 * Keyboard-wedge scanners "type" what they read, very fast, and end with
 * Enter. A burst counts as a scan only if every key follows the previous one
 * within SCANNER_MAX_KEY_GAP_MS, so slow typing on a service keyboard never
 * triggers a check-in.
 */
export const SCANNER_MAX_KEY_GAP_MS = 120;
export const SCANNER_MIN_LENGTH = 3;
const MAX_BUFFER = 512;

export class ScannerBuffer {
  private chars = '';
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly maxGapMs = SCANNER_MAX_KEY_GAP_MS,
    private readonly minLength = SCANNER_MIN_LENGTH,
  ) {}

  /** True while keys keep coming as fast as a scanner types them. */
  inBurst(at: number): boolean {
    return this.chars.length > 0 && at - this.last <= this.maxGapMs;
  }

  /** Feeds one `KeyboardEvent.key`; returns the scanned text when Enter ends a burst. */
  key(key: string, at: number): string | null {
    if (at - this.last > this.maxGapMs) this.chars = '';
    this.last = at;
    if (key === 'Enter') {
      const text = this.chars;
      this.chars = '';
      return text.length >= this.minLength ? text : null;
    }
    // Single characters only: Shift, Alt and friends arrive between the characters of a burst.
    if ([...key].length === 1) this.chars = (this.chars + key).slice(-MAX_BUFFER);
    return null;
  }
}
