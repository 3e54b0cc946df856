import { OrganisationFields, PersonFields, VenueFields, CourseFields, type Sector, type SheetField, type SheetKind } from '../../../shared/contract';
import type { z } from 'zod';
import { findHeader, HEADER_SEARCH_ROWS, isHeaderAgain, type ColumnField, type HeaderRow } from './headers';
import { ContractFields } from '../../../shared/contract/contracts';
import { readFollowUpCode } from '../follow-ups/sheet-code';
import { cellText, readDate, readFee, readRating, readSector, readYesNo, type CellValue, type Rating, type Read } from './values';

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
  /** Attendance: the contract (funding) the session was delivered under. */
  contract: string | null;
  /** Members: the term that began on joining, a renewal's term, and the fee paid, in pence. */
  joinedOn: string | null;
  renewedOn: string | null;
  feePence: number | null;
  /** Evaluations: the confidence ratings, the comments, and the cells of columns only a course's outcomes can place. */
  confidenceBefore: Rating | null;
  confidenceAfter: Rating | null;
  comments: string | null;
  /** Evaluations: a follow-up's personal code (normalised, "K7MP3XQ9"), which names the person and session instead of the row's columns; null on other rows. */
  followUpCode: string | null;
  unplaced: { header: string; value: CellValue }[];
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

/**
 * The reasons already worked out for the file being read, by schema and
 * value: a sheet names the same course, venue and organisation on most of
 * its rows and the same person on several, and a schema's answer for a
 * value does not change. Emptied when the next file is read.
 */
const reasonsKnown = new Map<z.ZodType, Map<string, string | null>>();

/** A contract message ("Email must look like name@example.org.") as the reason in "row 5: …". */
function reasonFrom(schema: z.ZodType, value: unknown): string | null {
  let known = reasonsKnown.get(schema);
  if (!known) reasonsKnown.set(schema, (known = new Map()));
  const key = typeof value === 'string' ? value : JSON.stringify(value);
  const before = known.get(key);
  if (before !== undefined) return before;
  const result = schema.safeParse(value);
  const message = result.success ? null : (result.error.issues[0]?.message ?? 'a value is not valid');
  const reason = message === null ? null : `${message.charAt(0).toLowerCase()}${message.slice(1)}`.replace(/\.$/, '');
  known.set(key, reason);
  return reason;
}

const isBlank = (row: CellValue[]) => row.every((cell) => cellText(cell) === '');

const blankRecord = (sheet: string, row: number): SheetRecord => ({
  sheet,
  row,
  givenName: '',
  familyName: '',
  email: null,
  organisation: null,
  sector: null,
  date: null,
  course: null,
  venue: null,
  attended: false,
  contract: null,
  joinedOn: null,
  renewedOn: null,
  feePence: null,
  confidenceBefore: null,
  confidenceAfter: null,
  comments: null,
  followUpCode: null,
  unplaced: [],
});

type Cells = { cell(field: ColumnField): CellValue; text(field: ColumnField): string; once(text: string): string };

/** The session a row is about: its day (a past one), course and venue, as attendance and evaluations both name it. */
function readSession(cells: Cells, today: string): Read<{ date: string; course: string; venue: string }> {
  const date = readDate(cells.cell('date'));
  if (!date.ok) return date;
  if (date.value > today) return { ok: false, reason: `the date ${date.value} is after today, and only past sessions are imported` };
  const course = cells.text('course');
  if (course === '') return { ok: false, reason: 'no course' };
  const courseProblem = reasonFrom(CourseFields.shape.title, course);
  if (courseProblem) return { ok: false, reason: courseProblem };
  const venue = cells.text('venue');
  if (venue === '') return { ok: false, reason: 'no venue' };
  const venueProblem = reasonFrom(VenueFields.shape.name, venue);
  if (venueProblem) return { ok: false, reason: venueProblem };
  return { ok: true, value: { date: cells.once(date.value), course, venue } };
}

/** A person's row (people, attendance, members): names, email, organisation and sector. */
function readPerson(cells: Cells, record: SheetRecord): Read<SheetRecord> {
  const givenName = cells.text('givenName');
  const familyName = cells.text('familyName');
  if (givenName === '') return { ok: false, reason: 'no first name' };
  if (familyName === '') return { ok: false, reason: 'no surname' };
  const email = cells.text('email') || null;
  const personProblem = reasonFrom(PersonFields, { givenName, familyName, email });
  if (personProblem) return { ok: false, reason: personProblem };
  const organisation = cells.text('organisation') || null;
  if (organisation) {
    const problem = reasonFrom(OrganisationFields.shape.name, organisation);
    if (problem) return { ok: false, reason: problem };
  }
  const sector = readSector(cells.cell('sector'));
  if (!sector.ok) return sector;
  return { ok: true, value: Object.assign(record, { givenName, familyName, email, organisation, sector: sector.value }) };
}

function readAttendance(cells: Cells, person: SheetRecord, today: string): Read<SheetRecord> {
  const attended = readYesNo(cells.cell('attended'), true);
  if (!attended.ok) return attended;
  const session = readSession(cells, today);
  if (!session.ok) return session;
  const contract = cells.text('contract') || null;
  if (contract) {
    const problem = reasonFrom(ContractFields.shape.name, contract);
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true, value: Object.assign(person, session.value, { attended: attended.value, contract }) };
}

