import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SheetInput, type SheetField, type SheetKind, type SheetPreview } from '../../shared/contract';
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
  dryRun: boolean;
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
  for (const match of preview.people.matches) out.line(`  ${match.sheet} row ${match.row}: ${match.name} is ${match.person} (same ${match.matchedBy})`);
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
    if ((error as { code?: string }).code === 'ENOENT') throw new FieldbookError('NOT_FOUND', `There is no file at ${options.file}.`);
    throw error;
  }
  // The command line creates the new courses it lists, as its help says; the screen asks first.
  const request = { kind: options.kind, fileName: basename(options.file), bytes, sheet: options.sheet, mapping, scheme: options.scheme, confirmedCourses: 'every' as const };
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
