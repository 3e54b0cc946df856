import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { FieldbookError } from '../../shared/errors';
import { databaseFileState, openWithKey } from '../db/encryption';
import { openDatabase } from '../db/open';
import { copySqliteOfficeToPostgres, refuseUnlessEmpty } from '../db/postgres/copy-from-sqlite';
import { describePostgresProblem, describePostgresUrl, openPostgres } from '../db/postgres/connect';
import { DATABASE_FILE } from '../host/data-folder';
import { databaseKeyInFolder } from '../host/open-core';
import type { Output } from './commands';
import { UsageError } from './failures';

export const officeOptions = { data: { type: 'string' }, database: { type: 'string' } } as const;

export interface MoveToPostgresOptions {
  dataFolder: string;
  action: string | undefined;
  databaseUrl: string | undefined;
}

/**
 * `fieldbook office move-to-postgres --data DIR --database URL` copies the
 * office's SQLite data folder into an empty PostgreSQL database and proves the
 * copy by each table's row count and content hash (docs/server.md,
 * "PostgreSQL"). The data folder is only read, once opened: opening it
 * brings a folder from an older Fieldbook up to date first, as opening it
 * anywhere does, and the command says so.
 */
export async function officeCommand(options: MoveToPostgresOptions, out: Output): Promise<void> {
  if (options.action !== 'move-to-postgres') {
    throw new UsageError('office needs move-to-postgres, for example: fieldbook office move-to-postgres --data FOLDER --database postgres://fieldbook@db.example.org/fieldbook');
  }
  const url = options.databaseUrl?.trim();
  if (!url) throw new UsageError('office move-to-postgres needs --database, for example --database postgres://fieldbook@db.example.org/fieldbook');
  const { database, server } = describePostgresUrl(url);
  const databasePath = join(options.dataFolder, DATABASE_FILE);
  if (!existsSync(databasePath)) throw new FieldbookError('NOT_FOUND', `Choose the office's data folder: there is no Fieldbook database in ${options.dataFolder}.`);

  const key = databaseKeyInFolder(options.dataFolder);
  const found = asFound(databasePath, key);
  const office = openDatabase(databasePath, key);
  try {
    const broughtUpToDate = upToDateInWords(found, office.sqlite.pragma('user_version', { simple: true }) as number);
    if (broughtUpToDate) out.line(`The data folder was first brought up to date (${broughtUpToDate}), as opening it anywhere does.`);
    const role = office.sqlite.prepare('SELECT role FROM device').pluck().get() as string | undefined;
    if (role !== 'office') {
      throw new FieldbookError(
        'WRONG_DEVICE_ROLE',
        role === 'laptop'
          ? `Choose the office's data folder: ${options.dataFolder} belongs to a laptop, and only the office moves to PostgreSQL.`
          : `Choose a data folder with an office in it: ${options.dataFolder} has not been set up as one.`,
      );
    }
    const postgres = await openPostgres<unknown>(url);
    try {
      await refuseUnlessEmpty(postgres.db, database);
      // The copy words what it refuses itself; anything else is the server (lost, shut down, out of space).
      const copied = await copySqliteOfficeToPostgres(office.sqlite, postgres.db, (table) => out.progress?.(`Copying ${table}…`)).catch((error: unknown) => {
        throw error instanceof FieldbookError ? error : describePostgresProblem(error, url);
      });
      const rows = copied.reduce((sum, table) => sum + table.rows, 0);
      const width = Math.max(...copied.map((table) => table.table.length));
      out.line(`Copied the office in ${options.dataFolder} into the PostgreSQL database "${database}" at ${server}: ${copied.length} tables, ${rows.toLocaleString('en-GB')} rows.`);
      out.line(`  ${'table'.padEnd(width)}  ${'rows'.padStart(10)}  content hash (the same from SQLite and from PostgreSQL)`);
      for (const table of copied) out.line(`  ${table.table.padEnd(width)}  ${table.rows.toLocaleString('en-GB').padStart(10)}  ${table.hash}`);
      out.line(
        `Every table's row count and content hash in PostgreSQL match SQLite's. ${broughtUpToDate ? 'Nothing else in the data folder changed' : 'The data folder is unchanged'}, and its keys stay in its keys folder.`,
      );
    } finally {
      await postgres.close();
    }
  } finally {
    await office.close();
  }
}

/** The folder's database as found, before opening it runs any pending migration (and encrypts a plain file from before encryption). */
function asFound(path: string, key: Buffer): { plain: boolean; schema: number } {
  const plain = databaseFileState(path) === 'plain';
  const sqlite = plain ? new Sqlite(path, { readonly: true }) : openWithKey(path, key, { readonly: true });
  try {
    return { plain, schema: sqlite.pragma('user_version', { simple: true }) as number };
  } finally {
    sqlite.close();
  }
}

/** "schema 33 → 34; its database file encrypted", or null when opening it changed nothing. */
function upToDateInWords(found: { plain: boolean; schema: number }, schema: number): string | null {
  const changes = [found.schema !== schema ? `schema ${found.schema} → ${schema}` : '', found.plain ? 'its database file encrypted' : ''].filter(Boolean);
  return changes.length > 0 ? changes.join('; ') : null;
}
