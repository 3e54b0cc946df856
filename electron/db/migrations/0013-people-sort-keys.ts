import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Sort keys for the people list, so the database pages through any number
 * of people in the order a UK reader expects (Bąk before Butt, Öztürk with
 * the Os) without loading them all. One key per person still listed (not
 * merged away), derived from their names on this device and never synced,
 * like person_search_keys. The key is computed in the app (Unicode
 * decomposition is not SQL), so the rows are filled by the versioned
 * rebuild that runs on every open (ensureSearchKeys): a migration stays
 * frozen, and a later change to how names are folded rebuilds the keys too.
 * Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE person_sort_keys (
      person_id TEXT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
      key TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    -- The list's order and its keyset cursor: (key, person_id) is unique, so a page boundary is exact.
    CREATE UNIQUE INDEX person_sort_keys_in_order ON person_sort_keys (key, person_id);
  `);
}
