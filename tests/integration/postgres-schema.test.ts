import Sqlite from 'better-sqlite3-multiple-ciphers';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migrations as sqliteMigrations } from '../../electron/db/migrations';
import { openPostgres, type OpenedPostgres } from '../../electron/db/postgres/connect';
import { migratePostgres } from '../../electron/db/postgres/migrate';
import { postgresMigrations } from '../../electron/db/postgres/migrations';
import { databaseUrl, describeWithPostgres, onServer, testServerUrl } from '../support/postgres';
import { postgresCatalog, schemaDifferences, sqliteCatalog } from '../support/schema-catalogs';
import { canonicalExpression } from '../support/sql-expression';

/**
 * The office's two schemas mean the same: a fresh SQLite office (its real
 * migrations) and a fresh PostgreSQL office (its own) have the same tables,
 * columns (by the stated type mapping), nullability, defaults, keys, unique
 * constraints, indexes, foreign keys, CHECKs and report-version triggers, and
 * start with the same rows. A SQLite migration without its PostgreSQL twin
 * fails here, naming what is missing.
 */
describeWithPostgres('PostgreSQL schema', (freshDatabase) => {
  let postgres: OpenedPostgres<unknown>;
  let db: Kysely<unknown>;
  const sqlite = new Sqlite(':memory:');

  beforeAll(async () => {
    migrate(sqlite);
    postgres = await openPostgres(freshDatabase());
    db = postgres.db;
    // Two servers starting on one new database at the same moment: the second waits, then finds nothing to do.
    await Promise.all([migratePostgres(db), migratePostgres(db)]);
  });
  afterAll(async () => {
    sqlite.close();
    await postgres?.close();
  });

  it('has the same tables, columns, keys, indexes, checks and triggers as SQLite after its last migration', async () => {
    const differences = schemaDifferences(sqliteCatalog(sqlite), await postgresCatalog(db));
    expect(differences).toEqual([]);
  });

  it('names the table and column a SQLite migration added without its PostgreSQL twin', async () => {
    const ahead = new Sqlite(':memory:');
    migrate(ahead, [
      ...sqliteMigrations,
      {
        name: '9999-not-in-postgres',
        up: (database) =>
          database.exec(`
            ALTER TABLE people ADD COLUMN nickname TEXT;
            CREATE TABLE badges (id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people (id)) STRICT;
            CREATE INDEX people_by_nickname ON people (nickname COLLATE NOCASE);
          `),
      },
    ]);
    const differences = schemaDifferences(sqliteCatalog(ahead), await postgresCatalog(db));
    ahead.close();
    expect(differences).toEqual([
      "Table badges is in SQLite's schema but not PostgreSQL's: add it in a PostgreSQL migration (electron/db/postgres/migrations).",
      "Column people.nickname is in SQLite's schema but not PostgreSQL's: add it in a PostgreSQL migration (electron/db/postgres/migrations).",
      "Index people_by_nickname on people is in SQLite's schema but not PostgreSQL's.",
    ]);
  });

  it('names a changed type, nullability, default, check, foreign key, index and trigger on the PostgreSQL side', async () => {
    const rolledBack = new Error('rolled back');
    let differences: string[] = [];
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`ALTER TABLE bookings ALTER COLUMN waitlist_position TYPE real`.execute(trx);
        await sql`ALTER TABLE people ALTER COLUMN family_name DROP NOT NULL`.execute(trx);
        await sql`ALTER TABLE kiosk ALTER COLUMN mode SET DEFAULT 'evaluation'`.execute(trx);
        await sql`ALTER TABLE sessions DROP CONSTRAINT sessions_capacity_check`.execute(trx);
        await sql`ALTER TABLE consents DROP CONSTRAINT consents_person_id_fkey`.execute(trx);
        await sql`DROP INDEX sessions_by_start`.execute(trx);
        await sql`DROP TRIGGER report_version_people_delete ON people`.execute(trx);
        differences = schemaDifferences(sqliteCatalog(sqlite), await postgresCatalog(trx));
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(differences.sort()).toEqual([
      'Column bookings.waitlist_position is real in SQLite, so PostgreSQL\'s should be numeric, not real.',
      'Table consents: SQLite has the foreign key person_id -> people (id) on delete no action, PostgreSQL does not.',
      "Column kiosk.mode defaults to 'sign_in' in SQLite but 'evaluation' in PostgreSQL.",
      'Column people.family_name is NOT NULL in SQLite but nullable in PostgreSQL.',
      'Table sessions: SQLite has the CHECK capacity >= 0, PostgreSQL does not.',
      "Index sessions_by_start on sessions is in SQLite's schema but not PostgreSQL's.",
      "Trigger report_version_people_delete (after delete on people, raising people) is in SQLite's schema but not PostgreSQL's.",
    ].sort());
  });

  it('starts with the same rows as a fresh SQLite office: the kiosk row and a version per reported table', async () => {
    const sqliteRows = sqlite.prepare('SELECT source, version FROM report_source_versions ORDER BY source').all();
    const { rows } = await sql`SELECT source, version FROM report_source_versions ORDER BY source`.execute(db);
    expect(rows).toEqual(sqliteRows);
    const { rows: kiosk } = await sql`SELECT singleton, mode, wrong_pin_tries FROM kiosk`.execute(db);
    expect(kiosk).toEqual(sqlite.prepare('SELECT singleton, mode, wrong_pin_tries FROM kiosk').all());
  });

  it('orders ids, clock stamps and search keys as SQLite does, and folds case for lower() as NOCASE does', async () => {
    const keys = ['b', 'B', 'a', 'Z', 'é', 'É', 'e', '0', '2026-03-12T09:00:00.000Z-0001', '2026-03-12T09:00:00.000Z-000a', 'ß', 'Ž'];
    await db.transaction().execute(async (trx) => {
      for (const key of keys) await sql`INSERT INTO local_settings (key, value) VALUES (${key}, ${key})`.execute(trx);
      const sorted = await sql<{ key: string }>`SELECT key FROM local_settings ORDER BY key`.execute(trx);
      const folded = await sql<{ folded: string }>`SELECT lower(value) AS folded FROM local_settings ORDER BY key`.execute(trx);
      const lite = new Sqlite(':memory:');
      lite.exec('CREATE TABLE t (key TEXT PRIMARY KEY) STRICT');
      for (const key of keys) lite.prepare('INSERT INTO t (key) VALUES (?)').run(key);
      expect(sorted.rows.map((row) => row.key)).toEqual(lite.prepare('SELECT key FROM t ORDER BY key').pluck().all());
      expect(folded.rows.map((row) => row.folded)).toEqual(lite.prepare('SELECT lower(key) FROM t ORDER BY key').pluck().all());
      lite.close();
      await sql`DELETE FROM local_settings`.execute(trx);
    });
  });

  it('refuses JSON that is not JSON, and a trigger raises the report version when a session changes, as SQLite does', async () => {
    await expect(sql`INSERT INTO courses (id, title, duration_minutes, learning_outcomes) VALUES ('c1', 'First aid', 60, '[unclosed')`.execute(db)).rejects.toThrow(
      /courses_learning_outcomes_check/,
    );
    const version = async () => (await sql<{ version: number }>`SELECT version FROM report_source_versions WHERE source = 'sessions'`.execute(db)).rows[0]!.version;
    const before = await version();
    await sql`INSERT INTO courses (id, title, duration_minutes, learning_outcomes) VALUES ('c1', 'First aid', 60, '[]')`.execute(db);
    await sql`INSERT INTO venues (id, name, address) VALUES ('v1', 'Hall', '1 High Street')`.execute(db);
    await sql`INSERT INTO sessions (id, course_id, venue_id, starts_at, ends_at, capacity, facilitators, status)
      VALUES ('s1', 'c1', 'v1', '2026-03-12T09:00', '2026-03-12T12:00', 12, '[]', 'scheduled')`.execute(db);
    const afterInsert = await version();
    expect(afterInsert).not.toBe(before);
    expect(Number.isSafeInteger(afterInsert)).toBe(true);
    await sql`UPDATE sessions SET ends_at = '2026-03-12T13:00' WHERE id = 's1'`.execute(db);
    expect(await version()).toBe(afterInsert);
    await sql`UPDATE sessions SET status = 'cancelled' WHERE id = 's1'`.execute(db);
    expect(await version()).not.toBe(afterInsert);
    await sql`DELETE FROM sessions`.execute(db);
    await sql`DELETE FROM venues`.execute(db);
    await sql`DELETE FROM courses`.execute(db);
  });

  it('migrates once (also when two start at the same moment), records the version, and refuses a database a newer Fieldbook migrated, naming the version needed', async () => {
    expect(await migratePostgres(db)).toBe(postgresMigrations.length);
    const { rows } = await sql<{ version: number; name: string }>`SELECT version, name FROM fieldbook_schema_versions ORDER BY version`.execute(db);
    expect(rows).toEqual(postgresMigrations.map((migration, index) => ({ version: index + 1, name: migration.name })));
    const newer = postgresMigrations.length + 1;
    await sql`INSERT INTO fieldbook_schema_versions (version, name) VALUES (${newer}, 'from a newer Fieldbook')`.execute(db);
    await expect(migratePostgres(db)).rejects.toThrow(`needs a Fieldbook that knows schema ${newer}`);
    await sql`DELETE FROM fieldbook_schema_versions WHERE version = ${newer}`.execute(db);
  });

  it('refuses a database that is not UTF-8, saying how to make one', async () => {
    const name = `${new URL(freshDatabase()).pathname.slice(1)}_ascii`;
    await onServer(testServerUrl!, `CREATE DATABASE ${name} ENCODING 'SQL_ASCII' TEMPLATE template0`);
    const ascii = await openPostgres(databaseUrl(testServerUrl!, name));
    try {
      await expect(migratePostgres(ascii.db)).rejects.toThrow("Make the database with ENCODING 'UTF8' (CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0): this one is SQL_ASCII");
    } finally {
      await ascii.close();
      await onServer(testServerUrl!, `DROP DATABASE ${name} WITH (FORCE)`);
    }
  });
});

