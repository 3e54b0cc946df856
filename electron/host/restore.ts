import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCheck } from '../../shared/contract';
import { FieldbookError } from '../../shared/errors';
import { checkBackupFor, readBackup } from '../core/backup/check';
import { fsyncPath } from '../core/backup/take';
import { fileKeyStore, type KeyStore } from '../core/keys';
import { heldDatabaseKey } from '../db/database-key';
import { openWithKey } from '../db/encryption';
import { openDatabase } from '../db/open';
import { DATABASE_FILE, KEYS_FOLDER } from './data-folder';

/**
 * Restoring a backup over a data folder, with Fieldbook closed on it. The
 * backup is checked first (a whole database, of this very computer, from
 * this version or an older one); then copied beside the database and checked
 * again; the current database is put aside; the copy takes its name; it is
 * opened (which brings an older backup's schema up to date); and only then
 * is the database put aside removed. A crash at any step leaves either the
 * old database or the restored one in place: `finishInterruptedRestore`,
 * run before every open, puts the old one back if the new one never arrived.
 */

const paths = (dataFolder: string) => {
  const database = join(dataFolder, DATABASE_FILE);
  return { database, restoring: `${database}.restoring`, aside: `${database}.before-restore`, wal: `${database}-wal`, shm: `${database}-shm` };
};

/** Before the database is opened: undoes or completes a restore a crash interrupted. */
export function finishInterruptedRestore(dataFolder: string): void {
  const { database, restoring, aside } = paths(dataFolder);
  rmSync(restoring, { force: true });
  if (!existsSync(aside)) return;
  if (existsSync(database)) rmSync(aside, { force: true });
  else renameSync(aside, database);
}

/** This computer's device, read from its closed database; a folder never set up has nothing to restore over. */
function currentDevice(database: string, key: Buffer): { id: string; name: string } {
  if (!existsSync(database)) throw new FieldbookError('DEVICE_NOT_SET_UP', 'Set up Fieldbook in this data folder first: there is no database here to restore over.');
  const sqlite = openWithKey(database, key);
  try {
    // Everything still in the write-ahead log goes into the file, so the file put aside is the whole database.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const device = sqlite.prepare('SELECT id, name FROM device').get() as { id: string; name: string } | undefined;
    if (!device) throw new FieldbookError('DEVICE_NOT_SET_UP', 'Set up Fieldbook in this data folder first: this computer has no device yet.');
    return device;
  } finally {
    sqlite.close();
  }
}

/**
 * The key store is the command line's key files unless given: backups are
 * encrypted with the database's key, which stays in place, so the restored
 * file opens with it (a plain backup from an older version is encrypted on
 * that first open).
 */
export async function restoreDataFolder(
  dataFolder: string,
  backupPath: string,
  keyStore: KeyStore = fileKeyStore(join(dataFolder, KEYS_FOLDER)),
): Promise<BackupCheck> {
  const { database, restoring, aside, wal, shm } = paths(dataFolder);
  finishInterruptedRestore(dataFolder);
  const key = heldDatabaseKey(keyStore);
  const device = currentDevice(database, key);
  const contents = checkBackupFor(device.id, device.name, backupPath, key);

  copyFileSync(backupPath, restoring);
  fsyncPath(restoring);
  // The copy, not only the original, must be whole: a stick can fail while it is read.
  readBackup(restoring, key);

  renameSync(database, aside);
  rmSync(wal, { force: true });
  rmSync(shm, { force: true });
  renameSync(restoring, database);
  fsyncPath(dataFolder);
  try {
    await openDatabase(database, key).close();
  } catch (error) {
    rmSync(database, { force: true });
    renameSync(aside, database);
    throw error;
  }
  rmSync(aside, { force: true });
  return contents;
}
