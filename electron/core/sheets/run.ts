import type { Kysely } from 'kysely';
import { procedures, type SheetKind, type SheetPreview } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { Schema } from '../../db/schema';
import { localDate, type CoreContext } from '../deps';
import { thisDevice } from '../sync/device-keys';
import { write, type WriteScope } from '../write';
import { OutputDidNotMatch } from '../write-path';
import { walkEvaluations } from './evaluations';
import { SheetMatcher } from './matching';
import { findScheme, walkMembers } from './members';
import type { ProgressReport } from './progress';
import { readSheetFile } from './read-file';
import { RecordReader, type ReadRecords, type RefusedRow } from './records';
import { walkSignInSheet } from './sign-in-sheets';
import { emptyPreview, LISTED, type SheetRequest, type Walk, type WalkResult } from './walk';

export type { SheetRequest } from './walk';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const untracked: ProgressReport = { stage: async () => undefined, advance: async () => undefined };

/** What a header row needs, in the words of the refusal when no row has it. */
const headerNeeds: Record<SheetKind, string> = {
  people: 'columns for first name and surname (for example "First name", "Surname")',
  attendance: 'columns for first name and surname (for example "First name", "Surname")',
  members: 'columns for first name and surname (for example "First name", "Surname")',
  evaluations: 'columns for the course, the session date and the venue (for example "Course", "Date", "Venue")',
};

/** Reads the file and its rows: the part that waits, done before any transaction. */
async function readRequest(ctx: CoreContext, request: SheetRequest, report: ProgressReport): Promise<{ read: ReadRecords; encoding: SheetPreview['encoding'] }> {
  await thisDevice(ctx, 'office');
  // A member list for a scheme that is not there is refused before the file is read.
  if (request.kind === 'members') await findScheme(ctx.db, request.scheme);
  await report.stage('reading', null);
  const reader = new RecordReader(request.kind, request.mapping, localDate(ctx.clock()));
  const file = await readSheetFile(request.fileName, request.bytes, request.sheet, (name) => reader.sheet(name));
  const read = reader.result;
  if (read.sheetsRead.length === 0) {
    throw new FieldbookError(
      'INVALID_INPUT',
      `No ${request.sheet ? 'header' : 'sheet with a header'} Fieldbook recognises was found in "${request.fileName}": it needs ${headerNeeds[request.kind]}, in one of its first 50 rows. Nothing was imported.`,
    );
  }
  return { read, encoding: file.encoding };
}

function nothingImported(request: SheetRequest, refused: RefusedRow[]): FieldbookError {
  const first = refused.slice(0, 3).map((row) => `row ${row.row}: ${row.reason}`).join('; ');
  return new FieldbookError(
    'INVALID_INPUT',
    `Nothing could be imported from ${request.fileName}: ${refused.length > 0 ? `every row was refused (${first})` : 'it has no rows below its header'}. Nothing was imported.`,
  );
}

/**
 * Matches every row against what is there and, given a scope, writes what
 * is new: the preview and the import are this one walk. `imported` says
 * whether what the scope writes is kept (a member list's preview writes and
 * is rolled back).
 */
async function walk(
  ctx: CoreContext,
  db: Kysely<Schema>,
  scope: WriteScope | null,
  imported: boolean,
  request: SheetRequest,
  read: ReadRecords,
  encoding: SheetPreview['encoding'],
  report: ProgressReport,
): Promise<{ preview: SheetPreview; result: WalkResult; refused: RefusedRow[] }> {
  const matcher = new SheetMatcher(db, scope, request.fileName, request.confirmedCourses ?? [], {
    samePeople: request.samePeople ?? [],
    sheetsRead: read.sheetsRead,
  });
  await matcher.load();
  const preview = emptyPreview(request, read, encoding, imported);
  const refused = [...read.refused];
  const state: Walk = {
    ctx,
    db,
    scope,
    request,
    read,
    matcher,
    preview,
    report,
    refuse: (record, reason) => refused.push({ sheet: record.sheet, row: record.row, reason }),
  };
  const result =
    request.kind === 'evaluations' ? await walkEvaluations(state) : request.kind === 'members' ? await walkMembers(state, scope!) : await walkSignInSheet(state);

  matcher.duplicates.finish();
  const added = matcher.added;
  const sheetOrder = new Map(read.sheetsRead.map((name, index) => [name, index]));
  refused.sort((a, b) => (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) || a.row - b.row);
  preview.people.new = added.people.length;
  preview.people.newNames = added.people.slice(0, LISTED);
  preview.people.likelyDuplicates = matcher.duplicates.found;
  preview.people.likelyDuplicateCount = matcher.duplicates.count;
  preview.organisations.new = added.organisations.slice(0, LISTED);
  preview.courses.new = added.courses.slice(0, LISTED);
  preview.venues.new = added.venues.slice(0, LISTED);
  preview.contracts.new = added.contracts.slice(0, LISTED);
  preview.refused = refused.slice(0, LISTED);
  preview.refusedCount = refused.length;
  const addedRecords = added.people.length + added.organisations.length + added.courses.length + added.venues.length + added.contracts.length;
  preview.nothingNew = !result.anythingNew && addedRecords === 0;
  preview.message = describePreview(preview, result.accepted);
  return { preview, result, refused };
}

