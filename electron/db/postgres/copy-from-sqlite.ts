import type { Database } from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely, type Transaction } from 'kysely';
import { FieldbookError } from '../../../shared/errors';
import { migratePostgresWithin } from './migrate';
import { TableHash } from './table-hash';

export interface CopiedTable {
  table: string;
  rows: number;
  /** The content hash (table-hash.ts), the same from SQLite and from PostgreSQL. */
  hash: string;
}

/** PostgreSQL takes at most 65,535 parameters in one statement; stay well under it. */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_INSERT = 1_000;
/** PostgreSQL's SQLSTATE for a reference to a row that is not there. */
const FOREIGN_KEY_VIOLATION = '23503';

/** PostgreSQL refused a row for what it holds: SQLSTATE class 22 (data exception) or 23 (integrity constraint violation). */
function refusedRow(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
/** Rows read back at a time when proving the copy, so a large table is never held in memory whole. */
const ROWS_PER_FETCH = 2_000;

/**
 * Refuses a database with anything in it: the copy makes the whole office
 * schema and must never mix with tables already there.
 */
export async function refuseUnlessEmpty(db: Kysely<unknown>, name: string): Promise<void> {
  const { rows } = await sql<{ relation: string }>`
    SELECT n.nspname || '.' || c.relname AS relation
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    ORDER BY 1`.execute(db);
  if (rows.length > 0) {
    const examples = rows.slice(0, 3).map((row) => row.relation).join(', ');
    throw new FieldbookError(
      'INVALID_INPUT',
      `Choose an empty PostgreSQL database: "${name}" already holds ${rows.length === 1 ? 'a table' : `${rows.length} tables`} (${examples}${rows.length > 3 ? ', …' : ''}). Nothing was copied.`,
    );
  }
}

/** Every table of the SQLite office and its columns in order (sqlite_schema and PRAGMA table_info). */
function sqliteTables(sqlite: Database): { table: string; columns: string[] }[] {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).pluck().all() as string[];
  return tables.map((table) => ({ table, columns: (sqlite.pragma(`table_info("${table}")`) as { name: string }[]).map((column) => column.name) }));
}

async function insertBatch(trx: Transaction<unknown>, table: string, columns: string[], batch: unknown[][]): Promise<void> {
  const rows = batch.map((row) => sql`(${sql.join(row)})`);
  await sql`INSERT INTO ${sql.id(table)} (${sql.join(columns.map((column) => sql.id(column)))}) VALUES ${sql.join(rows)}`.execute(trx);
}

/**
 * Every SQLite column has somewhere to go: a Fieldbook whose PostgreSQL schema
 * lacks a twin of a SQLite migration (tests/integration/postgres-schema.test.ts
 * stops that being released) says so before copying anything.
 */
async function refuseMissingColumns(trx: Transaction<unknown>, tables: { table: string; columns: string[] }[]): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`.execute(trx);
  const inPostgres = new Set(rows.map((row) => `${row.table_name}.${row.column_name}`));
  const missing = tables.flatMap(({ table, columns }) => columns.map((column) => `${table}.${column}`)).filter((column) => !inPostgres.has(column));
  if (missing.length > 0) {
    throw new FieldbookError(
      'UNSUPPORTED_VERSION',
      `Update Fieldbook before moving this office: its PostgreSQL schema has nowhere for ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ', …' : ''}. Nothing was copied.`,
    );
  }
}

/** Copies one table's rows in multi-row INSERTs, hashing each row as it is read from SQLite. */
async function copyTable(sqlite: Database, trx: Transaction<unknown>, table: string, columns: string[]): Promise<TableHash> {
  const hash = new TableHash();
  const perInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMETERS / columns.length)));
  // Whole numbers as BigInt: SQLite's report versions are 64-bit, past what a JavaScript number holds exactly.
  const select = sqlite.prepare(`SELECT ${columns.map((column) => `"${column}"`).join(', ')} FROM "${table}"`).raw().safeIntegers(true);
  let batch: unknown[][] = [];
  for (const row of select.iterate() as Iterable<unknown[]>) {
    hash.add(row);
    batch.push(row);
    if (batch.length === perInsert) {
      await insertBatch(trx, table, columns, batch);
      batch = [];
    }
  }
  if (batch.length > 0) await insertBatch(trx, table, columns, batch);
  return hash;
}

/**
 * The same hash from the rows PostgreSQL now holds, read through a cursor a batch
 * at a time; bigint columns are read as text and made BigInt, exact as SQLite's are.
 */
async function hashInPostgres(trx: Transaction<unknown>, table: string, columns: string[]): Promise<TableHash> {
  const { rows: bigintRows } = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table} AND data_type = 'bigint'`.execute(trx);
  const bigints = new Set(bigintRows.map((row) => row.column_name));
  const selected = columns.map((column) => (bigints.has(column) ? sql`${sql.id(column)}::text AS ${sql.id(column)}` : sql.id(column)));
  const hash = new TableHash();
  await sql`DECLARE fieldbook_copy_check NO SCROLL CURSOR FOR SELECT ${sql.join(selected)} FROM ${sql.id(table)}`.execute(trx);
  for (;;) {
    const { rows } = await sql<Record<string, unknown>>`FETCH ${sql.raw(String(ROWS_PER_FETCH))} FROM fieldbook_copy_check`.execute(trx);
    for (const row of rows) hash.add(columns.map((column) => (bigints.has(column) && row[column] !== null ? BigInt(row[column] as string) : row[column])));
    if (rows.length < ROWS_PER_FETCH) break;
  }
  await sql`CLOSE fieldbook_copy_check`.execute(trx);
  return hash;
}

