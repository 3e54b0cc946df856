import Sqlite, { type Database } from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { FieldbookError } from '../../shared/errors';

/**
 * The database file is encrypted with SQLite3 Multiple Ciphers in SQLCipher 4's
 * format (AES-256 per page with an HMAC-SHA512, the first 16 bytes a random
 * salt), so SQLCipher's own tools open it with `PRAGMA key = "x'<hex>'"`. The
 * key is 32 random bytes given raw, so no password stretching runs on each open.
 * The WAL is encrypted with the same key; temporary tables and sorts are kept in
 * memory (see applyPragmas), so no plain copy of a row reaches the disk.
 */
export const DATABASE_KEY_BYTES = 32;

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** What is at a database path: nothing yet (or an empty file), a plain SQLite file, or an encrypted one. */
export function databaseFileState(path: string): 'missing' | 'plain' | 'encrypted' {
  if (!existsSync(path) || statSync(path).size === 0) return 'missing';
  const header = Buffer.alloc(PLAIN_HEADER.length);
  const handle = openSync(path, 'r');
  try {
    readSync(handle, header, 0, header.length, 0);
  } finally {
    closeSync(handle);
  }
  return header.equals(PLAIN_HEADER) ? 'plain' : 'encrypted';
}

function wrongKey(path: string): FieldbookError {
  return new FieldbookError(
    'WRONG_DATABASE_KEY',
    `Open ${basename(path)} on the computer that made it, with its own keys: the key held here does not unlock it.`,
  );
}

/** Chooses SQLCipher 4's format and gives the raw key; must come before anything reads the file. */
function applyKey(sqlite: Database, key: Buffer): void {
  if (key.length !== DATABASE_KEY_BYTES) throw new Error(`A database key is ${DATABASE_KEY_BYTES} bytes, not ${key.length}.`);
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = 'raw:${key.toString('hex')}'`);
}

/**
 * Opens a database file with its key. A wrong key (or a file that is not a
 * database) is a FieldbookError in plain words, before anything is read or written.
 */
export function openWithKey(path: string, key: Buffer, options?: Sqlite.Options): Database {
  const sqlite = new Sqlite(path, options);
  try {
    applyKey(sqlite, key);
    sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code === 'SQLITE_NOTADB') throw wrongKey(path);
    throw error;
  }
  return sqlite;
}

/** Attaches another database file encrypted with a key (an attached file does not take the main file's key). */
export function attachWithKey(sqlite: Database, path: string, schema: string, key: Buffer): void {
  sqlite.prepare('ATTACH DATABASE ? AS ' + JSON.stringify(schema) + ' KEY ?').run(path, `raw:${key.toString('hex')}`);
}

/** Flushes a file (or a folder's entries, after a rename) to the disk. */
function flush(path: string): void {
  const handle = openSync(path, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

export type EncryptionStep = 'copied' | 'encrypted' | 'checked' | 'renamed';

/**
 * Encrypts a plain database file in place, once, so that a crash at any point
 * leaves either the old plain file or the new encrypted one at `path`, never
 * neither: the plain file is copied whole into `<path>.encrypting` (VACUUM INTO,
 * after its WAL is written back), the copy is encrypted (PRAGMA rekey), flushed
 * and checked with the key, and only then renamed over the original. A copy
 * left by a crash is thrown away and made again on the next start.
 * `afterStep` lets a test stop it between steps, as a crash would.
 */
export function encryptPlainDatabase(path: string, key: Buffer, afterStep: (step: EncryptionStep) => void = () => {}): void {
  const copy = `${path}.encrypting`;
  rmSync(copy, { force: true });
  rmSync(`${copy}-journal`, { force: true });

  const plain = new Sqlite(path);
  try {
    // Leaving WAL writes the log back into the file and needs every other connection closed.
    if (plain.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') {
      throw new FieldbookError('CONFLICT', 'Close every other Fieldbook window and command on this computer, then start Fieldbook again: it encrypts its database once, alone.');
    }
    plain.prepare('VACUUM INTO ?').run(copy);
  } finally {
    plain.close();
  }
  afterStep('copied');

  const encrypting = new Sqlite(copy);
  try {
    encrypting.pragma('journal_mode = DELETE');
    encrypting.pragma("cipher = 'sqlcipher'");
    encrypting.pragma('legacy = 4');
    encrypting.pragma(`rekey = 'raw:${key.toString('hex')}'`);
  } finally {
    encrypting.close();
  }
  flush(copy);
  afterStep('encrypted');

  const check = openWithKey(copy, key, { readonly: true });
  try {
    if (check.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('The encrypted copy of the database did not pass its check.');
  } finally {
    check.close();
  }
  afterStep('checked');

  // A log or index of the plain file must never sit beside the encrypted one.
  rmSync(`${path}-wal`, { force: true });
  rmSync(`${path}-shm`, { force: true });
  renameSync(copy, path);
  flush(dirname(path));
  afterStep('renamed');
}

/**
 * Writes the WAL back into the database file and empties it, so rows just
 * deleted (with secure_delete on, their pages zeroed) leave no copy in the
 * log. Call after pruning or erasing personal data, once its transaction has
 * committed (inside a transaction it does nothing: the next checkpoint does it).
 */
export function checkpointAfterDeletion(sqlite: Database): void {
  if (sqlite.inTransaction) return;
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
