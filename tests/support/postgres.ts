import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import pg from 'pg';

/**
 * The PostgreSQL tests' server: FIELDBOOK_TEST_POSTGRES names one (a connection
 * URL; .ci/run starts a throwaway cluster and sets it). Each test file gets a
 * fresh empty database of its own on it, created before its tests and dropped
 * after, so files running side by side never see each other's rows.
 *
 * Without a server the tests cannot run: under CI that is a failure (a CI
 * run that silently skipped them would pass with nothing tested), on a
 * developer's machine they are skipped with one line saying how to start one.
 */
export const testServerUrl = process.env.FIELDBOOK_TEST_POSTGRES || undefined;

export const NO_SERVER_IN_CI =
  'PostgreSQL tests: FIELDBOOK_TEST_POSTGRES is not set, and CI must run them; .ci/run starts a throwaway cluster and sets it.';
export const NO_SERVER_SKIPPED =
  'PostgreSQL tests skipped: set FIELDBOOK_TEST_POSTGRES to a server URL to run them (README.md, "PostgreSQL tests", says how to start one).';

/** The same server, with `database` in place of the URL's own. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * describe() for tests that need PostgreSQL: `freshDatabase()` in them gives
 * the URL of this file's empty database. Without a server, CI fails with one
 * plain line and a developer's run skips with one.
 */
export function describeWithPostgres(name: string, tests: (freshDatabase: () => string) => void): void {
  if (!testServerUrl) {
    if (process.env.CI === 'true') {
      describe(name, () => {
        it('needs a PostgreSQL server', () => {
          throw new Error(NO_SERVER_IN_CI);
        });
      });
    } else {
      console.warn(NO_SERVER_SKIPPED);
      describe.skip(name, () => tests(() => ''));
    }
    return;
  }
  const serverUrl = testServerUrl;
  describe(name, () => {
    const database = `fieldbook_test_${randomBytes(6).toString('hex')}`;
    beforeAll(async () => {
      await onServer(serverUrl, `CREATE DATABASE ${database} ENCODING 'UTF8' TEMPLATE template0`);
    });
    afterAll(async () => {
      // FORCE: a pool a failed test left open must not keep the database alive.
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    });
    tests(() => databaseUrl(serverUrl, database));
  });
}

/** Runs one statement on the server's own database (CREATE and DROP DATABASE cannot run in the one they name). */
export async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
