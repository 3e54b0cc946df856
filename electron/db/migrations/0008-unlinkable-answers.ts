import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Anonymous evaluation answers that cannot be tied back to a person.
 *
 * - An anonymous answer keeps no language: it matched the person's consent
 *   language. evaluation_responses.language becomes nullable (SQLite needs the
 *   table rebuilt for that), and the answers and change-log entries already
 *   stored lose theirs.
 * - Completions of anonymous courses are held with the answers until a batch is
 *   released, in pending_anonymous_completions.
 * - Both holding tables are WITHOUT ROWID, ordered by their random or derived
 *   ids, so not even their storage order says which answer came when.
 *
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE evaluation_responses_new (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      template_id TEXT NOT NULL REFERENCES evaluation_templates (id),
      person_id TEXT REFERENCES people (id),
      answers TEXT NOT NULL CHECK (json_valid(answers)),
      language TEXT,
      submitted_on TEXT NOT NULL
    ) STRICT;
    INSERT INTO evaluation_responses_new (id, session_id, template_id, person_id, answers, language, submitted_on)
      SELECT id, session_id, template_id, person_id, answers, CASE WHEN person_id IS NULL THEN NULL ELSE language END, submitted_on
      FROM evaluation_responses;
    DROP TABLE evaluation_responses;
    ALTER TABLE evaluation_responses_new RENAME TO evaluation_responses;
    CREATE INDEX evaluation_responses_by_session ON evaluation_responses (session_id);

    UPDATE change_log SET fields = json_set(fields, '$.language', NULL)
      WHERE table_name = 'evaluation_responses'
        AND json_type(fields, '$.language') IS NOT NULL
        AND row_id IN (SELECT id FROM evaluation_responses WHERE person_id IS NULL);

    CREATE TABLE pending_anonymous_responses_new (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      template_id TEXT NOT NULL REFERENCES evaluation_templates (id),
      answers TEXT NOT NULL CHECK (json_valid(answers)),
      submitted_on TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    INSERT INTO pending_anonymous_responses_new (id, session_id, template_id, answers, submitted_on)
      SELECT id, session_id, template_id, answers, submitted_on FROM pending_anonymous_responses;
    DROP TABLE pending_anonymous_responses;
    ALTER TABLE pending_anonymous_responses_new RENAME TO pending_anonymous_responses;

    CREATE TABLE pending_anonymous_completions (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      person_id TEXT NOT NULL REFERENCES people (id),
      completed_on TEXT NOT NULL,
      UNIQUE (session_id, person_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
