import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Erasure (docs/privacy.md). `erasures` is the one audit line each erasure
 * leaves: who, when, why and how many rows of each table went, never a name.
 * On a laptop it records an erasure a package brought, and the end-of-day
 * file that first confirmed it to the office. `erased_rows` keeps every
 * erased row (a hash of its id), so a change about one of them, from an old
 * end-of-day file or a laptop's copy, is dropped before it reaches the change
 * log: a hash, so no table holds the erased person's id, yet a change naming
 * it is known at once. `erasure_confirmations` is the office's record of which laptop
 * confirmed which erasure. A held file sealed again without an erased person
 * is signed by the office, not its laptop: `resealed` says which key to check.
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE erasures (
      id TEXT PRIMARY KEY,
      erased_at TEXT NOT NULL,
      erased_by TEXT NOT NULL,
      reason TEXT NOT NULL,
      counts TEXT NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('here', 'package')),
      confirmed_in_sequence INTEGER
    ) STRICT;
    CREATE TABLE erased_rows (
      row_hash TEXT PRIMARY KEY,
      table_name TEXT NOT NULL,
      erasure_id TEXT NOT NULL REFERENCES erasures (id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX erased_rows_by_erasure ON erased_rows (erasure_id, table_name);
    CREATE TABLE erasure_confirmations (
      erasure_id TEXT NOT NULL REFERENCES erasures (id),
      device_id TEXT NOT NULL,
      confirmed_at TEXT NOT NULL,
      bundle_sequence INTEGER NOT NULL,
      PRIMARY KEY (erasure_id, device_id)
    ) STRICT, WITHOUT ROWID;
    ALTER TABLE held_bundles ADD COLUMN resealed INTEGER NOT NULL DEFAULT 0;
  `);
}
