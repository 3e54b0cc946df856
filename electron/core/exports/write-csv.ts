import { stringify } from 'csv-stringify/sync';
import { dateText, isDateCell } from './dates';
import type { Cell, ExportTable } from './table';

/**
 * A spreadsheet program opening a CSV runs a cell that starts like a formula
 * ("=HYPERLINK(…)" typed as someone's name). OWASP's advice on CSV injection:
 * put an apostrophe before any text starting with =, +, -, @, a tab or a
 * carriage return, so it is shown as the text it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvValue(cell: Cell): string | number {
  if (isDateCell(cell)) return dateText(cell);
  if (cell.kind === 'number') return cell.value;
  if (cell.kind === 'text') return neutralised(cell.value);
  return '';
}

/**
 * UTF-8 with a byte-order mark, which is how Excel knows the file is UTF-8
 * ("Siobhán", not "SiobhÃ¡n"), and Windows line endings, which RFC 4180 asks for.
 */
export function toCsv(table: ExportTable): Uint8Array {
  const records = [table.headers.map(neutralised), ...table.rows.map((row) => row.map(csvValue))];
  return Buffer.from(stringify(records, { bom: true, record_delimiter: 'windows' }), 'utf8');
}
