import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { encodeHlc } from '../../electron/sync/hlc';

/**
 * A laptop or office updated from a build that kept each anonymous answer's
 * language: after the update, no anonymous answer (stored, held back, or in
 * the change log that travels) says which language it was given in; linked
 * answers keep theirs, and nothing else of any answer changes.
 */

let folder: string;
let sqlite: Database;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'fieldbook-0008-'));
  sqlite = new Sqlite(join(folder, 'fieldbook.sqlite'));
  migrate(sqlite, migrations.slice(0, migrations.findIndex((migration) => migration.name === '0008-unlinkable-answers')));
});

afterEach(() => {
  sqlite.close();
  rmSync(folder, { recursive: true, force: true });
});

const ANSWERS = '{"confidence":{"before":2,"after":4}}';

function storeAnswer(id: string, personId: string | null, language: string, counter: number) {
  const fields = { session_id: 's1', template_id: 't1', person_id: personId, answers: ANSWERS, language, submitted_on: '2026-03-12' };
  sqlite.prepare('INSERT INTO evaluation_responses (id, session_id, template_id, person_id, answers, language, submitted_on) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, ...Object.values(fields));
  sqlite
    .prepare("INSERT INTO change_log (id, hlc, device_id, table_name, row_id, fields) VALUES (?, ?, 'laptop', 'evaluation_responses', ?, ?)")
    .run(`change-${id}`, encodeHlc({ wallMs: Date.parse('2026-03-12T12:00:00Z'), counter, deviceId: 'laptop' }), id, JSON.stringify(fields));
}

it('drops the language of anonymous answers, in their rows and change-log entries, and keeps linked ones as they were', () => {
  // The rows would refer to a session and template; this test is about the answers only.
  sqlite.pragma('foreign_keys = OFF');
  storeAnswer('anonymous', null, 'ar', 0);
  storeAnswer('linked-one', 'p1', 'pl', 1);
  sqlite.prepare("INSERT INTO pending_anonymous_responses VALUES ('held', 's1', 't1', ?, 'en', '2026-03-12')").run(ANSWERS);

  migrate(sqlite);

  expect(sqlite.prepare('SELECT id, person_id, answers, language, submitted_on FROM evaluation_responses ORDER BY id').all()).toEqual([
    { id: 'anonymous', person_id: null, answers: ANSWERS, language: null, submitted_on: '2026-03-12' },
    { id: 'linked-one', person_id: 'p1', answers: ANSWERS, language: 'pl', submitted_on: '2026-03-12' },
  ]);
  const logged = sqlite.prepare('SELECT row_id, fields FROM change_log ORDER BY row_id').all() as { row_id: string; fields: string }[];
  expect(logged.map((entry) => [entry.row_id, (JSON.parse(entry.fields) as { language: unknown }).language])).toEqual([
    ['anonymous', null],
    ['linked-one', 'pl'],
  ]);
  expect(sqlite.prepare('SELECT id, session_id, template_id, answers, submitted_on FROM pending_anonymous_responses').all()).toEqual([
    { id: 'held', session_id: 's1', template_id: 't1', answers: ANSWERS, submitted_on: '2026-03-12' },
  ]);
});
