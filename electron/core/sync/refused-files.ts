import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CoreContext } from '../deps';
import { inboxRetentionDays } from '../erasure/inbox-retention';
import { inboxFolder } from './settings';

export interface RefusedFile {
  at: string;
  fileName: string;
  reason: string;
}

const WHY_SUFFIX = '.why.txt';

/**
 * Files the inbox refused whole, read from its Refused folder: each refused
 * file lies there beside a note saying why (see inbox.ts). A refusal writes
 * nothing to the database, so the folder is where it is kept, and the import
 * log reads it from there; a file leaves the log when the inbox's retention
 * period removes it. The time is when it was moved there.
 */
export function refusedInboxFiles(ctx: CoreContext): RefusedFile[] {
  const folder = inboxFolder(ctx);
  if (!folder) return [];
  const refused = join(folder, 'Refused');
  let names: string[];
  try {
    names = readdirSync(refused);
  } catch {
    return [];
  }
  const files: RefusedFile[] = [];
  for (const name of names) {
    if (!name.endsWith(WHY_SUFFIX)) continue;
    try {
      const path = join(refused, name);
      files.push({
        at: statSync(path).mtime.toISOString(),
        fileName: name.slice(0, -WHY_SUFFIX.length),
        reason: readFileSync(path, 'utf8').trim(),
      });
    } catch {
      // Removed by the retention sweep (or by hand) while being read: no longer in the log.
    }
  }
  return files;
}

/** The folder beside the database where earlier versions kept these notes as plain files; moved into the database on first read. */
const OLD_NOTES_FOLDER = 'Refused imports';

/** The newest notes kept; the import log shows no more than this many entries anyway. */
const KEEP_NOTES = 200;

/**
 * A note names a file and why it was refused, which may name someone: it is
 * kept only for the inbox retention period, as the inbox's refused files are.
 */
function keptSince(ctx: CoreContext): string {
  return new Date(ctx.clock().getTime() - inboxRetentionDays(ctx) * 24 * 60 * 60 * 1000).toISOString();
}

/** Past the retention period, or beyond the newest KEEP_NOTES: gone. */
function pruneNotes(ctx: CoreContext): void {
  ctx.sqlite.prepare('DELETE FROM refused_imports WHERE at < ?').run(keptSince(ctx));
  ctx.sqlite
    .prepare(`DELETE FROM refused_imports WHERE id NOT IN (SELECT id FROM refused_imports ORDER BY at DESC, id DESC LIMIT ${KEEP_NOTES})`)
    .run();
}

/**
 * Notes an earlier version wrote as plain files beside the database: read
 * into the database once, then removed, so no name from a refused file is
 * left outside the encryption.
 */
function moveOldNotes(ctx: CoreContext): void {
  if (ctx.sqlite.memory) return;
  const folder = join(dirname(ctx.sqlite.name), OLD_NOTES_FOLDER);
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.json'));
  } catch {
    return;
  }
  const insert = ctx.sqlite.prepare('INSERT OR IGNORE INTO refused_imports (id, at, file_name, reason) VALUES (?, ?, ?, ?)');
  for (const name of names) {
    try {
      const note = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Partial<RefusedFile>;
      if (typeof note.at === 'string' && typeof note.fileName === 'string' && typeof note.reason === 'string') insert.run(name, note.at, note.fileName, note.reason);
    } catch {
      // Not a note Fieldbook wrote: removed with the rest.
    }
  }
  rmSync(folder, { recursive: true, force: true });
  pruneNotes(ctx);
}

/**
 * Notes that a file chosen on the Import screen was refused, and why, so the
 * import log can list it later as it lists the inbox's refused files. The
 * note is the one thing a refusal keeps: a row of its own in the encrypted
 * database (refused_imports, local, never in the change log or a file),
 * written after the refused import has changed nothing. Only the newest
 * notes are kept, and a refusal the same as the newest is not noted twice. A note that cannot be written leaves the refusal itself
 * as it was.
 */
export function noteRefusedImport(ctx: CoreContext, fileName: string, reason: string): void {
  try {
    // The same file refused for the same reason as the newest note is listed already: not noted again,
    // so a run of damaged copies (or someone trying one file again and again) writes nothing more.
    const newest = ctx.sqlite.prepare('SELECT file_name, reason FROM refused_imports ORDER BY at DESC, id DESC LIMIT 1').get() as
      | { file_name: string; reason: string }
      | undefined;
    if (newest && newest.file_name === fileName && newest.reason === reason) return;
    ctx.sqlite.prepare('INSERT INTO refused_imports (id, at, file_name, reason) VALUES (?, ?, ?, ?)').run(ctx.newId(), ctx.clock().toISOString(), fileName, reason);
    pruneNotes(ctx);
  } catch {
    // A full or read-only disk: the person still sees the refusal on screen.
  }
}

/** Files chosen on the Import screen and refused, from their notes. */
export function refusedChosenFiles(ctx: CoreContext): RefusedFile[] {
  moveOldNotes(ctx);
  return (
    ctx.sqlite.prepare('SELECT at, file_name, reason FROM refused_imports WHERE at >= ? ORDER BY at DESC').all(keptSince(ctx)) as {
      at: string;
      file_name: string;
      reason: string;
    }[]
  ).map((row) => ({ at: row.at, fileName: row.file_name, reason: row.reason }));
}
