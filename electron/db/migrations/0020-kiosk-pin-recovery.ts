import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Ways back to the kiosk when its PIN is forgotten. On a laptop: the hash of
 * its recovery code (scrypt, as the PIN's; the code itself is shown once and
 * never kept), and the last PIN reset the office sent in a package (its id,
 * so a package read again does not reset the PIN twice, and when the office
 * set it). At the office: the PIN reset waiting for each laptop, as a hash,
 * carried in every package written for that laptop until a newer one
 * replaces it. All local: never in the change log or an end-of-day file.
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE kiosk ADD COLUMN recovery_code_hash TEXT;
    ALTER TABLE kiosk ADD COLUMN office_pin_reset_id TEXT;
    ALTER TABLE kiosk ADD COLUMN office_pin_reset_at TEXT;
    CREATE TABLE laptop_pin_resets (
      device_id TEXT PRIMARY KEY,
      id TEXT NOT NULL,
      pin_hash TEXT NOT NULL,
      set_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}
