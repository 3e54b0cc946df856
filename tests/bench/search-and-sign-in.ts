import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../electron/core';
import { recordSignIn } from '../../electron/core/signin/sign-in';
import { write } from '../../electron/core/write';
import { generatePeople } from '../../electron/demo/generate-people';
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

export async function benchSearchAndSignIn(): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-bench-signin-'));
  const { core, sessionId, booked, prefixes } = await seed(root);
  const folder = join(root, 'laptop');
  try {

    // Raw baseline for search: one prepared, indexed range lookup on the same key table.
    const rawLookup = core.database.sqlite.prepare(
      'SELECT DISTINCT person_id FROM person_search_keys WHERE key >= ? AND key < ? LIMIT 20',
    );
    const search: number[] = [];
    const kiosk: number[] = [];
    const raw: number[] = [];
    for (let index = 0; index < SEARCHES; index += 1) {
      const query = prefixes[index % prefixes.length]!;
      const lower = query.toLowerCase();
      raw.push(await timeMs(() => rawLookup.all(lower, `${lower}\u{10FFFF}`)));
      search.push(await timeMs(() => core.handlers['signIn.find']({ sessionId, query, limit: 20 })));
    }
    await core.handlers['kiosk.start']({ sessionId, pin: '2468', mode: 'sign_in' });
    for (let index = 0; index < SEARCHES; index += 1) {
      const query = prefixes[index % prefixes.length]!.padEnd(2, 'a');
      kiosk.push(await timeMs(() => core.handlers['kiosk.find']({ query })));
    }
    await core.handlers['kiosk.exit']({ pin: '2468' });

    // Sign-in: the durable write alone, and the whole procedure with the refreshed roster it returns.
    const session = { id: sessionId, capacity: 1000 };
    const durable: number[] = [];
    const procedure: number[] = [];
    for (const [index, personId] of booked.entries()) {
      if (index % 2) {
        procedure.push(await timeMs(() => core.handlers['signIn.signIn']({ sessionId, personId })));
      } else {
        durable.push(await timeMs(() => write(core.context, (scope) => recordSignIn(core.context, scope, session, personId, 'facilitator'))));
      }
    }
    const rawInsert = await rawDurableInserts(folder, SIGN_INS);

    const searchBaseline = { label: 'prepared indexed range lookup', value: percentile(raw, 95) };
    const insertBaseline = { label: 'one-row insert, WAL + synchronous=FULL', value: percentile(rawInsert, 95) };
    return [
      { name: `find a participant by typed prefix among ${PEOPLE / 1000}k people (signIn.find)`, statistic: 'p95', value: percentile(search, 95), unit: 'ms', budget: 0.5, baseline: searchBaseline },
      { name: `kiosk find by typed prefix among ${PEOPLE / 1000}k people (kiosk.find)`, statistic: 'p95', value: percentile(kiosk, 95), unit: 'ms', budget: 0.5, baseline: searchBaseline },
      { name: 'sign in one participant: durable write (synchronous=FULL)', statistic: 'p95', value: percentile(durable, 95), unit: 'ms', budget: 2, baseline: insertBaseline },
      { name: `sign-in procedure incl. the ${SIGN_INS}-person roster it returns`, statistic: 'p95', value: percentile(procedure, 95), unit: 'ms', baseline: insertBaseline },
    ];
  } finally {
    await core.close();
    rmSync(root, { recursive: true, force: true });
  }
}

async function rawDurableInserts(folder: string, count: number): Promise<number[]> {
  const db = new Sqlite(join(folder, 'raw-insert.sqlite'));
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
