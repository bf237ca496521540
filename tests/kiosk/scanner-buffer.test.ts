import { describe, expect, it } from 'vitest';
import { SCANNER_MAX_KEY_GAP_MS, ScannerBuffer } from '../../kiosk/logic/scanner-buffer.js';

/** Feeds keys `gap` ms apart starting at `t0`; returns what the last key produced. */
function feed(buffer: ScannerBuffer, keys: string[], gap: number, t0 = 1000): string | null {
  let out: string | null = null;
  keys.forEach((key, i) => (out = buffer.key(key, t0 + i * gap)));
  return out;
}

describe('the keyboard-wedge scanner buffer', () => {
  it('returns a fast burst ended by Enter, with Shift between the capitals ignored', () => {
    const b = new ScannerBuffer();
    expect(feed(b, ['Shift', 'K', '7', 'Shift', 'M', 'P', 'Q', '2', 'Enter'], 8)).toBe('K7MPQ2');
  });

  it('ignores slow typing: every key after a long gap starts afresh', () => {
    const b = new ScannerBuffer();
    expect(feed(b, ['K', '7', 'M', 'P', 'Q', '2', 'Enter'], SCANNER_MAX_KEY_GAP_MS + 50)).toBeNull();
  });

  it('a pause inside a burst drops what came before it', () => {
    const b = new ScannerBuffer();
    feed(b, ['X', 'Y'], 5, 0);
    expect(feed(b, ['K', '7', 'M', 'P', 'Q', '2', 'Enter'], 5, 1000)).toBe('K7MPQ2');
  });

  it('Enter alone or after too few keys is not a scan', () => {
    const b = new ScannerBuffer();
    expect(feed(b, ['Enter'], 5)).toBeNull();
    expect(feed(b, ['A', 'B', 'Enter'], 5, 5000)).toBeNull();
  });

  it('knows when keys come as fast as a scanner types them', () => {
    const b = new ScannerBuffer();
    expect(b.inBurst(0)).toBe(false);
    b.key('A', 100);
    expect(b.inBurst(110)).toBe(true);
    expect(b.inBurst(100 + SCANNER_MAX_KEY_GAP_MS + 1)).toBe(false);
  });

  it('two scans in a row come out one by one', () => {
    const b = new ScannerBuffer();
    expect(feed(b, ['A', 'B', 'C', 'D', 'Enter'], 5, 0)).toBe('ABCD');
    expect(feed(b, ['E', 'F', 'G', 'H', 'Enter'], 5, 30)).toBe('EFGH');
  });
});
