import { describe, expect, test } from 'vitest';
import {
  counterServicesViolation,
  holidaysViolation,
  hoursViolation,
  isIsoDate,
  isTimeZone,
  missingLanguages,
  namesViolation,
  normalisedHolidays,
  orderViolation,
  prefixViolation,
  unknownIdViolation,
} from '../../server/domain/catalog-rules.js';

/** #15: the catalogue's input rules, each naming the field a form shows its message next to. */

describe('weekly hours', () => {
  test('several periods a day, touching periods and an end at 24:00 are fine', () => {
    expect(hoursViolation({})).toBeNull();
    expect(
      hoursViolation({
        '1': [
          { from: '08:00', to: '12:00' },
          { from: '12:00', to: '16:00' },
        ],
        '4': [
          { from: '14:00', to: '18:00' },
          { from: '07:30', to: '11:00' },
        ],
        '6': [{ from: '20:00', to: '24:00' }],
      }),
    ).toBeNull();
  });

  test('a period that does not end after it starts names its `to`', () => {
    expect(hoursViolation({ '1': [{ from: '12:00', to: '08:00' }] })?.field).toBe('hours.1.0.to');
    expect(hoursViolation({ '2': [{ from: '08:00', to: '10:00' }, { from: '10:00', to: '10:00' }] })?.field).toBe('hours.2.1.to');
  });

  test('malformed times name their field', () => {
    expect(hoursViolation({ '3': [{ from: '8:00', to: '12:00' }] })?.field).toBe('hours.3.0.from');
    expect(hoursViolation({ '3': [{ from: '08:00', to: '12:60' }] })?.field).toBe('hours.3.0.to');
    expect(hoursViolation({ '3': [{ from: '24:00', to: '24:00' }] })?.field).toBe('hours.3.0.from');
    expect(hoursViolation({ '3': [{ from: '08:00', to: '25:00' }] })?.field).toBe('hours.3.0.to');
  });

  test('overlapping periods name the later one in the list, whatever their order', () => {
    expect(hoursViolation({ '1': [{ from: '08:00', to: '12:00' }, { from: '11:59', to: '13:00' }] })?.field).toBe('hours.1.1.from');
    expect(hoursViolation({ '5': [{ from: '10:00', to: '11:00' }, { from: '14:00', to: '15:00' }, { from: '08:00', to: '10:30' }] })?.field).toBe('hours.5.2.from');
    expect(hoursViolation({ '7': [{ from: '08:00', to: '18:00' }, { from: '09:00', to: '10:00' }] })?.field).toBe('hours.7.1.from');
  });

  test('days other than 1–7 are refused', () => {
    expect(hoursViolation({ '8': [] } as never)?.field).toBe('hours.8');
  });
});

describe('names, prefixes, time zones, holidays', () => {
  test('German is required, no name is blank; missing languages fall back to German', () => {
    expect(namesViolation({ de: 'Meldeamt' })).toBeNull();
    expect(namesViolation({ en: 'Registration' })?.field).toBe('names.de');
    expect(namesViolation({ de: '  ' })?.field).toBe('names.de');
    expect(namesViolation({ de: 'Halle', en: '' }, 'name')?.field).toBe('name.en');
    expect(missingLanguages({ de: 'Meldeamt', en: 'Registration', tr: ' ' }, ['de', 'en', 'tr', 'ar'])).toEqual(['tr', 'ar']);
  });

  test('a prefix is one or two capital letters', () => {
    for (const ok of ['A', 'ZZ']) expect(prefixViolation(ok)).toBeNull();
    for (const bad of ['', 'a', 'A1', 'ABC', 'Ä']) expect(prefixViolation(bad)?.field).toBe('prefix');
  });

  test('time zones are IANA names the runtime knows', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(isTimeZone(' Europe/Berlin')).toBe(false);
  });

  test('holidays are real dates, kept sorted and once', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(holidaysViolation(['2026-12-24', '2026-13-01'])?.field).toBe('holidays.1');
    expect(normalisedHolidays(['2026-12-26', '2026-01-01', '2026-12-26'])).toEqual(['2026-01-01', '2026-12-26']);
  });
});

describe('counters and order', () => {
  test('services must exist and appear once per counter', () => {
    const known = new Set(['a', 'b', 'c']);
    expect(unknownIdViolation(['a', 'x'], known, 'primaryServiceIds')?.field).toBe('primaryServiceIds.1');
    expect(counterServicesViolation(['a', 'b'], ['c'])).toBeNull();
    expect(counterServicesViolation(['a', 'a'], [])?.field).toBe('primaryServiceIds.1');
    expect(counterServicesViolation(['a'], ['b', 'a'])?.field).toBe('secondaryServiceIds.1');
  });

  test('a kiosk order lists every service once', () => {
    expect(orderViolation(['b', 'a'], ['a', 'b'])).toBeNull();
    expect(orderViolation(['a'], ['a', 'b'])?.field).toBe('ids');
    expect(orderViolation(['a', 'a'], ['a', 'b'])?.field).toBe('ids.1');
    expect(orderViolation(['a', 'z'], ['a', 'b'])?.field).toBe('ids.1');
  });
});
