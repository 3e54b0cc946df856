import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CompiledQuery, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite driver starts every transaction with BEGIN. Fieldbook runs
 * each procedure in one transaction opened by the write path
 * (core/write-path.ts), and the domain code inside it opens its own with
 * `db.transaction()` where it needs all-or-nothing on its own terms. Inside an
 * open transaction those become savepoints, as better-sqlite3's own
 * `transaction()` does, so a domain step that fails rolls back only itself
 * and the procedure still commits or rolls back as one.
 */
class NestingSqliteDriver extends SqliteDriver {
  private readonly savepoints: string[] = [];
  private counter = 0;

  constructor(
    config: SqliteDialectConfig,
    private readonly sqlite: Database,
  ) {
    super(config);
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) {
      this.savepoints.push('');
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
      return;
    }
    const name = `fieldbook_${(this.counter += 1)}`;
    this.savepoints.push(name);
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${name}`));
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const name = this.savepoints.pop();
    await connection.executeQuery(CompiledQuery.raw(name ? `release ${name}` : 'commit'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const name = this.savepoints.pop();
    if (!name) {
      if (this.sqlite.inTransaction) await connection.executeQuery(CompiledQuery.raw('rollback'));
      return;
    }
    // The outer transaction may already be gone (SQLite rolls back on some errors by itself).
    if (!this.sqlite.inTransaction) return;
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${name}`));
    await connection.executeQuery(CompiledQuery.raw(`release ${name}`));
  }
}

export class NestingSqliteDialect extends SqliteDialect {
  constructor(
    private readonly config: SqliteDialectConfig,
    private readonly sqlite: Database,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new NestingSqliteDriver(this.config, this.sqlite);
  }
}
