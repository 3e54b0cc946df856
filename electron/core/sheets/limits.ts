import { inflateRawSync } from 'node:zlib';
import { FieldbookError } from '../../../shared/errors';
import { MAX_SHEET_FILE_BYTES } from '../../../shared/contract';

/**
 * What Fieldbook reads in one go, checked before a file is parsed: a sheet
 * reader holds the whole file in memory, so a file past these would slow the
 * office's computer to a halt, or, for a zip bomb, exhaust its memory.
 */
export const sheetLimits = {
  fileBytes: MAX_SHEET_FILE_BYTES,
  rows: 1_000_000,
  /** What every part of an .xlsx may add up to once unzipped. */
  unzippedBytes: 500 * 1024 * 1024,
};

const NOTHING = 'Nothing was imported.';

export function tooLarge(message: string): FieldbookError {
  return new FieldbookError('FILE_TOO_LARGE', `${message} Nothing was imported.`);
}

export function damaged(message: string): FieldbookError {
  return new FieldbookError('FILE_DAMAGED', `${message} Nothing was imported.`);
}

export function unreadableXlsx(): FieldbookError {
  return damaged('This file is not a readable .xlsx spreadsheet: it may be damaged, cut short, or another kind of file renamed.');
}

export function checkFileSize(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new FieldbookError('INVALID_INPUT', 'Choose a file with rows in it: the file is empty. Nothing was imported.');
  if (bytes.length > sheetLimits.fileBytes) throw tooLarge('The file is over 50 MB, so it was not read. Split it into smaller files.');
}

export function checkRowCount(rows: number, where: string): void {
  if (rows > sheetLimits.rows) {
    throw tooLarge(`${where} has more than ${sheetLimits.rows.toLocaleString('en-GB')} rows, so it was not read. Split it into smaller files.`);
  }
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** A part of a zip, by its name and where its local header starts, with what the central directory says of it. */
export interface ZipPart {
  name: string;
  offset: number;
  /** 8 for deflated, 0 for stored. */
  method: number;
  zippedBytes: number;
  /** What it declares it unzips to. */
  unzippedBytes: number;
}

/**
 * Adds up the unzipped sizes an .xlsx declares in its zip's central
 * directory, without unzipping anything: past the limit it is refused.
 * It trusts the declared sizes; a zip crafted to declare less than it holds
 * is caught while it unzips (checkPartUnzips, and the sheet's reader for
 * worksheets). Returns the parts the directory lists, and where the
 * directory starts (where the last part ends).
 */
export function checkZip(bytes: Uint8Array): { parts: ZipPart[]; directoryAt: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw unreadableXlsx();
  const entries = view.getUint16(end + 10, true);
  const directoryAt = view.getUint32(end + 16, true);
  const parts: ZipPart[] = [];
  let at = directoryAt;
  let total = 0;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) {
      throw damaged('This .xlsx file is damaged: its list of contents cannot be read.');
    }
    const unzipped = view.getUint32(at + 24, true);
    // 0xFFFFFFFF means the real size is in a zip64 record: more than 4 GB, far past the limit anyway.
    total += unzipped === 0xffffffff ? Number.POSITIVE_INFINITY : unzipped;
    if (total > sheetLimits.unzippedBytes) {
      throw tooLarge('This .xlsx file would unpack to more than 500 MB, so it was not read. Save it again from Excel, or split it into smaller files.');
    }
    const nameLength = view.getUint16(at + 28, true);
    parts.push({
      name: Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString('utf8'),
      offset: view.getUint32(at + 42, true),
      method: view.getUint16(at + 10, true),
      zippedBytes: view.getUint32(at + 20, true),
      unzippedBytes: unzipped,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { parts, directoryAt };
}

const DATA_DESCRIPTOR_FLAG = 0x08;
/** What may follow a part's data: nothing, or its data descriptor (with or without its signature, with 4- or 8-byte sizes). */
const DESCRIPTOR_LENGTHS = [12, 16, 20, 24];

export function contentsMismatch(): FieldbookError {
  return damaged('This .xlsx file is damaged: its list of contents does not match the parts it holds.');
}

export function unzipsPastDeclared(): FieldbookError {
  return damaged('This .xlsx file is damaged: one of its parts unpacks to more than its list of contents says.');
}

/**
 * Checks one part of the zip, given as its bytes from its local header to
 * where the next part starts, as the streaming unzipper will read it: its
 * local header names it and sizes it as the central directory does, nothing
 * is hidden after its data, and, unless it is a worksheet (whose reader
 * counts what it unzips), it unzips to no more than it declares. Without
 * this a zip declaring a few bytes for a part that unzips to gigabytes
 * would pass checkZip and keep the office's server unzipping for minutes.
 */
export function checkPartUnzips(piece: Uint8Array, part: ZipPart, isWorksheet: boolean): void {
  const view = new DataView(piece.buffer, piece.byteOffset, piece.byteLength);
  const flags = view.getUint16(6, true);
  const nameLength = view.getUint16(26, true);
  const dataAt = 30 + nameLength + view.getUint16(28, true);
  const localZipped = view.getUint32(18, true);
  const localName = Buffer.from(piece.buffer, piece.byteOffset + 30, Math.min(nameLength, Math.max(0, piece.length - 30))).toString('utf8');
  const after = piece.length - dataAt - part.zippedBytes;
  const sized = flags & DATA_DESCRIPTOR_FLAG ? (localZipped === 0 || localZipped === part.zippedBytes) && DESCRIPTOR_LENGTHS.includes(after) : localZipped === part.zippedBytes && after === 0;
  if (localName !== part.name || !sized || view.getUint16(8, true) !== part.method) throw contentsMismatch();
  if (isWorksheet || part.method !== 8) return;
  try {
    inflateRawSync(piece.subarray(dataAt, dataAt + part.zippedBytes), { maxOutputLength: Math.max(1, part.unzippedBytes) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw unzipsPastDeclared();
    throw unreadableXlsx();
  }
}
