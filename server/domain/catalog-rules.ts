import type { OpeningPeriod, Service, WeeklyHours } from '../../common/model.js';

/**
 * #15: what makes an admin's catalogue input valid, decided without the store.
 * Each check answers the first problem it finds as `{ field, message }`, where
 * `field` is the JSON path of the offending input (`hours.1.0.to`, `names.de`,
 * `timeZone`), so the admin app puts the message next to that field; null when
 * the input is fine.
 */
export interface RuleViolation {
  field: string;
  message: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Minutes since midnight of "HH:MM"; "24:00" (the end of the day) is allowed where `end`. */
function minutesOf(time: string, end: boolean): number | null {
  if (end && time === '24:00') return 24 * 60;
  if (!HH_MM.test(time)) return null;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Weekly hours: days 1 (Monday) … 7 (Sunday), each a list of periods
 * "HH:MM"–"HH:MM" within the day ("24:00" may end one), every period ending
 * after it starts and none overlapping another of the same day (touching is
 * fine: 08:00–12:00 and 12:00–16:00).
 */
export function hoursViolation(hours: WeeklyHours, field = 'hours'): RuleViolation | null {
  for (const day of Object.keys(hours)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) return { field: `${field}.${day}`, message: 'Days are numbered 1 (Monday) to 7 (Sunday).' };
  }
  for (const day of WEEKDAYS) {
    const periods: readonly OpeningPeriod[] = hours[day] ?? [];
    const spans: { from: number; to: number; index: number }[] = [];
    for (const [i, p] of periods.entries()) {
      const from = minutesOf(p.from, false);
      if (from === null) return { field: `${field}.${day}.${i}.from`, message: 'A time is written HH:MM, from 00:00 to 23:59.' };
      const to = minutesOf(p.to, true);
      if (to === null) return { field: `${field}.${day}.${i}.to`, message: 'A time is written HH:MM, from 00:00 to 24:00.' };
      if (to <= from) return { field: `${field}.${day}.${i}.to`, message: 'A period must end after it starts.' };
      spans.push({ from, to, index: i });
    }
    spans.sort((a, b) => a.from - b.from || a.to - b.to);
    for (let k = 1; k < spans.length; k++) {
      const before = spans[k - 1] as (typeof spans)[number];
      const next = spans[k] as (typeof spans)[number];
      if (next.from < before.to) {
        // Name the period that comes later in the list: that is usually the one just typed.
        const culprit = Math.max(before.index, next.index);
        return { field: `${field}.${day}.${culprit}.from`, message: 'Periods of one day must not overlap.' };
      }
    }
  }
  return null;
}

/** Names per language: German required; every name non-blank. */
export function namesViolation(names: Record<string, string>, field = 'names'): RuleViolation | null {
  if ((names['de'] ?? '').trim() === '') return { field: `${field}.de`, message: 'A German name is required.' };
  for (const [language, name] of Object.entries(names)) {
    if (name.trim() === '') return { field: `${field}.${language}`, message: 'A name must not be blank; leave the language out instead.' };
  }
  return null;
}

/** Names without surrounding blanks. */
export function trimmedNames(names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([language, name]) => [language, name.trim()]));
}

/** The languages of `languages` a record has no name in (their screens fall back to German). */
export function missingLanguages(names: Record<string, string>, languages: readonly string[]): string[] {
  return languages.filter((l) => !(names[l] ?? '').trim());
}

/** A number prefix is one or two capital letters A–Z. */
export function prefixViolation(prefix: string): RuleViolation | null {
  return /^[A-Z]{1,2}$/.test(prefix) ? null : { field: 'prefix', message: 'A prefix is one or two capital letters A–Z.' };
}

/** The service other than `exceptId` that already uses the prefix, if any. */
export function prefixHolder(services: readonly Service[], prefix: string, exceptId: string | null): Service | null {
  return services.find((s) => s.prefix === prefix && s.id !== exceptId) ?? null;
}

/** Whether the runtime knows the IANA time zone. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '' || timeZone !== timeZone.trim()) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function timeZoneViolation(timeZone: string): RuleViolation | null {
  return isTimeZone(timeZone) ? null : { field: 'timeZone', message: `Unknown time zone "${timeZone.slice(0, 64)}"; use an IANA name such as Europe/Berlin.` };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `date` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(date: string): boolean {
  const m = ISO_DATE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === date;
}

export function holidaysViolation(holidays: readonly string[]): RuleViolation | null {
  const bad = holidays.findIndex((d) => !isIsoDate(d));
  return bad < 0 ? null : { field: `holidays.${bad}`, message: 'A holiday is a date written YYYY-MM-DD.' };
}

/** Holidays sorted and each once. */
export function normalisedHolidays(holidays: readonly string[]): string[] {
  return [...new Set(holidays)].sort();
}

/** A blank text field. */
export function blankViolation(value: string, field: string): RuleViolation | null {
  return value.trim() === '' ? { field, message: 'This must not be blank.' } : null;
}

/** The ids in `ids` that are not among `known`, with the field of the first. */
export function unknownIdViolation(ids: readonly string[], known: ReadonlySet<string>, field: string): RuleViolation | null {
  const bad = ids.findIndex((id) => !known.has(id));
  return bad < 0 ? null : { field: `${field}.${bad}`, message: `No service "${ids[bad] ?? ''}" in this office.` };
}

/** A service listed twice, or both primary and secondary, on one counter. */
export function counterServicesViolation(primary: readonly string[], secondary: readonly string[]): RuleViolation | null {
  const seen = new Set<string>();
  for (const [list, ids] of [['primaryServiceIds', primary], ['secondaryServiceIds', secondary]] as const) {
    for (const [i, id] of ids.entries()) {
      if (seen.has(id)) return { field: `${list}.${i}`, message: 'A service is listed once per counter, as primary or as secondary.' };
      seen.add(id);
    }
  }
  return null;
}

/**
 * The kiosk order after `ids`: exactly the site's service ids in the wanted
 * order (1, 2, 3, …); a violation when an id is unknown, missing or repeated.
 */
export function orderViolation(ids: readonly string[], serviceIds: readonly string[]): RuleViolation | null {
  const known = new Set(serviceIds);
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (!known.has(id)) return { field: `ids.${i}`, message: `No service "${id}" in this office.` };
    if (seen.has(id)) return { field: `ids.${i}`, message: 'A service is listed once.' };
    seen.add(id);
  }
  if (seen.size !== known.size) return { field: 'ids', message: 'List every service of the office once.' };
  return null;
}
