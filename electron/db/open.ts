import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
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
 * laptop being switched off.
 */
export function applyPragmas(sqlite: Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

export function openDatabase(path: string): OpenedDatabase {
  const sqlite = new Sqlite(path);
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
