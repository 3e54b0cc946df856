import type { ReportResult, TableCell } from '../../../shared/contract';
import { localDate } from '../deps';
import { cell, type Cell, type ExportTable } from '../exports/table';
import { toCsv } from '../exports/write-csv';
import { toXlsxBook } from '../exports/write-xlsx';

/**
 * A report as a file, through the same writers as every list's download:
 * XLSX with a sheet for the figures, one per table (frozen header, numbers
 * as numbers) and a "Definitions" sheet; CSV (UTF-8 with a byte-order mark,
 * formulas neutralised) as one file of the same sections one after another.
 */

const asCell = (value: TableCell): Cell => (typeof value === 'number' ? cell.number(value) : cell.text(value));

function summary(result: ReportResult): ExportTable {
  return {
    title: 'Summary',
    headers: ['Report', result.title],
    rows: [
      [cell.text('Period'), cell.text(result.period.label)],
      [cell.text('From'), cell.day(result.period.from)],
      [cell.text('To'), cell.day(result.period.to)],
      [cell.text('As of'), cell.day(result.period.asOf)],
      [cell.text('Part year'), cell.yesNo(result.period.partYear)],
      ...result.filters.map((filter) => [cell.text(filter.label), cell.text(filter.value)]),
      ...result.notes.map((note) => [cell.text('Note'), cell.text(note)]),
      ...result.figures.map((figure) => [cell.text(figure.label), asCell(figure.value)]),
    ],
  };
}

function sheets(result: ReportResult): ExportTable[] {
  return [
    summary(result),
    ...result.tables.map((table) => ({ title: table.title, headers: table.columns.map((column) => column.label), rows: table.rows.map((row) => row.map(asCell)) })),
    { title: 'Definitions', headers: ['Term', 'Definition'], rows: result.definitions.map((definition) => [cell.text(definition.term), cell.text(definition.text)]) },
  ];
}

/** The sections of the workbook one after another, each under its title, a blank line between. */
function oneSheet(tables: ExportTable[]): ExportTable {
  const [first, ...rest] = tables;
  const rows: Cell[][] = [...first!.rows];
  for (const table of rest) rows.push([], [cell.text(table.title)], table.headers.map((header) => cell.text(header)), ...table.rows);
  return { title: first!.title, headers: first!.headers, rows };
}

export async function reportFile(result: ReportResult, format: 'csv' | 'xlsx', now: Date): Promise<{ fileName: string; contentBase64: string }> {
  const tables = sheets(result);
  const bytes = format === 'xlsx' ? await toXlsxBook(tables) : toCsv(oneSheet(tables));
  const stem = `${result.title} ${result.period.from} to ${result.period.to} (${localDate(now)})`.replace(/[<>:"/\\|?*\u0000-\u001f]+/g, ' ');
  return { fileName: `${stem}.${format}`, contentBase64: Buffer.from(bytes).toString('base64') };
}
