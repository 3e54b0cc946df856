import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CoreContext } from '../deps';
import { inboxRetentionDays } from '../erasure/inbox-retention';
import { inboxFolder } from './settings';
import { normaliseForSearch } from '../../../shared/search-text';

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

/** Folded words of a text, as names are compared in it: "Amira Khan's file" → amira, khans, file. */
function foldedWords(text: string): string[] {
  return normaliseForSearch(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * Whether a text names one of these people: their email, or any of their
 * names (each word of it, in order or not, as the erasure's reason is
 * checked), accents and case set aside.
 */
function namesAnyOf(people: readonly ErasedPerson[]): (text: string) => boolean {
  const tests = people.map((person) => {
    const names = [person.given_name, person.family_name, person.preferred_name]
      .map((name) => (name ? foldedWords(name) : []))
      .filter((parts) => parts.join('').length >= 2);
    const email = person.email?.toLowerCase() ?? null;
    return (text: string, words: Set<string>) =>
      (email !== null && text.toLowerCase().includes(email)) || names.some((parts) => parts.every((part) => words.has(part)));
  });
  return (text) => {
    const words = new Set(foldedWords(text));
    return tests.some((test) => test(text, words));
  };
}

interface ErasedPerson {
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  email: string | null;
}

/**
 * For "Erase this person" (erasure/erase.ts), while their rows are still
 * there: every note of a refused file whose file name or reason names them
 * goes (notes an earlier version left as plain files are moved in first, so
 * they go too), and so does every file in the inbox's Refused folder whose
 * name or plain text names them. A refused file that is sealed cannot be
 * read here without its sender's keys; it leaves with the retention period.
 */
export function forgetRefusedFilesAbout(ctx: CoreContext, personIds: readonly string[]): void {
  const people = ctx.sqlite
    .prepare('SELECT given_name, family_name, preferred_name, email FROM people WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(personIds)) as ErasedPerson[];
  if (people.length === 0) return;
  const names = namesAnyOf(people);
  moveOldNotes(ctx);
  moveOldInboxNotes(ctx);
  const notes = ctx.sqlite.prepare('SELECT id, file_name, reason FROM refused_imports').all() as { id: string; file_name: string; reason: string }[];
  const forget = ctx.sqlite.prepare('DELETE FROM refused_imports WHERE id = ?');
  for (const note of notes) if (names(note.file_name) || names(note.reason)) forget.run(note.id);

  const folder = inboxFolder(ctx);
  if (!folder) return;
  const refused = join(folder, 'Refused');
  let files: string[];
  try {
    files = readdirSync(refused);
  } catch {
    return;
  }
  for (const name of files) {
    const path = join(refused, name);
    try {
      if (names(name) || names(readFileSync(path, 'utf8'))) rmSync(path, { force: true });
    } catch {
      // Gone already (the retention sweep, or by hand).
    }
  }
}
