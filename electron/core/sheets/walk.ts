import type { Kysely } from 'kysely';
import type { SamePerson, SheetField, SheetKind, SheetPreview } from '../../../shared/contract';
import type { Schema } from '../../db/schema';
import type { CoreContext } from '../deps';
import type { WriteScope } from '../write';
import type { PersonFound, SheetMatcher } from './matching';
import type { ProgressReport } from './progress';
import type { ReadRecords, SheetRecord } from './records';

export interface SheetRequest {
  kind: SheetKind;
  fileName: string;
  bytes: Uint8Array;
  sheet?: string;
  mapping?: Record<string, SheetField>;
  /** Members: the scheme's name. */
  scheme?: string;
  /** New courses the office confirmed, or 'every' (the command line). Left out: none. */
  confirmedCourses?: readonly string[] | 'every';
  /** Likely duplicates the office said are the same person; every other one is added as a new person. */
  samePeople?: readonly SamePerson[];
  progressId?: string;
}

/** Lists in the preview stop here; the counts beside them are whole. */
export const LISTED = 500;

/**
 * One pass over a file's rows, shared by every kind: what it reads from,
 * where it writes (no scope: the preview, which writes nothing), the
 * preview it fills in, and rows it refuses once they meet what is there
 * (an evaluation's unknown session, say), beside those refused on reading.
 */
export interface Walk {
  ctx: CoreContext;
  db: Kysely<Schema>;
  scope: WriteScope | null;
  request: SheetRequest;
  read: ReadRecords;
  matcher: SheetMatcher;
  preview: SheetPreview;
  report: ProgressReport;
  refuse(record: SheetRecord, reason: string): void;
}

/** What a kind's walk found: rows it took, and whether anything would be (or was) added. */
export interface WalkResult {
  accepted: number;
  anythingNew: boolean;
}

/** A row's organisation and person, found or added, with the first match of each known person listed for the office to check. */
export async function matchPerson(walk: Walk, record: SheetRecord, matched: Set<string>): Promise<PersonFound & { organisationId: string | null }> {
  const organisationId = record.organisation ? await walk.matcher.organisation(record.organisation, record.sector) : null;
  const found = await walk.matcher.person(record, organisationId);
  if (found.person.existing && !matched.has(found.id)) {
    matched.add(found.id);
    walk.preview.people.matched = matched.size;
    if (walk.preview.people.matches.length < LISTED) {
      walk.preview.people.matches.push({
        sheet: record.sheet,
        row: record.row,
        name: `${record.givenName} ${record.familyName}`,
        matchedBy: found.matchedBy ?? 'name',
        person: found.person.name,
      });
    }
  }
  return { ...found, organisationId };
}

/** A preview with nothing counted yet. */
export function emptyPreview(request: SheetRequest, read: ReadRecords, encoding: SheetPreview['encoding'], imported: boolean): SheetPreview {
  return {
    kind: request.kind,
    fileName: request.fileName,
    encoding,
    sheetsRead: read.sheetsRead,
    rowsRead: read.rowsRead,
    people: { new: 0, matched: 0, matches: [], newNames: [], likelyDuplicates: [], likelyDuplicateCount: 0 },
    organisations: { new: [] },
    courses: { new: [] },
    venues: { new: [] },
    contracts: { new: [], differing: [] },
    sessions: { new: 0, matched: 0, list: [] },
    signIns: { new: 0, already: 0, duplicateLines: 0, notAttended: 0 },
    responses: { new: 0, already: 0, linked: 0 },
    members: { scheme: null, new: 0, termsAdded: 0, already: 0 },
    refused: [],
    refusedCount: 0,
    ignoredColumns: read.ignoredColumns,
    nothingNew: false,
    imported,
    message: '',
  };
}
