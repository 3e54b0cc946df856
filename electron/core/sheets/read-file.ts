import { parse as csvParser, type Options as CsvOptions } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { FieldbookError } from '../../../shared/errors';
import { checkFileSize, checkPartUnzips, checkRowCount, checkZip, contentsMismatch, damaged, unreadableXlsx, type ZipPart } from './limits';
import type { RowSink } from './records';
import type { CellValue } from './values';
import { readWorksheetRows } from './xlsx-rows';

/** What reading a file found out about it, beyond its rows (which went to the sheets' sinks as they were read). */
export interface FileRead {
  encoding: 'utf-8' | 'windows-1252' | null;
}

/** Where each sheet's rows go as they are read, asked for by the sheet's name. */
export type SheetSinks = (sheetName: string) => RowSink;

/**
 * CSV text in one of the encodings Excel writes: UTF-8 (its "CSV UTF-8",
 * with a byte-order mark) or Windows-1252 (its plain "CSV (Comma
 * delimited)"). Bytes that are valid UTF-8 are read as UTF-8; anything else
 * as Windows-1252, which gives every byte a character. The rule is exact for
 * these two, where a statistical detector (chardet and the like) guesses,
 * and on a short file of names can guess a third encoding that would turn
 * "Siobhán" into something else. Returned as UTF-8 bytes, what the CSV
 * parser reads: a UTF-8 file as it came, with no copy.
 */
export function csvAsUtf8(bytes: Uint8Array): { utf8: Buffer; encoding: 'utf-8' | 'windows-1252' } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return { utf8: buffer, encoding: 'utf-8' };
  return { utf8: Buffer.from(new TextDecoder('windows-1252').decode(bytes), 'utf8'), encoding: 'windows-1252' };
}

const NEWLINE = 0x0a;

/** Parses the chunks as one CSV text with csv-parse's parser, settling when the last record has been given to on_record. */
function parseInChunks(chunks: Buffer[], options: CsvOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = csvParser(options);
    parser.on('error', reject);
    parser.on('end', () => resolve());
    parser.resume();
    for (const chunk of chunks) parser.write(chunk);
    parser.end();
  });
}

async function readCsv(bytes: Uint8Array, sinks: SheetSinks): Promise<FileRead> {
  const { utf8, encoding } = csvAsUtf8(bytes);
  let lines = 1;
  for (let at = utf8.indexOf(NEWLINE); at >= 0; at = utf8.indexOf(NEWLINE, at + 1)) lines += 1;
  checkRowCount(lines, 'The file');
  // Excel in some locales separates with semicolons; take whichever the first line uses more.
  const firstLineEnd = utf8.indexOf(NEWLINE);
  const firstLine = utf8.subarray(0, firstLineEnd >= 0 ? firstLineEnd : utf8.length).toString('utf8');
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let madeUpLines = 0;
  // An error of the rows' reader (not of the CSV) passes through the parser and out as it is.
  let sinkError: unknown = null;
  try {
    // bom: true drops a leading byte-order mark.
    const options = { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true } as const;
    // csv-parse builds an error object (with a stack) for every record whose
    // width differs from the first record's, even when told to allow it. A
    // typed-up sheet starts with a one-cell title row, which would make that
    // every row of the table. So the parse starts with a made-up first line
    // as wide as the rows most of the first hundred have, dropped again.
    const widths = new Map<number, number>();
    for (const record of parse(utf8, { ...options, to_line: 100 }) as string[][]) widths.set(record.length, (widths.get(record.length) ?? 0) + 1);
    const usual = [...widths].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
    // In the file's own line ending: csv-parse takes the first one it meets for the whole file.
    const newline = firstLineEnd > 0 && utf8[firstLineEnd - 1] === 0x0d ? '\r\n' : firstLineEnd < 0 && utf8.includes(0x0d) ? '\r' : '\n';
    // The byte-order mark goes before the made-up line, where the parser looks for it.
    const bom = utf8[0] === 0xef && utf8[1] === 0xbb && utf8[2] === 0xbf ? 3 : 0;
    madeUpLines = 1;
    const sink = sinks('CSV');
    let records = 0;
    // Each record goes to the sink as it is parsed and is not kept (returning nothing leaves it out of the parser's output).
    const onRecord = (record: string[]) => {
      records += 1;
      if (records === 1) return undefined;
      try {
        sink(records - 1, record);
      } catch (error) {
        sinkError = error;
        throw error;
      }
      return undefined;
    };
    // The made-up line and the file go to the parser one after the other, so the file's bytes are never copied.
    await parseInChunks([Buffer.from(`${delimiter.repeat(usual - 1)}${newline}`), utf8.subarray(bom)], { ...options, on_record: onRecord });
  } catch (error) {
    if (sinkError !== null) throw sinkError;
    const found = (error as { lines?: number }).lines;
    const line = found === undefined ? undefined : found - madeUpLines;
    throw damaged(`This CSV file cannot be read${line ? ` (near line ${line})` : ''}: a quote may be left open or the file cut short.`);
  }
  return { encoding };
}

const LOCAL_HEADER = 0x04034b50;
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
/** What exceljs's reader takes for a worksheet (its own test, anywhere in the name) and hands to the sheet's reader, which counts what it unzips. */
const READ_AS_WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;
/** What exceljs's reader must have read before a worksheet to hand it over as it unzips, rather than unzip it to a temporary file first. */
const READ_BEFORE_WORKSHEETS = ['xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels'];

