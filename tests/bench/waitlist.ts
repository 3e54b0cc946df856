import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3-multiple-ciphers';
import { generatePeople } from '../../electron/demo/generate-people';
import { percentile, timeMs, type Figure } from './report';
import { laptopWithSession } from './paired';

const CAPACITY = 500;
const WAITING = 100;
const SIGNED_IN = 400;

/**
 * A 500-place session on the day: every booking made through the procedure
 * (the last hundred join the waitlist and arrive), 400 people signed in, then
 * no-shows released so the hundred waiting get the freed places.
 */
export async function benchWaitlist(): Promise<Figure[]> {
  const root = mkdtempSync(join(tmpdir(), 'fieldbook-bench-waitlist-'));
  const { laptop: core, sessionId, folder } = await laptopWithSession(root, CAPACITY);
  try {
    const { handlers } = core;
    await generatePeople(core, CAPACITY + WAITING, 11);
    const people = core.database.sqlite.prepare('SELECT id FROM people ORDER BY id').pluck().all() as string[];

    const booking: number[] = [];
    for (const personId of people) booking.push(await timeMs(() => handlers['signIn.book']({ sessionId, personId })));
    for (const personId of people.slice(0, SIGNED_IN)) await handlers['signIn.signIn']({ sessionId, personId });
    // The waiting hundred arrive: signing in marks them present on the waitlist.
    for (const personId of people.slice(CAPACITY)) await handlers['signIn.signIn']({ sessionId, personId });
    const release = await timeMs(() => handlers['bookings.releaseNoShows']({ sessionId }));

    const raw = rawBaselines(folder);
    return [
      { name: `book one person on a ${CAPACITY}-place session (signIn.book, incl. roster)`, statistic: 'p95', value: percentile(booking, 95), unit: 'ms', baseline: { label: 'one-row insert, WAL + FULL', value: raw.insert } },
      { name: `release no-shows: ${CAPACITY - SIGNED_IN} no-shows, ${WAITING} waiting seated and signed in`, statistic: 'total', value: release, unit: 'ms', baseline: { label: `${2 * WAITING} row updates + ${WAITING} inserts, one transaction`, value: raw.release } },
    ];
  } finally {
    await core.close();
    rmSync(root, { recursive: true, force: true });
  }
}

function rawBaselines(folder: string): { insert: number; release: number } {
  const db = new Sqlite(join(folder, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE b (id TEXT PRIMARY KEY, state TEXT) STRICT; CREATE TABLE s (id TEXT PRIMARY KEY) STRICT');
  const insert = db.prepare('INSERT INTO b VALUES (?, ?)');
  const inserts: number[] = [];
  for (let index = 0; index < CAPACITY + WAITING; index += 1) {
    const start = process.hrtime.bigint();
    insert.run(`b${index}`, 'booked');
    inserts.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const update = db.prepare("UPDATE b SET state = 'no_show' WHERE id = ?");
  const sign = db.prepare('INSERT INTO s VALUES (?)');
  const start = process.hrtime.bigint();
  db.transaction(() => {
    for (let index = 0; index < WAITING; index += 1) {
      update.run(`b${index}`);
      update.run(`b${CAPACITY + index}`);
      sign.run(`s${index}`);
    }
  })();
  const release = Number(process.hrtime.bigint() - start) / 1e6;
  db.close();
  return { insert: percentile(inserts, 95), release };
}
