import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SamePerson, SheetInput, type SheetField, type SheetKind, type SheetPreview } from '../../shared/contract';
import { FieldbookError } from '../../shared/errors';
import { findScheme } from '../core/sheets/members';
import { importSheet, previewSheet } from '../core/sheets/run';
import { withCore, type Output } from './commands';
import { UsageError } from './failures';

export interface SheetOptions {
  dataFolder: string;
  file: string;
  kind: SheetKind;
  sheet?: string;
  mappingFile?: string;
  /** Members: the scheme's name. */
  scheme?: string;
  /** --same-person: likely duplicates to import as the person already in Fieldbook, e.g. "12,Autumn!7,30=PERSON-ID". */
  samePeople?: string;
  dryRun: boolean;
}

/**
 * --same-person ROW[,ROW…]: each a row number as the preview lists it, with
 * "SHEET!" before it in a workbook of several sheets and "=PERSON-ID" after
 * it when the row looks like more than one person. Every other likely
 * duplicate is imported as a different person.
 */
export function readSamePeople(text: string): SamePerson[] {
  return text.split(',').map((part) => {
    const match = /^(?:(.+)!)?(\d+)(?:=(.+))?$/.exec(part.trim());
    const choice = match ? SamePerson.safeParse({ sheet: match[1], row: Number(match[2]), personId: match[3] }) : null;
    if (!choice?.success) {
      throw new UsageError(`--same-person takes rows as the preview lists them, for example --same-person 12,Autumn!7 or 30=PERSON-ID; "${part.trim()}" is not one.`);
    }
    return choice.data;
  });
}

const whyWords: Record<SheetPreview['people']['likelyDuplicates'][number]['why'], string> = {
  email: 'same name and email',
  organisation: 'same name and organisation',
  no_organisation: 'same name, and neither has an organisation',
};

function printLikelyDuplicates(preview: SheetPreview, out: Output): void {
  const pairs = preview.people.likelyDuplicates;
  if (pairs.length === 0) return;
  const several = preview.sheetsRead.length > 1;
  const rowKey = (pair: (typeof pairs)[number]) => `${pair.sheet}\n${pair.row}`;
  const perRow = new Map<string, number>();
  for (const pair of pairs) perRow.set(rowKey(pair), (perRow.get(rowKey(pair)) ?? 0) + 1);
  const details = (email: string | null, organisation: string | null) => [email ?? 'no email', organisation ?? 'no organisation'].join(', ');
  out.line(`  Likely duplicates (imported as different people unless --same-person names the row):`);
  for (const pair of pairs) {
    const row = `${several ? `${pair.sheet}!` : ''}${pair.row}`;
    const option = `--same-person ${row}${(perRow.get(rowKey(pair)) ?? 0) > 1 ? `=${pair.personId}` : ''}`;
    const outcome = pair.decision === 'same' ? 'imported as them' : `a different person (${option} to import the row as them)`;
    out.line(
      `  ${several ? `${pair.sheet} ` : ''}row ${pair.row}: ${pair.name} (${details(pair.email, pair.organisation)}) looks like ${pair.person} (${details(pair.personEmail, pair.personOrganisation)}), ${whyWords[pair.why]}: ${outcome}`,
    );
  }
  if (preview.people.likelyDuplicateCount > new Set(pairs.map(rowKey)).size) out.line('  …and more rows that look like someone already in Fieldbook.');
}

/** --mapping FILE: JSON pairing column headers with fields, e.g. {"Christian name": "givenName"}. */
function readMapping(path: string): Record<string, SheetField> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw new UsageError(`There is no mapping file at ${path}.`);
    throw new UsageError(`The mapping file ${path} is not JSON, for example {"Christian name": "givenName"}.`);
  }
  const checked = SheetInput.shape.mapping.safeParse(parsed);
  if (!checked.success || !checked.data) throw new UsageError(`The mapping file ${path}: ${checked.error?.issues[0]?.message ?? 'it must pair column headers with fields.'}`);
  return checked.data;
}

