import type { CoreContext } from '../deps';
import { checkpointAfterDeletion } from '../../db/encryption';

/**
 * After an erasure (or a prune) the deleted rows' pages are still in the
 * write-ahead log until a checkpoint copies them into the database file,
 * where secure_delete has zeroed them. SQLite cannot checkpoint inside a
 * transaction, so this runs once the erasure has committed (electron/db's
 * one helper for it).
 */
export function checkpointAfterErasure(sqlite: CoreContext['sqlite']): void {
  checkpointAfterDeletion(sqlite);
}
