import { Temporal } from 'temporal-polyfill';
import { memoize } from './memo.js';

/**
 * Local calendar arithmetic for the office's time zone. Instants are epoch
 * milliseconds; dates are ISO `YYYY-MM-DD`. Day bounds always come from the
 * zone's rules (PlainDate → ZonedDateTime), never from adding 24 h, so the
 * DST days in spring and autumn are 23 h and 25 h long.
 */

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface LocalParts {
  date: string;
  weekday: IsoWeekday;
  minuteOfDay: number;
}

function zoned(now: number, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone);
}

/** The last day looked up per time zone: nearly every call falls into it, and Temporal costs tens of µs. */
const lastDay = new Map<string, { date: string; from: number; to: number }>();

/** The local date of `now`; tickets, sequences and limits are counted per business date. */
export function businessDate(now: number, timeZone: string): string {
  const known = lastDay.get(timeZone);
  if (known && now >= known.from && now < known.to) return known.date;
  const date = zoned(now, timeZone).toPlainDate().toString();
  if (lastDay.size > 64) lastDay.clear();
  lastDay.set(timeZone, { date, from: startOfDay(date, timeZone), to: endOfDay(date, timeZone) });
  return date;
}

export function localParts(now: number, timeZone: string): LocalParts {
  const z = zoned(now, timeZone);
  return {
    date: z.toPlainDate().toString(),
    weekday: z.dayOfWeek as IsoWeekday,
    minuteOfDay: z.hour * 60 + z.minute,
  };
}

/** ISO weekday of a calendar date (no time zone involved). */
export function weekdayOf(date: string): IsoWeekday {
  return Temporal.PlainDate.from(date).dayOfWeek as IsoWeekday;
}

/** `date` shifted by whole calendar days. */
export function addDays(date: string, days: number): string {
  return addDaysMemo(date, String(days));
}
const addDaysMemo = memoize((date, days) => Temporal.PlainDate.from(date).add({ days: Number(days) }).toString());

export const startOfDay: (date: string, timeZone: string) => number = memoize(
  (date, timeZone) => Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds,
);

/** Exclusive end: the start of the next local day. */
export function endOfDay(date: string, timeZone: string): number {
  return startOfDay(addDays(date, 1), timeZone);
}

/**
 * The instant of a local wall-clock time. "24:00" means the end of the day so
 * opening hours can run until midnight. A time skipped by a DST jump resolves
 * 'compatible' (moved forward by the gap), a repeated one to the earlier instant.
 */
export const instantAt: (date: string, hhmm: string, timeZone: string) => number = memoize((date, hhmm, timeZone) => {
  if (hhmm === '24:00') return endOfDay(date, timeZone);
  const time = Temporal.PlainTime.from(hhmm);
  return Temporal.PlainDate.from(date)
    .toPlainDateTime(time)
    .toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
});
