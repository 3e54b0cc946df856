import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * On the office server, each wrong password by the address it came from, so
 * the per-address limit (20 in 15 minutes shuts the address out) survives a
 * restart of the server; before, it was kept in memory and a restart gave
 * an attacker a fresh start. Rows older than the window are removed as new
 * ones are written. Local to the office, never in a file. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sign_in_address_failures (
      address TEXT NOT NULL,
      failed_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sign_in_address_failures_by_address ON sign_in_address_failures (address, failed_at);
  `);
}
