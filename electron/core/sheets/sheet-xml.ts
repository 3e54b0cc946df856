import exceljsUtils from 'exceljs/lib/utils/utils.js';
import type { FieldbookError } from '../../../shared/errors';
import { damaged, unzipsPastDeclared } from './limits';

/** A cell of a worksheet's XML as it is written: its style, its type, and the text of its value (null when it has none). */
export interface XmlCell {
  style: number;
  type: string | undefined;
  value: string | null;
}

/** What a worksheet's rows are handed to, in the order the XML gives them. */
export interface SheetDataVisitor {
  /** A row begins: its number (from 1) and its style, 0 for none. */
  row(rowNumber: number, style: number): void;
  /** A cell of that row, by column from 0. */
  cell(column: number, cell: XmlCell): void;
  /** The row has ended. */
  rowEnd(): void;
}

const SLASH = 0x2f;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The longest a tag, comment, CDATA section or processing instruction may
 * be, and a cell's text: far past anything Excel writes (a cell holds at
 * most 32,767 characters), and short enough that one left open in a crafted
 * or damaged sheet is refused after a megabyte instead of being held, and
 * read again, to the end of the file.
 */
export const MAX_MARKUP_BYTES = 1024 * 1024;

function tooLong(): FieldbookError {
  return damaged('This .xlsx file is damaged: one of its sheets has a tag, comment or cell text longer than 1 MB, or one left open.');
}

/**
 * What ends the markup that starts the text (a tag, a comment, a CDATA
 * section, a processing instruction), and how far into it its end may
 * start; null while the text is too short to tell which it is.
 */
function endingOf(markup: string): { ending: string; searchFrom: number } | null {
  const next = markup.charCodeAt(1);
  if (next === 0x3f) return { ending: '?>', searchFrom: 2 };
  if (next !== 0x21) return markup.length > 1 ? { ending: '>', searchFrom: 1 } : null;
  if (markup.length < '<![CDATA['.length) return null;
  return { ending: markup.startsWith('<![CDATA[') ? ']]>' : markup.startsWith('<!--') ? '-->' : '>', searchFrom: 2 };
}

/**
 * The column of a cell reference from 0 ("C12" is 2), from its letters; -1
 * for none.
 */