/** An identity column (SQLite's INTEGER PRIMARY KEY) goes on from the highest number copied, as SQLite's would. */
async function continueIdentities(trx: Transaction<unknown>): Promise<void> {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`.execute(trx);
  for (const { table_name, column_name } of rows) {
    await sql`SELECT setval(pg_get_serial_sequence(${table_name}, ${column_name}), coalesce(max(${sql.id(column_name)}), 0) + 1, false) FROM ${sql.id(table_name)}`.execute(trx);
  }
}

/**
 * Copies a SQLite office into an empty PostgreSQL database in one transaction:
 * the office schema (the PostgreSQL migrations), then every table's rows
 * (data, change log, enrolments, keys, settings: every table there is), then
 * the proof, each table's row count and content hash read back from
 * PostgreSQL against SQLite's. Any difference, or any row PostgreSQL refuses,
 * rolls it all back, so the database is left as empty as it was.
 *
 * The SQLite side is read inside one read transaction, one consistent
 * snapshot however long the copy takes; PostgreSQL's foreign keys are
 * deferred to the commit, so tables go in any order, and the report-version
 * triggers are off while the copy writes the versions SQLite had.
 */
export async function copySqliteOfficeToPostgres(
  sqlite: Database,
  db: Kysely<unknown>,
  onTable: (table: string) => void = () => {},
): Promise<CopiedTable[]> {
  const tables = sqliteTables(sqlite);
  sqlite.exec('BEGIN');
  try {
    return await db.transaction().execute(async (trx) => {
      await migratePostgresWithin(trx);
      await refuseMissingColumns(trx, tables);
      // Before any row is written: PostgreSQL alters no table with checks still pending.
      for (const { table } of tables) await sql`ALTER TABLE ${sql.id(table)} DISABLE TRIGGER USER`.execute(trx);
      await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
      const fromSqlite = new Map<string, TableHash>();
      for (const { table, columns } of tables) {
        onTable(table);
        // The migrations' own first rows (the kiosk's row, the report versions) give way to the office's.
        await sql`DELETE FROM ${sql.id(table)}`.execute(trx);
        try {
          fromSqlite.set(table, await copyTable(sqlite, trx, table, columns));
        } catch (error) {
          // A lost connection, a shutdown or a full disk is the server's: the command words those.
          if (!refusedRow(error)) throw error;
          throw new FieldbookError('INVALID_INPUT', `Check the office's table ${table} before moving it: PostgreSQL refused one of its rows (${(error as Error).message}). Nothing was copied.`);
        }
      }
      // Every reference is checked here, now that every table is in.
      await sql`SET CONSTRAINTS ALL IMMEDIATE`.execute(trx).catch((error: { code?: string; table?: string; detail?: string }) => {
        if (error.code !== FOREIGN_KEY_VIOLATION) throw error;
        throw new FieldbookError(
          'INVALID_INPUT',
          `Check the office's table ${error.table ?? '(unnamed)'} before moving it: one of its rows refers to a record that is not there (${error.detail ?? 'no detail'}). Nothing was copied.`,
        );
      });
      for (const { table } of tables) await sql`ALTER TABLE ${sql.id(table)} ENABLE TRIGGER USER`.execute(trx);
      await continueIdentities(trx);
      const copied: CopiedTable[] = [];
      for (const { table, columns } of tables) {
        const inPostgres = await hashInPostgres(trx, table, columns);
        const sqliteHash = fromSqlite.get(table)!;
        if (inPostgres.rows !== sqliteHash.rows || inPostgres.hex !== sqliteHash.hex) {
          throw new FieldbookError(
            'INTERNAL',
            `Try the move again, and report it if it happens twice: the copy of the table ${table} did not match (PostgreSQL held ${inPostgres.rows} rows, hash ${inPostgres.hex}; SQLite has ${sqliteHash.rows}, hash ${sqliteHash.hex}). Nothing was copied.`,
          );
        }
        copied.push({ table, rows: sqliteHash.rows, hash: sqliteHash.hex });
      }
      return copied;
    });
  } finally {
    sqlite.exec('COMMIT');
  }
}
