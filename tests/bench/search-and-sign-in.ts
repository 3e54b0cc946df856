import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers';
import { createCore, type Core } from '../../electron/core';
import { newUuidV7 } from '../../electron/core/ids';
import { fileKeyStore } from '../../electron/core/keys';
import { recordSignIn } from '../../electron/core/signin/sign-in';
import { write } from '../../electron/core/write';
import { openWithKey } from '../../electron/db/encryption';
import { generatePeople } from '../../electron/demo/generate-people';
import { DATABASE_FILE, KEYS_FOLDER } from '../../electron/host/data-folder';
import { databaseKeyInFolder, openCoreInFolder } from '../../electron/host/open-core';
import { decryptInPlace } from '../support/plain-copy';
import { laptopWithSession } from './paired';
import { percentile, timeMs, type Figure } from './report';

const PEOPLE = 100_000;
const SEARCHES = 2_000;
const SIGN_INS = 300;

/** A laptop with a session today from its office and SIGN_INS booked people, among PEOPLE in the database. */
async function seed(root: string): Promise<{ core: Core; sessionId: string; booked: string[]; prefixes: string[] }> {
  const { laptop: core, sessionId } = await laptopWithSession(root, 1000);
  await core.handlers['organisations.create']({ name: 'Newcastle City Council', sector: 'statutory' });
  await generatePeople(core, PEOPLE, 7);
  const people = core.database.sqlite
    .prepare('SELECT id, given_name, family_name FROM people ORDER BY id LIMIT ?')
    .all(SIGN_INS * 2) as { id: string; given_name: string; family_name: string }[];
  const booked = people.slice(0, SIGN_INS).map((person) => person.id);
  for (const personId of booked) await core.handlers['signIn.book']({ sessionId, personId });
  // What people type: the first two to four letters of real names in the data.
  const prefixes = people.map((person, index) => (index % 2 ? person.family_name : person.given_name).slice(0, 2 + (index % 3)));
  return { core, sessionId, booked, prefixes };
}

/**
 * The same laptop as the version before encryption kept it: its database
 * file copied (the WAL written back first) and decrypted, opened plain.
 */
function plainCopyOf(core: Core, root: string): Core {
  const laptopFolder = join(root, 'laptop');
  const folder = join(root, 'laptop-plain');
  mkdirSync(folder);
  core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(join(laptopFolder, DATABASE_FILE), join(folder, DATABASE_FILE));
  decryptInPlace(join(folder, DATABASE_FILE), databaseKeyInFolder(laptopFolder));
  return createCore({
    databasePath: join(folder, DATABASE_FILE),
    clock: () => new Date(),
    newId: newUuidV7,
    keyStore: fileKeyStore(join(laptopFolder, KEYS_FOLDER)),
    unencryptedForComparison: true,
  });
}

interface Samples {
  search: number[];
  kiosk: number[];
  raw: number[];
  durable: number[];
  procedure: number[];
}

async function measure(core: Core, sessionId: string, booked: string[], prefixes: string[]): Promise<Samples> {
  // Raw baseline for search: one prepared, indexed range lookup on the same key table.
  const rawLookup = core.database.sqlite.prepare('SELECT DISTINCT person_id FROM person_search_keys WHERE key >= ? AND key < ? LIMIT 20');
  const samples: Samples = { search: [], kiosk: [], raw: [], durable: [], procedure: [] };
  for (let index = 0; index < SEARCHES; index += 1) {
    const query = prefixes[index % prefixes.length]!;
    const lower = query.toLowerCase();
    samples.raw.push(await timeMs(() => rawLookup.all(lower, `${lower}\u{10FFFF}`)));
    samples.search.push(await timeMs(() => core.handlers['signIn.find']({ sessionId, query, limit: 20 })));
  }
  await core.handlers['kiosk.start']({ sessionId, pin: '2468', mode: 'sign_in' });
  for (let index = 0; index < SEARCHES; index += 1) {
    const query = prefixes[index % prefixes.length]!.padEnd(2, 'a');
    samples.kiosk.push(await timeMs(() => core.handlers['kiosk.find']({ query })));
  }
  await core.handlers['kiosk.exit']({ pin: '2468' });

  // Sign-in: the durable write alone, and the whole procedure with the refreshed roster it returns.
  const session = { id: sessionId, capacity: 1000 };
  for (const [index, personId] of booked.entries()) {
    if (index % 2) {
      samples.procedure.push(await timeMs(() => core.handlers['signIn.signIn']({ sessionId, personId })));
    } else {
      samples.durable.push(await timeMs(() => write(core.context, (scope) => recordSignIn(core.context, scope, session, personId, 'facilitator'))));
    }
  }
  return samples;
}