function readMember(cells: Cells, person: SheetRecord, today: string): Read<SheetRecord> {
  const joined = readDate(cells.cell('joinedOn'), 'date joined');
  if (!joined.ok) return joined;
  if (joined.value > today) return { ok: false, reason: `the date joined ${joined.value} is after today` };
  let renewedOn: string | null = null;
  if (cells.text('renewedOn') !== '') {
    const renewed = readDate(cells.cell('renewedOn'), 'renewal date');
    if (!renewed.ok) return renewed;
    if (renewed.value <= joined.value) return { ok: false, reason: `the renewal date ${renewed.value} is not after the date joined ${joined.value}` };
    if (renewed.value > today) return { ok: false, reason: `the renewal date ${renewed.value} is after today` };
    renewedOn = renewed.value;
  }
  const fee = readFee(cells.cell('feePaid'));
  if (!fee.ok) return fee;
  return { ok: true, value: Object.assign(person, { joinedOn: joined.value, renewedOn, feePence: fee.value }) };
}

/** A response's session, optional email, confidence and comments; each outcome's rating waits for the course (evaluations.ts). */
function readResponse(cells: Cells, record: SheetRecord, header: HeaderRow, row: CellValue[], today: string): Read<SheetRecord> {
  const code = readFollowUpCode(cells.text('followUpCode'), header.fieldColumns.has('course'));
  if (!code.ok) return code;
  const session = code.value ? { ok: true as const, value: { date: null, course: null, venue: null } } : readSession(cells, today);
  if (!session.ok) return session;
  const email = cells.text('email') || null;
  if (email) {
    const problem = reasonFrom(PersonFields.shape.email, email);
    if (problem) return { ok: false, reason: problem };
  }
  const before = readRating(cells.cell('confidenceBefore'), 'confidence before');
  if (!before.ok) return before;
  const after = readRating(cells.cell('confidenceAfter'), 'confidence after');
  if (!after.ok) return after;
  const comments = cells.text('comments') || null;
  const unplaced = [...header.unplaced].map(([column, text]) => ({ header: text, value: row[column] ?? null }));
  return { ok: true, value: Object.assign(record, session.value, { email, confidenceBefore: before.value, confidenceAfter: after.value, comments, followUpCode: code.value, unplaced }) };
}

function readRow(sheet: string, rowNumber: number, row: CellValue[], header: HeaderRow, kind: SheetKind, today: string, once: (text: string) => string): SheetRecord | RefusedRow {
  const cell = (field: ColumnField): CellValue => {
    const column = header.fieldColumns.get(field);
    return column === undefined ? null : (row[column] ?? null);
  };
  const cells: Cells = { cell, text: (field) => once(cellText(cell(field))), once };
  const refuse = (reason: string): RefusedRow => ({ sheet, row: rowNumber, reason });
  // The row's own record, filled in as each part of the row is read (not copied at each step: this runs for every row).
  const record = blankRecord(sheet, rowNumber);
  if (kind === 'evaluations') {
    const response = readResponse(cells, record, header, row, today);
    return response.ok ? response.value : refuse(response.reason);
  }
  const person = readPerson(cells, record);
  if (!person.ok) return refuse(person.reason);
  const read = kind === 'attendance' ? readAttendance(cells, person.value, today) : kind === 'members' ? readMember(cells, person.value, today) : person;
  return read.ok ? read.value : refuse(read.reason);
}

/** Takes a sheet's rows one at a time, in order, numbered as the spreadsheet program numbers them (from 1). */
export type RowSink = (rowNumber: number, row: CellValue[]) => void;

/**
 * Reads records from rows as the file gives them, keeping none of the rows:
 * on each sheet, the header is looked for among its first rows, and below
 * it blank rows and the header repeated are passed over, every other row a
 * record or a refusal with its row number. A sheet with no recognisable
 * header adds nothing. A file of 100,000 rows is then never held twice
 * (as cells and as records), which keeps an import's memory flat.
 */
export class RecordReader {
  readonly result: ReadRecords = { sheetsRead: [], rowsRead: 0, records: [], refused: [], ignoredColumns: [] };
  /**
   * Each distinct text of the file's cells, kept once. A CSV parser makes a
   * new string for every cell, and a sheet repeats its courses, venues,
   * organisations and dates on most rows and a person's name and email on
   * each of their rows: the records of 100,000 rows would otherwise hold
   * 900,000 strings where 60,000 say everything.
   */
  private readonly texts = new Map<string, string>();
  private readonly once = (text: string): string => {
    const known = this.texts.get(text);
    if (known !== undefined) return known;
    this.texts.set(text, text);
    return text;
  };

  constructor(
    private readonly kind: SheetKind,
    private readonly mapping: Record<string, SheetField> | undefined,
    private readonly today: string,
  ) {
    reasonsKnown.clear();
  }

  /** The sink for one sheet's rows; sheets are read one after another, in the file's order. */
  sheet(name: string): RowSink {
    let header: HeaderRow | null = null;
    return (rowNumber, row) => {
      const index = rowNumber - 1;
      if (!header) {
        if (index >= HEADER_SEARCH_ROWS) return;
        // findHeader takes the first row that qualifies, judging each row on its own: offered one row at a time, it finds the same one.
        const probe: CellValue[][] = [];
        probe[index] = row;
        header = findHeader(probe, this.kind, this.mapping);
        if (header) {
          this.result.sheetsRead.push(name);
          for (const ignored of header.ignored) if (!this.result.ignoredColumns.includes(ignored)) this.result.ignoredColumns.push(ignored);
        }
        return;
      }
      if (isBlank(row) || isHeaderAgain(row, header)) return;
      this.result.rowsRead += 1;
      const read = readRow(name, rowNumber, row, header, this.kind, this.today, this.once);
      if ('reason' in read) this.result.refused.push(read);
      else this.result.records.push(read);
    };
  }
}
