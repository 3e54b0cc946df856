import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import { databaseFileState, encryptPlainDatabase, openWithKey } from './encryption';
import { migrate } from './migrate';
import type { Schema } from './schema';
import { NestingSqliteDialect } from './nesting-dialect';
import { withStatementCache } from './statement-cache';

export interface OpenedDatabase {
  sqlite: Database;
  db: Kysely<Schema>;
  close(): Promise<void>;
}

/**
 * Sets the pragmas Fieldbook relies on. synchronous=FULL is set on every open
 * because better-sqlite3 reopens an existing WAL file at NORMAL, which can lose
 * the last commits on power loss: a sign-in we said was saved must survive the
 * laptop being switched off. secure_delete zeroes a deleted row's bytes (a
 * pruned or erased name does not linger in a free page), and temp_store keeps
 * sorts and temporary tables in memory, where no plain copy reaches the disk.
 */
export function applyPragmas(sqlite: Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('temp_store = MEMORY');
}

/**
 * Given instead of a key by the benchmarks alone, to open a plain copy of the
 * same database the way the version before encryption did and print the two
 * figures side by side. The app, the command line and the web host never use it.
 */
export const UNENCRYPTED_FOR_COMPARISON = Symbol('unencrypted, for benchmark comparisons only');

/**
 * Opens the database file with its key (see encryption.ts), creating it
 * encrypted on first run; a plain file from an older version is encrypted in
 * place first, once.
 */
export function openDatabase(path: string, key: Buffer | typeof UNENCRYPTED_FOR_COMPARISON): OpenedDatabase {
  let sqlite: Database;
  if (key === UNENCRYPTED_FOR_COMPARISON) {
    sqlite = new Sqlite(path);
  } else {
    if (databaseFileState(path) === 'plain') encryptPlainDatabase(path, key);
    sqlite = openWithKey(path, key);
  }
  try {
    applyPragmas(sqlite);
    migrate(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Schema>({ dialect: new NestingSqliteDialect({ database: withStatementCache(sqlite) }, sqlite) });
  return {
    sqlite,
    db,
    // Kysely's destroy() closes the underlying better-sqlite3 handle.
    close: () => db.destroy(),
  };
}
