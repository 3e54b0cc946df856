import type { ChangeLogTable } from '../../db/schema';
import type { CoreContext } from '../deps';

/**
 * Reading a row's history from the change log: every change to each of the
 * given rows, whichever computer made it and whoever's file brought it. The
 * person page's history and the subject access answer both read it here.
 */

/** One change as the change log holds it; `replaces` is null for the change that made the row (or set a field never set before). */
export type LoggedChange = ChangeLogTable;

/** Every change to these rows (table, row id), oldest first: by clock stamp, then by id, so the order is the same on every computer. */
export function loggedChangesOf(sqlite: CoreContext['sqlite'], rows: readonly (readonly [table: string, rowId: string])[]): LoggedChange[] {
  // One lookup a row along change_log_by_row: the rows about one person are a few hundred at most.
  const read = sqlite.prepare('SELECT id, hlc, device_id, table_name, row_id, fields, replaces FROM change_log WHERE table_name = ? AND row_id = ?');
  const changes = rows.flatMap(([table, rowId]) => read.all(table, rowId) as LoggedChange[]);
  return changes.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
