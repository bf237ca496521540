import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { availability, periodsOn } from '../../server/domain/opening-hours.js';
import { endOfDay, instantAt, startOfDay } from '../../server/domain/time.js';
import { ALWAYS_OPEN_HOURS, DEMO_HOLIDAYS, DEMO_TIME_ZONE, DEMO_WEEKLY_HOURS } from '../../server/seed/demo-data.js';

const TZ = DEMO_TIME_ZONE;
const at = (date: string, hhmm: string) => instantAt(date, hhmm, TZ);
const avail = (now: number) => availability(DEMO_WEEKLY_HOURS, now, TZ, DEMO_HOLIDAYS);

// Week of 2026-06-08: Mon 8 … Sun 14. Thursday 2026-06-04 is Corpus Christi.
describe('availability with the demo office hours', () => {
  it('is open in the morning until the lunch break', () => {
    expect(avail(at('2026-06-10', '08:00'))).toEqual({ open: true, reason: null, closesAt: at('2026-06-10', '12:30'), nextOpensAt: null });
    expect(avail(at('2026-06-10', '07:59')).nextOpensAt).toBe(at('2026-06-10', '08:00'));
  });

  it('is closed over lunch and reopens at 13:30', () => {
    expect(avail(at('2026-06-10', '12:30'))).toEqual({ open: false, reason: 'outside_hours', closesAt: null, nextOpensAt: at('2026-06-10', '13:30') });
    expect(avail(at('2026-06-10', '13:30')).closesAt).toBe(at('2026-06-10', '16:00'));
  });

  it('stays open until 18:00 on Thursday only', () => {
    expect(avail(at('2026-06-11', '17:00'))).toMatchObject({ open: true, closesAt: at('2026-06-11', '18:00') });
    expect(avail(at('2026-06-10', '17:00'))).toMatchObject({ open: false, reason: 'outside_hours', nextOpensAt: at('2026-06-11', '08:00') });
  });

  it('is closed on a holiday with reason holiday', () => {
    expect(avail(at('2026-06-04', '10:00'))).toEqual({ open: false, reason: 'holiday', closesAt: null, nextOpensAt: at('2026-06-05', '08:00') });
    expect(periodsOn(DEMO_WEEKLY_HOURS, '2026-06-04', TZ, DEMO_HOLIDAYS)).toEqual([]);
  });

  it('is closed at the weekend and reopens on Monday', () => {
    expect(avail(at('2026-06-13', '10:00'))).toEqual({ open: false, reason: 'outside_hours', closesAt: null, nextOpensAt: at('2026-06-15', '08:00') });
    expect(avail(at('2026-06-12', '13:00')).nextOpensAt).toBe(at('2026-06-15', '08:00'));
    expect(avail(at('2026-06-12', '11:00'))).toMatchObject({ open: true, closesAt: at('2026-06-12', '12:30') });
  });

  it('skips holidays next to a weekend', () => {
    // Thu before Easter → Good Friday, weekend, Easter Monday → Tuesday.
    expect(avail(at('2026-04-02', '18:30')).nextOpensAt).toBe(at('2026-04-07', '08:00'));
    // Christmas 2026 is Fri/Sat.
    expect(avail(at('2026-12-24', '18:30')).nextOpensAt).toBe(at('2026-12-28', '08:00'));
  });

  it('resolves periods to instants, sorted', () => {
    expect(periodsOn(DEMO_WEEKLY_HOURS, '2026-06-11', TZ, [])).toEqual([
      { start: at('2026-06-11', '08:00'), end: at('2026-06-11', '12:30') },
      { start: at('2026-06-11', '13:30'), end: at('2026-06-11', '18:00') },
    ]);
    expect(periodsOn(DEMO_WEEKLY_HOURS, '2026-06-13', TZ, [])).toEqual([]);
  });
});

describe('availability edge cases', () => {
  it('round-the-clock hours do not close at midnight, only before a holiday', () => {
    const now = at('2026-06-10', '23:59');
    expect(availability(ALWAYS_OPEN_HOURS, now, TZ, [])).toEqual({ open: true, reason: null, closesAt: null, nextOpensAt: null });
    expect(availability(ALWAYS_OPEN_HOURS, now, TZ, ['2026-06-12'])).toMatchObject({ open: true, closesAt: endOfDay('2026-06-11', TZ) });
  });

  it('round-the-clock days follow DST', () => {
    expect(periodsOn(ALWAYS_OPEN_HOURS, '2026-03-29', TZ, [])).toEqual([
      { start: startOfDay('2026-03-29', TZ), end: endOfDay('2026-03-29', TZ) },
    ]);
  });

  it('merges touching periods and ignores empty or inverted ones', () => {
    const hours = { '3': [{ from: '12:00', to: '14:00' }, { from: '08:00', to: '12:00' }, { from: '15:00', to: '15:00' }, { from: '18:00', to: '09:00' }] };
    expect(periodsOn(hours, '2026-06-10', TZ, [])).toEqual([{ start: at('2026-06-10', '08:00'), end: at('2026-06-10', '14:00') }]);
  });

  it('gives up after the search horizon', () => {
    expect(availability({}, at('2026-06-10', '10:00'), TZ, [])).toEqual({ open: false, reason: 'outside_hours', closesAt: null, nextOpensAt: null });
  });
});

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Temporal.PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day });
}

describe('demo holidays', () => {
  it('are exactly the NRW public holidays of 2026 and 2027', () => {
    const expected: string[] = [];
    for (const year of [2026, 2027]) {
      const easter = easterSunday(year);
      const rel = (days: number) => easter.add({ days }).toString();
      expected.push(
        `${year}-01-01`, rel(-2), rel(1), `${year}-05-01`, rel(39), rel(50), rel(60),
        `${year}-10-03`, `${year}-11-01`, `${year}-12-25`, `${year}-12-26`,
      );
    }
    expect([...DEMO_HOLIDAYS].sort()).toEqual(expected.sort());
    expect(DEMO_HOLIDAYS).toContain('2027-03-26');
    expect(DEMO_HOLIDAYS).toContain('2027-05-27');
  });
});
