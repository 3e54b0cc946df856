import { sheetFieldsOfKind, sheetHeaderFieldsOfKind, sheetHeaderKey, sheetKinds, type SheetField, type SheetKind } from '../../../shared/contract';
import { cellText, type CellValue } from './values';

export type ColumnField = Exclude<SheetField, 'ignore'>;

/** The names offices give each column; a header is recognised when it starts with one ("Attended (Y/N)", "Email (optional)"). */
const headerNames: [string, ColumnField][] = [
  ['first name', 'givenName'],
  ['given name', 'givenName'],
  ['forename', 'givenName'],
  ['surname', 'familyName'],
  ['last name', 'familyName'],
  ['family name', 'familyName'],
  ['email', 'email'],
  ['e-mail', 'email'],
  ['organisation', 'organisation'],
  ['organization', 'organisation'],
  ['employer', 'organisation'],
  ['sector', 'sector'],
  ['session date', 'date'],
  ['date', 'date'],
  ['course', 'course'],
  ['venue', 'venue'],
  ['attended', 'attended'],
  ['funding', 'contract'],
  ['contract', 'contract'],
  ['date joined', 'joinedOn'],
  ['joined', 'joinedOn'],
  ['renewal date', 'renewedOn'],
  ['renewed', 'renewedOn'],
  ['fee paid', 'feePaid'],
  ['confidence before', 'confidenceBefore'],
  ['confidence after', 'confidenceAfter'],
  ['comments', 'comments'],
  // A follow-up's personal code (a follow-up answers sheet from the office's own form tool).
  ['code', 'followUpCode'],
  ['follow-up code', 'followUpCode'],
  ['follow up code', 'followUpCode'],
  ['personal code', 'followUpCode'],
];

/** What each kind reads; other recognised columns are listed as ignored. */
const fieldsOf = Object.fromEntries(sheetKinds.map((kind) => [kind, new Set(sheetFieldsOfKind[kind])])) as unknown as Record<SheetKind, ReadonlySet<ColumnField>>;

export const headerKey = sheetHeaderKey;

function recognised(header: string): ColumnField | null {
  const key = headerKey(header);
  // The longest name that fits wins, so "session date" is not read as just "session".
  let best: [string, ColumnField] | null = null;
  for (const entry of headerNames) if (key.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1] ?? null;
}

export interface HeaderRow {
  /** Zero-based index into the sheet's rows. */
  index: number;
  /** Each column's field, by column index. */
  columns: Map<number, ColumnField>;
  /** The other way round: each field's column, looked up for every cell of every row. */
  fieldColumns: Map<ColumnField, number>;
  /** The mapped columns' header texts as headerKey has them, to recognise the header repeated on any row without working them out again. */
  columnKeys: { column: number; key: string }[];
  /** Header texts, by column index, to recognise the header repeated further down. */
  texts: string[];
  ignored: string[];
  /**
   * Columns no name or mapping placed (and not mapped to "ignore"), by column
   * index: an evaluation's learning-outcome ratings, recognised by each
   * course's own outcome texts once the row's course is known.
   */
  unplaced: Map<number, string>;
}

/** Title rows and notes seldom pass 20 rows; a header further down is not looked for. */
export const HEADER_SEARCH_ROWS = 50;

/**
 * The first row, within the first rows of the sheet, in which the kind's
 * header columns are recognised (both names; for evaluations the course,
 * date and venue), directly or through the office's mapping. Rows above it
 * (a title, a date, blank rows) are passed over.
 */
export function findHeader(rows: CellValue[][], kind: SheetKind, mapping: Record<string, SheetField> | undefined): HeaderRow | null {
  const mapped = new Map(Object.entries(mapping ?? {}).map(([header, field]) => [headerKey(header), field]));
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index += 1) {
    const texts = (rows[index] ?? []).map((cell) => cellText(cell));
    const columns = new Map<number, ColumnField>();
    const ignored: string[] = [];
    const unplaced = new Map<number, string>();
    texts.forEach((text, column) => {
      if (text === '') return;
      const field = mapped.has(headerKey(text)) ? mapped.get(headerKey(text))! : recognised(text);
      const used = new Set(columns.values());
      if (field && field !== 'ignore' && fieldsOf[kind].has(field) && !used.has(field)) columns.set(column, field);
      else {
        ignored.push(text);
        if (!field) unplaced.set(column, text);
      }
    });
    const fields = new Set(columns.values());
    // Follow-up answers name their person and session by the code alone (follow-ups/sheet-rows.ts).
    const byCode = kind === 'evaluations' && fields.has('followUpCode');
    if (byCode || sheetHeaderFieldsOfKind[kind].every((field) => fields.has(field))) {
      const fieldColumns = new Map([...columns].map(([column, field]) => [field, column]));
      const columnKeys = [...columns.keys()].map((column) => ({ column, key: headerKey(texts[column] ?? '') }));
      return { index, columns, fieldColumns, columnKeys, texts, ignored, unplaced };
    }
  }
  return null;
}

/** A row that repeats the header (a sheet pasted under another keeps its header). */
export function isHeaderAgain(row: CellValue[], header: HeaderRow): boolean {
  return header.columnKeys.every(({ column, key }) => headerKey(cellText(row[column] ?? null)) === key);
}
