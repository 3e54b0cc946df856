import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * For each row waiting in unapplied_rows: which device's change made it
 * wait (so the rows one laptop can leave waiting are bounded) and, when it
 * waits for another record, which one ("table:id"), so an import retries
 * only the rows that record unblocks instead of every row ever left
 * waiting. Frozen once landed.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE unapplied_rows ADD COLUMN device_id TEXT;
    ALTER TABLE unapplied_rows ADD COLUMN waits_for TEXT;
    CREATE INDEX unapplied_rows_by_device ON unapplied_rows (device_id);
    CREATE INDEX unapplied_rows_by_record_awaited ON unapplied_rows (waits_for) WHERE waits_for IS NOT NULL;
  `);
}
