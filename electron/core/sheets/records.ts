import { OrganisationFields, PersonFields, VenueFields, CourseFields, type Sector, type SheetField, type SheetKind } from '../../../shared/contract';
import type { z } from 'zod';
import { findHeader, isHeaderAgain, type ColumnField, type HeaderRow } from './headers';
import type { RawSheet } from './read-file';
import { cellText, readDate, readSector, readYesNo, type CellValue } from './values';

/** One row of a sheet, read and checked: what it says, in Fieldbook's terms. */
export interface SheetRecord {
  sheet: string;
  row: number;
  givenName: string;
  familyName: string;
  email: string | null;
  organisation: string | null;
  sector: Sector | null;
  /** Attendance only: the session, and whether they came. */
  date: string | null;
  course: string | null;
  venue: string | null;
  attended: boolean;
}

export interface RefusedRow {
  sheet: string;
  row: number;
  reason: string;
}

export interface ReadRecords {
  sheetsRead: string[];
  rowsRead: number;
  records: SheetRecord[];
  refused: RefusedRow[];
  ignoredColumns: string[];
}

/** A contract message ("Email must look like name@example.org.") as the reason in "row 5: …". */
function reasonFrom(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  if (result.success) return null;
  const message = result.error.issues[0]?.message ?? 'a value is not valid';
  return `${message.charAt(0).toLowerCase()}${message.slice(1)}`.replace(/\.$/, '');
}

const isBlank = (row: CellValue[]) => row.every((cell) => cellText(cell) === '');

function readRow(sheet: string, rowNumber: number, row: CellValue[], header: HeaderRow, kind: SheetKind, today: string): SheetRecord | RefusedRow {
  const cell = (field: ColumnField): CellValue => {
    for (const [column, mapped] of header.columns) if (mapped === field) return row[column] ?? null;
    return null;
  };
  const text = (field: ColumnField) => cellText(cell(field));
  const refuse = (reason: string): RefusedRow => ({ sheet, row: rowNumber, reason });

  const givenName = text('givenName');
  const familyName = text('familyName');
  if (givenName === '') return refuse('no first name');
  if (familyName === '') return refuse('no surname');
  const email = text('email') || null;
  const personProblem = reasonFrom(PersonFields, { givenName, familyName, email });
  if (personProblem) return refuse(personProblem);
  const organisation = text('organisation') || null;
  if (organisation) {
    const problem = reasonFrom(OrganisationFields.shape.name, organisation);
    if (problem) return refuse(problem);
  }
  const sector = readSector(cell('sector'));
  if (!sector.ok) return refuse(sector.reason);

  const record: SheetRecord = {
    sheet,
    row: rowNumber,
    givenName,
    familyName,
    email,
    organisation,
    sector: sector.value,
    date: null,
    course: null,
    venue: null,
    attended: false,
  };
  if (kind === 'people') return record;

  const attended = readYesNo(cell('attended'), true);
  if (!attended.ok) return refuse(attended.reason);
  const date = readDate(cell('date'));
  if (!date.ok) return refuse(date.reason);
  if (date.value > today) return refuse(`the date ${date.value} is after today, and only past sessions are imported`);
  const course = text('course');
  if (course === '') return refuse('no course');
  const courseProblem = reasonFrom(CourseFields.shape.title, course);
  if (courseProblem) return refuse(courseProblem);
  const venue = text('venue');
  if (venue === '') return refuse('no venue');
  const venueProblem = reasonFrom(VenueFields.shape.name, venue);
  if (venueProblem) return refuse(venueProblem);
  return { ...record, date: date.value, course, venue, attended: attended.value };
}

/**
 * Every sheet with a recognisable header (or only the one asked for), read
 * below its header: blank rows and the header repeated are passed over,
 * every other row is a record or a refusal with its row number.
 */
export function readRecords(
  sheets: RawSheet[],
  kind: SheetKind,
  mapping: Record<string, SheetField> | undefined,
  today: string,
): ReadRecords {
  const result: ReadRecords = { sheetsRead: [], rowsRead: 0, records: [], refused: [], ignoredColumns: [] };
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows, kind, mapping);
    if (!header) continue;
    result.sheetsRead.push(sheet.name);
    for (const ignored of header.ignored) if (!result.ignoredColumns.includes(ignored)) result.ignoredColumns.push(ignored);
    for (let index = header.index + 1; index < sheet.rows.length; index += 1) {
      const row = sheet.rows[index] ?? [];
      if (isBlank(row) || isHeaderAgain(row, header)) continue;
      result.rowsRead += 1;
      const read = readRow(sheet.name, index + 1, row, header, kind, today);
      if ('reason' in read) result.refused.push(read);
      else result.records.push(read);
    }
  }
  return result;
}
