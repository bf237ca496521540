import { describe, expect, it } from 'vitest';
import { addDays, datesOf, isDate, lastDays, lengthInDays, previousPeriod, todayIn } from '../../admin/stats/range.js';

describe('statistics date ranges', () => {
  it('counts both ends and compares with the period of the same length just before', () => {
    expect(lengthInDays({ from: '2027-03-01', to: '2027-03-31' })).toBe(31);
    expect(previousPeriod({ from: '2027-03-01', to: '2027-03-31' })).toEqual({ from: '2027-01-29', to: '2027-02-28' });
    expect(previousPeriod({ from: '2028-03-01', to: '2028-03-01' })).toEqual({ from: '2028-02-29', to: '2028-02-29' });
  });

  it('steps over month ends, leap days and the clock change', () => {
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(datesOf({ from: '2027-10-30', to: '2027-11-01' })).toEqual(['2027-10-30', '2027-10-31', '2027-11-01']);
    expect(lastDays('2027-03-05', 7)).toEqual({ from: '2027-02-27', to: '2027-03-05' });
  });

  it("takes today's date in the office's time zone, not the browser's", () => {
    const lateEvening = Date.parse('2027-03-01T23:30:00Z');
    expect(todayIn('Europe/Berlin', lateEvening)).toBe('2027-03-02');
    expect(todayIn('America/New_York', lateEvening)).toBe('2027-03-01');
  });

  it('accepts real dates only', () => {
    expect(isDate('2027-02-28')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
    expect(isDate('27-02-01')).toBe(false);
  });
});
