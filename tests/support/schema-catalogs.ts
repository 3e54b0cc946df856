import type { Database } from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely } from 'kysely';
import { canonicalExpression } from './sql-expression';

/**
 * A schema as both engines' catalogs describe it, in one shape, so the SQLite
 * office and the PostgreSQL office can be compared table by table
 * (tests/integration/postgres-schema.test.ts): types by the stated mapping
 * below, expressions (CHECKs, defaults, index predicates) in the one spelling
 * of sql-expression.ts, NOCASE index keys as lower(column).
 */
export interface CatalogColumn {
  /** 'text', 'integer', 'real', 'blob' on SQLite; PostgreSQL's type and collation ('text "C"', 'integer', ...). */
  type: string;
  notNull: boolean;
  default: string | null;
  /** Numbered by the database when a row gives none: SQLite's INTEGER PRIMARY KEY of a rowid table, PostgreSQL's identity column. */
  autoNumbered: boolean;
}

export interface CatalogIndex {
  unique: boolean;
  keys: string[];
  where: string | null;
}

export interface CatalogTrigger {
  table: string;
  event: string;
  /** An UPDATE trigger's watched columns, sorted; empty for INSERT and DELETE. */
  columns: string[];
  /** The report source whose version it raises. */
  source: string;
}

export interface CatalogTable {
  columns: Map<string, CatalogColumn>;
  primaryKey: string[];
  /** Each UNIQUE constraint's columns, joined by commas, sorted. */
  uniques: string[];
  indexes: Map<string, CatalogIndex>;
  /** "columns -> table (columns) on delete action", sorted. */
  foreignKeys: string[];
  /** Each CHECK in one spelling (sql-expression.ts), sorted. */
  checks: string[];
}

export interface Catalog {
  tables: Map<string, CatalogTable>;
  triggers: Map<string, CatalogTrigger>;
}

/**
 * The stated type mapping: each SQLite type and the PostgreSQL types that keep its
 * meaning. Text is compared byte by byte in SQLite, so PostgreSQL's must be "C";
 * INTEGER is 64-bit in SQLite, and either width holds what Fieldbook stores (the
 * migration says which is bigint and why); REAL orders the waiting list, so it is
 * exact numeric rather than PostgreSQL's 4-byte real.
 */
export const typeMapping: Record<string, readonly string[]> = {
  text: ['text "C"'],
  integer: ['integer', 'bigint'],
  real: ['numeric'],
  blob: ['bytea'],
};

/** The CHECK (...) clauses in a CREATE TABLE statement, brackets balanced, comments removed. */
function checksInCreateTable(createSql: string): string[] {
  const text = createSql.replace(/--[^\n]*/g, '');
  const found: string[] = [];
  const pattern = /\bCHECK\s*\(/gi;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    let depth = 1;
    let end = pattern.lastIndex;
    while (depth > 0 && end < text.length) {
      if (text[end] === '(') depth++;
      if (text[end] === ')') depth--;
      end++;
    }
    found.push(text.slice(pattern.lastIndex, end - 1));
  }
  return found;
}

const sortedJoin = (values: string[]) => [...values].sort();

interface SqliteIndexColumn {
  key: number;
  name: string | null;
  coll: string;
  seqno: number;
}

