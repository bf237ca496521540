/**
 * Date ranges of the statistics pages: local dates `YYYY-MM-DD` of the office,
 * inclusive at both ends, and the period just before one to compare with.
 * Calendar arithmetic on UTC midnights: a date has no time zone of its own.
 */

export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

const toMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const toDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return toDate(toMs(date) + days * DAY_MS);
}

/** Days in the range, both ends counted. */
export function lengthInDays(r: DateRange): number {
  return Math.round((toMs(r.to) - toMs(r.from)) / DAY_MS) + 1;
}

/** The range of the same length that ends the day before `r` starts. */
export function previousPeriod(r: DateRange): DateRange {
  const n = lengthInDays(r);
  return { from: addDays(r.from, -n), to: addDays(r.from, -1) };
}

/** Every date of the range, oldest first. */
export function datesOf(r: DateRange): string[] {
  const out: string[] = [];
  for (let d = r.from; d <= r.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The office's date today in its time zone. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The default range: the last 30 days up to and including today. */
export function lastDays(today: string, n = 30): DateRange {
  return { from: addDays(today, -(n - 1)), to: today };
}

export function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && toDate(toMs(s)) === s;
}
