import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * For each edit, the change it replaced on the device that made it (field
 * name to change id). It tells a conflict (two devices editing without
 * seeing each other's value) from an ordinary edit of a value the device
 * had already received. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE change_log ADD COLUMN replaces TEXT CHECK (replaces IS NULL OR json_valid(replaces));
  `);
}
