import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * How the facts know what changed since they were read (migration 0019):
 * a version per source table, raised by triggers on updates, deletions and
 * inserts into the small tables; and for the tables that grow by appending
 * (sign-ins, people, evaluation responses) the last row read, by rowid.
 */

export type Source = 'sign_ins' | 'sessions' | 'people' | 'organisations' | 'evaluation_responses' | 'evaluation_templates' | 'equality_answers' | 'membership_terms';

export type Versions = ReadonlyMap<string, number>;

export function readVersions(sqlite: Database): Versions {
  const rows = sqlite.prepare('SELECT source, version FROM report_source_versions').raw().all() as [string, number][];
  return new Map(rows);
}

/**
 * Whether a source may have changed since `held` was read. A source with no
 * version row (never expected) always counts as changed, so the facts are
 * read again rather than trusted.
 */
export function changed(now: Versions, held: Versions | null, source: Source): boolean {
  const version = now.get(source);
  return held === null || version === undefined || held.get(source) !== version;
}

/** The last row of an append-only table the facts hold: its rowid and its id, so a rowid given to another row is noticed. */
export interface Watermark {
  rowid: number;
  id: string | null;
}

export const NOTHING_READ: Watermark = { rowid: 0, id: null };

/**
 * Whether rows after the watermark are all that is new: the row it names is
 * still there with the same id. A deletion raises the table's version anyway;
 * this also catches a rowid reused after a rolled-back write the facts had
 * read inside its transaction.
 */
export function watermarkHolds(sqlite: Database, table: 'sign_ins' | 'people' | 'evaluation_responses', mark: Watermark): boolean {
  if (mark.rowid === 0) return true;
  return sqlite.prepare(`SELECT id FROM ${table} WHERE rowid = ?`).pluck().get(mark.rowid) === mark.id;
}
