import Sqlite from 'better-sqlite3-multiple-ciphers';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { BackupCheck } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { databaseFileState, openWithKey } from '../../db/encryption';
import { migrations } from '../../db/migrations';
import { takenAtOf } from './files';

interface BackupContents extends BackupCheck {
  deviceId: string;
}

function notABackup(fileName: string): FieldbookError {
  return new FieldbookError('FILE_DAMAGED', `Choose another file: ${fileName} is not a Fieldbook backup, or it is damaged.`);
}

/** SQLCipher's pages are 4096 bytes, so an encrypted database is a whole number of them. */
const ENCRYPTED_PAGE_BYTES = 4096;

/**
 * Opens a backup read-only: with this computer's database key, or without one
 * for a plain backup an older version took. A file no key here opens is
 * another computer's backup (or damaged); one of the wrong shape is no backup.
 */
function openBackup(path: string, fileName: string, key: Buffer): Sqlite.Database {
  const options = { readonly: true, fileMustExist: true };
  const state = databaseFileState(path);
  if (state === 'plain') {
    try {
      return new Sqlite(path, options);
    } catch {
      throw notABackup(fileName);
    }
  }
  const bytes = statSync(path).size;
  if (state === 'missing' || bytes % ENCRYPTED_PAGE_BYTES !== 0) throw notABackup(fileName);
  try {
    return openWithKey(path, key, options);
  } catch (error) {
    if (error instanceof FieldbookError && error.code === 'WRONG_DATABASE_KEY') {
      throw new FieldbookError('WRONG_RECIPIENT', `Choose a backup of this computer: ${fileName} is encrypted with another computer's key, or it is damaged.`);
    }
    throw notABackup(fileName);
  }
}

/**
 * Reads a backup file without changing it: SQLite's full integrity check,
 * the schema version, the device it is of and what it holds. Anything wrong
 * is a plain sentence, before anything is replaced.
 */
export function readBackup(path: string, key: Buffer): BackupContents {
  const fileName = basename(path);
  if (!existsSync(path) || !statSync(path).isFile()) throw new FieldbookError('NOT_FOUND', `Check the file's name: there is no file at ${path}.`);
  const database = openBackup(path, fileName, key);
  try {
    let integrity: unknown;
    try {
      integrity = database.pragma('integrity_check', { simple: true });
    } catch {
      throw notABackup(fileName);
    }
    if (integrity !== 'ok') throw notABackup(fileName);
    const schemaVersion = database.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > migrations.length) {
      throw new FieldbookError('UNSUPPORTED_VERSION', `Update Fieldbook first: ${fileName} was written by a newer version.`);
    }
    const has = (table: string) => database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
    if (!has('device') || !has('people') || !has('sessions') || !has('sign_ins')) throw notABackup(fileName);
    const device = database.prepare('SELECT id, name, role FROM device').get() as { id: string; name: string; role: 'laptop' | 'office' } | undefined;
    if (!device) throw new FieldbookError('FILE_DAMAGED', `Choose another file: ${fileName} is of a computer that was never set up.`);
    const count = (table: string) => database.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    return {
      fileName,
      takenAt: takenAtOf(fileName),
      deviceId: device.id,
      deviceName: device.name,
      role: device.role,
      schemaVersion,
      people: count('people'),
      sessions: count('sessions'),
      signIns: count("sign_ins WHERE kind = 'sign_in'"),
    };
  } finally {
    database.close();
  }
}

/** A backup this computer may restore: of this very device, so its keys and pairings still fit. */
export function checkBackupFor(deviceId: string, deviceName: string, path: string, key: Buffer): BackupCheck {
  const { deviceId: backupDevice, ...contents } = readBackup(path, key);
  if (backupDevice !== deviceId) {
    throw new FieldbookError(
      'WRONG_RECIPIENT',
      `Choose a backup of this computer: ${contents.fileName} is of "${contents.deviceName}", and this is "${deviceName}".`,
    );
  }
  return contents;
}
