import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database, Options } from 'better-sqlite3-multiple-ciphers';
import type { Device, ProcedureInput, ProcedureName, ProcedureOutput, Session } from '../../shared/contract';
import type { CallResult, FieldbookErrorPayload } from '../../shared/errors';
import { createCore, type Core } from '../../electron/core';
import { newUuidV7 } from '../../electron/core/ids';
import { fileKeyStore, type KeyStore } from '../../electron/core/keys';
import { openWithKey } from '../../electron/db/encryption';
import { DATABASE_FILE } from '../../electron/host/data-folder';
import { databaseKeyInFolder } from '../../electron/host/open-core';
import { createDispatcher, type Dispatch } from '../../electron/dispatch/dispatcher';

/** A wall clock the test sets by hand, so a laptop's clock can be wrong by days. */
export interface TestClock {
  (): Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function testClock(start: Date | string = '2026-03-12T09:00:00.000Z'): TestClock {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.set = (date) => {
    now = new Date(date).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

export interface TempCore {
  /** The temp folder holding the database file; removed by cleanup(). */
  readonly folder: string;
  readonly databasePath: string;
  readonly clock: TestClock;
  readonly keyStore: KeyStore;
  /** The open core (a new one after reopen()). */
  readonly core: Core;
  /** The raw better-sqlite3 handle of the open core, for checking what is on disk. */
  readonly sqlite: Database;
  /** The same dispatcher every transport uses, over the open core. */
  readonly dispatch: Dispatch;
  /** What the dispatcher logged for the office (unexpected failures). */
  readonly loggedErrors: { message: string; error: unknown }[];
  /** Calls a procedure through the dispatcher and returns its value, or throws with the error it gave. */
  call<N extends ProcedureName>(name: N, input: ProcedureInput<N>): Promise<ProcedureOutput<N>>;
  /** Sets this device up as the central office. */
  setUp(name?: string): Promise<Device>;
  /** Closes the core and opens the same database file again, as a restart of the app would. */
  reopen(): Promise<void>;
  close(): Promise<void>;
  /** Closes the core (if open) and deletes the temp folder. */
  cleanup(): Promise<void>;
}

export interface TempCoreOptions {
  clock?: TestClock;
  /** Set the device up (role office) before returning. */
  setUp?: boolean;
  /**
   * Start from a copy of another core's database file (checkpointed first) and
   * keys folder: the same device, in a fresh folder. Quicker than pairing again.
   */
  copyOf?: TempCore;
}

export async function tempCore(options: TempCoreOptions = {}): Promise<TempCore> {
  const folder = mkdtempSync(join(tmpdir(), 'fieldbook-test-'));
  const databasePath = join(folder, 'fieldbook.sqlite');
  const clock = options.clock ?? testClock();
  // Keys in files in the folder, as the command line and web host keep them, so a CLI run over the folder has them too.
  const keysFolder = join(folder, 'keys');
  const keyStore = fileKeyStore(keysFolder);
  if (options.copyOf) {
    options.copyOf.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(options.copyOf.databasePath, databasePath);
    const theirKeys = join(options.copyOf.folder, 'keys');
    if (existsSync(theirKeys)) cpSync(theirKeys, keysFolder, { recursive: true });
  }
  const loggedErrors: { message: string; error: unknown }[] = [];

  let core: Core | null = null;
  let dispatch: Dispatch | null = null;

  const open = () => {
    core = createCore({ databasePath, clock, newId: newUuidV7, keyStore });
    dispatch = createDispatcher(core.handlers, (message, error) => loggedErrors.push({ message, error }));
  };
  const openCore = (): Core => {
    if (!core) throw new Error('The test core is closed.');
    return core;
  };
  const close = async () => {
    const closing = core;
    core = null;
    dispatch = null;
    if (closing) await closing.close();
  };

  try {
    open();
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }

  const temp: TempCore = {
    folder,
    databasePath,
    clock,
    keyStore,
    loggedErrors,
    get core() {
      return openCore();
    },
    get sqlite() {
      return openCore().database.sqlite;
    },
    get dispatch() {
      openCore();
      return dispatch!;
    },
    async call(name, input) {
      const result = (await temp.dispatch(name, input)) as CallResult<ProcedureOutput<typeof name>>;
      if (!result.ok) {
        throw new Error(`${name} failed: ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
      }
      return result.value;
    },
    setUp: (name = 'Central office') => temp.call('device.setUp', { role: 'office', name }),
    async reopen() {
      await close();
      open();
    },
    close,
    async cleanup() {
      await close();
      rmSync(folder, { recursive: true, force: true });
    },
  };

  if (options.setUp) {
    try {
      await temp.setUp();
    } catch (error) {
      await temp.cleanup();
      throw error;
    }
  }
  return temp;
}

/**
 * Opens the database file of a data folder (a test core's folder, or one the
 * command line or web host set up) with the key kept in its keys folder, for
 * checking what is on disk. The file is encrypted: a plain open cannot read it.
 */
export function openDatabaseFileIn(folder: string, options?: Options): Database {
  return openWithKey(join(folder, DATABASE_FILE), databaseKeyInFolder(folder), options);
}

/**
 * Every row of every table (including the change log and the device row), plus
 * the schema version: two equal dumps mean nothing was written. Rows are sorted
 * by content, so tables without a rowid compare the same way.
 */
export function dumpDatabase(sqlite: Database): string {
  const tables = sqlite
    // refused_imports is the import log's note of a refused file: the one row a refusal keeps (tests/integration/import-log-refused.test.ts checks it).
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'refused_imports' ORDER BY name`)
    .pluck()
    .all() as string[];
  // Blobs come out as Buffers, which JSON writes as their bytes.
  const asText = (value: unknown) => JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item));
  const dump: Record<string, unknown> = { user_version: sqlite.pragma('user_version', { simple: true }) };
  for (const table of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).raw().all() as unknown[][];
    dump[table] = rows.map(asText).sort();
  }
  return asText(dump);
}

/** A short fingerprint of dumpDatabase, for comparing before and after a call. */
export function databaseHash(sqlite: Database): string {
  return createHash('sha256').update(dumpDatabase(sqlite)).digest('hex');
}

export interface ChangeLogRow {
  id: string;
  hlc: string;
  device_id: string;
  table_name: string;
  row_id: string;
  fields: Record<string, unknown>;
}

/** The change log in the order it was written. */
export function changeLog(sqlite: Database): ChangeLogRow[] {
  const rows = sqlite.prepare('SELECT id, hlc, device_id, table_name, row_id, fields FROM change_log ORDER BY rowid').all() as (Omit<
    ChangeLogRow,
    'fields'
  > & { fields: string })[];
  return rows.map((row) => ({ ...row, fields: JSON.parse(row.fields) as Record<string, unknown> }));
}

export function countRows(sqlite: Database, table: string): number {
  return sqlite.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get() as number;
}

/** True for a UUID whose version nibble is 7 (time-ordered, made offline). */
export function isUuidV7(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id);
}

// ---- helpers for sign-in, kiosk and search tests ----------------------------

/** Calls a procedure and returns its value, or throws with the error it gave. */
export type Call = TempCore['call'];

/** The same as temp.call, over any dispatcher (for example a core opened on a data folder). */
export function callerFor(dispatch: Dispatch): Call {
  return async (name, input) => {
    const result = (await dispatch(name, input)) as CallResult<ProcedureOutput<typeof name>>;
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  };
}

/** Calls a procedure that should be refused and returns the error it gave; throws if it was not refused. */
export async function refusal(dispatch: Dispatch, name: ProcedureName, input: unknown): Promise<FieldbookErrorPayload> {
  const result = await dispatch(name, input);
  if (result.ok) throw new Error(`${name} was expected to be refused but succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** The test clock's day (2026-03-12, a Thursday). */
export const TEST_TODAY = '2026-03-12';

export interface SessionSeed {
  /** The session's day, "2026-03-12". */
  day: string;
  start?: string;
  end?: string;
  capacity?: number;
  status?: 'scheduled' | 'cancelled' | 'completed';
  title?: string;
}

/** Creates a course, a venue and a session on the given day. */
export async function seedSession(call: Call, seed: SessionSeed): Promise<Session> {
  const course = await call('courses.create', { title: seed.title ?? 'First aid', durationMinutes: 180, learningOutcomes: ['Call for help'] });
  const venue = await call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
  return call('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    startsAt: `${seed.day}T${seed.start ?? '10:00'}`,
    endsAt: `${seed.day}T${seed.end ?? '13:00'}`,
    capacity: seed.capacity ?? 20,
    facilitators: ['Sam Okafor'],
    status: seed.status ?? 'scheduled',
  });
}
