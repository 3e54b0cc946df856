import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disagreementsWithChangeLog, foldChanges, type LoggedChange } from '../support/change-log-fold';

const LAPTOP_A = '0195f0a4-3b2c-7d1e-8f00-00000000000a';
const LAPTOP_B = '0195f0a4-3b2c-7d1e-8f00-00000000000b';
const PERSON = '0195f0a4-0000-7000-8000-000000000001';

/** A clock stamp as the change log writes it: wall milliseconds, counter, device id. */
const stamp = (wallMs: number, device: string, counter = 0) => `${String(wallMs).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${device}`;

// Ids count down, so that sorting by id instead of by stamp gets these tests wrong (a laptop's UUIDv7 ids follow its wall clock, not its stamps).
let nextId = 1000;
function change(hlc: string, fields: Record<string, unknown>, rowId = PERSON, table = 'people'): LoggedChange {
  nextId -= 1;
  return { id: `change-${nextId}`, hlc, table_name: table, row_id: rowId, fields: JSON.stringify(fields) };
}

const insert = change(stamp(1000, LAPTOP_A), { given_name: 'Amira', family_name: 'Shared', email: 'amira@example.org', phone: null });

describe('folding the change log', () => {
  it('applies an edit that arrived before its insert after the insert', () => {
    const edit = change(stamp(2000, LAPTOP_A), { email: 'new@example.org' });
    const fold = foldChanges([edit, insert]);
    expect(fold.get('people')?.get(PERSON)).toEqual({ given_name: 'Amira', family_name: 'Shared', email: 'new@example.org', phone: null });
  });

  it('keeps the later stamp when two devices edit one field, in whatever order they are listed', () => {
    const earlier = change(stamp(2000, LAPTOP_B), { phone: '0191 496 0000' });
    const later = change(stamp(3000, LAPTOP_A), { phone: '07700 900123' });
    for (const changes of [[insert, earlier, later], [later, earlier, insert]]) {
      expect(foldChanges(changes).get('people')?.get(PERSON)?.phone).toBe('07700 900123');
    }
  });

  it('breaks a tie of wall time and counter by device id, as the stamp ends in it', () => {
    const fromA = change(stamp(2000, LAPTOP_A), { phone: 'from A' });
    const fromB = change(stamp(2000, LAPTOP_B), { phone: 'from B' });
    expect(foldChanges([insert, fromB, fromA]).get('people')?.get(PERSON)?.phone).toBe('from B');
  });

  it('orders stamps as text, so a larger counter in the same millisecond is later', () => {
    const first = change(stamp(2000, LAPTOP_A, 9), { email: 'first@example.org' });
    const second = change(stamp(2000, LAPTOP_A, 10), { email: 'second@example.org' });
    expect(foldChanges([second, first, insert]).get('people')?.get(PERSON)?.email).toBe('second@example.org');
  });

  it('keeps a field only the insert set while later edits change others', () => {
    const edits = [change(stamp(2000, LAPTOP_B), { email: null }), change(stamp(3000, LAPTOP_A), { phone: '0191 496 0999' })];
    const row = foldChanges([...edits, insert]).get('people')?.get(PERSON);
    expect(row?.given_name).toBe('Amira');
    expect(row?.family_name).toBe('Shared');
    expect(row).toEqual({ given_name: 'Amira', family_name: 'Shared', email: null, phone: '0191 496 0999' });
  });

  it('keeps rows and tables apart', () => {
    const other = change(stamp(500, LAPTOP_B), { given_name: 'Bogdan', family_name: 'Shared' }, 'another person');
    const note = change(stamp(1500, LAPTOP_B), { text: 'Room too cold' }, PERSON, 'session_notes');
    const fold = foldChanges([note, other, insert]);
    expect(fold.get('people')?.get('another person')).toEqual({ given_name: 'Bogdan', family_name: 'Shared' });
    expect(fold.get('people')?.get(PERSON)?.given_name).toBe('Amira');
    expect(fold.get('session_notes')?.get(PERSON)).toEqual({ text: 'Room too cold' });
  });

  it('gives the same rows for any order of the same changes', () => {
    const history = [
      insert,
      change(stamp(2000, LAPTOP_B), { email: 'b@example.org' }),
      change(stamp(2000, LAPTOP_A), { email: 'a@example.org', phone: '1' }),
      change(stamp(1000, LAPTOP_B, 1), { phone: '2' }),
    ];
    const expected = foldChanges(history);
    fc.assert(
      fc.property(fc.shuffledSubarray(history, { minLength: history.length }), (shuffled) => {
        expect(foldChanges(shuffled)).toEqual(expected);
      }),
    );
  });
});

