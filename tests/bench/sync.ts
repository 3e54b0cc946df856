import { execFileSync } from 'node:child_process';
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { localMinute } from '../../electron/core/deps';
import type { Core } from '../../electron/core';
import { openDatabase } from '../../electron/db/open';
import { generatePeople } from '../../electron/demo/generate-people';
import { databaseKeyInFolder, openCoreInFolder } from '../../electron/host/open-core';
import { DATABASE_FILE, KEYS_FOLDER } from '../../electron/host/data-folder';
import { encodeHlc } from '../../electron/sync/hlc';
import type { OutgoingFile } from '../../shared/contract';
import { answersFor } from '../support/evaluations';
import { incoming, pairedPair, sendPackage } from './paired';
import { percentile, timeMs, type Figure } from './report';

const DAY_PEOPLE = 200;
const MILLION = 1_000_000;
const PEOPLE_IN_MILLION = 200_000;
const SESSIONS_IN_MILLION = 40;

/**
 * A normal day: 200 booked people signed in and 200 evaluations answered on
 * the laptop, then the end-of-day export, signed and encrypted.
 */
async function benchEndOfDayExport(root: string): Promise<Figure[]> {
  const { office, laptop, laptopId, courseId, sessionIds } = await pairedPair(root, 1, 250);
  const sessionId = sessionIds[0]!;
  await generatePeople(office, DAY_PEOPLE, 5);
  const people = office.database.sqlite.prepare('SELECT id FROM people ORDER BY id').pluck().all() as string[];
  for (const personId of people) await office.handlers['signIn.book']({ sessionId, personId });
  await sendPackage(office, laptop, laptopId);
  const template = await laptop.handlers['evaluations.template']({ courseId });
  for (const personId of people) {
    await laptop.handlers['signIn.signIn']({ sessionId, personId });
    await laptop.handlers['evaluations.submit']({ sessionId, personId, templateId: template.id, answers: answersFor(template), language: 'en' });
  }
  let file!: OutgoingFile & { bundle: { summary: { changes: number } } };
  const exportMs = await timeMs(async () => {
    file = await laptop.handlers['sync.exportBundle']({});
  });
  // Writing the same bundle again does the same reading, signing and encrypting, so it gives a spread.
  const again: number[] = [];
  for (let run = 0; run < 20; run += 1) again.push(await timeMs(() => laptop.handlers['sync.rewriteBundle']({ sequence: 1 })));
  const read = laptop.database.sqlite.prepare('SELECT * FROM change_log WHERE device_id = ? ORDER BY hlc').raw();
  const deviceId = laptop.database.sqlite.prepare('SELECT id FROM device').pluck().get();
  const raw: number[] = [];
  for (let run = 0; run < 20; run += 1) raw.push(await timeMs(() => read.all(deviceId)));
  await office.close();
  await laptop.close();
  return [
    {
      name: `end-of-day export: ${DAY_PEOPLE} sign-ins + ${DAY_PEOPLE} evaluations (${file.bundle.summary.changes} changes), signed + encrypted`,
      value: exportMs,
      statistic: 'total',
      unit: 'ms',
      budget: 500,
      baseline: { label: 'read the same changes', value: percentile(raw, 50) },
    },
    { name: 'writing the same bundle again (read, sign, encrypt)', value: percentile(again, 95), statistic: 'p95', unit: 'ms' },
  ];
}

