import { createHash } from 'node:crypto';
import type { CoreContext } from '../deps';
import type { SharedTableName } from '../../db/schema';
import { sharedTableNames } from '../../db/schema';
import { keepErasedCounts } from './erased-in-reports';

/**
 * What erasing a person reaches: the people merged with them (merged_into,
 * both ways), then every shared row that points at an erased row, and so on
 * until nothing new is reached (a booking's history points at the booking,
 * an undo at the sign-in it corrects, a request to join at the term it
 * added). The same closure runs at the office and on a laptop, so both erase
 * the same kinds of row, each over what it holds.
 *
 * The closure is collected in a temporary table, `erasing`, with the erasure
 * each row belongs to (an erasure of many people at once is one erasure per
 * person, so each keeps its own counts).
 */

type Sqlite = CoreContext['sqlite'];

export interface Pointer {
  table: SharedTableName;
  column: string;
  parent: SharedTableName;
}

/** Every column of a shared table that names a row a person's erasure reaches. A test checks none is missed. */
export const POINTERS: readonly Pointer[] = [
  { table: 'people', column: 'merged_into', parent: 'people' },
  { table: 'bookings', column: 'person_id', parent: 'people' },
  { table: 'booking_events', column: 'booking_id', parent: 'bookings' },
  { table: 'sign_ins', column: 'person_id', parent: 'people' },
  { table: 'sign_ins', column: 'corrects_id', parent: 'sign_ins' },
  { table: 'consents', column: 'person_id', parent: 'people' },
  { table: 'equality_answers', column: 'person_id', parent: 'people' },
  { table: 'evaluation_responses', column: 'person_id', parent: 'people' },
  { table: 'evaluation_completions', column: 'person_id', parent: 'people' },
  { table: 'membership_terms', column: 'person_id', parent: 'people' },
  { table: 'membership_requests', column: 'person_id', parent: 'people' },
  { table: 'membership_requests', column: 'term_id', parent: 'membership_terms' },
];

/**
 * What erased_rows keeps of an erased row: a hash of its table and id. No
 * table then holds the erased person's id, and a change naming it is still
 * known at once. Ids are UUIDv7 with 74 random bits, so the hash cannot be
 * walked back to one; laptops compute the same hash of what they hold.
 */
export function rowHash(table: string, rowId: string): string {
  return createHash('sha256').update(`${table}\u0000${rowId}`).digest('hex').slice(0, 40);
}

/** The people a person's record is one with: everyone merged into them, and whoever they were merged into, along the whole chain. */
export function mergeChain(sqlite: Sqlite, personId: string): string[] {
  const merged = sqlite.prepare('SELECT id FROM people WHERE merged_into = ?').pluck();
  const into = sqlite.prepare('SELECT merged_into FROM people WHERE id = ? AND merged_into IS NOT NULL').pluck();
  const chain = new Set([personId]);
  const next = [personId];
  for (let id = next.pop(); id !== undefined; id = next.pop()) {
    for (const other of [...(merged.all(id) as string[]), ...(into.all(id) as string[])]) {
      if (!chain.has(other)) {
        chain.add(other);
        next.push(other);
      }
    }
  }
  return [...chain];
}

/**
 * Fills `erasing` with every row the erasure of these groups of people
 * reaches (each group one erasure, keyed by its id). Ids of people this
 * device never held are kept too, so they can never arrive later.
 */
