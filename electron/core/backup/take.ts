import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupTaken } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { heldDatabaseKey } from '../../db/database-key';
import { openWithKey } from '../../db/encryption';
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
 * Takes a backup into a folder: a copy of the live database (VACUUM INTO,
 * encrypted with the same key) into a ".partial" file, made a single
 * self-contained file (no WAL beside it), checked, flushed to the disk, and only then given its real name, so
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
    // VACUUM INTO writes a consistent copy encrypted with the database's own key (SQLite's online
    // backup cannot copy an encrypted database into a new file), holding only live rows: no free pages.
    rmSync(partial, { force: true });
    ctx.sqlite.prepare('VACUUM INTO ?').run(partial);
    const copy = openWithKey(partial, heldDatabaseKey(ctx.keyStore));
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