function printPreview(preview: SheetPreview, out: Output): void {
  out.line(preview.message);
  if (preview.sheetsRead.length > 1 || preview.sheetsRead[0] !== 'CSV') out.line(`  Sheets read: ${preview.sheetsRead.join(', ')}`);
  for (const match of preview.people.matches) {
    out.line(`  ${match.sheet} row ${match.row}: ${match.name} is ${match.person} (${match.matchedBy === 'chosen' ? 'chosen with --same-person' : `same ${match.matchedBy}`})`);
  }
  printLikelyDuplicates(preview, out);
  const list = (label: string, names: string[]) => names.length > 0 && out.line(`  ${label}: ${names.join(', ')}`);
  list('New organisations', preview.organisations.new);
  list('New courses', preview.courses.new);
  list('New venues', preview.venues.new);
  list('New contracts', preview.contracts.new);
  if (preview.kind === 'attendance') {
    for (const session of preview.sessions.list) {
      const contract = session.contract ? ` (${session.contract})` : '';
      out.line(`  ${session.isNew ? 'New session' : 'Session'}: ${session.course}, ${session.date}, ${session.venue}${contract}: ${session.signIns} sign-ins to add`);
    }
    for (const session of preview.contracts.differing) {
      out.line(`  Left under ${session.inFieldbook ?? 'no contract'}: ${session.course}, ${session.date}, ${session.venue} (the file says ${session.inFile})`);
    }
    const { already, duplicateLines, notAttended } = preview.signIns;
    if (already + duplicateLines + notAttended > 0) out.line(`  Already signed in: ${already}; lines typed twice: ${duplicateLines}; did not attend: ${notAttended}`);
  }
  if (preview.kind === 'members') {
    const { termsAdded, already } = preview.members;
    out.line(`  Terms of ${preview.members.scheme}: ${termsAdded} to add, ${already} already there`);
  }
  if (preview.kind === 'evaluations') {
    const { already, linked } = preview.responses;
    out.line(`  Responses: ${preview.responses.new} to add (${linked} tied to a person by email), ${already} already there`);
  }
  list('Columns ignored', preview.ignoredColumns);
  for (const row of preview.refused) out.line(`  Refused: ${preview.sheetsRead.length > 1 ? `${row.sheet} ` : ''}row ${row.row}: ${row.reason}`);
  if (preview.refusedCount > preview.refused.length) out.line(`  …and ${preview.refusedCount - preview.refused.length} more rows refused.`);
}

/**
 * `fieldbook import-sheet FILE --kind attendance|people|members|evaluations
 * [--scheme NAME]`: the preview, then
 * the import unless --dry-run. Exit 0 when imported (some rows refused or
 * not), 1 when nothing could be imported.
 */
export async function importSheetCommand(options: SheetOptions, out: Output): Promise<number> {
  const mapping = options.mappingFile ? readMapping(options.mappingFile) : undefined;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(options.file);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') throw new FieldbookError('NOT_FOUND', `Check the file's name: there is no file at ${options.file}.`);
    throw error;
  }
  // The command line creates the new courses it lists, as its help says; the screen asks first.
  const samePeople = options.samePeople === undefined ? undefined : readSamePeople(options.samePeople);
  const request = {
    kind: options.kind,
    fileName: basename(options.file),
    bytes,
    sheet: options.sheet,
    mapping,
    scheme: options.scheme,
    confirmedCourses: 'every' as const,
    samePeople,
  };
  return withCore(options.dataFolder, async (core) => {
    if (options.kind === 'members') {
      // An unknown scheme is a mistake on the command line, like an unknown --kind.
      try {
        await core.exclusive(() => findScheme(core.context.db, options.scheme));
      } catch (error) {
        if (error instanceof FieldbookError) throw new UsageError(error.message);
        throw error;
      }
    }
    if (options.dryRun) {
      printPreview(await core.exclusive(() => previewSheet(core.context, request)), out);
      out.line('Nothing was written (--dry-run).');
      return 0;
    }
    // The import reads the file, then writes in one transaction; its answer is the preview of what it wrote.
    printPreview(await core.exclusive(() => importSheet(core.context, request)), out);
    return 0;
  });
}