/** The laptop's change log filled directly with a million changes: 200k new people and 800k sign-ins (ids are UUIDs, as the office checks). */
function fillLaptopLog(laptop: Core, sessionIds: string[]): void {
  const sqlite = laptop.database.sqlite;
  const deviceId = sqlite.prepare('SELECT id FROM device').pluck().get() as string;
  const insert = sqlite.prepare('INSERT INTO change_log (id, hlc, device_id, table_name, row_id, fields) VALUES (?, ?, ?, ?, ?, ?)');
  const startMs = Date.now() - 2 * MILLION;
  let tick = 0;
  const hlc = () => encodeHlc({ wallMs: startMs + Math.floor(tick / 10), counter: tick++ % 10, deviceId });
  const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(12, '0')}`;
  sqlite.transaction(() => {
    for (let n = 0; n < PEOPLE_IN_MILLION; n += 1) {
      const fields = { given_name: `Given${n}`, family_name: `Family${n % 5000}`, preferred_name: null, email: `person${n}@example.org`, phone: null, organisation_id: null, membership_joined_on: null };
      insert.run(id('c0000000-0000-7000-8000-', n), hlc(), deviceId, 'people', id('a0000000-0000-7000-8000-', n), JSON.stringify(fields));
    }
    const signIns = MILLION - PEOPLE_IN_MILLION;
    for (let n = 0; n < signIns; n += 1) {
      const stamp = hlc();
      const fields = { session_id: sessionIds[n % sessionIds.length], person_id: id('a0000000-0000-7000-8000-', n % PEOPLE_IN_MILLION), kind: 'sign_in', method: 'facilitator', corrects_id: null, hlc: stamp, recorded_at: new Date(startMs).toISOString(), device_id: deviceId };
      insert.run(id('c1000000-0000-7000-8000-', n), stamp, deviceId, 'sign_ins', id('b0000000-0000-7000-8000-', n), JSON.stringify(fields));
    }
  })();
}

/**
 * The floor for the same work: the rows the import ends up writing (the
 * million change-log rows and the people and sign-ins they make) inserted
 * with raw prepared statements in one transaction, into a copy of the same
 * office database. JSON is parsed before the clock starts.
 */
function rawBulkInsert(databasePath: string, changes: unknown[][]): number {
  const database = openDatabase(databasePath, databaseKeyInFolder(dirname(databasePath)));
  const sqlite = database.sqlite;
  const logInsert = sqlite.prepare<unknown[]>('INSERT INTO change_log (id, hlc, device_id, table_name, row_id, fields) VALUES (?, ?, ?, ?, ?, ?)');
  const recordInserts = new Map<string, Statement<unknown[]>>();
  const records = changes.map(([, , , table, rowId, fields]) => {
    const values = JSON.parse(fields as string) as Record<string, unknown>;
    const columns = Object.keys(values);
    const key = `${table as string}:${columns.join(',')}`;
    if (!recordInserts.has(key)) {
      recordInserts.set(key, sqlite.prepare<unknown[]>(`INSERT INTO ${table as string} (id, ${columns.join(', ')}) VALUES (?${', ?'.repeat(columns.length)})`));
    }
    return [recordInserts.get(key)!, [rowId, ...Object.values(values)]] as [Statement<unknown[]>, unknown[]];
  });
  const started = performance.now();
  sqlite.transaction(() => {
    for (const change of changes) logInsert.run(...change);
    for (const [statement, values] of records) statement.run(...values);
  })();
  const ms = performance.now() - started;
  void database.close();
  return ms;
}

async function benchMillionImport(root: string): Promise<Figure[]> {
  const { office, laptop, laptopId, sessionIds } = await pairedPair(root, SESSIONS_IN_MILLION, 1000);
  await sendPackage(office, laptop, laptopId);
  fillLaptopLog(laptop, sessionIds);
  const file = await laptop.handlers['sync.exportBundle']({});
  const bundlePath = join(root, file.fileName);
  writeFileSync(bundlePath, Buffer.from(file.contentBase64, 'base64'));
  const rows = laptop.database.sqlite.prepare("SELECT id, hlc, device_id, table_name, row_id, fields FROM change_log WHERE table_name IN ('people', 'sign_ins') ORDER BY hlc").raw().all() as unknown[][];
  await office.close();
  await laptop.close();
  // Closing checkpointed the office's WAL, so the database file alone is its whole state.
  mkdirSync(join(root, 'office-raw'));
  copyFileSync(join(root, 'office', DATABASE_FILE), join(root, 'office-raw', DATABASE_FILE));
  cpSync(join(root, 'office', KEYS_FOLDER), join(root, 'office-raw', KEYS_FOLDER), { recursive: true });
  const rawMs = rawBulkInsert(join(root, 'office-raw', DATABASE_FILE), rows);
  // A separate process, so its peak memory is the import's alone.
  const report = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sync-import-child.ts'), join(root, 'office'), bundlePath], {
      encoding: 'utf8',
      maxBuffer: 1024 * 1024,
    }),
  ) as { ms: number; maxRssMb: number; status: string; changes: number };
  if (report.status !== 'imported') throw new Error(`The million-change bundle was not imported: ${report.status}`);
  return [
    {
      name: `import and merge ${report.changes.toLocaleString('en-GB')} changes in one bundle (${(Buffer.byteLength(file.contentBase64, 'base64') / 2 ** 20).toFixed(0)} MB file)`,
      value: report.ms,
      statistic: 'total',
      unit: 'ms',
      budget: 3 * rawMs,
      baseline: { label: 'raw insert of the same rows, change log and records (budget is 3×)', value: rawMs },
    },
    { name: 'peak memory of that import process (resident set)', value: report.maxRssMb, statistic: 'total', unit: 'MB', budget: 500 },
  ];
}

/** Rows a flood of edits to records that never arrive leaves waiting at the office: the most one laptop may leave. */
const WAITING_ROWS = 10_000;

/**
 * An honest day's bundle (20 sign-ins and a note) imported by an office where
 * another laptop has left 10,000 rows waiting for records that never arrive,
 * beside the same bundle imported by a copy of the office with none waiting.
 * Only what the import stores is retried, so the two should match.
 */
async function benchImportBesideWaitingRows(root: string): Promise<Figure[]> {
  const { office, laptop, laptopId, sessionIds } = await pairedPair(root, 1, 100);
  const sessionId = sessionIds[0]!;
  await generatePeople(office, 20, 9);
  const people = office.database.sqlite.prepare('SELECT id FROM people ORDER BY id').pluck().all() as string[];
  for (const personId of people) await office.handlers['signIn.book']({ sessionId, personId });
  await sendPackage(office, laptop, laptopId);
  for (const personId of people) await laptop.handlers['signIn.signIn']({ sessionId, personId });
  await laptop.handlers['notes.add']({ sessionId, text: 'The hearing loop was off', tags: [], needsResponse: false });
  const file = await laptop.handlers['sync.exportBundle']({});
  await laptop.close();
  await office.close();
  mkdirSync(join(root, 'office-clean'));
  copyFileSync(join(root, 'office', DATABASE_FILE), join(root, 'office-clean', DATABASE_FILE));
  cpSync(join(root, 'office', KEYS_FOLDER), join(root, 'office-clean', KEYS_FOLDER), { recursive: true });

  // What a flood leaves: edits of people nobody has, each waiting, as the merge records them.
  const flooded = openDatabase(join(root, 'office', DATABASE_FILE), databaseKeyInFolder(join(root, 'office')));
  const stamp = encodeHlc({ wallMs: Date.now() - 60_000, counter: 0, deviceId: laptopId });
  const addChange = flooded.sqlite.prepare("INSERT INTO change_log (id, hlc, device_id, table_name, row_id, fields) VALUES (?, ?, ?, 'people', ?, '{\"given_name\":\"Flood\"}')");
  const addWaiting = flooded.sqlite.prepare("INSERT INTO unapplied_rows (table_name, row_id, reason, device_id, waits_for) VALUES ('people', ?, 'An edit arrived before the record it edits.', ?, NULL)");
  flooded.sqlite.transaction(() => {
    for (let n = 0; n < WAITING_ROWS; n += 1) {
      const rowId = `d0000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
      addChange.run(`e0000000-0000-7000-8000-${String(n).padStart(12, '0')}`, stamp, laptopId, rowId);
      addWaiting.run(rowId, laptopId);
    }
  })();
  await flooded.close();

  const importInto = async (folder: string) => {
    const core = openCoreInFolder(folder);
    try {
      return await timeMs(async () => {
        const outcome = await core.handlers['sync.importFile'](incoming(file));
        if (outcome.status !== 'imported') throw new Error(`The honest bundle was not imported: ${outcome.message}`);
      });
    } finally {
      await core.close();
    }
  };
  const clean = await importInto(join(root, 'office-clean'));
  const beside = await importInto(join(root, 'office'));
  return [
    {
      name: `honest import (20 sign-ins, a note) beside ${WAITING_ROWS.toLocaleString('en-GB')} rows waiting from a flood`,
      value: beside,
      statistic: 'total',
      unit: 'ms',
      baseline: { label: 'the same import with nothing waiting', value: clean },
    },
  ];
}

export async function benchSync(): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-bench-sync-'));
  try {
    return [
      ...(await benchEndOfDayExport(join(root, 'day'))),
      ...(await benchImportBesideWaitingRows(join(root, 'flood'))),
      ...(await benchMillionImport(join(root, 'million'))),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
