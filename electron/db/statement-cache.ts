import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { SqliteDatabase } from 'kysely';

const MAX_CACHED_STATEMENTS = 500;

/**
 * Kysely's SQLite driver prepares every query afresh. Preparing is a good
 * share of a small query's cost, and each prepared statement holds native
 * memory until the garbage collector gets to it, which in a long-running app
 * or a bulk import adds up. This hands Kysely each SQL text's statement once,
 * keeping the most recently used few hundred (texts with IN lists of
 * varying length would otherwise grow the cache without end).
 */
export function withStatementCache(sqlite: Database): SqliteDatabase {
  const statements = new Map<string, Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (statements.size >= MAX_CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
    close: () => sqlite.close(),
  };
}
