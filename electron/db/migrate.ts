import type { Database } from 'better-sqlite3-multiple-ciphers';
import { migrations as allMigrations, type Migration } from './migrations';

export class SchemaTooNewError extends Error {}

/**
 * Brings the schema up to date. All pending migrations run in one transaction
 * with the version bump, so a crash part-way leaves the previous version
 * intact rather than a half-migrated file. (Kysely's Migrator does not wrap
 * SQLite DDL in a transaction, which is why this is ours.)
 */
export function migrate(db: Database, migrations: readonly Migration[] = allMigrations): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new SchemaTooNewError(
      `This data was written by a newer version of Fieldbook (schema ${current}; this version knows ${migrations.length}). Update Fieldbook to open it.`,
    );
  }
  if (current === migrations.length) return current;
  db.transaction(() => {
    for (const migration of migrations.slice(current)) migration.up(db);
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
  return migrations.length;
}
