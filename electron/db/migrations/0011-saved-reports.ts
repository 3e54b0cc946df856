import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Saved reports: a name and the report choices as JSON (checked against the
 * contract's ReportChoice when saved and again when read). Office data that
 * never travels in a package. Deleting one sets deleted_at, so the change
 * log records it like any other edit. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE saved_reports (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      choice TEXT NOT NULL CHECK (json_valid(choice)),
      saved_at TEXT NOT NULL,
      deleted_at TEXT
    ) STRICT;
    CREATE INDEX saved_reports_by_name ON saved_reports (name COLLATE NOCASE) WHERE deleted_at IS NULL;
  `);
}
