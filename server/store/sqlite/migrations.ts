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
];
