import { openWithKey } from '../../electron/db/encryption';

/**
 * Decrypts a database file in place (PRAGMA rekey to no key): the plain file
 * the version before encryption kept, for tests of the first start of this
 * version and for the benchmarks' plain-versus-encrypted figures.
 */
export function decryptInPlace(path: string, key: Buffer): void {
  const sqlite = openWithKey(path, key);
  try {
    // SQLite3 Multiple Ciphers changes a key only outside WAL mode.
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma("rekey = ''");
  } finally {
    sqlite.close();
  }
}
