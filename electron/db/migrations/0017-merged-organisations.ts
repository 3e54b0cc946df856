import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * "Same organisation": the office merges two records of one organisation
 * ("Hope Street Surgery" typed on two laptops). The one merged away points at
 * the one kept, as a merged person does, so nothing is deleted and both
 * histories stay; lists and choosers show only the one kept. Frozen once
 * landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE organisations ADD COLUMN merged_into TEXT;
    CREATE INDEX organisations_merged ON organisations (merged_into) WHERE merged_into IS NOT NULL;
  `);
}