/**
 * The zip's parts in the order exceljs's streaming reader should meet
 * them: every other part (the workbook, its shared strings and styles)
 * before the worksheets, each kept whole and in its own order. Excel writes
 * the worksheets first, and the reader, meeting a sheet before the shared
 * strings its cells point to, unzips it to a temporary file and reads it
 * back at the end: 36 MB written and read again for a sheet of 100,000
 * rows. Nothing is copied: the parts are views of the file's bytes. Each
 * part is checked as the unzipper will read it (checkPartUnzips); a zip
 * whose parts cannot be told apart by their offsets is refused, as its
 * parts could not be checked.
 */
function worksheetsLast(bytes: Uint8Array, parts: ZipPart[], directoryAt: number): Buffer[] {
  const byOffset = [...parts].sort((a, b) => a.offset - b.offset);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pieces: { part: ZipPart; bytes: Buffer }[] = [];
  for (const [index, part] of byOffset.entries()) {
    const end = byOffset[index + 1]?.offset ?? directoryAt;
    if (end - part.offset < 30 || end > bytes.length || view.getUint32(part.offset, true) !== LOCAL_HEADER) throw contentsMismatch();
    pieces.push({ part, bytes: Buffer.from(bytes.buffer, bytes.byteOffset + part.offset, end - part.offset) });
  }
  // A worksheet is left to its reader to count only when it reaches the reader as it unzips; one the reader would unzip to a file first is checked here.
  const streamed = READ_BEFORE_WORKSHEETS.every((name) => parts.some((part) => part.name === name));
  for (const piece of pieces) checkPartUnzips(piece.bytes, piece.part, streamed && WORKSHEET.test(piece.part.name));
  // The central directory after them, where the unzipper stops: without it, it reads on past the last part and fails.
  const directory = Buffer.from(bytes.buffer, bytes.byteOffset + directoryAt, bytes.length - directoryAt);
  return [...pieces.filter((piece) => !WORKSHEET.test(piece.part.name)), ...pieces.filter((piece) => WORKSHEET.test(piece.part.name))].map((piece) => piece.bytes).concat(directory);
}

/**
 * Reads the workbook as a stream, a row at a time, with exceljs's streaming
 * reader: its whole-workbook reader keeps a styled object for every cell,
 * several hundred megabytes for a sheet of 100,000 rows. Styles are read so
 * date cells come back as dates; a sheet other than the one asked for is
 * passed over without keeping its rows.
 */
async function readXlsx(bytes: Uint8Array, sheetName: string | undefined, sinks: SheetSinks): Promise<FileRead> {
  const { parts, directoryAt } = checkZip(bytes);
  const wanted = sheetName?.trim().toLowerCase();
  let found = false;
  const names: string[] = [];
  // An error of the rows' reader (not of the file) passes out as it is.
  let sinkError: unknown = null;
  // What the worksheets may unzip to between them: what the zip declares for them.
  let worksheetBytesLeft = parts.reduce((total, part) => total + (READ_AS_WORKSHEET.test(part.name) ? part.unzippedBytes : 0), 0);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(worksheetsLast(bytes, parts, directoryAt)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      names.push(name);
      const keep = wanted === undefined || name.trim().toLowerCase() === wanted;
      found ||= keep;
      const sink = keep ? sinks(name) : null;
      let counted = 0;
      const onRow = (rowNumber: number, cells: CellValue[]) => {
        counted += 1;
        checkRowCount(counted, `The sheet "${name}"`);
        if (!sink) return;
        try {
          sink(rowNumber, cells);
        } catch (error) {
          sinkError = error;
          throw error;
        }
      };
      worksheetBytesLeft -= await readWorksheetRows(worksheet, sink !== null, onRow, worksheetBytesLeft);
    }
  } catch (error) {
    if (sinkError !== null) throw sinkError;
    if (error instanceof FieldbookError) throw error;
    throw unreadableXlsx();
  }
  if (sheetName !== undefined && !found) {
    const listed = names.map((each) => `"${each}"`).join(', ');
    throw new FieldbookError('NOT_FOUND', `This file has no sheet named "${sheetName}"; its sheets are ${listed}. Nothing was imported.`);
  }
  return { encoding: null };
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * Reads an .xlsx or .csv file, after the limits, giving each sheet's rows
 * to its sink as they are read: the rows are not kept here.
 */
export async function readSheetFile(fileName: string, bytes: Uint8Array, sheetName: string | undefined, sinks: SheetSinks): Promise<FileRead> {
  checkFileSize(bytes);
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xlsx' || (extension !== 'csv' && isZip(bytes))) return readXlsx(bytes, sheetName, sinks);
  if (extension === 'csv' || extension === 'txt') {
    if (isZip(bytes)) throw damaged(`"${fileName}" is named as a CSV file but holds a spreadsheet; save it again as .xlsx or as CSV.`);
    return readCsv(bytes, sinks);
  }
  if (extension === 'xls') {
    throw new FieldbookError('INVALID_INPUT', 'This is an old-style Excel file (.xls). Open it in Excel and save it as .xlsx or CSV, then import that. Nothing was imported.');
  }
  throw new FieldbookError('INVALID_INPUT', `Fieldbook reads .xlsx and .csv files; "${fileName}" is neither. Nothing was imported.`);
}