function columnOf(ref: string): number {
  let column = 0;
  for (let at = 0; at < ref.length; at += 1) {
    const code = ref.charCodeAt(at);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

/** The named attributes of the tag between from and to ('r', 's', 't': all a row or cell carries that Fieldbook reads). */
function attributesOf(xml: string, from: number, to: number): { r?: string; s?: string; t?: string } {
  const found: Record<string, string> = {};
  let at = from;
  while (at < to) {
    const equals = xml.indexOf('=', at);
    if (equals < 0 || equals >= to) break;
    const name = xml.slice(at, equals).trim();
    let quote = equals + 1;
    while (quote < to && xml.charCodeAt(quote) <= 32) quote += 1;
    const mark = xml[quote];
    if (mark !== '"' && mark !== "'") break;
    const close = xml.indexOf(mark, quote + 1);
    if (close < 0 || close > to) break;
    found[name] = xml.slice(quote + 1, close);
    at = close + 1;
  }
  return found;
}

/**
 * The text between tags as the file has it (read byte for byte, so UTF-8
 * arrives as one character a byte) turned back into what it says: UTF-8
 * decoded and XML's entities ("&amp;", "&#233;") read.
 */
function decodeText(raw: string): string {
  const text = NON_ASCII.test(raw) ? Buffer.from(raw, 'latin1').toString('utf8') : raw;
  return text.includes('&') ? exceljsUtils.xmlDecode(text) : text;
}

/**
 * Reads a worksheet's XML straight from its bytes, looking only at what a
 * sheet's values are written in: the rows of sheetData, their cells, and
 * each cell's value (<v>), or its inline text (<is>, every <t> in it but
 * the phonetic guides of <rPh>). Everything else (columns, merged cells,
 * formulas' text, conditional formats) is passed over without being
 * parsed. A general XML parser (exceljs's, saxes) builds an event with its
 * attributes for every tag and text of the 36 MB a sheet of 100,000 rows
 * unzips to, which was most of the time an .xlsx preview took.
 *
 * The bytes are read as Latin-1, one character a byte, so a chunk can end
 * anywhere (inside a character of UTF-8 too): only text that has bytes past
 * ASCII is decoded as UTF-8, once it is whole. A row or cell without its
 * number ("r", optional in the format) is the one after the previous.
 * XML cut off before the end of sheetData is refused, and so is a tag,
 * comment, CDATA section or cell text longer than MAX_MARKUP_BYTES (one
 * left open in a crafted or damaged sheet), so each byte is read a few
 * times at most, whatever the file holds. Past maxBytes (what the zip
 * declares its worksheets unzip to) the sheet is refused as well, since the
 * unzipper does not hold a part to its declared size. Returns how many bytes
 * it read.
 */
export async function scanSheetData(chunks: AsyncIterable<Buffer>, visitor: SheetDataVisitor, maxBytes = Number.POSITIVE_INFINITY): Promise<number> {
  let bytesRead = 0;
  let carry = '';
  let inRows = false;
  let rowNumber = 0;
  let column = -1;
  let cell: XmlCell | null = null;
  let inInline = false;
  let inPhonetic = false;
  // The text being read: a cell's value or one of its inline <t>s.
  let capturing: 'v' | 't' | null = null;
  let text = '';

  const tag = (xml: string, nameFrom: number, nameTo: number, to: number, closing: boolean, selfClosing: boolean) => {
    let name = xml.slice(nameFrom, nameTo);
    const colon = name.indexOf(':');
    if (colon >= 0) name = name.slice(colon + 1);
    if (name === 'sheetData') {
      inRows = !closing && !selfClosing;
      return;
    }
    if (!inRows) return;
    if (closing) {
      switch (name) {
        case 'row':
          visitor.rowEnd();
          break;
        case 'c':
          if (cell) visitor.cell(column, cell);
          cell = null;
          break;
        case 'v':
          if (cell && capturing === 'v') cell.value = decodeText(text);
          capturing = null;
          break;
        case 't':
          if (cell && capturing === 't') {
            cell.value = (cell.value ?? '') + decodeText(text);
            if (cell.value.length > MAX_MARKUP_BYTES) throw tooLong();
          }
          capturing = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        default:
          break;
      }
      return;
    }
    switch (name) {
      case 'row': {
        const { r, s } = attributesOf(xml, nameTo, to);
        rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
        column = -1;
        visitor.row(rowNumber, s === undefined ? 0 : parseInt(s, 10));
        if (selfClosing) visitor.rowEnd();
        break;
      }
      case 'c': {
        const { r, s, t } = attributesOf(xml, nameTo, to);
        column = r === undefined ? column + 1 : columnOf(r);
        cell = { style: s === undefined ? 0 : parseInt(s, 10), type: t, value: null };
        if (selfClosing) {
          visitor.cell(column, cell);
          cell = null;
        }
        break;
      }
      case 'v':
        if (!selfClosing) capturing = 'v';
        text = '';
        if (cell && selfClosing) cell.value = '';
        break;
      case 'is':
        if (cell) cell.value = '';
        inInline = !selfClosing;
        break;
      case 'rPh':
        inPhonetic = !selfClosing;
        break;
      case 't':
        if (inInline && !inPhonetic && !selfClosing) capturing = 't';
        text = '';
        break;
      default:
        break;
    }
  };

  /** Text of the cell's value or inline <t> being read, refused past the bound. */
  const capture = (piece: string) => {
    text += piece;
    if (text.length > MAX_MARKUP_BYTES) throw tooLong();
  };

  /**
   * Reads the markup and text of xml from its start, and returns where the
   * markup it ends inside of begins (its length when it ends between them).
   */
  const readXml = (xml: string): number => {
    let at = 0;
    for (;;) {
      const open = xml.indexOf('<', at);
      if (open < 0) {
        if (capturing) capture(xml.slice(at));
        return xml.length;
      }
      if (capturing && open > at) capture(xml.slice(at, open));
      const next = xml.charCodeAt(open + 1);
      // A comment, a CDATA section or a processing instruction: their own ends, and only CDATA says anything.
      if (next === 0x21 || next === 0x3f) {
        const cdata = xml.startsWith('![CDATA[', open + 1);
        const ending = next === 0x3f ? '?>' : cdata ? ']]>' : xml.startsWith('!--', open + 1) ? '-->' : '>';
        const end = xml.indexOf(ending, open + 2);
        if (end < 0) return open;
        if (end - open > MAX_MARKUP_BYTES) throw tooLong();
        if (cdata && capturing) capture(xml.slice(open + 9, end).replace(/&/g, '&amp;'));
        at = end + ending.length;
        continue;
      }
      const close = xml.indexOf('>', open + 1);
      if (close < 0) return open;
      if (close - open > MAX_MARKUP_BYTES) throw tooLong();
      const closing = next === SLASH;
      const nameFrom = closing ? open + 2 : open + 1;
      let nameTo = nameFrom;
      for (let code = xml.charCodeAt(nameTo); code > 32 && code !== SLASH && code !== 0x3e; code = xml.charCodeAt(nameTo)) nameTo += 1;
      tag(xml, nameFrom, nameTo, close, closing, xml.charCodeAt(close - 1) === SLASH);
      at = close + 1;
    }
  };

  // The markup a chunk ended inside of, kept in its pieces until a chunk
  // brings its end, so that each chunk is searched once for that end (from
  // the ending's length less one before it, in case the end is split
  // between them) and the markup joined once, rather than the whole of it
  // copied and searched again with every chunk.
  let pending: string[] = [];
  let pendingLength = 0;
  let pendingEnd: { ending: string; searchFrom: number } | null = null;
  let pendingTail = '';
  const keepPending = (markup: string) => {
    pending.push(markup);
    pendingLength += markup.length;
    if (pendingLength > MAX_MARKUP_BYTES) throw tooLong();
  };

  for await (const chunk of chunks) {
    bytesRead += chunk.length;
    if (bytesRead > maxBytes) throw unzipsPastDeclared();
    const bytes = chunk.toString('latin1');
    if (pendingEnd) {
      const overlap = pendingEnd.ending.length - 1;
      const searched = pendingTail + bytes;
      if (searched.indexOf(pendingEnd.ending) < 0) {
        keepPending(bytes);
        pendingTail = searched.slice(searched.length - overlap);
        continue;
      }
    }
    const xml = pending.length ? pending.join('') + bytes : bytes;
    pending = [];
    pendingLength = 0;
    const stop = readXml(xml);
    if (stop === xml.length) {
      pendingEnd = null;
      continue;
    }
    const markup = xml.slice(stop);
    keepPending(markup);
    pendingEnd = endingOf(markup);
    if (pendingEnd) pendingTail = markup.slice(Math.max(pendingEnd.searchFrom, markup.length - (pendingEnd.ending.length - 1)));
  }
  if (inRows || pendingLength > 0) {
    throw damaged('This .xlsx file is damaged: one of its sheets ends before its rows do, as if it were cut short.');
  }
  return bytesRead;
}
