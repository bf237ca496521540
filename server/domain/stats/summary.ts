import { Temporal } from 'temporal-polyfill';
import type { StatsGroupBy, StatsQuery, StatsSummary } from '../../../common/stats-schemas.js';
import type { AppointmentFact, RefusalFact, SegmentFigures } from './facts.js';
import { GroupFigures, type FeedbackFact } from './group-figures.js';
import { dateKey, rangeKeys, sortKeys, type KeyOrder } from './group-keys.js';
import { figuresAt, isColumns, toColumns, type SegmentColumns } from './segment-columns.js';

export type { FeedbackFact } from './group-figures.js';

/** What the summary is computed from: the facts of the range (they may hold more; the filters apply here too). */
export interface SummaryInput {
  query: StatsQuery;
  /** As objects or as columns (what the store reads): the same figures either way. */
  segments: readonly SegmentFigures[] | SegmentColumns;
  refusals: readonly RefusalFact[];
  appointments: readonly AppointmentFact[];
  feedback: readonly FeedbackFact[];
  waitTargetMinutes: number;
  order: KeyOrder;
}

/**
 * #16: the office's figures for a date range, whole and grouped (pure: facts in,
 * `StatsSummary` out). Filters and groupings apply to each kind of fact as far
 * as it can say (README "Statistics"):
 * - segments carry everything (date, hour and weekday of joining the queue,
 *   service, the counter that first called it, language, channel);
 * - refusals have no counter: none under a counter filter or in counter groups;
 * - appointment facts (booked, checked in, missed) count on the day and hour of
 *   the slot, have no counter and are all of channel `appointment`;
 * - feedback has a service, a day and a language only (no ticket, no time of
 *   the visit): null under a counter or channel filter and in groups by
 *   counter, channel and hour (the hour of answering is not that of the visit).
 */
export function summarize(input: SummaryInput): StatsSummary {
  const { query: q, order } = input;
  const groupBy = q.groupBy ?? null;
  const targetMs = input.waitTargetMinutes * 60_000;
  const inRange = (date: string) => date >= q.from && date <= q.to;
  const feedbackKnown = q.counterId === undefined && q.channel === undefined;
  const groupsHaveFeedback = feedbackKnown && groupBy !== 'counter' && groupBy !== 'channel' && groupBy !== 'hour';

  const total = new GroupFigures('total', targetMs, feedbackKnown);
  const groups = new Map<string, GroupFigures>();
  const group = (key: string | null): GroupFigures | null => {
    if (groupBy === null || key === null) return null;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new GroupFigures(key, targetMs, groupsHaveFeedback)));
    return g;
  };
  if (groupBy) for (const key of rangeKeys(groupBy, q.from, q.to)) group(key);

  addSegments(q, isColumns(input.segments) ? input.segments : toColumns(input.segments), total, group);
  if (q.counterId === undefined) {
    for (const f of input.refusals) {
      if (!inRange(f.businessDate)) continue;
      if (q.serviceId !== undefined && f.serviceId !== q.serviceId) continue;
      if (q.language !== undefined && f.language !== q.language) continue;
      if (q.channel !== undefined && f.channel !== q.channel) continue;
      total.addRefusal(f);
      group(groupBy && keyOf(groupBy, f.businessDate, f.hour, f.weekday, { serviceId: f.serviceId, counterId: null, language: f.language, channel: f.channel }))?.addRefusal(f);
    }
  }
  if (q.counterId === undefined && (q.channel === undefined || q.channel === 'appointment')) {
    for (const a of input.appointments) {
      if (!inRange(a.businessDate)) continue;
      if (q.serviceId !== undefined && a.serviceId !== q.serviceId) continue;
      if (q.language !== undefined && a.language !== q.language) continue;
      total.addAppointment(a);
      const key = groupBy && keyOf(groupBy, a.businessDate, a.hour, a.weekday, { serviceId: a.serviceId, counterId: null, language: a.language, channel: 'appointment' });
      group(key)?.addAppointment(a);
    }
  }
  if (feedbackKnown) {
    const weekdays = new Map<string, number>();
    const weekdayOf = (date: string) => {
      let w = weekdays.get(date);
      if (w === undefined) weekdays.set(date, (w = Temporal.PlainDate.from(date).dayOfWeek));
      return w;
    };
    for (const f of input.feedback) {
      if (!inRange(f.businessDate)) continue;
      if (q.serviceId !== undefined && f.serviceId !== q.serviceId) continue;
      if (q.language !== undefined && f.language !== q.language) continue;
      total.addFeedback(f);
      if (!groupsHaveFeedback || !groupBy) continue;
      const weekday = groupBy === 'weekday' ? weekdayOf(f.businessDate) : 0;
      group(keyOf(groupBy, f.businessDate, null, weekday, { serviceId: f.serviceId, counterId: null, language: f.language, channel: null }))?.addFeedback(f);
    }
  }

  return {
    from: q.from,
    to: q.to,
    groupBy,
    waitTargetMinutes: input.waitTargetMinutes,
    total: total.figures(),
    groups: groupBy ? sortKeys(groupBy, groups.keys(), order).map((k) => groups.get(k)!.figures()) : [],
  };
}

