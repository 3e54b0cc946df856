import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * At the office: a note of each file chosen on the Import screen that was
 * refused whole, and why, for the import log. Its reason may name a laptop
 * or a person from the refused file, so it is kept here, in the encrypted
 * database, rather than as a plain file beside it (the "Refused imports"
 * folder before this). Kept for the inbox retention period, the newest 200
 * at most. Local: never in the change log or a file. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE refused_imports (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      reason TEXT NOT NULL
    ) STRICT;
    CREATE INDEX refused_imports_by_time ON refused_imports (at);
  `);
}
