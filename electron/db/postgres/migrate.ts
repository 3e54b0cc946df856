import { sql, type Kysely, type Transaction } from 'kysely';
import { FieldbookError } from '../../../shared/errors';
import { postgresMigrations, type PostgresMigration } from './migrations';

/** A database a newer Fieldbook migrated: refused whole, nothing is changed in it. */
export class PostgresSchemaTooNewError extends FieldbookError {
  constructor(message: string) {
    super('UNSUPPORTED_VERSION', message);
  }
}

/** Any number, as long as it is the same everywhere: two servers starting at once migrate one after the other. */
const MIGRATION_LOCK = 0x6669656c64; // "field"

/**
 * Brings the office's PostgreSQL schema up to date. PostgreSQL's DDL is
 * transactional, so every pending migration and the record of it commit
 * together or not at all; an advisory lock held by that transaction keeps a
 * second server starting at the same moment from running them twice. A
 * database written by a newer Fieldbook is refused, naming the version needed.
 * Returns the schema version now in place.
 */
export function migratePostgres(db: Kysely<unknown>, migrations: readonly PostgresMigration[] = postgresMigrations): Promise<number> {
  return db.transaction().execute((trx) => migratePostgresWithin(trx, migrations));
}

/** The same, inside a transaction the caller holds (the copy from SQLite migrates and copies in one). */
export async function migratePostgresWithin(trx: Transaction<unknown>, migrations: readonly PostgresMigration[] = postgresMigrations): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
  // Text in any other encoding would not hold every name SQLite's UTF-8 does, nor compare byte for byte the same.
  const { rows: encoding } = await sql<{ name: string }>`SELECT pg_encoding_to_char(encoding) AS name FROM pg_database WHERE datname = current_database()`.execute(trx);
  if (encoding[0]?.name !== 'UTF8') {
    throw new FieldbookError(
      'INVALID_INPUT',
      `Make the database with ENCODING 'UTF8' (CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0): this one is ${encoding[0]?.name ?? 'of an unknown encoding'}, which cannot hold every name Fieldbook keeps.`,
    );
  }
  await sql`
    CREATE TABLE IF NOT EXISTS fieldbook_schema_versions (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
  const { rows } = await sql<{ current: number | null }>`SELECT max(version) AS current FROM fieldbook_schema_versions`.execute(trx);
  const current = rows[0]?.current ?? 0;
  if (current > migrations.length) {
    throw new PostgresSchemaTooNewError(
      `Update Fieldbook to use this database: it was written by a newer version (PostgreSQL schema ${current}; this version knows ${migrations.length}), so it needs a Fieldbook that knows schema ${current}.`,
    );
  }
  for (const [index, migration] of migrations.entries()) {
    if (index < current) continue;
    await sql.raw(migration.sql).execute(trx);
    await sql`INSERT INTO fieldbook_schema_versions (version, name) VALUES (${index + 1}, ${migration.name})`.execute(trx);
  }
  return migrations.length;
}
