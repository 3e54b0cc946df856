import parseSax from 'exceljs/lib/utils/parse-sax.js';
import exceljsUtils from 'exceljs/lib/utils/utils.js';
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

interface SaxNode {
  name: string;
  attributes: Record<string, string>;
}

/**
 * The column of a cell reference ("C12" is 3), from its letters. exceljs's own
 * decoder keeps every reference it has seen in a table, 900,000 of them for
 * a sheet of 100,000 rows of nine columns.
 */
function columnOf(ref: string): number {
  let column = 0;
  for (let at = 0; at < ref.length; at += 1) {
    const code = ref.charCodeAt(at);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

type SaxEvent = { eventType: 'opentag' | 'closetag'; value: SaxNode } | { eventType: 'text'; value: string };

/** A cell as the XML gives it: its reference, style, type, and the text of its formula and value. */
interface RawCell {
  ref: string;
  style: number;
  type: string | undefined;
  formula: { text: string } | null;
  value: { text: string } | null;
}

/**
 * A worksheet's rows as cell values, one row at a time, straight from the
 * sheet's XML events, with the same readings as exceljs's own worksheet
 * reader (a formula as its last result, a shared string or rich text as its
 * text, a number in a date format as a date, an error as no value), except
 * that a formula's number in a date format is a date too. It
 * leaves out exceljs's Row and Cell objects, which for a sheet of 100,000
 * rows were a third of the time a preview took and most of its garbage.
 * onRow gets each row's number (from 1, as the spreadsheet shows it) and
 * its cells by column from 0, gaps as null; with keep false it is told
 * only the row numbers, so a sheet passed over is still counted.
 */
export async function readWorksheetRows(worksheet: unknown, keep: boolean, onRow: (rowNumber: number, cells: CellValue[]) => void): Promise<void> {
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
  let inRows = false;
  let rowNumber = 0;
  let rowStyle: { numFmt?: string } | null = null;
  let cells: CellValue[] | null = null;
  let cell: RawCell | null = null;
  let text: { text: string } | null = null;

  const valueOf = (raw: RawCell): CellValue => {
    // A cell without a style of its own takes its row's, as exceljs's cells do.
    const dateFormatted = () => isDateFormat((styleOf(raw.style) ?? rowStyle)?.numFmt);
    if (raw.formula) {
      if (!raw.value) return null;
      if (raw.type === 'str') return exceljsUtils.xmlDecode(raw.value.text);
      // exceljs gives a formula's result as a bare number even in a date format; as a date here, so a
      // workbook in the 1904 date system (Excel for Mac's old default) does not read as four years earlier.
      const result = parseFloat(raw.value.text);
      return dateFormatted() ? exceljsUtils.excelToDate(result, date1904) : result;
    }
    if (!raw.value) return null;
    switch (raw.type) {
      case 's': {
        const shared = sharedStrings?.[parseInt(raw.value.text, 10)];
        if (shared === undefined || shared === null) return null;
        return typeof shared === 'string' ? shared : shared.richText.map((part) => part.text).join('');
      }
      case 'inlineStr':
      case 'str':
        return exceljsUtils.xmlDecode(raw.value.text);
      case 'e':
        return null;
      case 'b':
        return parseInt(raw.value.text, 10) !== 0;
      default: {
        const number = parseFloat(raw.value.text);
        return dateFormatted() ? exceljsUtils.excelToDate(number, date1904) : number;
      }
    }
  };

  for await (const events of parseSax(iterator) as AsyncIterable<SaxEvent[]>) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (text) text.text += event.value;
        continue;
      }
      const node = event.value;
      if (event.eventType === 'opentag') {
        switch (node.name) {
          case 'sheetData':
            inRows = true;
            break;
          case 'row':
            if (!inRows) break;
            rowNumber = parseInt(node.attributes.r!, 10);
            rowStyle = node.attributes.s ? styleOf(parseInt(node.attributes.s, 10)) : null;
            cells = keep ? [] : null;
            break;
          case 'c':
            if (cells) cell = { ref: node.attributes.r!, style: parseInt(node.attributes.s!, 10), type: node.attributes.t, formula: null, value: null };
            break;
          case 'f':
            if (cell) text = cell.formula = { text: '' };
            break;
          case 'v':
          case 'is':
          case 't':
            if (cell) text = cell.value = { text: '' };
            break;
          default:
            break;
        }
        continue;
      }
      switch (node.name) {
        case 'sheetData':
          inRows = false;
          break;
        case 'row':
          if (!inRows) break;
          onRow(rowNumber, cells ? Array.from(cells, (value) => value ?? null) : []);
          cells = null;
          break;
        case 'c':
          if (cells && cell) cells[columnOf(cell.ref) - 1] = valueOf(cell);
          cell = null;
          text = null;
          break;
        default:
          break;
      }
    }
  }
}
