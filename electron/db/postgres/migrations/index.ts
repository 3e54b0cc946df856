import { officeSchema } from './0001-office-schema';
import { erasedWaitsAndFills } from './0002-erased-waits-and-fills';

export interface PostgresMigration {
  name: string;
  /** Plain SQL, run as one batch inside the migration's transaction. */
  sql: string;
}

/**
 * The office's PostgreSQL schema, in order. A static list (it survives
 * bundling), append only: a migration's position is the version recorded in
 * fieldbook_schema_versions. Each later one is the twin of a SQLite migration
 * (electron/db/migrations), which tests/integration/postgres-schema.test.ts checks.
 */
export const postgresMigrations: readonly PostgresMigration[] = [officeSchema, erasedWaitsAndFills];
