import type { Migration } from './migrations.js';

/**
 * #17 data protection: actor keys and appointment contact data.
 *
 * `actor_keys`: events and ticket rows name the staff member who acted by an opaque key, one per
 * person, site and calendar month of the office (`period`, `YYYY-MM`). This table is the only
 * link from a key to the user; the purge deletes a key's row `actorLinkDays` after its month
 * ended, so the log stays as written and nobody can be traced from it any longer.
 * Events and tickets written before this migration hold the user id itself (see README "Data
 * protection"): they stay linkable while the account exists.
 *
 * `appointments.contact`: how a visitor who booked can be reached (the booking issue writes an
 * e-mail address here); cleared by the purge 30 days (setting) after the appointment's day, or
 * early by the visitor.
 */
export const MIGRATION_12_PRIVACY: Migration = {
  version: 12,
  name: 'actor keys, appointment contact data',
  sql: `
CREATE TABLE actor_keys (
  key TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  period TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX actor_keys_site_user_period ON actor_keys (site_id, user_id, period);
CREATE INDEX actor_keys_site_period ON actor_keys (site_id, period);
ALTER TABLE appointments ADD COLUMN contact TEXT;
CREATE INDEX tickets_site_day_notes ON tickets (site_id, business_date) WHERE notes <> '';
`,
};
