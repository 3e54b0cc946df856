import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { openDatabase } from '../../db/open';
import { readBackup } from './check';
import { fsyncPath } from './take';

/**
 * The file steps of a restore, with the database closed: the backup is
 * copied beside the database and the copy checked; the current database is
 * put aside; the copy takes its name and is opened (which brings an older
 * backup's schema up to date); only then is the database put aside removed.
 * A crash at any step leaves the old database or the restored one in place:
 * `finishInterruptedRestore`, run before every open, puts the old one back
 * if the new one never arrived. Used by the app's "Restore from backup" and
 * by `fieldbook restore`.
 */

export function restorePaths(database: string) {
  return { restoring: `${database}.restoring`, aside: `${database}.before-restore`, wal: `${database}-wal`, shm: `${database}-shm` };
}

/** Before the database is opened: undoes or completes a restore a crash interrupted. */
export function finishInterruptedRestore(database: string): void {
  const { restoring, aside } = restorePaths(database);
  rmSync(restoring, { force: true });
  if (!existsSync(aside)) return;
  if (existsSync(database)) rmSync(aside, { force: true });
  else renameSync(aside, database);
}

/**
 * Replaces the closed database at `database` with the backup at
 * `backupPath`, already checked as this computer's. The database must have
 * had its write-ahead log written into it (a checkpoint, or a clean close).
 */
export async function replaceWithBackup(database: string, backupPath: string, key: Buffer): Promise<void> {
  const { restoring, aside, wal, shm } = restorePaths(database);
  finishInterruptedRestore(database);
  copyFileSync(backupPath, restoring);
  fsyncPath(restoring);
  // The copy, not only the original, must be whole: a stick can fail while it is read.
  try {
    readBackup(restoring, key);
  } catch (error) {
    rmSync(restoring, { force: true });
    throw error;
  }

  renameSync(database, aside);
  rmSync(wal, { force: true });
  rmSync(shm, { force: true });
  renameSync(restoring, database);
  fsyncPath(dirname(database));
  try {
    await openDatabase(database, key).close();
  } catch (error) {
    rmSync(database, { force: true });
    rmSync(wal, { force: true });
    rmSync(shm, { force: true });
    renameSync(aside, database);
    throw error;
  }
  rmSync(aside, { force: true });
}
