import { describe, expect, it } from 'vitest';
import { STATS_GROUP_BY, type StatsChannel, type StatsGroupBy } from '../../common/stats-schemas.js';
import { durationFigures, minutes, percentile } from '../../server/domain/stats/figures.js';
import { isoWeek, rangeKeys } from '../../server/domain/stats/group-keys.js';
import { localClock } from '../../server/domain/stats/local-clock.js';
import { summarize } from '../../server/domain/stats/summary.js';
import { GROUPS, lineOf, TOTAL } from './scripted-day-figures.js';
import { APPOINTMENTS, FEEDBACK, ORDER, OUTSIDE, RANGE, REFUSALS, SEGMENTS, WAIT_TARGET } from './scripted-day.js';

interface Filters {
  serviceId?: string;
  counterId?: string;
  language?: string;
  channel?: StatsChannel;
  groupBy?: StatsGroupBy;
}
const summary = (query: Filters = {}) =>
  summarize({
    query: { ...RANGE, ...query },
    segments: [...SEGMENTS, OUTSIDE],
    refusals: REFUSALS,
    appointments: APPOINTMENTS,
    feedback: FEEDBACK,
    waitTargetMinutes: WAIT_TARGET,
    order: ORDER,
  });

describe('the scripted day (#16): hand-computed figures', () => {
  it('the whole range', () => {
    const s = summary();
    expect(s).toMatchObject({ from: '2027-02-28', to: '2027-03-01', groupBy: null, waitTargetMinutes: 15, groups: [] });
    expect(lineOf(s.total)).toEqual(TOTAL);
    expect(s.total.counts.refused).toEqual({ total: 1, outside_hours: 1, holiday: 0, daily_limit: 0, past_closing: 0, inactive: 0 });
    expect(s.total.appointments.lateness).toEqual({ count: 1, mean: 7, p90: 7 });
  });

  it.each(STATS_GROUP_BY)('grouped by %s, groups in natural order', (groupBy) => {
    const s = summary({ groupBy });
    expect(s.groupBy).toBe(groupBy);
    expect(lineOf(s.total)).toEqual(TOTAL);
    expect(s.groups.map(lineOf)).toEqual(GROUPS[groupBy]);
  });

  it('filters: a service, a language, a channel', () => {
    expect(lineOf(summary({ serviceId: 'P' }).total)).toEqual(['total', ...GROUPS.service[1]!.slice(1)]);
    expect(lineOf(summary({ language: 'en' }).total)).toEqual(['total', ...GROUPS.language[1]!.slice(1)]);
    // Feedback cannot tell the channel: null under a channel filter.
    expect(lineOf(summary({ channel: 'appointment' }).total)).toEqual(['total', ...GROUPS.channel[1]!.slice(1)]);
    expect(lineOf(summary({ channel: 'walk_in', groupBy: 'service' }).groups[1]!)[1]).toEqual([1, 2, 0, 0, 0, 0, 0]);
  });

  it('a counter filter: its segments only; no refusals, appointment counts or feedback (none of them has a counter)', () => {
    expect(lineOf(summary({ counterId: 'c2' }).total)).toEqual(['total', ...GROUPS.counter[1]!.slice(1)]);
    expect(summary({ counterId: 'c1', groupBy: 'day' }).groups.map((g) => g.feedback)).toEqual([null, null]);
  });

  it('an empty range gives nulls, never 0, for what was not measured', () => {
    const s = summarize({ query: { from: '2027-03-03', to: '2027-03-03', groupBy: 'hour' }, segments: SEGMENTS, refusals: [], appointments: [], feedback: [], waitTargetMinutes: 15, order: ORDER });
    expect(s.groups).toEqual([]);
    expect(s.total.wait).toEqual({ count: 0, mean: null, median: null, p90: null, max: null });
    expect(s.total.withinTarget).toBeNull();
    expect(s.total.feedback).toEqual({ count: 0, mean: null, grades: [0, 0, 0, 0, 0, 0] });
  });

  it('the wait target decides within target: at the target counts as within', () => {
    const at10 = summarize({ query: RANGE, segments: SEGMENTS, refusals: [], appointments: [], feedback: [], waitTargetMinutes: 10, order: ORDER });
    expect(at10.total.withinTarget).toBe(0.833); // 10, 2, 5, 10, 4 of 10, 20, 2, 5, 10, 4
    const at4 = summarize({ query: RANGE, segments: SEGMENTS, refusals: [], appointments: [], feedback: [], waitTargetMinutes: 4, order: ORDER });
    expect(at4.total.withinTarget).toBe(0.333); // 2, 4
  });
});

describe('figures', () => {
  it('percentiles are exact, linear between the closest ranks (Excel PERCENTILE.INC)', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4], 90)).toBeCloseTo(3.7);
    expect(percentile([15, 20, 35, 40, 50], 40)).toBe(29);
    expect(percentile([15, 20, 35, 40, 50], 100)).toBe(50);
    expect(percentile([15, 20, 35, 40, 50], 0)).toBe(15);
  });

  it('minutes round to 0.1 half up, from ms (no float error at .x5)', () => {
    expect(minutes(9_000)).toBe(0.2); // 0.15 min
    expect(minutes(465_000)).toBe(7.8); // 7.75 min
    expect(minutes(-135_000)).toBe(-2.2); // -2.25 min rounds up to -2.2
    expect(durationFigures([120_000, 60_000, 180_000])).toEqual({ count: 3, mean: 2, median: 2, p90: 2.8, max: 3 });
  });

  it('group keys: ISO weeks across the new year, the range keys without gaps', () => {
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(rangeKeys('day', '2027-02-27', '2027-03-02')).toEqual(['2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02']);
    expect(rangeKeys('month', '2027-01-31', '2027-03-01')).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(rangeKeys('weekday', '2027-01-01', '2027-12-31')).toHaveLength(7);
    expect(rangeKeys('hour', '2027-01-01', '2027-12-31')).toEqual([]);
  });

  it('local times for the export follow the zone across both DST changes', () => {
    const berlin = localClock('Europe/Berlin');
    const at = (iso: string) => berlin(Date.parse(iso));
    expect(at('2027-03-28T00:59:59Z')).toEqual({ date: '2027-03-28', time: '01:59:59' });
    expect(at('2027-03-28T01:00:00Z')).toEqual({ date: '2027-03-28', time: '03:00:00' });
    expect(at('2027-10-31T00:30:00Z')).toEqual({ date: '2027-10-31', time: '02:30:00' });
    expect(at('2027-10-31T01:30:00Z')).toEqual({ date: '2027-10-31', time: '02:30:00' });
    expect(at('2027-12-31T23:30:00Z')).toEqual({ date: '2028-01-01', time: '00:30:00' });
  });
});
