import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { StaffCaller } from './caller';

/** Prepared once per connection: written beside every change a staff member's call makes. */
const inserts = new WeakMap<Database, Statement>();
const byRow = new WeakMap<Database, Statement>();
const byChange = new WeakMap<Database, Statement>();

/** Records which staff member made a change-log entry (migration 0027-change-log-staff). */
export function recordChangeBy(sqlite: Database, changeId: string, staff: StaffCaller): void {
  let insert = inserts.get(sqlite);
  if (!insert) {
    insert = sqlite.prepare('INSERT INTO change_log_staff (change_id, staff_id, staff_name) VALUES (?, ?, ?)');
    inserts.set(sqlite, insert);
  }
  insert.run(changeId, staff.staffId, staff.name);
}

/** The staff member who wrote a row (its first change), or null when it was written without one (the desktop app, a laptop's file). */
export function staffWhoWrote(sqlite: Database, table: string, rowId: string): string | null {
  let select = byRow.get(sqlite);
  if (!select) {
    select = sqlite
      .prepare(
        `SELECT s.staff_name FROM change_log c JOIN change_log_staff s ON s.change_id = c.id
         WHERE c.table_name = ? AND c.row_id = ? ORDER BY c.hlc LIMIT 1`,
      )
      .pluck();
    byRow.set(sqlite, select);
  }
  return (select.get(table, rowId) as string | undefined) ?? null;
}

/** The staff member who made one change-log entry, or null when none did (the desktop app, a laptop's file, the inbox). */
export function staffWhoMade(sqlite: Database, changeId: string): string | null {
  let select = byChange.get(sqlite);
  if (!select) {
    select = sqlite.prepare('SELECT staff_name FROM change_log_staff WHERE change_id = ?').pluck();
    byChange.set(sqlite, select);
  }
  return (select.get(changeId) as string | undefined) ?? null;
}
