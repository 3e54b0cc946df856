import type { Kysely } from 'kysely';
import { procedures, type SheetField, type SheetKind, type SheetPreview } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { Schema } from '../../db/schema';
import { localDate, type CoreContext } from '../deps';
import { thisDevice } from '../sync/device-keys';
import { write, type WriteScope } from '../write';
import { OutputDidNotMatch } from '../write-path';
import { applySession, type SessionGroup } from './attendance';
import { SheetMatcher } from './matching';
import { readSheetFile } from './read-file';
import { readRecords, type ReadRecords } from './records';

export interface SheetRequest {
  kind: SheetKind;
  fileName: string;
  bytes: Uint8Array;
  sheet?: string;
  mapping?: Record<string, SheetField>;
}

/** Lists in the preview stop here; the counts beside them are whole. */
const LISTED = 500;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** Reads the file and its rows: the part that waits, done before any transaction. */
async function readRequest(ctx: CoreContext, request: SheetRequest): Promise<{ read: ReadRecords; encoding: SheetPreview['encoding'] }> {
  await thisDevice(ctx, 'office');
  const file = await readSheetFile(request.fileName, request.bytes, request.sheet);
  const read = readRecords(file.sheets, request.kind, request.mapping, localDate(ctx.clock()));
  if (read.sheetsRead.length === 0) {
    throw new FieldbookError(
      'INVALID_INPUT',
      `No ${request.sheet ? 'header' : 'sheet with a header'} Fieldbook recognises was found in "${request.fileName}": it needs columns for first name and surname (for example "First name", "Surname"), in one of its first 50 rows. Nothing was imported.`,
    );
  }
  return { read, encoding: file.encoding };
}

/** Matches every row against what is there and, given a scope, writes what is new. The preview and the import are this one walk. */
async function walk(ctx: CoreContext, db: Kysely<Schema>, scope: WriteScope | null, request: SheetRequest, read: ReadRecords, encoding: SheetPreview['encoding']): Promise<SheetPreview> {
  const matcher = new SheetMatcher(db, scope, request.fileName);
  await matcher.load();
  const matches: SheetPreview['people']['matches'] = [];
  const matchedPeople = new Set<string>();
  const groups = new Map<string, SessionGroup>();
  let duplicateLines = 0;
  let notAttended = 0;

  for (const record of read.records) {
    const organisationId = record.organisation ? await matcher.organisation(record.organisation, record.sector) : null;
    const found = await matcher.person(record, organisationId);
    if (found.person.existing && !matchedPeople.has(found.id)) {
      matchedPeople.add(found.id);
      if (matches.length < LISTED) {
        matches.push({ sheet: record.sheet, row: record.row, name: `${record.givenName} ${record.familyName}`, matchedBy: found.matchedBy ?? 'name', person: found.person.name });
      }
    }
    if (request.kind !== 'attendance') continue;
    if (!record.attended) {
      notAttended += 1;
      continue;
    }
    const course = await matcher.course(record.course!);
    const venueId = await matcher.venue(record.venue!);
    const key = `${course.id}|${record.date}|${venueId}`;
    let group = groups.get(key);
    if (!group) {
      group = { course: { ...course, title: record.course! }, venue: { id: venueId, name: record.venue! }, date: record.date!, people: new Set() };
      groups.set(key, group);
    }
    if (group.people.has(found.id)) duplicateLines += 1;
    else group.people.add(found.id);
  }

  const sessions = [];
  for (const group of groups.values()) sessions.push(await applySession(ctx, db, scope, group));
  const newSignIns = sessions.reduce((sum, session) => sum + session.signIns, 0);
  const added = matcher.added;
  const nothingNew =
    newSignIns === 0 && added.people.length + added.organisations.length + added.courses.length + added.venues.length === 0;
  const preview: SheetPreview = {
    kind: request.kind,
    fileName: request.fileName,
    encoding,
    sheetsRead: read.sheetsRead,
    rowsRead: read.rowsRead,
    people: { new: added.people.length, matched: matchedPeople.size, matches, newNames: added.people.slice(0, LISTED) },
    organisations: { new: added.organisations.slice(0, LISTED) },
    courses: { new: added.courses.slice(0, LISTED) },
    venues: { new: added.venues.slice(0, LISTED) },
    sessions: {
      new: sessions.filter((session) => session.isNew && session.signIns > 0).length,
      matched: sessions.filter((session) => !session.isNew).length,
      list: sessions.slice(0, LISTED).map(({ course, date, venue, isNew, signIns }) => ({ course, date, venue, isNew, signIns })),
    },
    signIns: { new: newSignIns, already: sessions.reduce((sum, session) => sum + session.already, 0), duplicateLines, notAttended },
    refused: read.refused.slice(0, LISTED),
    refusedCount: read.refused.length,
    ignoredColumns: read.ignoredColumns,
    nothingNew,
    imported: scope !== null,
    message: '',
  };
  preview.message = describePreview(preview, read.records.length);
  return preview;
}

export function describePreview(preview: SheetPreview, rowsAccepted: number): string {
  const refused = preview.refusedCount > 0 ? ` ${plural(preview.refusedCount, 'row was', 'rows were')} refused.` : '';
  const read = `Read ${plural(preview.rowsRead, 'row')} from ${preview.fileName}.`;
  if (rowsAccepted === 0) return `${read} Nothing could be imported.${refused}`;
  if (preview.nothingNew) return `${read} Nothing new: everything in it is already in Fieldbook.${refused}`;
  const parts = [plural(preview.people.new, 'new person', 'new people'), `${plural(preview.people.matched, 'person', 'people')} already known`];
  if (preview.kind === 'attendance') parts.push(plural(preview.sessions.new, 'new session'), plural(preview.signIns.new, 'sign-in'));
  return `${read} ${preview.imported ? 'Imported' : 'To import'}: ${parts.join(', ')}.${refused}`;
}

/** What importing the file would do, writing nothing. */
export async function previewSheet(ctx: CoreContext, request: SheetRequest): Promise<SheetPreview> {
  const { read, encoding } = await readRequest(ctx, request);
  return walk(ctx, ctx.db, null, request, read, encoding);
}

/**
 * Imports the file: read and checked first, then every row in one
 * transaction through the write path (change log, write policy), its output
 * checked before it commits. A file where every row is refused is refused whole.
 */
export async function importSheet(ctx: CoreContext, request: SheetRequest): Promise<SheetPreview> {
  const { read, encoding } = await readRequest(ctx, request);
  if (read.records.length === 0) {
    const first = read.refused.slice(0, 3).map((row) => `row ${row.row}: ${row.reason}`).join('; ');
    throw new FieldbookError('INVALID_INPUT', `Nothing could be imported from ${request.fileName}: ${read.refused.length > 0 ? `every row was refused (${first})` : 'it has no rows below its header'}. Nothing was imported.`);
  }
  return write(ctx, async (scope) => {
    const preview = await walk(ctx, scope.trx, scope, request, read, encoding);
    const checked = procedures['sheets.import'].output.safeParse(preview);
    if (!checked.success) throw new OutputDidNotMatch('sheets.import', checked.error);
    return preview;
  });
}