describe('comparing stored rows with the fold', () => {
  let folder: string;
  let sqlite: Database;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'fieldbook-fold-'));
    sqlite = new Sqlite(join(folder, 'fold.sqlite'));
    sqlite.exec(`
      CREATE TABLE change_log (id TEXT PRIMARY KEY, hlc TEXT NOT NULL, device_id TEXT NOT NULL, table_name TEXT NOT NULL, row_id TEXT NOT NULL, fields TEXT NOT NULL);
      CREATE TABLE unapplied_rows (table_name TEXT NOT NULL, row_id TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (table_name, row_id));
      CREATE TABLE people (id TEXT PRIMARY KEY, given_name TEXT NOT NULL, email TEXT, walk_in INTEGER NOT NULL DEFAULT 0) STRICT;
    `);
  });
  afterEach(() => {
    sqlite.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const log = (...changes: LoggedChange[]) => {
    const insertChange = sqlite.prepare('INSERT INTO change_log (id, hlc, device_id, table_name, row_id, fields) VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of changes) insertChange.run(c.id, c.hlc, c.hlc.slice(-LAPTOP_A.length), c.table_name, c.row_id, c.fields);
  };
  const store = (id: string, givenName: string, email: string | null, walkIn = 0) =>
    sqlite.prepare('INSERT INTO people (id, given_name, email, walk_in) VALUES (?, ?, ?, ?)').run(id, givenName, email, walkIn);
  const wait = (rowId: string) => sqlite.prepare("INSERT INTO unapplied_rows VALUES ('people', ?, 'An edit arrived before the record it edits.')").run(rowId);

  it('finds nothing when every field holds its latest change, or its default when no change set it', () => {
    log(change(stamp(1000, LAPTOP_A), { given_name: 'Amira', email: 'a@example.org' }), change(stamp(2000, LAPTOP_B), { email: 'b@example.org' }));
    store(PERSON, 'Amira', 'b@example.org');
    expect(disagreementsWithChangeLog(sqlite, ['people'])).toEqual([]);
  });

  it('names the table, row and field that hold an older value, and a left-out field that is not its default', () => {
    log(change(stamp(1000, LAPTOP_A), { given_name: 'Amira', email: 'a@example.org' }), change(stamp(2000, LAPTOP_B), { email: 'b@example.org' }));
    store(PERSON, 'Amira', 'a@example.org', 1);
    expect(disagreementsWithChangeLog(sqlite, ['people'])).toEqual([
      `people ${PERSON} email: stored "a@example.org", the change log says "b@example.org"`,
      `people ${PERSON} walk_in: stored 1, the change log says 0`,
    ]);
  });

  it('accepts a row not stored only while it waits in unapplied_rows', () => {
    log(change(stamp(2000, LAPTOP_B), { email: 'b@example.org' }));
    expect(disagreementsWithChangeLog(sqlite, ['people'])).toEqual([`people ${PERSON}: in the change log, but neither stored nor waiting in unapplied_rows`]);
    wait(PERSON);
    expect(disagreementsWithChangeLog(sqlite, ['people'])).toEqual([]);
  });

  it('reports a stored row no change made, and a stored row still listed as waiting', () => {
    log(change(stamp(1000, LAPTOP_A), { given_name: 'Amira', email: null }));
    store(PERSON, 'Amira', null);
    store('made without a change', 'Bogdan', null);
    wait(PERSON);
    expect(disagreementsWithChangeLog(sqlite, ['people']).sort()).toEqual([
      `people ${PERSON}: stored, yet listed in unapplied_rows as waiting`,
      'people made without a change: stored, but no change in the log made it',
    ]);
  });
});
