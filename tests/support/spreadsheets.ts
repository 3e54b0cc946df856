import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { OutgoingFile, SheetInput, SheetPreview } from '../../shared/contract';
import type { CallResult } from '../../shared/errors';
import type { Dispatch } from '../../electron/dispatch/dispatcher';

/** Downloaded files read back with the libraries that wrote them (and that the import will read with). */

export type SheetValue = string | number | Date | null;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The first sheet's rows, headings first, each cell as its value (a date cell as a Date). */
export async function xlsxRows(bytes: Uint8Array): Promise<SheetValue[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: SheetValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values: SheetValue[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) values.push((row.getCell(column).value as SheetValue) ?? null);
    rows.push(values);
  });
  return rows;
}

export function startsWithBom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, index) => bytes[index] === byte);
}

/** The records of a CSV, headings first; the byte-order mark is checked apart, with startsWithBom. */
export function csvRows(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), { bom: true, relax_column_count: false }) as string[][];
}

export const bytesOfFile = (file: OutgoingFile) => new Uint8Array(Buffer.from(file.contentBase64, 'base64'));

/** Rows as objects keyed by heading, for reading a column by its name. */
export function byHeading<V>(rows: V[][]): Record<string, V>[] {
  const [headings = [], ...rest] = rows;
  return rest.map((row) => Object.fromEntries(headings.map((heading, index) => [String(heading), row[index] as V])));
}

/** A cell as a test writes it into a workbook: a formula carries the result Excel would have saved. */
export type WrittenCell = string | number | Date | null | { formula: string; result: string };

/** An .xlsx made the way offices make them, one sheet per entry, row by row. */
export async function xlsxFile(sheets: Record<string, WrittenCell[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A UTF-8 CSV made with csv-stringify, quoting where the text needs it. */
export function csvFile(rows: (string | number | null)[][]): Buffer {
  return Buffer.from(stringify(rows.map((row) => row.map((cell) => cell ?? ''))), 'utf8');
}

/** What the Spreadsheets screen sends: the kind of sheet, the file's name and its bytes. */
export const sheetInput = (kind: SheetInput['kind'], fileName: string, bytes: Buffer, extra: Partial<SheetInput> = {}): SheetInput => ({
  kind,
  fileName,
  contentBase64: bytes.toString('base64'),
  ...extra,
});

/** The error a preview or an import refused a sheet with; fails the test when it was accepted. */
export async function sheetRefusal(dispatch: Dispatch, name: 'sheets.preview' | 'sheets.import', value: SheetInput) {
  const result = (await dispatch(name, value)) as CallResult<SheetPreview>;
  if (result.ok) throw new Error(`${name} was expected to refuse`);
  return result.error;
}
