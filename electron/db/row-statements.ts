import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * Inserts a row through a statement prepared once per table and set of
 * columns. The write path inserts every shared row and its change-log entry
 * this way: Kysely would build, freeze and compile a fresh query object for
 * each of them, which in an import of 100,000 sign-ins costs more than
 * SQLite's own work. It runs on the same connection, inside the
 * transaction the write path opened, so it commits or rolls back with it.
 * Table and column names come from the typed schema, never from input.
 */
export class RowStatements {
  private readonly statements = new Map<string, { statement: Statement; columns: string[] }>();

  constructor(private readonly sqlite: Database) {}

  insert(table: string, row: Record<string, unknown>): void {
    // As Kysely does, a field left undefined is left out (the column's default applies).
    const columns = Object.keys(row).filter((column) => row[column] !== undefined);
    const key = `${table}(${columns.join(',')})`;
    let prepared = this.statements.get(key);
    if (!prepared) {
      const quoted = columns.map((column) => `"${column}"`).join(', ');
      prepared = {
        statement: this.sqlite.prepare(`INSERT INTO "${table}" (${quoted}) VALUES (${columns.map(() => '?').join(', ')})`),
        columns,
      };
      this.statements.set(key, prepared);
    }
    prepared.statement.run(prepared.columns.map((column) => row[column]));
  }
}

const forConnection = new WeakMap<Database, RowStatements>();

/** The connection's one set of prepared inserts. */
export function rowStatements(sqlite: Database): RowStatements {
  let statements = forConnection.get(sqlite);
  if (!statements) {
    statements = new RowStatements(sqlite);
    forConnection.set(sqlite, statements);
  }
  return statements;
}
