import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupCheck } from '../../shared/contract';
import { FieldbookError } from '../../shared/errors';
import { checkBackupFor } from '../core/backup/check';
import { finishInterruptedRestore as finishInDatabase, replaceWithBackup } from '../core/backup/replace';
import { fileKeyStore, type KeyStore } from '../core/keys';
import { DATABASE_KEY_NAME, heldDatabaseKey } from '../db/database-key';
import { openWithKey } from '../db/encryption';
import { DATABASE_FILE, KEYS_FOLDER } from './data-folder';

/**
 * Restoring a backup over a data folder with Fieldbook closed on it
 * (`fieldbook restore`, and the app's `--restore`): the backup is checked
 * first (a whole database, of this very computer, from this version or an
 * older one), then the core's file steps replace the database (see
 * core/backup/replace.ts). The app's screen restores through the running
 * core instead (`backup.restore`).
 */

/** Before the database is opened: undoes or completes a restore a crash interrupted. */
export function finishInterruptedRestore(dataFolder: string): void {
  finishInDatabase(join(dataFolder, DATABASE_FILE));
}

/**
 * A data folder the desktop app set up keeps its database key sealed by
 * this computer's keychain (keys/database-key.sealed), which only the app
 * can open: the command line says to restore with the app instead.
 */
function refuseSealedKey(dataFolder: string, keyStore: KeyStore): void {
  if (keyStore.get(DATABASE_KEY_NAME) || !existsSync(join(dataFolder, KEYS_FOLDER, `${DATABASE_KEY_NAME}.sealed`))) return;
  throw new FieldbookError(
    'WRONG_DATABASE_KEY',
    'Restore this backup with the Fieldbook app: on its Backups screen, or by starting it with --restore FILE. ' +
      'This data folder was set up by the app, and its key is locked by this computer’s keychain, which only the app can open.',
  );
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
 * The key store is the command line's key files unless given (the app's
 * `--restore` passes its keychain-sealed store): backups are encrypted with the database's key,
 * which stays in place, so the restored file opens with it (a plain backup
 * from an older version is encrypted on that first open).
 */
export async function restoreDataFolder(
  dataFolder: string,
  backupPath: string,
  keyStore: KeyStore = fileKeyStore(join(dataFolder, KEYS_FOLDER)),
): Promise<BackupCheck> {
  const database = join(dataFolder, DATABASE_FILE);
  finishInterruptedRestore(dataFolder);
  refuseSealedKey(dataFolder, keyStore);
  const key = heldDatabaseKey(keyStore);
  const device = currentDevice(database, key);
  const contents = checkBackupFor(device.id, device.name, backupPath, key);
  await replaceWithBackup(database, backupPath, key);
  return contents;
}