/** Whether a segment lies in the query's range and passes its filters (the summary and the export). */
export function segmentMatches(q: StatsQuery, s: SegmentFigures): boolean {
  return (
    s.businessDate >= q.from &&
    s.businessDate <= q.to &&
    (q.serviceId === undefined || s.serviceId === q.serviceId) &&
    (q.counterId === undefined || s.counterId === q.counterId) &&
    (q.language === undefined || s.language === q.language) &&
    (q.channel === undefined || s.channel === q.channel)
  );
}

/**
 * The segments that lie in the range and pass the filters (`segmentMatches`), into the
 * total and their groups, column by column: a filter or group key is worked out once per
 * string or number it depends on (a date, a service, an hour), not per segment.
 */
function addSegments(q: StatsQuery, c: SegmentColumns, total: GroupFigures, group: (key: string | null) => GroupFigures | null): void {
  const groupBy = q.groupBy ?? null;
  const { strings } = c;
  // A filter value no segment names matches none (−2: not even "no counter", −1).
  const wanted = (v: string | undefined): number | null => {
    if (v === undefined) return null;
    const k = strings.indexOf(v);
    return k === -1 ? -2 : k;
  };
  const service = wanted(q.serviceId);
  const counter = wanted(q.counterId);
  const language = wanted(q.language);
  const channel = wanted(q.channel);
  const inRange = strings.map((d) => d >= q.from && d <= q.to);
  const groups = new Map<number, GroupFigures | null>();
  for (let i = 0; i < c.length; i++) {
    if (
      !inRange[c.businessDate[i]!] ||
      (service !== null && c.serviceId[i] !== service) ||
      (counter !== null && c.counterId[i] !== counter) ||
      (language !== null && c.language[i] !== language) ||
      (channel !== null && c.channel[i] !== channel)
    ) {
      continue;
    }
    total.addSegmentAt(c, i);
    if (groupBy === null) continue;
    const code = groupCode(groupBy, c, i);
    let g = groups.get(code);
    if (g === undefined) {
      const at = figuresAt(c, i);
      g = group(keyOf(groupBy, at.businessDate, at.hour, at.weekday, at));
      groups.set(code, g);
    }
    g?.addSegmentAt(c, i);
  }
}

/** What a segment's group key depends on under a grouping, as a number (segments with the same code share the key). */
function groupCode(groupBy: StatsGroupBy, c: SegmentColumns, i: number): number {
  switch (groupBy) {
    case 'day':
    case 'week':
    case 'month':
      return c.businessDate[i]!;
    case 'weekday':
      return c.weekday[i]!;
    case 'hour':
      return c.hour[i]!;
    case 'service':
      return c.serviceId[i]!;
    case 'counter':
      return c.counterId[i]!;
    case 'language':
      return c.language[i]!;
    case 'channel':
      return c.channel[i]!;
  }
}

interface Ids {
  serviceId: string;
  counterId: string | null;
  language: string;
  channel: string | null;
}

/** A fact's group key, null when the fact has nothing to say under the grouping (no counter, no hour). */
function keyOf(groupBy: StatsGroupBy, date: string, hour: number | null, weekday: number, ids: Ids): string | null {
  switch (groupBy) {
    case 'day':
    case 'week':
    case 'month':
      return dateKey(groupBy, date);
    case 'weekday':
      return String(weekday);
    case 'hour':
      return hour === null ? null : String(hour);
    case 'service':
      return ids.serviceId;
    case 'counter':
      return ids.counterId;
    case 'language':
      return ids.language;
    case 'channel':
      return ids.channel;
  }
}
