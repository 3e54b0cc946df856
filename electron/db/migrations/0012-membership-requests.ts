import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Membership on a laptop. A facilitator records that a participant wants to
 * join a scheme (membership_requests, a shared table: made on a laptop,
 * decided at the office). The office's package brings the status lines of
 * the people booked on the laptop's sessions and the schemes' names; the
 * laptop keeps them in two local tables that only a package import writes
 * and that never travel. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE membership_requests (
      id TEXT PRIMARY KEY,
      -- No reference: a laptop holds no schemes, only their names from its package; the office checks it knows the scheme.
      scheme_id TEXT NOT NULL,
      -- The scheme's name as the laptop showed it.
      scheme_name TEXT NOT NULL,
      person_id TEXT NOT NULL REFERENCES people (id),
      -- The session at which it was asked; pruned with the session's other personal rows.
      session_id TEXT NOT NULL REFERENCES sessions (id),
      notes TEXT,
      requested_at TEXT NOT NULL,
      -- The laptop that took it: the change's author.
      device_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'confirmed', 'declined')),
      decided_at TEXT,
      decline_reason TEXT,
      -- The term the office added when it confirmed the request.
      term_id TEXT REFERENCES membership_terms (id)
    ) STRICT;
    CREATE INDEX membership_requests_by_status ON membership_requests (status, requested_at);
    CREATE INDEX membership_requests_by_person ON membership_requests (person_id);
    CREATE INDEX membership_requests_by_session ON membership_requests (session_id);

    -- Laptop only: the schemes a participant can ask to join, from the latest package (names, no fees).
    CREATE TABLE package_membership_schemes (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      -- JSON array of the required courses' titles.
      required_courses TEXT NOT NULL
    ) STRICT;

    -- Laptop only: one status line per booked person per scheme, as of the latest package's day.
    CREATE TABLE package_membership_lines (
      person_id TEXT NOT NULL,
      scheme_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('current', 'in_grace', 'expired', 'cancelled')),
      outcome TEXT NOT NULL CHECK (outcome IN ('trained', 'due', 'not_trained', 'exempt')),
      due_by TEXT NOT NULL,
      as_of TEXT NOT NULL,
      PRIMARY KEY (person_id, scheme_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
