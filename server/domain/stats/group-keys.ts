import { Temporal } from 'temporal-polyfill';
import { STATS_CHANNELS, type StatsGroupBy } from '../../../common/stats-schemas.js';
import { addDays } from '../time.js';

/**
 * #16: the keys the summary groups by and their natural order:
 * day `YYYY-MM-DD`, ISO week `YYYY-Www` (the ISO week-numbering year, so
 * 2027-01-01 is in `2026-W53`), month `YYYY-MM`, ISO weekday `1` (Monday) … `7`,
 * local hour `0` … `23`, and the ids of services, counters, languages, channels.
 */

/** ISO week of a local date: `2027-W09`. */
export function isoWeek(date: string): string {
  const d = Temporal.PlainDate.from(date);
  return `${String(d.yearOfWeek)}-W${String(d.weekOfYear).padStart(2, '0')}`;
}

/** The key of a local date under a calendar grouping. */
export function dateKey(groupBy: 'day' | 'week' | 'month', date: string): string {
  if (groupBy === 'day') return date;
  if (groupBy === 'month') return date.slice(0, 7);
  return isoWeek(date);
}

/**
 * The keys a calendar grouping always shows for a range, in order, with or
 * without facts (a chart over days has no gaps): every day, week or month the
 * range touches, and for weekdays those that occur in it.
 */
export function rangeKeys(groupBy: StatsGroupBy, from: string, to: string): string[] {
  if (groupBy !== 'day' && groupBy !== 'week' && groupBy !== 'month' && groupBy !== 'weekday') return [];
  const keys = new Set<string>();
  for (let d = from; d <= to; d = addDays(d, 1)) {
    keys.add(groupBy === 'weekday' ? String(Temporal.PlainDate.from(d).dayOfWeek) : dateKey(groupBy, d));
    if (groupBy === 'weekday' && keys.size === 7) break;
  }
  return [...keys];
}

/** Orders of ids the caller knows (services in kiosk order, counters as screens list them). */
export interface KeyOrder {
  services: readonly string[];
  counters: readonly string[];
}

/**
 * Sorts group keys in their natural order: dates, weeks and months as text
 * (ISO forms sort by time), weekdays and hours as numbers, services and counters
 * as the catalogue lists them (ids it no longer has after, by id), channels as
 * STATS_CHANNELS lists them, languages by code.
 */
export function sortKeys(groupBy: StatsGroupBy, keys: Iterable<string>, order: KeyOrder): string[] {
  const list = [...keys];
  const byIndex = (known: readonly string[]) => {
    const at = new Map(known.map((k, i) => [k, i]));
    return (a: string, b: string) => (at.get(a) ?? Infinity) - (at.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0);
  };
  switch (groupBy) {
    case 'weekday':
    case 'hour':
      return list.sort((a, b) => Number(a) - Number(b));
    case 'service':
      return list.sort(byIndex(order.services));
    case 'counter':
      return list.sort(byIndex(order.counters));
    case 'channel':
      return list.sort(byIndex(STATS_CHANNELS));
    default:
      return list.sort();
  }
}
