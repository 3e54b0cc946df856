import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupFile } from '../../../shared/contract';

/**
 * Backup files are named by the moment they were taken, in UTC, so they sort
 * by name and a listing needs no database: "fieldbook-backup-20261202-153000.sqlite".
 * Only files named this way are listed or removed, so a folder shared with
 * other files (a stick, a synced folder) loses nothing else.
 */
const NAME = /^fieldbook-backup-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite$/;

const pad = (n: number) => String(n).padStart(2, '0');

export function backupFileName(at: Date): string {
  const day = `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  return `fieldbook-backup-${day}-${time}.sqlite`;
}

/** When a backup was taken, from its name; null for a file not named as Fieldbook names them. */
export function takenAtOf(fileName: string): string | null {
  const parts = NAME.exec(fileName);
  if (!parts) return null;
  const [, year, month, day, hours, minutes, seconds] = parts;
  return `${year}-${month}-${day}T${hours}:${minutes}:${seconds}.000Z`;
}

/** The backups in a folder, newest first; none when the folder is missing (a stick not plugged in). */
export function backupsIn(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .flatMap((fileName) => {
      const takenAt = takenAtOf(fileName);
      if (!takenAt) return [];
      const path = join(folder, fileName);
      try {
        return [{ fileName, path, takenAt, bytes: statSync(path).size }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.fileName.localeCompare(a.fileName));
}

/** Removes all but the newest `keep` backups in a folder, returning the names removed. */
export function pruneBackups(folder: string, keep: number): string[] {
  const old = backupsIn(folder).slice(keep);
  for (const backup of old) rmSync(backup.path, { force: true });
  return old.map((backup) => backup.fileName);
}
