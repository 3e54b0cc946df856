import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Subject access (docs/privacy.md): which people each package the office
 * wrote carried, so "Everything we hold about this person" can say which
 * laptops were sent their data, in which package. `package_people` is filled
 * as each package is written from now on; it holds a person's id, so an
 * erasure removes their rows. Packages written before this version did not
 * record who they carried: `packages_unrecorded` lists them, so the answer
 * can say so instead of suggesting they carried no one. Local tables: they
 * never travel. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE package_people (
      person_id TEXT NOT NULL,
      bundle_id TEXT NOT NULL,
      PRIMARY KEY (person_id, bundle_id)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE packages_unrecorded (
      bundle_id TEXT PRIMARY KEY
    ) STRICT, WITHOUT ROWID;
    INSERT INTO packages_unrecorded (bundle_id)
      SELECT bundle_id FROM outgoing_bundles WHERE EXISTS (SELECT 1 FROM device WHERE role = 'office');
  `);
}
