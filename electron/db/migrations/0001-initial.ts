import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The first schema. Frozen: once landed, never edited; later changes are new
 * migrations. It uses raw SQL on purpose so it never depends on the app's
 * current types.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE device (
      id TEXT PRIMARY KEY,
      singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
      role TEXT NOT NULL CHECK (role IN ('laptop', 'office')),
      name TEXT NOT NULL,
      created_at TEXT NOT NULL,
      signing_public_key TEXT NOT NULL,
      clock TEXT NOT NULL
    ) STRICT;

    CREATE TABLE change_log (
      id TEXT PRIMARY KEY,
      hlc TEXT NOT NULL,
      device_id TEXT NOT NULL,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      fields TEXT NOT NULL CHECK (json_valid(fields))
    ) STRICT;
    CREATE INDEX change_log_by_clock ON change_log (hlc);
    CREATE INDEX change_log_by_row ON change_log (table_name, row_id);

    CREATE TABLE organisations (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      sector TEXT NOT NULL CHECK (sector IN ('statutory', 'vcse', 'other'))
    ) STRICT;
    CREATE INDEX organisations_by_name ON organisations (name COLLATE NOCASE);

    CREATE TABLE people (
      id TEXT PRIMARY KEY,
      given_name TEXT NOT NULL,
      family_name TEXT NOT NULL,
      preferred_name TEXT,
      email TEXT,
      phone TEXT,
      organisation_id TEXT REFERENCES organisations (id),
      membership_joined_on TEXT
    ) STRICT;
    CREATE INDEX people_by_family_name ON people (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
    CREATE INDEX people_by_given_name ON people (given_name COLLATE NOCASE);
    CREATE INDEX people_by_organisation ON people (organisation_id);

    CREATE TABLE courses (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      description TEXT,
      duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
      learning_outcomes TEXT NOT NULL CHECK (json_valid(learning_outcomes))
    ) STRICT;

    CREATE TABLE venues (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      address TEXT NOT NULL,
      access_notes TEXT
    ) STRICT;

    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      course_id TEXT NOT NULL REFERENCES courses (id),
      venue_id TEXT NOT NULL REFERENCES venues (id),
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      capacity INTEGER NOT NULL CHECK (capacity >= 0),
      facilitators TEXT NOT NULL CHECK (json_valid(facilitators)),
      status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'completed'))
    ) STRICT;
    CREATE INDEX sessions_by_start ON sessions (starts_at);
  `);
}
