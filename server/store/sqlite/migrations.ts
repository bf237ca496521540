import { MIGRATION_10_DAY_PACKS } from './migration-10-day-packs.js';
import { MIGRATION_9_STATS } from './migration-9-stats.js';
import { MIGRATION_12_PRIVACY } from './migration-12-privacy.js';
import { MIGRATION_13_AUDIT } from './migration-13-audit.js';

/**
 * Versioned schema migrations, applied in order inside one transaction each.
 * Never edit a released migration; add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE areas (id TEXT PRIMARY KEY, name TEXT NOT NULL);

CREATE TABLE services (
  id TEXT PRIMARY KEY,
  prefix TEXT NOT NULL,
  names TEXT NOT NULL,
  icon TEXT NOT NULL,
  hours TEXT NOT NULL,
  daily_limit INTEGER,
  default_service_minutes REAL NOT NULL,
  priority_enabled INTEGER NOT NULL,
  active INTEGER NOT NULL,
  sort_order INTEGER NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
  languages TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE counters (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  area TEXT NOT NULL,
  primary_service_ids TEXT NOT NULL,
  secondary_service_ids TEXT NOT NULL,
  open INTEGER NOT NULL DEFAULT 0,
  user_id TEXT REFERENCES users(id),
  current_ticket_id TEXT
);

-- Kiosks and screens: where they stand and how they are set up (printer, paper width, …).
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('kiosk', 'display')),
  name TEXT NOT NULL,
  area TEXT,
  settings TEXT NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);

-- One row per number prefix and office day: the last number handed out.
CREATE TABLE number_sequences (
  prefix TEXT NOT NULL,
  business_date TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (prefix, business_date)
);

CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  service_id TEXT NOT NULL REFERENCES services(id),
  starts_at INTEGER NOT NULL,
  language TEXT,
  status TEXT NOT NULL,
  ticket_id TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  seq_no INTEGER NOT NULL,
  service_id TEXT NOT NULL REFERENCES services(id),
  business_date TEXT NOT NULL,
  language TEXT NOT NULL,
  status TEXT NOT NULL,
  priority_class TEXT NOT NULL,
  channel TEXT NOT NULL,
  appointment_id TEXT,
  due_at INTEGER,
  issued_at INTEGER NOT NULL,
  queued_at INTEGER NOT NULL,
  available_at INTEGER NOT NULL,
  target_counter_id TEXT,
  counter_id TEXT,
  user_id TEXT,
  called_at INTEGER,
  serving_at INTEGER,
  finished_at INTEGER,
  call_count INTEGER NOT NULL DEFAULT 0,
  transferred_from TEXT,
  notes TEXT NOT NULL DEFAULT '',
  UNIQUE (business_date, number)
);
CREATE INDEX tickets_day_status ON tickets (business_date, status);

-- The append-only log: the audit trail and the source of all statistics.
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  at INTEGER NOT NULL,
  ticket_id TEXT,
  service_id TEXT,
  counter_id TEXT,
  user_id TEXT,
  data TEXT NOT NULL
);
CREATE INDEX events_type_at ON events (type, at);
CREATE INDEX events_service_type ON events (service_id, type, seq);
CREATE INDEX events_ticket ON events (ticket_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
`,
  },
  {
    version: 2,
    name: 'visitor feedback',
    // Anonymous by design: no user, no session, no free-text identity. ticket_id
    // is kept only so each ticket can answer once; a ticket row holds nothing personal.
    sql: `
CREATE TABLE feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_id TEXT NOT NULL UNIQUE,
  service_id TEXT NOT NULL,
  counter_id TEXT,
  business_date TEXT NOT NULL,
  language TEXT NOT NULL,
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 6),
  comment TEXT CHECK (comment IS NULL OR length(comment) <= 500),
  created_at INTEGER NOT NULL
);
CREATE INDEX feedback_day_service ON feedback (business_date, service_id);
`,
  },
  {
    version: 3,
    name: 'event payload versions',
    // Rows from before payload versions existed are version 1; server/domain/event-upgrade.ts
    // reads them as today's types. Adding a column is no UPDATE: the append-only triggers stay.
    sql: `ALTER TABLE events ADD COLUMN v INTEGER NOT NULL DEFAULT 1;`,
  },
  {
    version: 4,
    name: 'sites',
    // A site (an office location) owns its catalogue, tickets, appointments, feedback and events;
    // numbers and days are per site. What a one-office database holds moves into the site "main"
    // (DEFAULT_SITE_ID), and its office settings become that site's. Users stay shared and are
    // assigned to sites. Tickets and number_sequences are rebuilt: their unique keys gain the site.
    sql: `
CREATE TABLE sites (id TEXT PRIMARY KEY, settings TEXT NOT NULL);
INSERT INTO sites (id, settings) SELECT 'main', value FROM settings WHERE key = 'office';
DROP TABLE settings;

CREATE TABLE user_sites (
  user_id TEXT NOT NULL REFERENCES users(id),
  site_id TEXT NOT NULL REFERENCES sites(id),
  PRIMARY KEY (user_id, site_id)
);
INSERT INTO user_sites (user_id, site_id) SELECT users.id, sites.id FROM users, sites;

ALTER TABLE areas ADD COLUMN site_id TEXT NOT NULL DEFAULT 'main';
ALTER TABLE services ADD COLUMN site_id TEXT NOT NULL DEFAULT 'main';
ALTER TABLE counters ADD COLUMN site_id TEXT NOT NULL DEFAULT 'main';
ALTER TABLE devices ADD COLUMN site_id TEXT NOT NULL DEFAULT 'main';
ALTER TABLE appointments ADD COLUMN site_id TEXT NOT NULL DEFAULT 'main';
ALTER TABLE feedback ADD COLUMN site_id TEXT NOT NULL DEFAULT 'main';
ALTER TABLE events ADD COLUMN site_id TEXT NOT NULL DEFAULT 'main';
CREATE INDEX services_site ON services (site_id, sort_order);
CREATE INDEX counters_site ON counters (site_id);
CREATE INDEX events_site_seq ON events (site_id, seq);
DROP INDEX feedback_day_service;
CREATE INDEX feedback_site_day_service ON feedback (site_id, business_date, service_id);

CREATE TABLE number_sequences_by_site (
  site_id TEXT NOT NULL,
  prefix TEXT NOT NULL,
  business_date TEXT NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (site_id, prefix, business_date)
);
INSERT INTO number_sequences_by_site (site_id, prefix, business_date, last)
  SELECT 'main', prefix, business_date, last FROM number_sequences;
DROP TABLE number_sequences;
ALTER TABLE number_sequences_by_site RENAME TO number_sequences;

CREATE TABLE tickets_by_site (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL,
  number TEXT NOT NULL,
  seq_no INTEGER NOT NULL,
  service_id TEXT NOT NULL REFERENCES services(id),
  business_date TEXT NOT NULL,
  language TEXT NOT NULL,
  status TEXT NOT NULL,
  priority_class TEXT NOT NULL,
  channel TEXT NOT NULL,
  appointment_id TEXT,
  due_at INTEGER,
  issued_at INTEGER NOT NULL,
  queued_at INTEGER NOT NULL,
  available_at INTEGER NOT NULL,
  target_counter_id TEXT,
  counter_id TEXT,
  user_id TEXT,
  called_at INTEGER,
  serving_at INTEGER,
  finished_at INTEGER,
  call_count INTEGER NOT NULL DEFAULT 0,
  transferred_from TEXT,
  notes TEXT NOT NULL DEFAULT '',
  UNIQUE (site_id, business_date, number)
);
INSERT INTO tickets_by_site (id, site_id, number, seq_no, service_id, business_date, language, status, priority_class, channel,
    appointment_id, due_at, issued_at, queued_at, available_at, target_counter_id, counter_id, user_id, called_at, serving_at,
    finished_at, call_count, transferred_from, notes)
  SELECT id, 'main', number, seq_no, service_id, business_date, language, status, priority_class, channel,
    appointment_id, due_at, issued_at, queued_at, available_at, target_counter_id, counter_id, user_id, called_at, serving_at,
    finished_at, call_count, transferred_from, notes FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_by_site RENAME TO tickets;
CREATE INDEX tickets_site_day_status ON tickets (site_id, business_date, status);
`,
  },
  {
    version: 5,
    name: 'anonymous feedback, storage probe',
    // Feedback keeps the service, counter, day, language, grade and comment, and no link to its
    // ticket (issue #13): the ticket remembers only that it has answered (feedback_given), so a
    // second answer is still refused. The rows are copied in an order that follows no ticket.
    // storage_probe holds the one row the health probe rewrites to learn whether writes work.
    sql: `
ALTER TABLE tickets ADD COLUMN feedback_given INTEGER NOT NULL DEFAULT 0;
UPDATE tickets SET feedback_given = 1 WHERE id IN (SELECT ticket_id FROM feedback);

CREATE TABLE feedback_anonymous (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  site_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  counter_id TEXT,
  business_date TEXT NOT NULL,
  language TEXT NOT NULL,
  grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 6),
  comment TEXT CHECK (comment IS NULL OR length(comment) <= 500),
  created_at INTEGER NOT NULL
);
INSERT INTO feedback_anonymous (site_id, service_id, counter_id, business_date, language, grade, comment, created_at)
  SELECT site_id, service_id, counter_id, business_date, language, grade, comment, created_at FROM feedback
  ORDER BY site_id, business_date, service_id, grade, language;
DROP TABLE feedback;
ALTER TABLE feedback_anonymous RENAME TO feedback;
CREATE INDEX feedback_site_day_service ON feedback (site_id, business_date, service_id);

CREATE TABLE storage_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at INTEGER NOT NULL);
`,
  },
  {
    version: 6,
    name: 'ticket staff references',
    // The ticket id is the visitor's secret (phone page, cancel); staff screens name a ticket by
    // its ref instead. Existing tickets get a random one: 'r' and 12 hex digits (48 bits), like
    // newTicketRef() makes, unique per site.
    sql: `
ALTER TABLE tickets ADD COLUMN ref TEXT;
UPDATE tickets SET ref = 'r' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX tickets_site_ref ON tickets (site_id, ref);
`,
  },
  {
    version: 7,
    name: 'roles, one-time passwords, user versions',
    // #15: the role supervisor (the CHECK of users changes, so the table is rebuilt: SQLite cannot
    // alter a CHECK), must_change_password for one-time passwords given by an admin, and version
    // for the admin API's stale-write check. Every row is kept as it is: existing users need no
    // password change and start at version 1. Sessions, counters and user_sites point at users:
    // their foreign keys are checked at COMMIT (defer_foreign_keys), when the rows are back.
    sql: `
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE users_before_7 AS SELECT * FROM users;
DROP TABLE users;
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'supervisor', 'staff')),
  languages TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO users (id, username, display_name, role, languages, password_hash, active)
  SELECT id, username, display_name, role, languages, password_hash, active FROM users_before_7;
DROP TABLE temp.users_before_7;
`,
  },
  {
    version: 8,
    name: 'catalogue versions',
    // #15: every record an admin edits carries a version (1 when created, +1 on every admin
    // write), so a write based on a stale read is refused. The site's settings get one too.
    // A deleted service stays as a row marked deleted while tickets or appointments refer to it
    // (the log and statistics still name it); every catalogue read leaves it out.
    sql: `
ALTER TABLE sites ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE areas ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE services ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE services ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE counters ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE devices ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
`,
  },
  MIGRATION_9_STATS,
  MIGRATION_10_DAY_PACKS,
  {
    version: 11,
    name: 'visits with several services',
    // #17: the services still to come in a ticket's visit, in order (JSON array of service ids);
    // "finish and next service" moves the ticket to the first. Tickets from before have none.
    sql: `ALTER TABLE tickets ADD COLUMN next_service_ids TEXT NOT NULL DEFAULT '[]';`,
  },
  MIGRATION_12_PRIVACY,
  MIGRATION_13_AUDIT,
];
