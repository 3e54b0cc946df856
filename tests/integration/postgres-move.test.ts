import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldbookError } from '../../shared/errors';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { describePostgresProblem, openPostgres, type OpenedPostgres } from '../../electron/db/postgres/connect';
import { copySqliteOfficeToPostgres, refuseUnlessEmpty } from '../../electron/db/postgres/copy-from-sqlite';
import { loadDemoData } from '../../electron/demo/load-demo';
import { openWithKey } from '../../electron/db/encryption';
import { DATABASE_FILE } from '../../electron/host/data-folder';
import { databaseKeyInFolder } from '../../electron/host/open-core';
import { runFieldbook, type CliRun } from '../support/cli';
import { describeWithPostgres } from '../support/postgres';
import { enrolLaptop } from '../support/sync';
import { openDatabaseFileIn, tempCore, type TempCore } from '../support/temp-core';

/**
 * `fieldbook office move-to-postgres`: a demo office (with a laptop enrolled)
 * copied into an empty PostgreSQL database, every table's count and content
 * hash printed and matching; a database with tables in it refused; a copy
 * PostgreSQL refuses part-way leaves the database empty.
 */
/** Whether a statement the copy sends starts so and names the table (its rows' values may be BigInt). */
function isStatementOn(node: RootOperationNode, start: string, table: string): boolean {
  const text = JSON.stringify(node, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
  return text.includes(`"${start}`) && text.includes(`"name":"${table}"`);
}

describeWithPostgres('fieldbook office move-to-postgres', (freshDatabase) => {
  let office: TempCore;
  let laptop: TempCore;
  let postgres: OpenedPostgres<unknown>;
  let moved: CliRun;
  /** The office's own file, read only, as the copy read it. */
  let lite: Database;

  beforeAll(async () => {
    office = await tempCore({ setUp: true });
    await loadDemoData(office.dispatch, { today: new Date(2026, 2, 12, 8, 15), seed: 1, people: 40 });
    laptop = await enrolLaptop(office, 'Hall laptop 1');
    await office.close();
    lite = openDatabaseFileIn(office.folder, { readonly: true });
    postgres = await openPostgres(freshDatabase());
  });
  afterAll(async () => {
    lite?.close();
    await postgres?.close();
    await laptop?.cleanup();
    await office?.cleanup();
  });

  it('leaves the database empty when PostgreSQL refuses a row part-way, and says which table', async () => {
    const odd = new Sqlite(':memory:');
    migrate(odd);
    // SQLite keeps a NUL inside text; PostgreSQL's text cannot hold one.
    odd.prepare(`INSERT INTO organisations (id, name, sector) VALUES ('o1', ?, 'other')`).run('Bad\u0000name');
    await expect(copySqliteOfficeToPostgres(odd, postgres.db)).rejects.toThrow(/^Check the office's table organisations before moving it: PostgreSQL refused one of its rows \(.*\)\. Nothing was copied\.$/);
    odd.close();
    await expect(refuseUnlessEmpty(postgres.db, 'fresh')).resolves.toBeUndefined();
  });

  it("leaves the server's own trouble part-way (here a full disk) to be worded as the server's, not as a row of the table it was copying", async () => {
    const office = new Sqlite(':memory:');
    migrate(office);
    office.prepare(`INSERT INTO organisations (id, name, sector) VALUES ('o1', 'Riverside Trust', 'other')`).run();
    // The real server raises the error a full disk raises (SQLSTATE 53100) where the organisations' rows would go in.
    const diskFullAtOrganisations: KyselyPlugin = {
      transformQuery: ({ node }) => {
        if (!isStatementOn(node, 'INSERT INTO ', 'organisations')) return node;
        return sql`DO $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`.toOperationNode() as typeof node;
      },
      transformResult: async ({ result }) => result,
    };
    const refusal = await copySqliteOfficeToPostgres(office, postgres.db.withPlugin(diskFullAtOrganisations)).catch((error: unknown) => error);
    office.close();
    expect(refusal).not.toBeInstanceOf(FieldbookError);
    expect(refusal).toMatchObject({ code: '53100' });
    // As the command words it.
    expect(describePostgresProblem(refusal, 'postgresql://fieldbook@db.example.org/fieldbook').message).toBe(
      'Check the PostgreSQL server at db.example.org: it could not be used (could not extend file: No space left on device).',
    );
    await expect(refuseUnlessEmpty(postgres.db, 'fresh')).resolves.toBeUndefined();
  });

  it('leaves a connection lost part-way to be worded as the server trouble it is, and the database empty', async () => {
    const office = new Sqlite(':memory:');
    migrate(office);
    const target = await openPostgres(freshDatabase());
    // Once the organisations' table is cleared for its rows, the server drops the copy's connection, as a restart would.
    let clearing = false;
    let dropped = false;
    const dropAfterClearingOrganisations: KyselyPlugin = {
      transformQuery: ({ node }) => {
        clearing = isStatementOn(node, 'DELETE FROM ', 'organisations');
        return node;
      },
      transformResult: async ({ result }) => {
        if (clearing && !dropped) {
          dropped = true;
          await sql`SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = ${target.name}`.execute(postgres.db);
        }
        return result;
      },
    };
    try {
      const failure = await copySqliteOfficeToPostgres(office, target.db.withPlugin(dropAfterClearingOrganisations)).catch((error: unknown) => error);
      expect(dropped).toBe(true);
      expect(failure).not.toBeInstanceOf(FieldbookError);
      expect(describePostgresProblem(failure, 'postgresql://fieldbook@db.example.org/fieldbook').message).toMatch(/^Check the PostgreSQL server at db\.example\.org: it could not be used \(.+\)\.$/);
      await expect(refuseUnlessEmpty(target.db, target.name)).resolves.toBeUndefined();
    } finally {
      office.close();
      await target.close();
    }
  });

  it('names the table whose row refers to a record that is not there, and leaves the database empty', async () => {
    const orphaned = new Sqlite(':memory:');
    migrate(orphaned);
    // With foreign keys off SQLite holds what PostgreSQL checks at the end of the copy.
    orphaned.pragma('foreign_keys = OFF');
    orphaned.prepare(`INSERT INTO people (id, given_name, family_name, organisation_id) VALUES ('p1', 'Ada', 'Okafor', 'no-such-organisation')`).run();
    await expect(copySqliteOfficeToPostgres(orphaned, postgres.db)).rejects.toThrow(
      /^Check the office's table people before moving it: one of its rows refers to a record that is not there \(Key \(organisation_id\)=\(no-such-organisation\) is not present in table "organisations"\.\)\. Nothing was copied\.$/,
    );
    orphaned.close();
    await expect(refuseUnlessEmpty(postgres.db, 'fresh')).resolves.toBeUndefined();
  });

  it('refuses an office with a column PostgreSQL has no place for, before copying anything', async () => {
    const ahead = new Sqlite(':memory:');
    migrate(ahead, [...migrations, { name: '9999-nickname', up: (database) => database.exec('ALTER TABLE people ADD COLUMN nickname TEXT') }]);
    await expect(copySqliteOfficeToPostgres(ahead, postgres.db)).rejects.toThrow(
      'Update Fieldbook before moving this office: its PostgreSQL schema has nowhere for people.nickname. Nothing was copied.',
    );
    ahead.close();
    await expect(refuseUnlessEmpty(postgres.db, 'fresh')).resolves.toBeUndefined();
  });

  it('copies the office and prints each table with the same row count and content hash as SQLite', async () => {
    moved = await runFieldbook(office.folder, 'office', 'move-to-postgres', '--data', office.folder, '--database', freshDatabase());
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain("Every table's row count and content hash in PostgreSQL match SQLite's.");

    const tables = lite.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`).pluck().all() as string[];
    for (const table of tables) {
      const rows = lite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
      expect(moved.stdout).toMatch(new RegExp(`^  ${table} +${rows.toLocaleString('en-GB')}  [0-9a-f]{64}$`, 'm'));
      const { rows: inPostgres } = await sql<{ count: number }>`SELECT count(*) AS count FROM ${sql.id(table)}`.execute(postgres.db);
      expect(inPostgres[0]!.count, table).toBe(rows);
    }
    expect(moved.stdout).toMatch(new RegExp(`: ${tables.length} tables, [\\d,]+ rows\\.`));
  });

  it('holds what the office holds: people in the same order, the laptop enrolled with its keys, the 64-bit report versions exact', async () => {
    const people = lite.prepare('SELECT id, given_name, family_name FROM people ORDER BY family_name, id').all();
    const { rows: pgPeople } = await sql`SELECT id, given_name, family_name FROM people ORDER BY family_name, id`.execute(postgres.db);
    expect(pgPeople).toEqual(people);
    expect(people.length).toBe(40);

    const enrolled = lite.prepare('SELECT device_id, name, signing_public_key, age_recipient FROM enrolled_devices').all();
    const { rows: pgEnrolled } = await sql`SELECT device_id, name, signing_public_key, age_recipient FROM enrolled_devices`.execute(postgres.db);
    expect(pgEnrolled).toEqual(enrolled);
    expect(enrolled).toEqual([expect.objectContaining({ name: 'Hall laptop 1' })]);

    const versions = lite.prepare('SELECT source, version FROM report_source_versions ORDER BY source').safeIntegers(true).all() as { source: string; version: bigint }[];
    const { rows: pgVersions } = await sql<{ source: string; version: string }>`SELECT source, version::text AS version FROM report_source_versions ORDER BY source`.execute(postgres.db);
    expect(pgVersions).toEqual(versions.map((row) => ({ source: row.source, version: String(row.version) })));

    const changes = lite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
    expect(changes).toBeGreaterThan(0);
    const { rows: lastChange } = await sql<{ hlc: string }>`SELECT hlc FROM change_log ORDER BY hlc DESC LIMIT 1`.execute(postgres.db);
    expect(lastChange[0]!.hlc).toBe(lite.prepare('SELECT hlc FROM change_log ORDER BY hlc DESC LIMIT 1').pluck().get());
  });

  it('refuses a database that is not empty, in plain words, and changes nothing in it', async () => {
    const again = await runFieldbook(office.folder, 'office', 'move-to-postgres', '--data', office.folder, '--database', freshDatabase());
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr.trim()).toMatch(/^Choose an empty PostgreSQL database: "fieldbook_test_[0-9a-f]+" already holds \d+ tables \(public\.\w+, public\.\w+, public\.\w+, …\)\. Nothing was copied\.$/);
    const { rows } = await sql<{ count: number }>`SELECT count(*) AS count FROM people`.execute(postgres.db);
    expect(rows[0]!.count).toBe(40);
  });
});

describe('fieldbook office move-to-postgres without a server', () => {
  let office: TempCore;
  beforeAll(async () => {
    office = await tempCore({ setUp: true });
    await office.close();
  });
  afterAll(() => office?.cleanup());

  it('says plainly that nothing answered when the database cannot be reached', async () => {
    // Port 1 on this computer: nothing listens there, so the connection is refused at once.
    const run = await runFieldbook(office.folder, 'office', 'move-to-postgres', '--data', office.folder, '--database', 'postgresql://fieldbook@127.0.0.1:1/fieldbook');
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Check that the PostgreSQL server at 127.0.0.1:1 is running and the address is right: nothing answered there (connect ECONNREFUSED 127.0.0.1:1).',
    );
    // An up-to-date folder: opening it changed nothing, so nothing is said about it.
    expect(run.stdout).toBe('');
  });

  it('says so when the data folder was first brought up to date, as opening it anywhere does', async () => {
    const older = await tempCore({ setUp: true });
    await older.close();
    try {
      // The office's database as the Fieldbook before the newest migration left it (and, in turn, from before encryption).
      for (const plain of [false, true]) {
        const path = join(older.folder, DATABASE_FILE);
        for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
        const sqlite = plain ? new Sqlite(path) : openWithKey(path, databaseKeyInFolder(older.folder));
        migrate(sqlite, migrations.slice(0, -1));
        sqlite
          .prepare(`INSERT INTO device (id, role, name, created_at, signing_public_key, clock) VALUES ('office-1', 'office', 'Central office', '2026-03-12T08:00:00.000Z', 'key', '')`)
          .run();
        sqlite.close();
        const run = await runFieldbook(older.folder, 'office', 'move-to-postgres', '--data', older.folder, '--database', 'postgresql://fieldbook@127.0.0.1:1/fieldbook');
        expect(run.code).toBe(1);
        expect(run.stdout.trim()).toBe(
          `The data folder was first brought up to date (schema ${migrations.length - 1} → ${migrations.length}${plain ? '; its database file encrypted' : ''}), as opening it anywhere does.`,
        );
        const reopened = openDatabaseFileIn(older.folder, { readonly: true });
        expect(reopened.pragma('user_version', { simple: true })).toBe(migrations.length);
        reopened.close();
      }
    } finally {
      await older.cleanup();
    }
  });

  it('asks for --database when none is given', async () => {
    const run = await runFieldbook(office.folder, 'office', 'move-to-postgres', '--data', office.folder);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('office move-to-postgres needs --database');
  });
});
