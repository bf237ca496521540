import type { Migration } from './migrations.js';

/**
 * #16 (speed): the summary's figures of each site and office day in one row,
 * a "day pack" (server/store/sqlite/stats-packs.ts): the strings the day's
 * segments name once (`dict`, JSON) and their figures as binary columns
 * (`figures`). A year of summaries reads ~250 of these instead of ~150,000
 * fact rows. The segment rows stay the source of truth (the CSV export, the
 * rebuild); a pack is rewritten from them in the same transaction whenever
 * the projection writes a segment of its day.
 *
 * An office that already has facts gets its packs here as markers: one row per
 * day with facts and `figures` NULL ("stale": read that day's rows). The
 * projection packs stale days when it runs (at start-up and after commits), so
 * an upgraded office has packs without a manual rebuild, and reads are right
 * before that too.
 */
export const MIGRATION_10_DAY_PACKS: Migration = {
  version: 10,
  name: 'statistics day packs',
  sql: `
CREATE TABLE stats_day_packs (
  site_id TEXT NOT NULL,
  business_date TEXT NOT NULL,
  count INTEGER NOT NULL,
  dict TEXT NOT NULL,
  figures BLOB,
  PRIMARY KEY (site_id, business_date)
);
INSERT INTO stats_day_packs (site_id, business_date, count, dict, figures)
  SELECT site_id, business_date, COUNT(*), '[]', NULL FROM stats_segments GROUP BY site_id, business_date;
`,
};
