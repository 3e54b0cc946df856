import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * An independent model of the merge, written from the merge rules in
 * docs/sync.md and deliberately not from electron/core/sync: a row's stored
 * value is, field by field, the value from the change with the greatest
 * clock stamp. Folding the change log this way and comparing it with the
 * stored rows catches a merge that is wrong in the same way in every import
 * order, which comparing import orders with each other cannot.
 */

/** A change as the change_log table holds it (the columns the fold needs). */
export interface LoggedChange {
  id: string;
  hlc: string;
  table_name: string;
  row_id: string;
  /** JSON object of column name to value. */
  fields: string;
}

export type FoldedRow = Record<string, unknown>;
/** Table name → row id → the row's fields as its changes leave them. */
export type Fold = Map<string, Map<string, FoldedRow>>;

/**
 * Code-unit order, as SQLite compares TEXT, never the locale's. Stamps are
 * fixed-width text, so text order is clock order; a stamp ends in the device
 * id, so two devices never tie, and the change id only makes the order total.
 */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function foldChanges(changes: readonly LoggedChange[]): Fold {
  const oldestFirst = [...changes].sort((a, b) => byText(a.hlc, b.hlc) || byText(a.id, b.id));
  const fold: Fold = new Map();
  for (const change of oldestFirst) {
    let rows = fold.get(change.table_name);
    if (!rows) fold.set(change.table_name, (rows = new Map()));
    // Applied oldest first, each field ends with the value of its latest change: last writer wins, field by field.
    rows.set(change.row_id, { ...rows.get(change.row_id), ...(JSON.parse(change.fields) as FoldedRow) });
  }
  return fold;
}

export function foldChangeLog(sqlite: Database): Fold {
  return foldChanges(sqlite.prepare('SELECT id, hlc, table_name, row_id, fields FROM change_log').all() as LoggedChange[]);
}

/**
 * Every way the stored rows of these tables differ from the fold of the
 * change log, in words naming table, row and field; empty when they agree.
 *
 * A field no change sets holds its column's default. A row the fold has but
 * the table does not is fine only while it waits in unapplied_rows for a
 * record it needs; a waiting row must not be stored.
 */
export function disagreementsWithChangeLog(sqlite: Database, tables: readonly string[]): string[] {
  const fold = foldChangeLog(sqlite);
  const waiting = new Set(
    (sqlite.prepare('SELECT table_name, row_id FROM unapplied_rows').raw().all() as [string, string][]).map(([table, rowId]) => `${table} ${rowId}`),
  );
  const problems: string[] = [];
  for (const table of tables) {
    const folded = fold.get(table) ?? new Map<string, FoldedRow>();
    const defaults = columnDefaults(sqlite, table);
    const stored = sqlite.prepare(`SELECT * FROM ${table}`).all() as FoldedRow[];
    const storedIds = new Set<string>();
    for (const row of stored) {
      const rowId = String(row.id);
      storedIds.add(rowId);
      const expected = folded.get(rowId);
      if (waiting.has(`${table} ${rowId}`)) problems.push(`${table} ${rowId}: stored, yet listed in unapplied_rows as waiting`);
      if (!expected) {
        problems.push(`${table} ${rowId}: stored, but no change in the log made it`);
        continue;
      }
      for (const [column, value] of Object.entries(row)) {
        if (column === 'id') continue;
        const want = column in expected ? expected[column] : defaults.get(column);
        if (value !== want) problems.push(`${table} ${rowId} ${column}: stored ${JSON.stringify(value)}, the change log says ${JSON.stringify(want)}`);
      }
      for (const field of Object.keys(expected)) {
        if (!(field in row)) problems.push(`${table} ${rowId} ${field}: set by the change log, but the table has no such column`);
      }
    }
    for (const rowId of folded.keys()) {
      if (!storedIds.has(rowId) && !waiting.has(`${table} ${rowId}`)) {
        problems.push(`${table} ${rowId}: in the change log, but neither stored nor waiting in unapplied_rows`);
      }
    }
  }
  return problems;
}

/** What SQLite puts in a column an insert leaves out: its declared default, else null. */
function columnDefaults(sqlite: Database, table: string): Map<string, unknown> {
  const columns = sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string; dflt_value: string | null }[];
  return new Map(
    columns.map((column) => [column.name, column.dflt_value === null ? null : sqlite.prepare(`SELECT ${column.dflt_value}`).pluck().get()]),
  );
}
