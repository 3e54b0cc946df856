import Sqlite from 'better-sqlite3-multiple-ciphers';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupTaken } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { backupFileName, pruneBackups } from './files';

/** Flushes a file (or a folder's entries, after a rename) to the disk, so it survives a power cut. */
export function fsyncPath(path: string): void {
  const handle = openSync(path, 'r');
  try {
    fsyncSync(handle);
  } finally {
    closeSync(handle);
  }
}

/**
 * Takes a backup into a folder: SQLite's online backup of the live database
 * into a ".partial" file, made a single self-contained file (no WAL beside
 * it), checked, flushed to the disk, and only then given its real name, so
 * a backup interrupted by a crash or a pulled stick never looks complete.
 * It runs on the write path's turn, so no transaction of ours is half-way.
 * Then all but the newest `keep` backups in the folder are removed.
 */
export async function takeBackup(ctx: CoreContext, folder: string, keep: number | null): Promise<BackupTaken> {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    throw new FieldbookError('NOT_FOUND', `Choose a folder Fieldbook can write to: ${folder} could not be made.`);
  }
  const at = ctx.clock();
  const fileName = backupFileName(at);
  const path = join(folder, fileName);
  const partial = `${path}.partial`;
  try {
    await ctx.sqlite.backup(partial);
    const copy = new Sqlite(partial);
    try {
      copy.pragma('journal_mode = DELETE');
      if (copy.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('The copy did not pass its check.');
    } finally {
      copy.close();
    }
    fsyncPath(partial);
    renameSync(partial, path);
    fsyncPath(folder);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof FieldbookError) throw error;
    throw new FieldbookError('FILE_DAMAGED', `Choose another folder: the backup could not be written to ${folder} (is the stick full or read-only?).`);
  }
  const removed = keep === null ? [] : pruneBackups(folder, keep).filter((name) => name !== fileName);
  return { fileName, path, takenAt: at.toISOString(), bytes: statSync(path).size, removed };
}
