import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core } from '../core';
import { newUuidV7 } from '../core/ids';
import { fileKeyStore, type KeyStore } from '../core/keys';
import { heldDatabaseKey } from '../db/database-key';
import { DATABASE_FILE, KEYS_FOLDER } from './data-folder';
import { finishInterruptedRestore } from './restore';

/** The database key the command line and web host keep in a data folder's keys folder (for tools that open the file itself). */
export function databaseKeyInFolder(dataFolder: string): Buffer {
  return heldDatabaseKey(fileKeyStore(join(dataFolder, KEYS_FOLDER)));
}

/**
 * Opens the core over a data folder with the real clock and ids: what the
 * CLI and web host do. The Electron shell passes its own key store.
 */
export function openCoreInFolder(dataFolder: string, keyStore?: KeyStore): Core {
  mkdirSync(dataFolder, { recursive: true });
  finishInterruptedRestore(dataFolder);
  return createCore({
    databasePath: join(dataFolder, DATABASE_FILE),
    clock: () => new Date(),
    newId: newUuidV7,
    keyStore: keyStore ?? fileKeyStore(join(dataFolder, KEYS_FOLDER)),
  });
}
