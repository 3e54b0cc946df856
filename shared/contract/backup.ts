import { z } from 'zod';
import { RecordVersion, theField, tooLongText } from './common';

/**
 * Backups of this computer's database: the office keeps one a day in a
 * folder it chooses (the last 14), and a laptop writes one to a stick when
 * asked. A backup is SQLite's online backup of the live database, so it is
 * a whole, consistent database even while sign-ins are being saved.
 * Restoring one replaces the database: from the Backups screen
 * (`backup.restore`, which closes the database, replaces it and opens the
 * restored one), or with Fieldbook closed, `fieldbook restore FILE` (see
 * docs/backup.md).
 */

const Empty = z.strictObject({});

/** How many backups the office keeps in its folder; older ones are removed after each new one. */
export const BACKUPS_KEPT = 14;

const folderPath = (label: string) =>
  z
    .string({ error: `Enter ${theField(label)} as text.` })
    .trim()
    .min(1, { error: `Enter ${theField(label)}.` })
    .max(1000, { error: tooLongText(label, 1000) });

export const BackupFile = z.object({
  fileName: z.string(),
  /** Where it is, for "Check this backup" and `fieldbook restore`. */
  path: z.string(),
  /** When it was taken, as an ISO instant. */
  takenAt: z.string(),
  bytes: z.number(),
});
export type BackupFile = z.infer<typeof BackupFile>;

export const BackupStatus = z.object({
  /** The office's backup folder, or null when none is chosen (no daily backup then). */
  folder: z.string().nullable(),
  /** The backups in that folder, newest first. */
  backups: z.array(BackupFile),
  /** A day has passed since the newest backup (or there is none) and a folder is chosen. */
  due: z.boolean(),
  kept: z.number(),
  /** The version of the folder, which a change of folder sends back: a change over a folder changed since is refused (record-version.ts). */
  version: z.string(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupTaken = BackupFile.extend({
  /** Older backups removed from the folder so that the last 14 are kept. */
  removed: z.array(z.string()),
});
export type BackupTaken = z.infer<typeof BackupTaken>;

/** What a backup file holds, read before anything is replaced. */
export const BackupCheck = z.object({
  fileName: z.string(),
  takenAt: z.string().nullable(),
  deviceName: z.string(),
  role: z.enum(['laptop', 'office']),
  schemaVersion: z.number(),
  people: z.number(),
  sessions: z.number(),
  signIns: z.number(),
});
export type BackupCheck = z.infer<typeof BackupCheck>;

export const backupProcedures = {
  'backup.status': { kind: 'query', input: Empty, output: BackupStatus },
  /** The folder for the office's daily backups; null stops them. Sent with the version `backup.status` gave: a folder changed since is refused with CHANGED_SINCE_OPENED. */
  'backup.setFolder': { kind: 'mutation', input: z.strictObject({ folder: folderPath('Backup folder').nullable(), version: RecordVersion }), output: BackupStatus },
  /** A backup now: into the given folder (a laptop's stick), or the office's backup folder. */
  'backup.now': { kind: 'mutation', input: z.strictObject({ folder: folderPath('Folder to back up to').optional() }), output: BackupTaken },
  /** Reads a backup file and says what it holds; refuses a damaged one, another computer's, or one from a newer version. */
  'backup.check': { kind: 'query', input: z.strictObject({ path: folderPath('Backup file') }), output: BackupCheck },
  /**
   * Replaces this computer's database with a backup of it, checked first as
   * `backup.check` does; the current database is kept aside until the
   * restored one has opened. Says what the restored database holds.
   */
  'backup.restore': { kind: 'mutation', input: z.strictObject({ path: folderPath('Backup file') }), output: BackupCheck },
} as const;
