import type { OpeningPeriod, WeeklyHours } from '../../common/model.js';
import { memoize } from './memo.js';
import { addDays, businessDate, endOfDay, instantAt, weekdayOf } from './time.js';

/**
 * Weekly opening hours resolved to concrete instants. Periods are local
 * wall-clock "HH:MM"–"HH:MM" within one day ("24:00" = midnight at the end);
 * a period that does not end after it starts is ignored rather than read as
 * running past midnight, so a typo cannot open a service overnight.
 */

export interface Period {
  start: number;
  end: number;
}

export interface Availability {
  open: boolean;
  reason: 'outside_hours' | 'holiday' | null;
  /** End of the current opening when open; null when closed or open beyond the search horizon. */
  closesAt: number | null;
  /** Start of the next opening when closed; null when open or nothing within the horizon. */
  nextOpensAt: number | null;
}

/** How far ahead `availability` looks, so a bad configuration cannot loop forever. */
export const SEARCH_HORIZON_DAYS = 14;

function periodsFor(hours: WeeklyHours, date: string): readonly OpeningPeriod[] {
  const key = String(weekdayOf(date)) as keyof WeeklyHours;
  return hours[key] ?? [];
}

/** Opening periods of one local date, sorted, with overlapping or touching ones merged. */
export function periodsOn(
  hours: WeeklyHours,
  date: string,
  timeZone: string,
  holidays: readonly string[],
): Period[] {
  if (holidays.includes(date)) return [];
  const resolved = periodsFor(hours, date)
    .map((p) => ({ start: instantAt(date, p.from, timeZone), end: instantAt(date, p.to, timeZone) }))
    .filter((p) => p.end > p.start)
    .sort((a, b) => a.start - b.start);
  const merged: Period[] = [];
  for (const p of resolved) {
    const last = merged[merged.length - 1];
    if (last !== undefined && p.start <= last.end) last.end = Math.max(last.end, p.end);
    else merged.push({ ...p });
  }
  return merged;
}

/**
 * Whether a service is open at `now`. An opening that runs until midnight and
 * continues at 00:00 the next day counts as one, so a round-the-clock service
 * does not appear to close at midnight (which would trip the past-closing rule).
 */
export function availability(
  hours: WeeklyHours,
  now: number,
  timeZone: string,
  holidays: readonly string[],
): Availability {
  const today = businessDate(now, timeZone);
  const closedReason = holidays.includes(today) ? 'holiday' : 'outside_hours';
  const hoursKey = JSON.stringify(hours);
  const holidaysKey = holidays.join(',');
  let closesAt: number | null = null;

  for (let i = 0; i <= SEARCH_HORIZON_DAYS; i++) {
    const date = i === 0 ? today : addDays(today, i);
    for (const p of cachedPeriodsOn(hoursKey, date, timeZone, holidaysKey)) {
      if (closesAt === null) {
        if (p.start <= now && now < p.end) closesAt = p.end;
        else if (p.start > now) return { open: false, reason: closedReason, closesAt: null, nextOpensAt: p.start };
      } else if (p.start > closesAt) {
        return { open: true, reason: null, closesAt, nextOpensAt: null };
      } else {
        closesAt = Math.max(closesAt, p.end);
      }
    }
    // Periods never cross midnight, so an opening continues into the next day only if it reaches it.
    if (closesAt !== null && closesAt < endOfDay(date, timeZone)) {
      return { open: true, reason: null, closesAt, nextOpensAt: null };
    }
  }
  return closesAt === null
    ? { open: false, reason: closedReason, closesAt: null, nextOpensAt: null }
    : { open: true, reason: null, closesAt: null, nextOpensAt: null };
}

/** periodsOn for the same hours, date and holidays again and again: once per queue change and service. */
const cachedPeriodsOn = memoize((hoursKey, date, timeZone, holidaysKey): readonly Period[] =>
  periodsOn(JSON.parse(hoursKey) as WeeklyHours, date, timeZone, holidaysKey === '' ? [] : holidaysKey.split(',')),
);
