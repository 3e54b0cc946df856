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

/** The notes earlier versions wrote beside each refused file in the inbox's Refused folder. */
const WHY_SUFFIX = '.why.txt';

/**
 * Earlier versions kept the reason the inbox refused a file as a plain note
 * beside it in the inbox's Refused folder, where a name from the file could
 * sit unencrypted. Each such note is read into the database once (dated
 * when it was written) and removed; the refused file itself stays, sealed
 * as it came, for the retention period.
 */
function moveOldInboxNotes(ctx: CoreContext): void {
  const folder = inboxFolder(ctx);
  if (!folder) return;
  const refused = join(folder, 'Refused');
  let names: string[];
  try {
    names = readdirSync(refused).filter((name) => name.endsWith(WHY_SUFFIX));
  } catch {
    return;
  }
  const insert = ctx.sqlite.prepare('INSERT INTO refused_imports (id, at, file_name, reason) VALUES (?, ?, ?, ?)');
  for (const name of names) {
    const path = join(refused, name);
    try {
      insert.run(ctx.newId(), statSync(path).mtime.toISOString(), name.slice(0, -WHY_SUFFIX.length), readFileSync(path, 'utf8').trim());
      rmSync(path, { force: true });
    } catch {
      // Removed by the retention sweep (or by hand) while being read: nothing left to move.
    }
  }
  pruneNotes(ctx);
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
 * Notes that a file was refused, and why (chosen on the Import screen, or
 * found in the inbox folder), so the import log can list it later. The
 * note is the one thing a refusal keeps: a row of its own in the encrypted
 * database (refused_imports, local, never in the change log or a file),
 * written after the refused import has changed nothing. Only the newest
 * notes are kept, and a refusal the same as the newest is not noted twice. A note that cannot be written leaves the refusal itself
 * as it was.
 */
export function noteRefusedImport(ctx: CoreContext, fileName: string, reason: string): void {
  try {
    // Notes an earlier version left in the inbox go in first, so the newest note is the newest refusal.
    moveOldInboxNotes(ctx);
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

/** Files refused, from their notes: those chosen on the Import screen and those found in the inbox. */
export function refusedFiles(ctx: CoreContext): RefusedFile[] {
  moveOldNotes(ctx);
  moveOldInboxNotes(ctx);
  return (
    ctx.sqlite.prepare('SELECT at, file_name, reason FROM refused_imports WHERE at >= ? ORDER BY at DESC').all(keptSince(ctx)) as {
      at: string;
      file_name: string;
      reason: string;
    }[]
  ).map((row) => ({ at: row.at, fileName: row.file_name, reason: row.reason }));
}
