import { describe, expect, it } from 'vitest';
import { neutralised, toCsv } from '../../electron/core/exports/write-csv';
import { toXlsx } from '../../electron/core/exports/write-xlsx';
import { cell, type ExportTable } from '../../electron/core/exports/table';
import { csvRows, startsWithBom, xlsxRows } from '../support/spreadsheets';

const table: ExportTable = {
  title: 'People',
  headers: ['Name', 'Notes', 'Places', 'Member since', 'Starts'],
  rows: [
    [cell.text('Siobhán O\'Brien'), cell.text('Said "hello",\nthen left'), cell.number(-3), cell.day('2025-09-01'), cell.wallClock('2026-03-12T09:30')],
    [cell.text('@SUM(A1:A9)'), cell.empty(), cell.empty(), cell.empty(), cell.empty()],
  ],
};

describe('formula characters in a CSV', () => {
  it.each(['=1+1', '+44 7700 900123', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('%j gets a leading apostrophe', (text) => {
    expect(neutralised(text)).toBe(`'${text}`);
  });

  it('leaves other text as it is', () => {
    expect(neutralised("Siobhán O'Brien")).toBe("Siobhán O'Brien");
    expect(neutralised('a=b')).toBe('a=b');
  });
});

describe('a CSV file', () => {
  it('starts with a byte-order mark, quotes what needs quoting, and spells dates the same way', () => {
    const bytes = toCsv(table);
    expect(startsWithBom(bytes)).toBe(true);
    expect(csvRows(bytes)).toEqual([
      table.headers,
      ["Siobhán O'Brien", 'Said "hello",\nthen left', '-3', '2025-09-01', '2026-03-12 09:30'],
      ["'@SUM(A1:A9)", '', '', '', ''],
    ]);
  });
});

describe('a spreadsheet', () => {
  it('has numbers as numbers, days and times as real dates, and text that is never a formula', async () => {
    const rows = await xlsxRows(await toXlsx(table));
    expect(rows).toEqual([
      table.headers,
      ["Siobhán O'Brien", 'Said "hello",\nthen left', -3, new Date('2025-09-01T00:00:00Z'), new Date('2026-03-12T09:30:00Z')],
      ['@SUM(A1:A9)', null, null, null, null],
    ]);
  });
});