export async function benchSearchAndSignIn(): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-bench-signin-'));
  const seeded = await seed(root);
  const { sessionId, booked, prefixes } = seeded;
  const folder = join(root, 'laptop');
  let plain: Core | null = null;
  let core: Core | null = null;
  try {
    // The same data, plain as before and encrypted as now, each opened afresh (a cold page cache
    // for both), measured one after the other in this run.
    plain = plainCopyOf(seeded.core, root);
    await seeded.core.close();
    core = openCoreInFolder(folder);
    const before = await measure(plain, sessionId, booked, prefixes);
    const now = await measure(core, sessionId, booked, prefixes);
    const rawInsert = await rawDurableInserts(new Sqlite(join(folder, 'raw-insert.sqlite')), SIGN_INS);
    const rawEncryptedInsert = await rawDurableInserts(openWithKey(join(folder, 'raw-insert-encrypted.sqlite'), databaseKeyInFolder(folder)), SIGN_INS);

    const searchBaseline = { label: 'prepared indexed range lookup', value: percentile(now.raw, 95) };
    const plainSearchBaseline = { label: 'prepared indexed range lookup, plain file', value: percentile(before.raw, 95) };
    const insertBaseline = { label: 'one-row insert, WAL + synchronous=FULL', value: percentile(rawInsert, 95) };
    const encryptedInsertBaseline = { label: 'the same insert into an encrypted file', value: percentile(rawEncryptedInsert, 95) };
    return [
      { name: `find a participant by typed prefix among ${PEOPLE / 1000}k people (signIn.find)`, statistic: 'p95', value: percentile(now.search, 95), unit: 'ms', budget: 0.5, baseline: searchBaseline },
      { name: `  the same, unencrypted as before (same run)`, statistic: 'p95', value: percentile(before.search, 95), unit: 'ms', baseline: plainSearchBaseline },
      { name: `kiosk find by typed prefix among ${PEOPLE / 1000}k people (kiosk.find)`, statistic: 'p95', value: percentile(now.kiosk, 95), unit: 'ms', budget: 0.5, baseline: searchBaseline },
      { name: `  the same, unencrypted as before (same run)`, statistic: 'p95', value: percentile(before.kiosk, 95), unit: 'ms', baseline: plainSearchBaseline },
      { name: 'sign in one participant: durable write (synchronous=FULL)', statistic: 'p95', value: percentile(now.durable, 95), unit: 'ms', budget: 2, baseline: encryptedInsertBaseline },
      { name: `  the same, unencrypted as before (same run)`, statistic: 'p95', value: percentile(before.durable, 95), unit: 'ms', baseline: insertBaseline },
      { name: `sign-in procedure incl. the ${SIGN_INS}-person roster it returns`, statistic: 'p95', value: percentile(now.procedure, 95), unit: 'ms', baseline: encryptedInsertBaseline },
      { name: `  the same, unencrypted as before (same run)`, statistic: 'p95', value: percentile(before.procedure, 95), unit: 'ms', baseline: insertBaseline },
    ];
  } finally {
    await plain?.close();
    await (core ?? seeded.core).close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** One-row inserts in their own transactions into a fresh file, WAL and synchronous=FULL, as Fieldbook writes. */
async function rawDurableInserts(db: Database, count: number): Promise<number[]> {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE facts (id TEXT PRIMARY KEY, session_id TEXT, person_id TEXT, at TEXT) STRICT');
  const insert = db.prepare('INSERT INTO facts VALUES (?, ?, ?, ?)');
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    samples.push(await timeMs(() => insert.run(`f${index}`, 's', `p${index}`, new Date().toISOString())));
  }
  db.close();
  return samples;
}
