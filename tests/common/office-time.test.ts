import { describe, expect, it } from 'vitest';
import { clockFormat, officeDate } from '../../common/client/office-time.js';
import { makeTexts } from '../../common/client/texts.js';
import { VISITOR_CATALOGS } from '../../common/i18n/visitor/index.js';

/** Instants are UTC; the office's clock is what every app shows, whatever this process's zone is. */
describe('office time', () => {
  const nineFiveBerlinWinter = Date.UTC(2026, 0, 15, 8, 5);
  const nineFiveBerlinSummer = Date.UTC(2026, 6, 15, 7, 5);

  it('formats on the office clock, in winter and summer time', () => {
    expect(clockFormat('de', 'Europe/Berlin')(nineFiveBerlinWinter)).toBe('09:05');
    expect(clockFormat('de', 'Europe/Berlin')(nineFiveBerlinSummer)).toBe('09:05');
    expect(clockFormat('de', 'America/New_York')(nineFiveBerlinWinter)).toBe('03:05');
    expect(clockFormat('en-GB', 'Europe/Berlin', { hourCycle: 'h23' })(Date.UTC(2026, 0, 15, 22, 30))).toBe('23:30');
  });

  it('tells the office day, which turns at the office’s midnight', () => {
    expect(officeDate(Date.UTC(2026, 0, 15, 22, 59), 'Europe/Berlin')).toBe('2026-01-15');
    expect(officeDate(Date.UTC(2026, 0, 15, 23, 0), 'Europe/Berlin')).toBe('2026-01-16');
    expect(officeDate(Date.UTC(2026, 6, 15, 22, 0), 'Europe/Berlin')).toBe('2026-07-16');
    expect(officeDate(Date.UTC(2026, 0, 16, 3, 0), 'America/New_York')).toBe('2026-01-15');
  });

  it('leaves times blank until a snapshot names the zone, never the device’s time', () => {
    expect(makeTexts(VISITOR_CATALOGS, 'de', null).time(nineFiveBerlinWinter)).toBe('');
    const texts = makeTexts(VISITOR_CATALOGS, 'de', 'Europe/Berlin');
    expect([texts.lang, texts.dir, texts.time(nineFiveBerlinWinter)]).toEqual(['de', 'ltr', '09:05']);
    expect(makeTexts(VISITOR_CATALOGS, 'fa', 'Europe/Berlin').dir).toBe('rtl');
  });
});
