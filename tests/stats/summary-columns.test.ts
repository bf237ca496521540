import { describe, expect, it } from 'vitest';
import { STATS_GROUP_BY, type StatsQuery } from '../../common/stats-schemas.js';
import { fromColumns, toColumns } from '../../server/domain/stats/segment-columns.js';
import { summarize } from '../../server/domain/stats/summary.js';
import { APPOINTMENTS, FEEDBACK, ORDER, OUTSIDE, RANGE, REFUSALS, SEGMENTS, WAIT_TARGET } from './scripted-day.js';

/**
 * #16 (speed): the store hands the summary its segments as columns (the day
 * packs decode into them); the figures are those of the same segments as objects
 * (summary.test.ts defines them on objects).
 */

const segments = [...SEGMENTS, OUTSIDE];
const both = (query: Omit<StatsQuery, 'from' | 'to'>) => {
  const input = { refusals: REFUSALS, appointments: APPOINTMENTS, feedback: FEEDBACK, waitTargetMinutes: WAIT_TARGET, order: ORDER, query: { ...RANGE, ...query } };
  return { objects: summarize({ ...input, segments }), columns: summarize({ ...input, segments: toColumns(segments) }) };
};

describe('the summary from columns', () => {
  it('keeps every field of every segment', () => {
    // The scripted segments are whole facts: the columns keep the figures of each.
    expect(segments).toMatchObject(fromColumns(toColumns(segments)));
    expect(fromColumns(toColumns(segments))).toHaveLength(segments.length);
  });

  it.each([undefined, ...STATS_GROUP_BY])('gives the same figures grouped by %s', (groupBy) => {
    const { objects, columns } = both(groupBy ? { groupBy } : {});
    expect(columns).toEqual(objects);
  });

  it.each([{ serviceId: 'P' }, { language: 'en' }, { channel: 'appointment' as const }, { counterId: 'c2', groupBy: 'hour' as const }, { channel: 'walk_in' as const, groupBy: 'service' as const }])(
    'gives the same figures under the filter %j',
    (query) => {
      const { objects, columns } = both(query);
      expect(columns).toEqual(objects);
    },
  );

  it('a filter value no segment names matches none (not the segments without a counter)', () => {
    for (const query of [{ counterId: 'nowhere' }, { serviceId: 'nowhere' }, { language: 'xx' }]) {
      const { objects, columns } = both(query);
      expect(columns).toEqual(objects);
      expect(columns.total.counts.issued).toBe(0);
      expect(columns.total.wait.count).toBe(0);
    }
  });
});
