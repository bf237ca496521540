import type { StatsQuery } from '../../../common/stats-schemas.js';
import type { SegmentFact } from './facts.js';
import { minutes } from './figures.js';
import { localClock } from './local-clock.js';
import { segmentMatches } from './summary.js';

/** A table for the CSV exports: text, numbers (the dialect writes their decimal mark) and empty cells. */
export interface StatsTable {
  header: string[];
  rows: (string | number | null)[][];
}

/**
 * #16: `GET /api/stats/export.csv`, one row per ticket segment: what happened
 * and when, nothing personal (no notes, no ticket or appointment ids that reach
 * a phone page, no counter or staff member). Times are local (`HH:MM:SS`, with
 * the date in front when it is not the row's day); durations in minutes (0.1).
 */
export const EXPORT_HEADER = [
  'date',
  'number',
  'segment',
  'service',
  'channel',
  'language',
  'priority_class',
  'joined',
  'called',
  'started',
  'ended',
  'wait_min',
  'call_to_start_min',
  'service_min',
  'outcome',
];

export function exportRows(query: StatsQuery, segments: readonly SegmentFact[], timeZone: string, serviceName: (id: string) => string): StatsTable {
  const clock = localClock(timeZone);
  const time = (date: string, at: number | null) => {
    if (at === null) return null;
    const local = clock(at);
    return local.date === date ? local.time : `${local.date} ${local.time}`;
  };
  const rows = segments
    .filter((s) => segmentMatches(query, s))
    .sort((a, b) => (a.businessDate < b.businessDate ? -1 : a.businessDate > b.businessDate ? 1 : a.joinedAt - b.joinedAt || a.segment - b.segment))
    .map((s) => [
      s.businessDate,
      s.number,
      s.segment,
      serviceName(s.serviceId),
      s.channel,
      s.language,
      s.priorityClass,
      time(s.businessDate, s.joinedAt),
      time(s.businessDate, s.firstCalledAt),
      time(s.businessDate, s.startedAt),
      time(s.businessDate, s.endedAt),
      s.waitMs === null ? null : minutes(s.waitMs),
      s.callToStartMs === null ? null : minutes(s.callToStartMs),
      s.serviceMs === null ? null : minutes(s.serviceMs),
      s.outcome,
    ]);
  return { header: EXPORT_HEADER, rows };
}
