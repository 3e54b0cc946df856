import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Facilitators as records. The office keeps one row per facilitator (an id
 * and a name that can be corrected); laptops receive them in their package,
 * read only. A session keeps its facilitators' names (every screen and file
 * reads them) and, beside them, which record each name is:
 * `facilitator_ids[i]` is the id of the facilitator named `facilitators[i]`,
 * or null (or missing: every session before this has '[]') for a name typed
 * before there were records. The office writes the record's name into each
 * session that refers to it, so a renamed facilitator is renamed on every
 * session, and reports count by the record.
 *
 * The reports' facts (0019) are raised when a session's links change, and
 * when a record is added, renamed or removed, as they are when its names do.
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE facilitators (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL
    ) STRICT;
    ALTER TABLE sessions ADD COLUMN facilitator_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(facilitator_ids));
    CREATE TRIGGER report_version_sessions_facilitator_ids AFTER UPDATE ON sessions WHEN OLD.facilitator_ids IS NOT NEW.facilitator_ids
      BEGIN UPDATE report_source_versions SET version = random() WHERE source = 'sessions'; END;
    CREATE TRIGGER report_version_facilitators_insert AFTER INSERT ON facilitators
      BEGIN UPDATE report_source_versions SET version = random() WHERE source = 'sessions'; END;
    CREATE TRIGGER report_version_facilitators_update AFTER UPDATE ON facilitators WHEN OLD.name IS NOT NEW.name
      BEGIN UPDATE report_source_versions SET version = random() WHERE source = 'sessions'; END;
    CREATE TRIGGER report_version_facilitators_delete AFTER DELETE ON facilitators
      BEGIN UPDATE report_source_versions SET version = random() WHERE source = 'sessions'; END;
  `);
}
