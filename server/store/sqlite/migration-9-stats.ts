import type { Migration } from './migrations.js';

/**
 * #16: the statistics facts, kept by the stats projection (server/app/stats/projection.ts)
 * from the event log and rebuilt from it (`npm run stats:rebuild`): one row per ticket
 * segment, per refusal and per booked appointment, and per site the seq of the last event
 * projected. Nothing here is the source of truth; dropping every row and projecting the
 * log again gives them back. `last_call_at` is the projection's own: the last call of an
 * open segment, from which the walk to the counter is measured when it starts.
 */
export const MIGRATION_9_STATS: Migration = {
  version: 9,
  name: 'statistics facts',
  sql: `
CREATE TABLE stats_segments (
  site_id TEXT NOT NULL,
  ticket_id TEXT NOT NULL,
  segment INTEGER NOT NULL,
  business_date TEXT NOT NULL,
  hour INTEGER NOT NULL,
  weekday INTEGER NOT NULL,
  number TEXT NOT NULL,
  service_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  language TEXT NOT NULL,
  priority_class TEXT NOT NULL,
  joined_at INTEGER NOT NULL,
  first_called_at INTEGER,
  started_at INTEGER,
  ended_at INTEGER,
  counter_id TEXT,
  outcome TEXT NOT NULL,
  wait_ms INTEGER,
  service_ms INTEGER,
  call_to_start_ms INTEGER,
  appointment_id TEXT,
  lateness_ms INTEGER,
  office_delay_ms INTEGER,
  last_call_at INTEGER,
  PRIMARY KEY (site_id, ticket_id, segment)
);
CREATE INDEX stats_segments_site_date ON stats_segments (site_id, business_date);

CREATE TABLE stats_refusals (
  site_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  business_date TEXT NOT NULL,
  hour INTEGER NOT NULL,
  weekday INTEGER NOT NULL,
  service_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  channel TEXT NOT NULL,
  language TEXT NOT NULL,
  PRIMARY KEY (site_id, seq)
);
CREATE INDEX stats_refusals_site_date ON stats_refusals (site_id, business_date);

CREATE TABLE stats_appointments (
  site_id TEXT NOT NULL,
  appointment_id TEXT NOT NULL,
  business_date TEXT NOT NULL,
  hour INTEGER NOT NULL,
  weekday INTEGER NOT NULL,
  service_id TEXT NOT NULL,
  language TEXT NOT NULL,
  slot_start INTEGER NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (site_id, appointment_id)
);
CREATE INDEX stats_appointments_site_date ON stats_appointments (site_id, business_date);

CREATE TABLE stats_cursor (site_id TEXT PRIMARY KEY, seq INTEGER NOT NULL);
`,
};
