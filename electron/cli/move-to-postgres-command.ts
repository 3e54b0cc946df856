import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FieldbookError } from '../../shared/errors';
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
 * "PostgreSQL"). The data folder is only read: nothing in it changes.
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

  const office = openDatabase(databasePath, databaseKeyInFolder(options.dataFolder));
  try {
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
      out.line("Every table's row count and content hash in PostgreSQL match SQLite's. The data folder is unchanged, and its keys stay in its keys folder.");
    } finally {
      await postgres.close();
    }
  } finally {
    await office.close();
  }
}
