import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * The follow-up's personal codes (issue 17): one per person and session,
 * made at the office when the mail-merge is written (that is when they were
 * asked), used once when their answers come back.
 *
 * - Office only and local: codes never travel in a package or an end-of-day
 *   file, and are not in the change log; the answers they bring are ordinary
 *   evaluation_responses at the moment 'follow_up'.
 * - `code` is kept plain (8 characters of a 31-character alphabet): the
 *   office prints it again on the form and in a mail-merge written again,
 *   and the database is encrypted already (docs/evaluations.md says why).
 * - `template_id`: the form whose follow-up questions were sent, so the
 *   answers are stored against the questions asked.
 * - `answered_at` and `response_id`: null until the code is used, once.
 *
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE follow_up_codes (
      code TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      person_id TEXT NOT NULL REFERENCES people (id),
      template_id TEXT NOT NULL REFERENCES evaluation_templates (id),
      asked_at TEXT NOT NULL,
      answered_at TEXT,
      response_id TEXT,
      UNIQUE (session_id, person_id)
    ) STRICT;
    CREATE INDEX follow_up_codes_by_person ON follow_up_codes (person_id);
  `);
}
