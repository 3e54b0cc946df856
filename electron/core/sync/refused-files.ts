import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Where refusals of files chosen on the Import screen are noted: beside the database, never in it. */
const CHOSEN_FILES_REFUSED = 'Refused imports';

/** The newest notes kept; the import log shows no more than this many entries anyway. */
const KEEP_NOTES = 200;

function chosenRefusalsFolder(ctx: CoreContext): string | null {
  return ctx.sqlite.memory ? null : join(dirname(ctx.sqlite.name), CHOSEN_FILES_REFUSED);
}

/**
 * A note names a file and why it was refused, which may name someone: it is
 * kept only for the inbox retention period, as the inbox's refused files are.
 */
function keptSince(ctx: CoreContext): string {
  return new Date(ctx.clock().getTime() - inboxRetentionDays(ctx) * 24 * 60 * 60 * 1000).toISOString();
}

/**
 * Notes that a file chosen on the Import screen was refused, and why, so the
 * import log can list it later as it lists the inbox's refused files. Like
 * those, the note is a file (in a folder beside the database): a refusal
 * writes nothing to the database. Only the newest notes are kept. A note
 * that cannot be written leaves the refusal itself as it was.
 */
export function noteRefusedImport(ctx: CoreContext, fileName: string, reason: string): void {
  const folder = chosenRefusalsFolder(ctx);
  if (!folder) return;
  try {
    mkdirSync(folder, { recursive: true });
    const at = ctx.clock().toISOString();
    // Named by time first, so the folder sorts oldest first and the oldest can go.
    writeFileSync(join(folder, `${at.replace(/[:.]/g, '-')} ${randomUUID()}.json`), JSON.stringify({ at, fileName, reason }));
    const notes = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
    const cutoff = keptSince(ctx).replace(/[:.]/g, '-');
    const past = notes.filter((name, index) => index < notes.length - KEEP_NOTES || name < cutoff);
    for (const old of past) rmSync(join(folder, old), { force: true });
  } catch {
    // A full or read-only disk: the person still sees the refusal on screen.
  }
}

/** Files chosen on the Import screen and refused, from their notes. */
export function refusedChosenFiles(ctx: CoreContext): RefusedFile[] {
  const folder = chosenRefusalsFolder(ctx);
  if (!folder) return [];
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const since = keptSince(ctx);
  const files: RefusedFile[] = [];
  for (const name of names) {
    try {
      const note = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Partial<RefusedFile>;
      if (typeof note.at === 'string' && note.at >= since && typeof note.fileName === 'string' && typeof note.reason === 'string') {
        files.push({ at: note.at, fileName: note.fileName, reason: note.reason });
      }
    } catch {
      // Removed while being read, or not a note Fieldbook wrote: not in the log.
    }
  }
  return files;
}
