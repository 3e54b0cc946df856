import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Measuring change through the training cycle (issue 17).
 *
 * - Each answer says at which moment it was given: 'before' (at sign-in,
 *   before the session starts), 'after' (at the end, as every answer so far
 *   was) or 'follow_up' (weeks later). Existing answers are 'after'.
 * - `late`: a before answer given after the session's start time, kept but
 *   counted apart in reports.
 * - `pairing_code`: in anonymous mode, the random code a person's before and
 *   after answers share, so they pair without naming anyone. Null in linked
 *   mode, where the person pairs them.
 * - A template's follow-up comes a set number of weeks after the session
 *   (12 unless the office says otherwise).
 * - pending_pairing_codes: local only, on the laptop with the held answers,
 *   which person holds which code until their pair is released; the row goes
 *   with the release, so the office never sees it. WITHOUT ROWID for the same
 *   reason as the other holding tables: not even storage order says who came
 *   when.
 *
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE evaluation_templates ADD COLUMN follow_up_weeks INTEGER NOT NULL DEFAULT 12 CHECK (follow_up_weeks BETWEEN 1 AND 104);

    ALTER TABLE evaluation_responses ADD COLUMN moment TEXT NOT NULL DEFAULT 'after' CHECK (moment IN ('before', 'after', 'follow_up'));
    ALTER TABLE evaluation_responses ADD COLUMN late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1));
    ALTER TABLE evaluation_responses ADD COLUMN pairing_code TEXT;
    CREATE INDEX evaluation_responses_by_person ON evaluation_responses (person_id, session_id) WHERE person_id IS NOT NULL;

    ALTER TABLE pending_anonymous_responses ADD COLUMN moment TEXT NOT NULL DEFAULT 'after' CHECK (moment IN ('before', 'after', 'follow_up'));
    ALTER TABLE pending_anonymous_responses ADD COLUMN late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1));
    ALTER TABLE pending_anonymous_responses ADD COLUMN pairing_code TEXT;

    CREATE TABLE pending_pairing_codes (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      person_id TEXT NOT NULL REFERENCES people (id),
      code TEXT NOT NULL UNIQUE,
      PRIMARY KEY (session_id, person_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
