import { describe, expect, test } from 'vitest';
import { GERMAN_STATES, germanPublicHolidays } from '../../server/domain/holidays.js';

/**
 * #15: the public holidays the office page adds per Bundesland, against the
 * dates the Länder publish (Easter Sunday: 2026-04-05, 2027-03-28, 2028-04-16).
 */

const dates = (state: (typeof GERMAN_STATES)[number], year: number) => germanPublicHolidays(state, year).map((h) => h.date);

describe('German public holidays', () => {
  test('Nordrhein-Westfalen 2027', () => {
    expect(germanPublicHolidays('NW', 2027)).toEqual([
      { date: '2027-01-01', name: 'Neujahrstag' },
      { date: '2027-03-26', name: 'Karfreitag' },
      { date: '2027-03-29', name: 'Ostermontag' },
      { date: '2027-05-01', name: 'Tag der Arbeit' },
      { date: '2027-05-06', name: 'Christi Himmelfahrt' },
      { date: '2027-05-17', name: 'Pfingstmontag' },
      { date: '2027-05-27', name: 'Fronleichnam' },
      { date: '2027-10-03', name: 'Tag der Deutschen Einheit' },
      { date: '2027-11-01', name: 'Allerheiligen' },
      { date: '2027-12-25', name: '1. Weihnachtstag' },
      { date: '2027-12-26', name: '2. Weihnachtstag' },
    ]);
  });

  test('Bayern 2026: Heilige Drei Könige, Fronleichnam, Mariä Himmelfahrt, Allerheiligen', () => {
    expect(dates('BY', 2026)).toEqual([
      '2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-06-04',
      '2026-08-15', '2026-10-03', '2026-11-01', '2026-12-25', '2026-12-26',
    ]);
  });

  test('Berlin 2028: Frauentag, no Fronleichnam', () => {
    expect(dates('BE', 2028)).toEqual([
      '2028-01-01', '2028-03-08', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-25', '2028-06-05', '2028-10-03', '2028-12-25', '2028-12-26',
    ]);
  });

  test('Sachsen 2026: Reformationstag and Buß- und Bettag', () => {
    const sn = dates('SN', 2026);
    expect(sn).toContain('2026-10-31');
    expect(sn).toContain('2026-11-18');
    expect(sn).not.toContain('2026-06-04');
  });

  test('Thüringen 2027: Weltkindertag; Niedersachsen: Reformationstag since 2018', () => {
    expect(dates('TH', 2027)).toContain('2027-09-20');
    expect(dates('NI', 2027)).toContain('2027-10-31');
    expect(dates('NI', 2027)).not.toContain('2027-11-01');
  });

  test('every state has the nine nationwide holidays, sorted, each once', () => {
    const nationwide = ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-17', '2027-10-03', '2027-12-25', '2027-12-26'];
    for (const state of GERMAN_STATES) {
      const list = dates(state, 2027);
      for (const d of nationwide) expect(list, state).toContain(d);
      expect([...new Set(list)].sort(), state).toEqual(list);
    }
  });

  test("the dates do not depend on the server process's time zone", () => {
    const berlin = dates('HE', 2027);
    const saved = process.env['TZ'];
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
        process.env['TZ'] = tz;
        expect(dates('HE', 2027), tz).toEqual(berlin);
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
    expect(berlin[0]).toBe('2027-01-01');
  });
});
