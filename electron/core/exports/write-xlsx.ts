import ExcelJS from 'exceljs';
import { hasTime, isDateCell, wallClockDate } from './dates';
import type { Cell, ExportTable } from './table';

/** Days as a UK office reads them; a cell is a real date, so a person can sort, filter or reformat it. */
const DAY_FORMAT = 'dd/mm/yyyy';
const TIME_FORMAT = 'dd/mm/yyyy hh:mm';
/** Wide enough to read a name or an email; a long note wraps onto the cell's own width. */
const MAX_WIDTH = 60;

/** Excel allows 31 characters in a sheet's name and none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}

// Text is written as a text cell, never a formula, so no apostrophe is needed here (the CSV needs one).
function xlsxValue(cell: Cell): ExcelJS.CellValue {
  if (isDateCell(cell)) return wallClockDate(cell);
  if (cell.kind === 'empty') return null;
  return cell.value;
}

function shownLength(cell: Cell): number {
  if (isDateCell(cell)) return hasTime(cell) ? TIME_FORMAT.length : DAY_FORMAT.length + 2;
  return cell.kind === 'empty' ? 0 : String(cell.value).length;
}

export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
  return toXlsxBook([table]);
}

/** Several tables in one workbook, a sheet each (a report's tables and its definitions). */
export async function toXlsxBook(tables: readonly ExportTable[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Fieldbook';
  for (const table of tables) addSheet(workbook, table);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function addSheet(workbook: ExcelJS.Workbook, table: ExportTable): void {
  // The heading row stays in view while a long list scrolls.
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  const widths = table.headers.map((header) => header.length);
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map(xlsxValue));
    cells.forEach((cell, index) => {
      if (isDateCell(cell)) row.getCell(index + 1).numFmt = hasTime(cell) ? TIME_FORMAT : DAY_FORMAT;
      widths[index] = Math.max(widths[index] ?? 0, shownLength(cell));
    });
  }
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, width + 2);
  });
}
