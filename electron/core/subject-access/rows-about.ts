import type { CoreContext } from '../deps';
import { collectErasing, mergeChain, rowHash } from '../erasure/erased-rows';

/**
 * Which rows are about a person: exactly what erasing them would remove (the
 * erasure's closure: the records merged with them, both ways along the
 * chain, then every row that points at one of theirs, and so on), so a
 * subject access answer and an erasure never disagree on what "about them"
 * means. The closure is collected in the erasure's temporary table and read
 * back here by table; nothing is written to the database file.
 */

type Sqlite = CoreContext['sqlite'];

export interface RowsAbout {
  /** Every record of the person: the one asked about and those merged with it. */
  people: string[];
  /** Row ids by table, shared tables only (rows stored here or still waiting to be). */
  byTable: ReadonlyMap<string, readonly string[]>;
  /** Every (table, row) pair, for reading the change log and conflicts. */
  pairs: readonly (readonly [string, string])[];
}

const QUESTION = 'subject-access';

export function rowsAbout(sqlite: Sqlite, personId: string): RowsAbout {
  const people = mergeChain(sqlite, personId);
  collectErasing(sqlite, new Map([[QUESTION, people]]));
  const pairs = sqlite.prepare('SELECT table_name, row_id FROM erasing WHERE erasure_id = ? ORDER BY table_name, row_id').raw().all(QUESTION) as [string, string][];
  sqlite.exec('DELETE FROM erasing');
  const byTable = new Map<string, string[]>();
  for (const [table, rowId] of pairs) byTable.set(table, [...(byTable.get(table) ?? []), rowId]);
  return { people, byTable, pairs };
}

/** When the person was erased, if they were (their id is kept only as a hash); null when they never were. */
export function erasedAt(sqlite: Sqlite, personId: string): string | null {
  const found = sqlite
    .prepare('SELECT e.erased_at FROM erased_rows r JOIN erasures e ON e.id = r.erasure_id WHERE r.row_hash = ?')
    .pluck()
    .get(rowHash('people', personId)) as string | undefined;
  return found ?? null;
}
