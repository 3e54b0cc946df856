import exceljsUtils from 'exceljs/lib/utils/utils.js';
import { scanSheetData, type SheetDataVisitor, type XmlCell } from './sheet-xml';
import type { CellValue } from './values';

/**
 * What exceljs's streaming WorkbookReader hands over for each worksheet: the
 * sheet's XML as a stream, and the workbook it belongs to, whose shared
 * strings, styles and date system it has read by then (it holds a sheet
 * back until the shared strings are read).
 */
interface StreamedWorksheet {
  iterator: AsyncIterable<Buffer>;
  workbook: {
    /** An empty shared string is null. */
    sharedStrings?: (string | { richText: { text: string }[] } | null)[];
    styles: { getStyleModel(id: number): { numFmt?: string } | null | undefined };
    properties?: { model?: { date1904?: boolean } };
  };
}

/**
 * A worksheet's rows as cell values, one row at a time, straight from the
 * sheet's XML (sheet-xml.ts), with the same readings as exceljs's own
 * worksheet reader (a formula as its last result, a shared string or rich
 * text as its text, a number in a date format as a date, an error as no
 * value), except that a formula's number in a date format is a date too,
 * and a formula's true/false or error is that, not a number. It leaves out
 * exceljs's Row and Cell objects and its XML parser's events, which for a
 * sheet of 100,000 rows were most of the time a preview took and most of
 * its garbage. onRow gets each row's number (from 1, as the spreadsheet
 * shows it) and its cells by column from 0, gaps as null; with keep false
 * it is told only the row numbers, so a sheet passed over is still counted.
 * The sheet's XML past maxBytes is refused (see scanSheetData); returns how
 * many bytes of it were read.
 */
export async function readWorksheetRows(worksheet: unknown, keep: boolean, onRow: (rowNumber: number, cells: CellValue[]) => void, maxBytes?: number): Promise<number> {
  const { iterator, workbook } = worksheet as StreamedWorksheet;
  const { sharedStrings, styles } = workbook;
  const date1904 = Boolean(workbook.properties?.model?.date1904);
  const styleOf = (id: number) => (id ? styles.getStyleModel(id) : null) ?? null;
  // Whether a number format is a date's, worked out once per format rather than once per cell.
  const dateFormats = new Map<string | undefined, boolean>();
  const isDateFormat = (numFmt: string | undefined) => {
    let isDate = dateFormats.get(numFmt);
    if (isDate === undefined) dateFormats.set(numFmt, (isDate = exceljsUtils.isDateFmt(numFmt)));
    return isDate;
  };
  let rowStyle: { numFmt?: string } | null = null;
  let rowNumber = 0;
  let cells: CellValue[] | null = null;

  const valueOf = (raw: XmlCell): CellValue => {
    if (raw.value === null) return null;
    switch (raw.type) {
      case 's': {
        const shared = sharedStrings?.[parseInt(raw.value, 10)];
        if (shared === undefined || shared === null) return null;
        return typeof shared === 'string' ? shared : shared.richText.map((part) => part.text).join('');
      }
      case 'inlineStr':
      case 'str':
        return raw.value;
      case 'e':
        return null;
      case 'b':
        return parseInt(raw.value, 10) !== 0;
      default: {
        // A number in a date format is a date, a formula's result too: exceljs gives a formula's as a bare number, which
        // in a workbook of the 1904 date system (Excel for Mac's old default) would read as four years earlier.
        // A cell without a style of its own takes its row's, as exceljs's cells do.
        const number = parseFloat(raw.value);
        return isDateFormat((styleOf(raw.style) ?? rowStyle)?.numFmt) ? exceljsUtils.excelToDate(number, date1904) : number;
      }
    }
  };

  const visitor: SheetDataVisitor = {
    row(number, style) {
      rowNumber = number;
      rowStyle = style ? styleOf(style) : null;
      cells = keep ? [] : null;
    },
    cell(column, cell) {
      if (cells && column >= 0) cells[column] = valueOf(cell);
    },
    rowEnd() {
      onRow(rowNumber, cells ? Array.from(cells, (value) => value ?? null) : []);
      cells = null;
    },
  };
  return scanSheetData(iterator, visitor, maxBytes);
}
