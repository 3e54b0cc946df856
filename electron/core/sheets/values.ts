import { PREFER_NOT_TO_SAY, type Sector } from '../../../shared/contract';
import { sheetHeaderKey } from '../../../shared/contract';

/**
 * A cell's value as the sheet's reader hands it over: text from a CSV, or
 * from an .xlsx a number, a date, a boolean or text (formulas already read as
 * their result). Each reader below turns one cell into what Fieldbook stores,
 * or says in words why it cannot.
 */
export type CellValue = string | number | boolean | Date | null;

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A cell as trimmed text, with inner runs of spaces kept as they are; '' for an empty cell. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDay(value);
  return String(value).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel stores a date as midnight UTC of that day; its calendar day, "2024-05-14". */
function isoDay(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function realDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return isoDay(date);
}

/** Day 1 of Excel's serial dates is 1 January 1900; counting from 30 December 1899 absorbs its 1900 leap-year bug for every later date. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A session's day: an Excel date, an Excel serial number (a date cell whose
 * format was lost), "14/05/2024" (UK order, as typed from paper sheets) or
 * "2024-05-14".
 */
export function readDate(value: CellValue, what = 'date'): Read<string> {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, reason: `the ${what} is not a date` } : { ok: true, value: isoDay(value) };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 2_958_465) return { ok: false, reason: `the ${what} ${value} is not a date` };
    return { ok: true, value: isoDay(new Date(EXCEL_EPOCH_MS + Math.floor(value) * DAY_MS)) };
  }
  const text = cellText(value);
  if (text === '') return { ok: false, reason: `no ${what}` };
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  const day = uk ? realDay(Number(uk[3]), Number(uk[2]), Number(uk[1])) : iso ? realDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : null;
  if (day === null) return { ok: false, reason: `the ${what} "${text}" is not a date written as dd/mm/yyyy or yyyy-mm-dd` };
  return { ok: true, value: day };
}

const yesWords = new Set(['y', 'yes', '1', 'true']);
const noWords = new Set(['n', 'no', '0', 'false']);

/** Attended: Y, Yes, N, No, 1, 0, TRUE, FALSE in any case; an empty cell on a sign-in sheet means they came. */
export function readYesNo(value: CellValue, blank: boolean): Read<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  const text = cellText(value).toLowerCase();
  if (text === '') return { ok: true, value: blank };
  if (yesWords.has(text)) return { ok: true, value: true };
  if (noWords.has(text)) return { ok: true, value: false };
  return { ok: false, reason: `attended "${cellText(value)}" is not yes or no` };
}

/** Sector words as offices write them, matched at the start so "Voluntary and community sector" is VCSE. */
const sectorWords: [string, Sector][] = [
  ['statutory', 'statutory'],
  ['public', 'statutory'],
  ['vcse', 'vcse'],
  ['voluntary', 'vcse'],
  ['charity', 'vcse'],
  ['community', 'vcse'],
  ['private', 'other'],
  ['independent', 'other'],
  ['other', 'other'],
];

/** A sector in words, or null for an empty cell (a new organisation is then "other"). */
export function readSector(value: CellValue): Read<Sector | null> {
  const text = cellText(value).toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { ok: true, value: null };
  const found = sectorWords.find(([word]) => text.startsWith(word));
  if (!found) return { ok: false, reason: `the sector "${cellText(value)}" is not statutory, voluntary and community (VCSE), or other` };
  return { ok: true, value: found[1] };
}

/** How names of organisations, courses, venues and contracts are compared: case and spacing set aside, and accents typed either way alike. */
export function nameKey(text: string): string {
  return sheetHeaderKey(text.normalize('NFC'));
}

/** How emails are compared: case and any spaces set aside. */
export function emailKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

/** The largest fee a term records (£1,000,000), as the membership contract allows. */
const MAX_FEE_PENCE = 100_000_000;

/** A fee paid, as "£25", "25.00", "25" or a number cell, in pence; null for an empty cell. */
export function readFee(value: CellValue): Read<number | null> {
  let pounds: number | null = null;
  if (typeof value === 'number') pounds = value;
  else {
    const text = cellText(value).replace(/^£\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '');
    if (text === '') return { ok: true, value: null };
    if (/^\d+(\.\d{1,2})?$/.test(text)) pounds = Number(text);
  }
  if (pounds === null || !Number.isFinite(pounds) || pounds < 0) {
    return { ok: false, reason: `the fee "${cellText(value)}" is not an amount like £25 or 25.00` };
  }
  const pence = Math.round(pounds * 100);
  if (pence > MAX_FEE_PENCE) return { ok: false, reason: `the fee "${cellText(value)}" is over £1,000,000` };
  return { ok: true, value: pence };
}

export type Rating = number | typeof PREFER_NOT_TO_SAY;

/** A rating from 1 to 5 (or "prefer not to say"), as a number or text; null for an empty cell. */
export function readRating(value: CellValue, what: string): Read<Rating | null> {
  const text = cellText(value);
  if (text === '') return { ok: true, value: null };
  if (text.toLowerCase().replace(/\s+/g, ' ') === 'prefer not to say') return { ok: true, value: PREFER_NOT_TO_SAY };
  const number = typeof value === 'number' ? value : /^\d+(\.0+)?$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(number) && number >= 1 && number <= 5) return { ok: true, value: number };
  return { ok: false, reason: `the rating "${text}" for ${what} is not from 1 to 5` };
}
