import { describe, expect, it } from 'vitest';
import { idleStage } from '../../kiosk/logic/idle.js';
import { parseKioskOptions, PRINT_FAILED_MIN_MS, ticketScreenMs } from '../../kiosk/logic/options.js';

describe('kiosk options from the address', () => {
  it('defaults: no device id, 45 s idle timeout, 20 s ticket screen', () => {
    expect(parseKioskOptions('')).toEqual({ idleMs: 45_000, ticketMs: 20_000 });
  });

  it('reads ?idle= and ?ticket= in seconds; the kiosk is its device token, not an address option', () => {
    expect(parseKioskOptions('?kiosk=kiosk-eingang&idle=3&ticket=8')).toEqual({ idleMs: 3000, ticketMs: 8000 });
  });

  it('ignores nonsense and clamps extremes rather than locking a visitor out or never resetting', () => {
    expect(parseKioskOptions('?kiosk=../etc&idle=abc&ticket=-5')).toEqual({ idleMs: 45_000, ticketMs: 20_000 });
    expect(parseKioskOptions('?idle=0.1&ticket=100000')).toMatchObject({ idleMs: 2000, ticketMs: 600_000 });
    expect(parseKioskOptions('?idle=99999')).toMatchObject({ idleMs: 3_600_000 });
  });

  it('keeps the ticket screen much longer when the printer failed', () => {
    const o = parseKioskOptions('');
    expect(ticketScreenMs(o, false)).toBe(20_000);
    expect(ticketScreenMs(o, true)).toBe(PRINT_FAILED_MIN_MS);
    expect(ticketScreenMs(parseKioskOptions('?ticket=60'), true)).toBe(180_000);
  });
});

describe('the idle countdown', () => {
  it('is quiet at first, warns for the last 10 s, then expires', () => {
    expect(idleStage(0, 45_000)).toEqual({ expired: false, warning: false, secondsLeft: 45 });
    expect(idleStage(34_999, 45_000).warning).toBe(false);
    expect(idleStage(35_000, 45_000)).toEqual({ expired: false, warning: true, secondsLeft: 10 });
    expect(idleStage(44_100, 45_000)).toEqual({ expired: false, warning: true, secondsLeft: 1 });
    expect(idleStage(45_000, 45_000)).toEqual({ expired: true, warning: false, secondsLeft: 0 });
    expect(idleStage(90_000, 45_000).expired).toBe(true);
  });

  it('with a short timeout warns for the second half', () => {
    expect(idleStage(1000, 3000).warning).toBe(false);
    expect(idleStage(1600, 3000)).toEqual({ expired: false, warning: true, secondsLeft: 2 });
  });
});