export function describePreview(preview: SheetPreview, rowsAccepted: number): string {
  const refused = preview.refusedCount > 0 ? ` ${plural(preview.refusedCount, 'row was', 'rows were')} refused.` : '';
  const read = `Read ${plural(preview.rowsRead, 'row')} from ${preview.fileName}.`;
  if (rowsAccepted === 0) return `${read} Nothing could be imported.${refused}`;
  if (preview.nothingNew) return `${read} Nothing new: everything in it is already in Fieldbook.${refused}`;
  const parts: string[] = [];
  if (preview.kind !== 'evaluations') {
    parts.push(plural(preview.people.new, 'new person', 'new people'), `${plural(preview.people.matched, 'person', 'people')} already known`);
  }
  if (preview.kind === 'attendance') {
    parts.push(plural(preview.sessions.new, 'new session'), plural(preview.signIns.new, 'sign-in'));
    if (preview.contracts.new.length > 0) parts.push(plural(preview.contracts.new.length, 'new contract'));
  }
  if (preview.kind === 'members') {
    parts.push(`${plural(preview.members.new, 'new member')} of ${preview.members.scheme}`, plural(preview.members.termsAdded, 'term'));
    if (preview.members.already > 0) parts.push(`${plural(preview.members.already, 'term')} already there`);
  }
  if (preview.kind === 'evaluations') {
    parts.push(plural(preview.responses.new, 'new response'));
    if (preview.responses.already > 0) parts.push(`${plural(preview.responses.already, 'response')} already there`);
  }
  const alike = preview.people.likelyDuplicateCount;
  const duplicates = alike > 0 ? ` ${plural(alike, 'row looks', 'rows look')} like someone already in Fieldbook.` : '';
  return `${read} ${preview.imported ? 'Imported' : 'To import'}: ${parts.join(', ')}.${duplicates}${refused}`;
}

/** Carries a preview out of the transaction it was worked out in, rolling that back. */
class PreviewRolledBack extends Error {
  constructor(readonly preview: SheetPreview) {
    super('A preview, rolled back.');
  }
}

/**
 * What importing the file would do, writing nothing. A member list's
 * preview runs the import itself and rolls it back: whether each term can
 * be added (and as what) is the membership's to work out, and the preview
 * must say what the import will do.
 */
export async function previewSheet(ctx: CoreContext, request: SheetRequest, report: ProgressReport = untracked): Promise<SheetPreview> {
  const { read, encoding } = await readRequest(ctx, request, report);
  if (request.kind !== 'members') return (await walk(ctx, ctx.db, null, false, request, read, encoding, report)).preview;
  try {
    await write(ctx, async (scope) => {
      throw new PreviewRolledBack((await walk(ctx, scope.trx, scope, false, request, read, encoding, report)).preview);
    });
  } catch (error) {
    if (error instanceof PreviewRolledBack) return error.preview;
    throw error;
  }
  throw new Error('The preview of a member list was not rolled back.');
}

/** SQLite's page cache while a sheet is imported, in KiB (a negative cache_size is KiB). */
export const IMPORT_CACHE_KIB = 32 * 1024;

/**
 * Runs an import with a larger page cache, then puts the usual one back.
 * One transaction of a 100,000-row sheet dirties every table and index at
 * once (people, bookings, sign-ins, the change log); with the default 2 MB
 * cache SQLite spills and rereads those pages (encrypting and decrypting
 * each time) thousands of times before the commit: profiled, most of the
 * import's time. Since the write path writes a batch's rows table by
 * table, 32 MB holds the working set: measured one after the other on a
 * quiet machine, a 100,000-row CSV import took 11.7-11.9 s with 32 MB and
 * 14.4-15.8 s with 64 MB, and peaked 30-80 MB lower (docs/benchmarks.md).
 */
async function withImportCache<T>(ctx: CoreContext, work: () => Promise<T>): Promise<T> {
  const before = ctx.sqlite.pragma('cache_size', { simple: true }) as number;
  ctx.sqlite.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    ctx.sqlite.pragma(`cache_size = ${before}`);
  }
}

/**
 * Imports the file: read and checked first, then every row in one
 * transaction through the write path (change log, write policy), its output
 * checked before it commits. A file where every row is refused is refused
 * whole, and so is one that would add a course the office did not confirm.
 */
export async function importSheet(ctx: CoreContext, request: SheetRequest, report: ProgressReport = untracked): Promise<SheetPreview> {
  const { read, encoding } = await readRequest(ctx, request, report);
  if (read.records.length === 0) throw nothingImported(request, read.refused);
  return withImportCache(ctx, () =>
    write(ctx, async (scope) => {
      const { preview, result, refused } = await walk(ctx, scope.trx, scope, true, request, read, encoding, report);
      if (result.accepted === 0) throw nothingImported(request, refused);
      const checked = procedures['sheets.import'].output.safeParse(preview);
      if (!checked.success) throw new OutputDidNotMatch('sheets.import', checked.error);
      return preview;
    }),
  );
}
