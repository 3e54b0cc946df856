import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { FieldbookError } from '../../shared/errors';
import type { KeyStore } from '../core/keys';
import { DATABASE_KEY_BYTES, databaseFileState } from './encryption';

/** The key store's name for the key the database file is encrypted with. */
export const DATABASE_KEY_NAME = 'database-key';

function keyMissing(databasePath?: string): FieldbookError {
  const file = databasePath ? basename(databasePath) : 'the database';
  return new FieldbookError(
    'WRONG_DATABASE_KEY',
    `Open this data folder with the Fieldbook app or command that set it up, or put its keys folder back: ${file} is encrypted and its key is not here.`,
  );
}

/**
 * The key the database is encrypted with, as the key store holds it (sealed
 * by the operating system in the app, a file only the owner can read in the
 * command line and web host). The first run of this version makes it: 32
 * random bytes, stored (and flushed by the key store) before any file is
 * encrypted with them. An encrypted database whose key is not here is a
 * plain refusal, never a new key and an empty database.
 */
export function databaseKeyFor(keyStore: KeyStore, databasePath: string): Buffer {
  const held = keyStore.get(DATABASE_KEY_NAME);
  if (held) {
    if (held.length !== DATABASE_KEY_BYTES) throw keyMissing(databasePath);
    return held;
  }
  if (databaseFileState(databasePath) === 'encrypted') throw keyMissing(databasePath);
  const made = randomBytes(DATABASE_KEY_BYTES);
  keyStore.set(DATABASE_KEY_NAME, made);
  // Read back what was stored: the file is only ever encrypted with a key that can be read again.
  const stored = keyStore.get(DATABASE_KEY_NAME);
  if (!stored || !stored.equals(made)) throw new Error('The new database key could not be read back from the key store.');
  return stored;
}

/** The key of a database that is already open (backups are encrypted with it). */
export function heldDatabaseKey(keyStore: KeyStore): Buffer {
  const held = keyStore.get(DATABASE_KEY_NAME);
  if (!held || held.length !== DATABASE_KEY_BYTES) throw keyMissing();
  return held;
}
