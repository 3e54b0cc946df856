import type { OutgoingFile, SubjectAccessReport } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { localDate } from '../deps';
import { cell, type ExportTable } from '../exports/table';
import { toXlsxBook } from '../exports/write-xlsx';

/**
 * The answer as an XLSX file through the writer every download uses: a
 * first sheet saying what it is, when and by whom it was put together and
 * what each part holds, then one sheet per part (a part with nothing in it
 * keeps its sheet, so "none held" is said, not left to guess).
 */

type Held = Extract<SubjectAccessReport, { status: 'held' }>;

function aboutSheet(report: Held): ExportTable {
  return {
    title: 'About',
    headers: ['Everything we hold about', report.name],
    rows: [
      [cell.text('Prepared at'), cell.instant(report.preparedAt)],
      [cell.text('Prepared by'), cell.text(report.preparedBy)],
      ...report.notes.map((note) => [cell.text('Note'), cell.text(note)]),
      ...report.parts.map((part) => [cell.text(part.title), cell.text(`${part.about} ${part.rows.length === 0 ? 'None held.' : ''}`.trim())]),
    ],
  };
}

export async function subjectAccessFile(report: SubjectAccessReport, now: Date): Promise<OutgoingFile> {
  if (report.status === 'erased') throw new FieldbookError('NOT_FOUND', `No need to download it: ${report.message.charAt(0).toLowerCase()}${report.message.slice(1)}`);
  const sheets: ExportTable[] = [aboutSheet(report), ...report.parts.map((part) => ({ title: part.title, headers: part.headers, rows: part.rows }))];
  const bytes = await toXlsxBook(sheets);
  const stem = `Everything we hold about ${report.name} ${localDate(now)}`.replace(/[<>:"/\\|?*\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim();
  return { fileName: `${stem.slice(0, 120)}.xlsx`, contentBase64: Buffer.from(bytes).toString('base64') };
}
