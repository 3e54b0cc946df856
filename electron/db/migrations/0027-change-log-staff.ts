import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * On the office server, which staff member made each change: one row per
 * change-log entry written during a signed-in staff member's call. Kept
 * beside the change log rather than in it, so the change log and the files
 * it travels in keep their shape; local to the office, never in a file.
 * A change erased from the change log takes its row here with it. Frozen
 * once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE change_log_staff (
      change_id TEXT PRIMARY KEY REFERENCES change_log (id) ON DELETE CASCADE,
      staff_id TEXT NOT NULL,
      staff_name TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}
