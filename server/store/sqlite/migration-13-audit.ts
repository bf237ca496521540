import type { Migration } from './migrations.js';

/**
 * #17 audit trail: the admins' audit view reads the log newest first, filtered by the acting
 * staff member (their actor keys) or a day range. Without these, a filter by person or by a
 * range long past walks the whole log back from its newest event.
 */
export const MIGRATION_13_AUDIT: Migration = {
  version: 13,
  name: 'audit indexes',
  sql: `
CREATE INDEX events_site_user_seq ON events (site_id, user_id, seq);
CREATE INDEX events_site_at ON events (site_id, at);
`,
};
