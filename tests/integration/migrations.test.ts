import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { newUuidV7 } from '../../electron/core/ids';
import { memoryKeyStore } from '../../electron/core/keys';
import { DATABASE_KEY_NAME } from '../../electron/db/database-key';
import { openWithKey } from '../../electron/db/encryption';
import { migrate, SchemaTooNewError } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { openDatabase } from '../../electron/db/open';
import { dumpDatabase, tempCore, testClock } from '../support/temp-core';

/** The database file is encrypted; these tests open it with a key of their own. */
const KEY = randomBytes(32);

const expectedTables = ['change_log', 'courses', 'device', 'organisations', 'people', 'sessions', 'venues'];

let folder: string;
let path: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'fieldbook-migrations-'));
  path = join(folder, 'fieldbook.sqlite');
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

function tableList(sqlite: Database) {
  return (sqlite.pragma('table_list') as { schema: string; name: string; type: string; strict: number }[]).filter(
    (table) => table.schema === 'main' && table.type === 'table' && !table.name.startsWith('sqlite_'),
  );
}

function schemaText(sqlite: Database): string {
  return JSON.stringify(sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all());
}

describe('opening a new database', () => {
  it('creates every table Fieldbook needs', async () => {
    const database = openDatabase(path, KEY);
    try {
      expect(tableList(database.sqlite).map((table) => table.name)).toEqual(expect.arrayContaining(expectedTables));
    } finally {
      await database.close();
    }
  });

  it('makes every table STRICT, so a wrong type is refused rather than stored', async () => {
    const database = openDatabase(path, KEY);
    try {
      const tables = tableList(database.sqlite);
      expect(tables.length).toBeGreaterThanOrEqual(expectedTables.length);
      for (const table of tables) expect({ name: table.name, strict: table.strict }).toEqual({ name: table.name, strict: 1 });
      const insert = database.sqlite.prepare(
        `INSERT INTO courses (id, title, duration_minutes, learning_outcomes) VALUES ('c1', 'First aid', ?, '[]')`,
      );
      expect(() => insert.run('sixty')).toThrow(/cannot store TEXT value in INTEGER column/);
    } finally {
      await database.close();
    }
  });

  it('records the schema version as the number of migrations', async () => {
    const database = openDatabase(path, KEY);
    try {
      expect(database.sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    } finally {
      await database.close();
    }
  });

  it('turns on WAL, foreign keys and full sync', async () => {
    const database = openDatabase(path, KEY);
    try {
      expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await database.close();
    }
  });
});

describe('opening an existing database', () => {
  it('changes nothing when it is already up to date, and keeps the data', async () => {
    const temp = await tempCore({ setUp: true });
    try {
      await temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
      const schemaBefore = schemaText(temp.sqlite);
      const dataBefore = dumpDatabase(temp.sqlite);
      await temp.reopen();
      expect(schemaText(temp.sqlite)).toBe(schemaBefore);
      expect(dumpDatabase(temp.sqlite)).toBe(dataBefore);
      expect(migrate(temp.sqlite)).toBe(migrations.length);
      expect(schemaText(temp.sqlite)).toBe(schemaBefore);
    } finally {
      await temp.cleanup();
    }
  });

  it('keeps full sync after reopening a WAL database, where better-sqlite3 alone would drop to NORMAL', async () => {
    const first = openDatabase(path, KEY);
    await first.close();

    // Without Fieldbook's pragmas, the reopened WAL file would run at NORMAL (1),
    // which can lose the last commits on power loss.
    const plain = openWithKey(path, KEY);
    const plainSynchronous = plain.pragma('synchronous', { simple: true });
    plain.close();
    expect(plainSynchronous).toBe(1);

    const keyStore = memoryKeyStore();
    keyStore.set(DATABASE_KEY_NAME, KEY);
    const core = createCore({ databasePath: path, clock: testClock(), newId: newUuidV7, keyStore });
    try {
      const sqlite = core.database.sqlite;
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      await core.close();
    }
  });

  it('refuses a database written by a newer version of Fieldbook, saying to update, and leaves it untouched', () => {
    const newer = new Sqlite(path);
    newer.pragma('journal_mode = WAL');
    newer.exec('CREATE TABLE from_the_future (id TEXT PRIMARY KEY) STRICT');
    newer.pragma(`user_version = ${migrations.length + 1}`);
    const before = dumpDatabase(newer);
    newer.close();

    let thrown: unknown;
    try {
      openDatabase(path, KEY);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaTooNewError);
    expect((thrown as Error).message).toBe(
      `This data was written by a newer version of Fieldbook (schema ${migrations.length + 1}; this version knows ${migrations.length}). Update Fieldbook to open it.`,
    );

    // Encrypted on the way (content unchanged), then refused before any migration ran.
    const after = openWithKey(path, KEY);
    try {
      expect(dumpDatabase(after)).toBe(before);
      expect(after.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'device'`).pluck().get()).toBe(0);
    } finally {
      after.close();
    }
  });

  it('leaves the previous version intact when a migration fails part-way', () => {
    const sqlite = new Sqlite(path);
    try {
      migrate(sqlite);
      const before = schemaText(sqlite);
      const failing = [
        ...migrations,
        {
          name: 'half-done',
          up(db: Database) {
            db.exec('CREATE TABLE test_only_later_table (id TEXT PRIMARY KEY) STRICT');
            db.exec('ALTER TABLE no_such_table ADD COLUMN x TEXT');
          },
        },
      ];
      expect(() => migrate(sqlite, failing)).toThrow(/no such table/);
      expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
      expect(schemaText(sqlite)).toBe(before);
    } finally {
      sqlite.close();
    }
  });

  it('runs a new migration once and records its version', () => {
    const sqlite = new Sqlite(path);
    try {
      migrate(sqlite);
      let runs = 0;
      const next = [
        ...migrations,
        {
          name: 'test-only-later',
          up(db: Database) {
            runs += 1;
            db.exec('CREATE TABLE test_only_later_table (id TEXT PRIMARY KEY) STRICT');
          },
        },
      ];
      expect(migrate(sqlite, next)).toBe(migrations.length + 1);
      expect(migrate(sqlite, next)).toBe(migrations.length + 1);
      expect(runs).toBe(1);
      expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length + 1);
    } finally {
      sqlite.close();
    }
  });
});