describe('one spelling for both engines’ expressions', () => {
  it('reads PostgreSQL’s printing of a CHECK as the SQLite CHECK it came from', () => {
    const pairs = [
      ["state IN ('booked', 'waitlisted')", "CHECK ((state = ANY (ARRAY['booked'::text, 'waitlisted'::text])))"],
      ["decision IN ('keep_apart')", "CHECK ((decision = 'keep_apart'::text))"],
      ["(kind = 'undo') = (corrects_id IS NOT NULL)", "CHECK (((kind = 'undo'::text) = (corrects_id IS NOT NULL)))"],
      ['length(name) BETWEEN 1 AND 200', 'CHECK (((length(name) >= 1) AND (length(name) <= 200)))'],
      ["year_starts IS NULL OR year_starts GLOB '[0-1][0-9]-[0-3][0-9]'", "CHECK (((year_starts IS NULL) OR (year_starts ~ '^[0-1][0-9]-[0-3][0-9]$'::text)))"],
      ["'[]'", "'[]'::text"],
    ];
    for (const [sqlite, postgres] of pairs) expect(canonicalExpression(postgres!), sqlite).toBe(canonicalExpression(sqlite!));
  });

  it('keeps grouping, operators and values apart', () => {
    expect(canonicalExpression('(a = 1 OR b = 2) AND c = 3')).not.toBe(canonicalExpression('a = 1 OR (b = 2 AND c = 3)'));
    expect(canonicalExpression('capacity >= 0')).not.toBe(canonicalExpression('capacity > 0'));
    expect(canonicalExpression("mode IN ('sign_in', 'evaluation')")).not.toBe(canonicalExpression("mode IN ('sign_in', 'Evaluation')"));
    expect(canonicalExpression('late IN (0, 1)')).not.toBe(canonicalExpression('late IN (0, 1, 2)'));
  });
});