/** The SQLite office's schema from sqlite_schema and the table, index and foreign-key pragmas. */
export function sqliteCatalog(sqlite: Database): Catalog {
  const tables = new Map<string, CatalogTable>();
  const tableRows = sqlite.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).all() as { name: string; sql: string }[];
  for (const { name, sql: createSql } of tableRows) {
    const columnRows = sqlite.pragma(`table_info("${name}")`) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const columns = new Map<string, CatalogColumn>();
    for (const column of columnRows) {
      columns.set(column.name, {
        type: column.type.toLowerCase(),
        // A primary key column counts as NOT NULL: PostgreSQL always makes it so, and Fieldbook never stores a null id.
        notNull: column.notnull === 1 || column.pk > 0,
        default: column.dflt_value === null ? null : canonicalExpression(column.dflt_value),
        autoNumbered: false,
      });
    }
    const primaryKey = columnRows.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
    const rowidAlias = primaryKey.length === 1 && columns.get(primaryKey[0]!)!.type === 'integer' && !/WITHOUT ROWID\s*$/i.test(createSql);
    if (rowidAlias) columns.get(primaryKey[0]!)!.autoNumbered = true;
    const uniques: string[] = [];
    const indexes = new Map<string, CatalogIndex>();
    const indexRows = sqlite.pragma(`index_list("${name}")`) as { name: string; unique: number; origin: string }[];
    for (const index of indexRows) {
      const keys = (sqlite.pragma(`index_xinfo("${index.name}")`) as SqliteIndexColumn[])
        .filter((column) => column.key === 1)
        .sort((a, b) => a.seqno - b.seqno)
        .map((column) => (column.coll.toUpperCase() === 'NOCASE' ? `lower(${column.name})` : (column.name ?? '(expression)')));
      if (index.origin === 'u') uniques.push(keys.join(','));
      if (index.origin !== 'c') continue;
      const indexSql = (sqlite.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`).get(index.name) as { sql: string }).sql;
      const where = /\bWHERE\s+([\s\S]+)$/i.exec(indexSql)?.[1] ?? null;
      indexes.set(index.name, { unique: index.unique === 1, keys, where: where === null ? null : canonicalExpression(where) });
    }
    const foreignKeyRows = sqlite.pragma(`foreign_key_list("${name}")`) as { id: number; seq: number; table: string; from: string; to: string; on_delete: string }[];
    const byId = new Map<number, typeof foreignKeyRows>();
    for (const row of foreignKeyRows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
    const foreignKeys = [...byId.values()].map((rows) => {
      const ordered = rows.sort((a, b) => a.seq - b.seq);
      return `${ordered.map((row) => row.from).join(',')} -> ${ordered[0]!.table} (${ordered.map((row) => row.to).join(',')}) on delete ${ordered[0]!.on_delete.toLowerCase()}`;
    });
    const checks = checksInCreateTable(createSql).map((check) => canonicalExpression(check));
    tables.set(name, { columns, primaryKey, uniques: sortedJoin(uniques), indexes, foreignKeys: sortedJoin(foreignKeys), checks: sortedJoin(checks) });
  }
  const triggers = new Map<string, CatalogTrigger>();
  const triggerRows = sqlite.prepare(`SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'trigger'`).all() as { name: string; tbl_name: string; sql: string }[];
  for (const { name, tbl_name, sql: triggerSql } of triggerRows) {
    triggers.set(name, {
      table: tbl_name,
      event: /\b(?:AFTER|BEFORE|INSTEAD OF)\s+(INSERT|UPDATE|DELETE)\b/i.exec(triggerSql)?.[1]?.toLowerCase() ?? '(unread)',
      columns: [...triggerSql.matchAll(/OLD\.(\w+) IS NOT NEW\.\1/gi)].map((match) => match[1]!).sort(),
      source: /WHERE source = '(\w+)'/i.exec(triggerSql)?.[1] ?? '(unread)',
    });
  }
  return { tables, triggers };
}

/** PostgreSQL's own bookkeeping, the counterpart of SQLite's PRAGMA user_version: not part of the office's tables. */
const POSTGRES_BOOKKEEPING = ['fieldbook_schema_versions'];

const deleteActions: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

/** The PostgreSQL office's schema from information_schema and pg_catalog (schema public). */
export async function postgresCatalog(db: Kysely<unknown>): Promise<Catalog> {
  const tables = new Map<string, CatalogTable>();
  const columnRows = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; collation_name: string | null; is_identity: string }>`
    SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default, c.collation_name, c.is_identity
    FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  for (const column of columnRows.rows) {
    if (POSTGRES_BOOKKEEPING.includes(column.table_name)) continue;
    let table = tables.get(column.table_name);
    if (!table) {
      table = { columns: new Map(), primaryKey: [], uniques: [], indexes: new Map(), foreignKeys: [], checks: [] };
      tables.set(column.table_name, table);
    }
    table.columns.set(column.column_name, {
      type: column.collation_name ? `${column.data_type} "${column.collation_name}"` : column.data_type,
      notNull: column.is_nullable === 'NO',
      default: column.column_default === null ? null : canonicalExpression(column.column_default),
      autoNumbered: column.is_identity === 'YES',
    });
  }
  const constraints = await sql<{ table_name: string; contype: string; columns: string[]; foreign_table: string | null; foreign_columns: string[] | null; confdeltype: string; definition: string }>`
    SELECT rel.relname AS table_name, con.contype,
      ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
      frel.relname AS foreign_table,
      ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS foreign_columns,
      con.confdeltype, pg_get_constraintdef(con.oid, true) AS definition
    FROM pg_constraint con
    JOIN pg_class rel ON rel.oid = con.conrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    LEFT JOIN pg_class frel ON frel.oid = con.confrelid
    WHERE ns.nspname = 'public'`.execute(db);
  for (const constraint of constraints.rows) {
    const table = tables.get(constraint.table_name);
    if (!table) continue;
    if (constraint.contype === 'p') table.primaryKey = constraint.columns;
    if (constraint.contype === 'u') table.uniques.push(constraint.columns.join(','));
    if (constraint.contype === 'c') table.checks.push(canonicalExpression(constraint.definition));
    if (constraint.contype === 'f') {
      table.foreignKeys.push(
        `${constraint.columns.join(',')} -> ${constraint.foreign_table} (${constraint.foreign_columns!.join(',')}) on delete ${deleteActions[constraint.confdeltype]}`,
      );
    }
  }
  const indexRows = await sql<{ table_name: string; index_name: string; unique: boolean; keys: string[]; predicate: string | null }>`
    SELECT rel.relname AS table_name, idx.relname AS index_name, i.indisunique AS unique,
      ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k)::text[] AS keys,
      pg_get_expr(i.indpred, i.indrelid, true) AS predicate
    FROM pg_index i
    JOIN pg_class idx ON idx.oid = i.indexrelid
    JOIN pg_class rel ON rel.oid = i.indrelid
    JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE ns.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid)`.execute(db);
  for (const index of indexRows.rows) {
    tables.get(index.table_name)?.indexes.set(index.index_name, {
      unique: index.unique,
      keys: index.keys,
      where: index.predicate === null ? null : canonicalExpression(index.predicate),
    });
  }
  for (const table of tables.values()) {
    table.uniques.sort();
    table.foreignKeys.sort();
    table.checks.sort();
  }
  const triggers = new Map<string, CatalogTrigger>();
  const triggerRows = await sql<{ name: string; table_name: string; definition: string }>`
    SELECT t.tgname AS name, rel.relname AS table_name, pg_get_triggerdef(t.oid, true) AS definition
    FROM pg_trigger t JOIN pg_class rel ON rel.oid = t.tgrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
    WHERE ns.nspname = 'public' AND NOT t.tgisinternal`.execute(db);
  for (const { name, table_name, definition } of triggerRows.rows) {
    triggers.set(name, {
      table: table_name,
      event: /\b(?:AFTER|BEFORE|INSTEAD OF)\s+(INSERT|UPDATE|DELETE)\b/i.exec(definition)?.[1]?.toLowerCase() ?? '(unread)',
      columns: [...definition.matchAll(/old\.(\w+) IS DISTINCT FROM new\.\1/gi)].map((match) => match[1]!).sort(),
      source: /raise_report_version\('(\w+)'\)/.exec(definition)?.[1] ?? '(unread)',
    });
  }
  return { tables, triggers };
}

const listed = (values: readonly string[]) => (values.length === 0 ? '(none)' : values.join('; '));

function compareSets(what: string, where: string, sqlite: readonly string[], postgres: readonly string[], out: string[]): void {
  const missing = sqlite.filter((value) => !postgres.includes(value));
  const extra = postgres.filter((value) => !sqlite.includes(value));
  for (const value of missing) out.push(`${where}: SQLite has the ${what} ${value}, PostgreSQL does not.`);
  for (const value of extra) out.push(`${where}: PostgreSQL has the ${what} ${value}, SQLite does not.`);
}

/**
 * Every difference in meaning between the two schemas, one plain sentence each,
 * naming the table, column, index or trigger; empty when they are equal.
 */
export function schemaDifferences(sqlite: Catalog, postgres: Catalog): string[] {
  const out: string[] = [];
  for (const name of sqlite.tables.keys()) {
    if (!postgres.tables.has(name)) out.push(`Table ${name} is in SQLite's schema but not PostgreSQL's: add it in a PostgreSQL migration (electron/db/postgres/migrations).`);
  }
  for (const name of postgres.tables.keys()) {
    if (!sqlite.tables.has(name)) out.push(`Table ${name} is in PostgreSQL's schema but not SQLite's.`);
  }
  for (const [name, lite] of sqlite.tables) {
    const pg = postgres.tables.get(name);
    if (!pg) continue;
    for (const [column, liteColumn] of lite.columns) {
      const pgColumn = pg.columns.get(column);
      const where = `Column ${name}.${column}`;
      if (!pgColumn) {
        out.push(`${where} is in SQLite's schema but not PostgreSQL's: add it in a PostgreSQL migration (electron/db/postgres/migrations).`);
        continue;
      }
      const allowed = typeMapping[liteColumn.type] ?? [];
      if (!allowed.includes(pgColumn.type)) out.push(`${where} is ${liteColumn.type} in SQLite, so PostgreSQL's should be ${allowed.join(' or ') || '(no mapping stated)'}, not ${pgColumn.type}.`);
      if (liteColumn.notNull !== pgColumn.notNull) out.push(`${where} is ${liteColumn.notNull ? 'NOT NULL' : 'nullable'} in SQLite but ${pgColumn.notNull ? 'NOT NULL' : 'nullable'} in PostgreSQL.`);
      if (liteColumn.autoNumbered !== pgColumn.autoNumbered) {
        out.push(`${where} is ${liteColumn.autoNumbered ? '' : 'not '}numbered by SQLite when a row gives none, but ${pgColumn.autoNumbered ? 'is' : 'is not'} an identity column in PostgreSQL.`);
      }
      if (liteColumn.default !== pgColumn.default) out.push(`${where} defaults to ${liteColumn.default ?? 'nothing'} in SQLite but ${pgColumn.default ?? 'nothing'} in PostgreSQL.`);
    }
    for (const column of pg.columns.keys()) {
      if (!lite.columns.has(column)) out.push(`Column ${name}.${column} is in PostgreSQL's schema but not SQLite's.`);
    }
    if (lite.primaryKey.join(',') !== pg.primaryKey.join(',')) {
      out.push(`Table ${name}'s primary key is (${lite.primaryKey.join(', ')}) in SQLite but (${pg.primaryKey.join(', ')}) in PostgreSQL.`);
    }
    compareSets('UNIQUE constraint on', `Table ${name}`, lite.uniques, pg.uniques, out);
    compareSets('foreign key', `Table ${name}`, lite.foreignKeys, pg.foreignKeys, out);
    compareSets('CHECK', `Table ${name}`, lite.checks, pg.checks, out);
    for (const [index, liteIndex] of lite.indexes) {
      const pgIndex = pg.indexes.get(index);
      if (!pgIndex) {
        out.push(`Index ${index} on ${name} is in SQLite's schema but not PostgreSQL's.`);
        continue;
      }
      const describe = (i: CatalogIndex) => `${i.unique ? 'unique ' : ''}(${i.keys.join(', ')})${i.where ? ` where ${i.where}` : ''}`;
      if (describe(liteIndex) !== describe(pgIndex)) out.push(`Index ${index} on ${name} is ${describe(liteIndex)} in SQLite but ${describe(pgIndex)} in PostgreSQL.`);
    }
    for (const index of pg.indexes.keys()) {
      if (!lite.indexes.has(index)) out.push(`Index ${index} on ${name} is in PostgreSQL's schema but not SQLite's.`);
    }
  }
  for (const [name, liteTrigger] of sqlite.triggers) {
    const pgTrigger = postgres.triggers.get(name);
    const describe = (t: CatalogTrigger) => `after ${t.event} on ${t.table}${t.columns.length ? ` of ${listed(t.columns)}` : ''}, raising ${t.source}`;
    if (!pgTrigger) out.push(`Trigger ${name} (${describe(liteTrigger)}) is in SQLite's schema but not PostgreSQL's.`);
    else if (describe(liteTrigger) !== describe(pgTrigger)) out.push(`Trigger ${name} is ${describe(liteTrigger)} in SQLite but ${describe(pgTrigger)} in PostgreSQL.`);
  }
  for (const name of postgres.triggers.keys()) {
    if (!sqlite.triggers.has(name)) out.push(`Trigger ${name} is in PostgreSQL's schema but not SQLite's.`);
  }
  return out;
}
