import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Sync between devices: each device's age key for receiving files, pairing
 * (the office a laptop sends to; the laptops an office has enrolled), the
 * bundles a device wrote and received, bundles held for review, and the
 * office's review lists (conflicts, capacity overruns, rows waiting for a
 * record they refer to). People merged as duplicates point at the person
 * they were merged into, so both histories are kept. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE device ADD COLUMN age_recipient TEXT;
    ALTER TABLE people ADD COLUMN merged_into TEXT;

    CREATE TABLE paired_office (
      singleton INTEGER NOT NULL DEFAULT 1 UNIQUE CHECK (singleton = 1),
      device_id TEXT NOT NULL,
      name TEXT NOT NULL,
      signing_public_key TEXT NOT NULL,
      age_recipient TEXT NOT NULL,
      team TEXT,
      facilitators TEXT NOT NULL CHECK (json_valid(facilitators)),
      enrolled_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE enrolled_devices (
      device_id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      signing_public_key TEXT NOT NULL,
      age_recipient TEXT NOT NULL,
      team TEXT,
      facilitators TEXT NOT NULL CHECK (json_valid(facilitators)),
      enrolled_at TEXT NOT NULL,
      revoked_at TEXT,
      revoked_reason TEXT
    ) STRICT;

    -- Files this device wrote: a laptop's bundles to the office, the office's packages to laptops.
    CREATE TABLE outgoing_bundles (
      bundle_id TEXT PRIMARY KEY,
      recipient_device_id TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      created_hlc TEXT NOT NULL,
      -- The local changes it carries: hlc after from_hlc, up to and including to_hlc.
      from_hlc TEXT NOT NULL,
      to_hlc TEXT NOT NULL,
      summary TEXT NOT NULL CHECK (json_valid(summary)),
      acknowledged_at TEXT,
      UNIQUE (recipient_device_id, sequence)
    ) STRICT;

    CREATE TABLE received_bundles (
      bundle_id TEXT PRIMARY KEY,
      sender_device_id TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('bundle', 'package')),
      created_hlc TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      summary TEXT NOT NULL CHECK (json_valid(summary)),
      repeats_seen INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX received_bundles_by_sender ON received_bundles (sender_device_id, sequence);

    CREATE TABLE import_log (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      bundle_id TEXT NOT NULL,
      sender_device_id TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('imported', 'already_imported', 'held')),
      message TEXT NOT NULL
    ) STRICT;

    CREATE TABLE held_bundles (
      bundle_id TEXT PRIMARY KEY,
      sender_device_id TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      created_hlc TEXT NOT NULL,
      file_name TEXT NOT NULL,
      file BLOB NOT NULL,
      reason TEXT NOT NULL,
      received_at TEXT NOT NULL
    ) STRICT;

    -- A value a merge overwrote: the losing change and the change that won.
    CREATE TABLE conflicts (
      id TEXT PRIMARY KEY,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT NOT NULL,
      lost_change_id TEXT NOT NULL,
      won_change_id TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'reversed')),
      resolved_at TEXT,
      UNIQUE (lost_change_id, field)
    ) STRICT;

    -- Rows whose changes arrived but cannot be stored yet: an edit before the
    -- record it edits, or a record that refers to one still to arrive.
    CREATE TABLE unapplied_rows (
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      PRIMARY KEY (table_name, row_id)
    ) STRICT;

    CREATE TABLE capacity_flags (
      session_id TEXT PRIMARY KEY REFERENCES sessions (id),
      flagged_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE duplicate_decisions (
      first_person_id TEXT NOT NULL,
      second_person_id TEXT NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('keep_apart')),
      decided_at TEXT NOT NULL,
      PRIMARY KEY (first_person_id, second_person_id)
    ) STRICT;
  `);
}
