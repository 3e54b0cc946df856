import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The rest of what an erasure takes out of the demand report (docs/privacy.md,
 * "Reports after an erasure"), beside 0028's waitlist entries and released
 * places. Local, never in a file, and nothing that names the person or holds
 * their ids:
 *
 * - erased_waits: each wait of theirs the median days from the waitlist to a
 *   place counted (a joining later given a place), with its session, the day
 *   the place was given (the report counts places given by its as-of day),
 *   the whole days waited, and the organisation the report counted them under
 *   (for its organisation and sector filters);
 * - erased_fills: each session whose first moment full their places moved
 *   (later, or to never), with that moment with them and without them, in the
 *   order the erasures were made here (`seq`), so a session several erasures
 *   moved reads from the first one's moment to the last one's.
 *
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE erased_waits (
      erasure_id TEXT NOT NULL REFERENCES erasures (id),
      session_id TEXT NOT NULL,
      organisation_id TEXT,
      placed_on TEXT NOT NULL,
      days INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX erased_waits_by_session ON erased_waits (session_id);

    CREATE TABLE erased_fills (
      seq INTEGER PRIMARY KEY,
      erasure_id TEXT NOT NULL REFERENCES erasures (id),
      session_id TEXT NOT NULL,
      full_with TEXT,
      full_without TEXT
    ) STRICT;
    CREATE INDEX erased_fills_by_session ON erased_fills (session_id, seq);
  `);
}