export function collectErasing(sqlite: Sqlite, groups: ReadonlyMap<string, readonly string[]>): void {
  sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS erasing (
    table_name TEXT NOT NULL, row_id TEXT NOT NULL, erasure_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID`);
  sqlite.exec('CREATE INDEX IF NOT EXISTS temp.erasing_by_erasure ON erasing (erasure_id, table_name)');
  sqlite.exec('DELETE FROM erasing');
  const seed = sqlite.prepare("INSERT OR IGNORE INTO erasing (table_name, row_id, erasure_id) VALUES ('people', ?, ?)");
  for (const [erasureId, people] of groups) for (const personId of people) seed.run(personId, erasureId);
  const spread = POINTERS.map((pointer) => [
    // Rows stored here: their pointing column is in the row itself.
    sqlite.prepare(
      `INSERT OR IGNORE INTO erasing (table_name, row_id, erasure_id)
       SELECT '${pointer.table}', t.id, e.erasure_id FROM ${pointer.table} t JOIN erasing e ON e.table_name = '${pointer.parent}' AND e.row_id = t.${pointer.column}`,
    ),
    // Rows still waiting for a record that has not arrived exist only as changes. CROSS JOIN keeps the few waiting
    // rows as the outer loop: left to itself the planner may walk the whole change log (400 ms at 100,000 people).
    sqlite.prepare(
      `INSERT OR IGNORE INTO erasing (table_name, row_id, erasure_id)
       SELECT '${pointer.table}', c.row_id, e.erasure_id FROM unapplied_rows u
       CROSS JOIN change_log c ON c.table_name = u.table_name AND c.row_id = u.row_id
       JOIN erasing e ON e.table_name = '${pointer.parent}' AND e.row_id = json_extract(c.fields, '$.${pointer.column}')
       WHERE u.table_name = '${pointer.table}'`,
    ),
  ]);
  for (let reached = 1; reached > 0; ) {
    reached = 0;
    for (const statements of spread) for (const statement of statements) reached += statement.run().changes;
  }
}

/** Local tables holding a person's id, each with the column that does. */
const LOCAL_BY_PERSON = [
  ['person_search_keys', 'person_id'],
  ['person_sort_keys', 'person_id'],
  ['pending_anonymous_completions', 'person_id'],
  // Which pairing code was theirs: the held answer keeps the code and no one's name.
  ['pending_pairing_codes', 'person_id'],
  ['package_membership_lines', 'person_id'],
  // The office's record of which packages carried them (subject access).
  ['package_people', 'person_id'],
  // Their follow-up codes at the office (the answers a used code brought are evaluation_responses, erased above).
  ['follow_up_codes', 'person_id'],
] as const;

/** Children before the rows they refer to. */
const DELETE_ORDER = [...sharedTableNames].reverse();

/**
 * Deletes everything `erasing` holds for one erasure, keeps the ids in
 * erased_rows, and returns how many rows of each table went. Call inside a
 * transaction, after collectErasing.
 */
export function eraseCollected(sqlite: Sqlite, erasureId: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (table: string, n: number) => {
    if (n > 0) counts[table] = (counts[table] ?? 0) + n;
  };
  const mine = (table: string) => `SELECT row_id FROM erasing WHERE erasure_id = '${erasureId.replaceAll("'", "''")}' AND table_name = '${table}'`;
  const rowsOfMine = `SELECT table_name, row_id FROM erasing WHERE erasure_id = ?`;
  // Before anything goes: what the reports will no longer count, without the person.
  keepErasedCounts(sqlite, erasureId);
  for (const [table, column] of LOCAL_BY_PERSON) add(table, sqlite.prepare(`DELETE FROM ${table} WHERE ${column} IN (${mine('people')})`).run().changes);
  add(
    'duplicate_decisions',
    sqlite.prepare(`DELETE FROM duplicate_decisions WHERE first_person_id IN (${mine('people')}) OR second_person_id IN (${mine('people')})`).run().changes,
  );
  add('conflicts', sqlite.prepare(`DELETE FROM conflicts WHERE (table_name, row_id) IN (${rowsOfMine})`).run(erasureId).changes);
  add(
    'unapplied_rows',
    sqlite.prepare(`DELETE FROM unapplied_rows WHERE (table_name, row_id) IN (${rowsOfMine}) OR waits_for IN (SELECT table_name || ':' || row_id FROM erasing WHERE erasure_id = ?)`).run(erasureId, erasureId).changes,
  );
  add('change_log', sqlite.prepare(`DELETE FROM change_log WHERE (table_name, row_id) IN (${rowsOfMine})`).run(erasureId).changes);
  for (const table of DELETE_ORDER) add(table, sqlite.prepare(`DELETE FROM ${table} WHERE id IN (${mine(table)})`).run().changes);
  const keep = sqlite.prepare('INSERT OR IGNORE INTO erased_rows (row_hash, table_name, erasure_id) VALUES (?, ?, ?)');
  for (const [table, rowId] of sqlite.prepare('SELECT table_name, row_id FROM erasing WHERE erasure_id = ?').raw().all(erasureId) as [string, string][]) {
    keep.run(rowHash(table, rowId), table, erasureId);
  }
  return counts;
}

/** What each table's rows are, for the confirmation and the audit line. */
export const TABLE_LABELS: Record<string, string> = {
  people: 'Person records (with those merged into them)',
  bookings: 'Bookings',
  booking_events: 'Booking history entries',
  sign_ins: 'Sign-ins and undone sign-ins',
  consents: 'Consents',
  equality_answers: 'Equality monitoring answers',
  evaluation_responses: 'Evaluation answers linked to them',
  evaluation_completions: 'Evaluation completions',
  membership_terms: 'Membership terms',
  membership_requests: 'Requests to join a membership scheme',
  change_log: 'Change history entries',
  person_search_keys: 'Search keys',
  person_sort_keys: 'List sort keys',
  conflicts: 'Conflicts about them',
  unapplied_rows: 'Records waiting to be stored',
  pending_anonymous_completions: 'Evaluation completions not yet sent',
  pending_pairing_codes: 'Pairing codes of evaluation answers not yet sent',
  package_membership_lines: 'Membership lines from the office',
  package_people: 'Records of which packages carried them',
  follow_up_codes: 'Follow-up codes sent to them',
  duplicate_decisions: 'Duplicate decisions',
};

/** The counts in the order a person reads them, each with its words. */
export function countsInWords(counts: Record<string, number>) {
  return Object.keys(TABLE_LABELS)
    .filter((table) => (counts[table] ?? 0) > 0)
    .map((table) => ({ table, label: TABLE_LABELS[table]!, count: counts[table]! }));
}
