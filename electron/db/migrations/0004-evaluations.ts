import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Evaluations and session notes: versioned evaluation templates per course,
 * immutable responses that record the template version they answered, a
 * separate record of who has responded (so an anonymous response carries
 * nothing that links it to a person), facilitators' notes for the "You said,
 * we did" log, and the kiosk's mode. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE courses ADD COLUMN evaluation_mode TEXT NOT NULL DEFAULT 'anonymous'
      CHECK (evaluation_mode IN ('anonymous', 'linked'));

    CREATE TABLE evaluation_templates (
      id TEXT PRIMARY KEY,
      course_id TEXT NOT NULL REFERENCES courses (id),
      version INTEGER NOT NULL CHECK (version >= 1),
      items TEXT NOT NULL CHECK (json_valid(items)),
      created_at TEXT NOT NULL,
      UNIQUE (course_id, version)
    ) STRICT;

    CREATE TABLE evaluation_responses (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      template_id TEXT NOT NULL REFERENCES evaluation_templates (id),
      person_id TEXT REFERENCES people (id),
      answers TEXT NOT NULL CHECK (json_valid(answers)),
      language TEXT NOT NULL,
      submitted_on TEXT NOT NULL
    ) STRICT;
    CREATE INDEX evaluation_responses_by_session ON evaluation_responses (session_id);

    -- Anonymous answers wait here, on this device only, until they are released together
    -- in a shuffled batch, so their order in the change log says nothing about who gave them.
    CREATE TABLE pending_anonymous_responses (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      template_id TEXT NOT NULL REFERENCES evaluation_templates (id),
      answers TEXT NOT NULL CHECK (json_valid(answers)),
      language TEXT NOT NULL,
      submitted_on TEXT NOT NULL
    ) STRICT;

    CREATE TABLE evaluation_completions (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      person_id TEXT NOT NULL REFERENCES people (id),
      completed_at TEXT NOT NULL,
      UNIQUE (session_id, person_id)
    ) STRICT;

    CREATE TABLE session_notes (
      id TEXT PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      text TEXT NOT NULL,
      tags TEXT NOT NULL CHECK (json_valid(tags)),
      needs_response INTEGER NOT NULL CHECK (needs_response IN (0, 1)),
      status TEXT NOT NULL CHECK (status IN ('open', 'responded', 'closed')),
      response TEXT,
      created_at TEXT NOT NULL,
      responded_at TEXT
    ) STRICT;
    CREATE INDEX session_notes_by_session ON session_notes (session_id);
    CREATE INDEX session_notes_by_status ON session_notes (status, created_at);

    ALTER TABLE kiosk ADD COLUMN mode TEXT NOT NULL DEFAULT 'sign_in' CHECK (mode IN ('sign_in', 'evaluation'));
  `);
}
