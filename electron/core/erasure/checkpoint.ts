import type { CoreContext } from '../deps';

/**
 * After an erasure (or a prune) the deleted rows' pages are still in the
 * write-ahead log until a checkpoint copies them into the database file,
 * where secure_delete overwrites them. SQLite cannot checkpoint inside a
 * transaction, so this runs once the erasure has committed; inside one (a
 * caller that wraps it) it is left for the next checkpoint.
 * (electron/db is to gain one helper for checkpoints and secure_delete; this is the one call to move to it.)
 */
export function checkpointAfterErasure(sqlite: CoreContext['sqlite']): void {
  if (sqlite.inTransaction) return;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
