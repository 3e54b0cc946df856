import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * What an erasure took out of the demand report (docs/privacy.md, "Reports
 * after an erasure"), beside 0024's attendances and answers. Local, never in
 * a file, and nothing that names the person or holds their ids: per erasure,
 * one row for each thing the demand report counted from the erased person's
 * bookings, with its session, the day it was recorded (the report counts
 * what was recorded by its as-of day) and the organisation the report
 * counted them under (for its organisation and sector filters):
 *
 * - 'waitlisted': they joined the session's waitlist (the first day they did);
 * - 'placed': they were given a place from it (the first day they were);
 * - 'released': a place of theirs released at the venue as a no-show;
 * - 'released_taken': they were given a place released by no-shows.
 *
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE erased_demand (
      erasure_id TEXT NOT NULL REFERENCES erasures (id),
      session_id TEXT NOT NULL,
      organisation_id TEXT,
      counted TEXT NOT NULL CHECK (counted IN ('waitlisted', 'placed', 'released', 'released_taken')),
      recorded_on TEXT NOT NULL
    ) STRICT;
    CREATE INDEX erased_demand_by_session ON erased_demand (session_id);
  `);
}
