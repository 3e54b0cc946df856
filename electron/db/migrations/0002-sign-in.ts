import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Sign-in at the venue: bookings, append-only sign-in facts, consent records,
 * equality monitoring kept apart from people, the kiosk's local settings, and
 * a derived index for accent-insensitive name search. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE bookings (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      person_id TEXT NOT NULL REFERENCES people (id),
      state TEXT NOT NULL CHECK (state IN ('booked', 'waitlisted', 'offered', 'cancelled', 'no_show')),
      booked_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX bookings_one_per_person_and_session ON bookings (session_id, person_id);
    CREATE INDEX bookings_by_person ON bookings (person_id);

    CREATE TABLE sign_ins (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      person_id TEXT NOT NULL REFERENCES people (id),
      kind TEXT NOT NULL CHECK (kind IN ('sign_in', 'undo')),
      method TEXT NOT NULL CHECK (method IN ('facilitator', 'kiosk', 'walk_in')),
      corrects_id TEXT REFERENCES sign_ins (id),
      hlc TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      device_id TEXT NOT NULL,
      CHECK ((kind = 'undo') = (corrects_id IS NOT NULL))
    ) STRICT;
    CREATE INDEX sign_ins_by_session_person ON sign_ins (session_id, person_id, hlc);

    CREATE TABLE consents (
      id TEXT PRIMARY KEY,
      person_id TEXT NOT NULL REFERENCES people (id),
      session_id TEXT NOT NULL REFERENCES sessions (id),
      text_version TEXT NOT NULL,
      language TEXT NOT NULL,
      agreed_at TEXT NOT NULL,
      device_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX consents_by_person ON consents (person_id);

    CREATE TABLE equality_answers (
      id TEXT PRIMARY KEY,
      person_id TEXT NOT NULL UNIQUE REFERENCES people (id),
      ethnicity TEXT NOT NULL,
      answered_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE kiosk (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      pin_hash TEXT,
      session_id TEXT REFERENCES sessions (id)
    ) STRICT;
    INSERT INTO kiosk (singleton) VALUES (1);

    CREATE TABLE person_search_keys (
      key TEXT NOT NULL,
      person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
      PRIMARY KEY (key, person_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX person_search_keys_by_person ON person_search_keys (person_id);

    -- This device's own settings, never synced (e.g. which version of derived indexes is built).
    CREATE TABLE local_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
  `);
}
