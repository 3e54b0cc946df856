import type { ExportList } from '../../../shared/contract';
import { localDate, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { contractsTable, organisationsTable, peopleTable, sessionsTable } from './catalogue-tables';
import { membersTable } from './membership-table';
import { conflictsTable, duplicatesTable, importLogTable, requestsTable } from './office-tables';
import { rosterTable, waitlistTable } from './session-tables';
import type { DownloadInput, InputFor, ListSources } from './sources';
import type { ExportTable } from './table';
import { toCsv } from './write-csv';
import { toXlsx } from './write-xlsx';

export type { ListSources } from './sources';

const tables: { [L in ExportList]: (sources: ListSources, input: InputFor<L>) => Promise<ExportTable> } = {
  people: peopleTable,
  organisations: organisationsTable,
  contracts: contractsTable,
  sessions: sessionsTable,
  roster: rosterTable,
  waitlist: waitlistTable,
  requests: requestsTable,
  importLog: importLogTable,
  conflicts: conflictsTable,
  duplicates: duplicatesTable,
  members: membersTable,
};

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const NOT_IN_FILE_NAMES = /[<>:"/\\|?*\u0000-\u001f]+/g;

/** "People 2026-03-12.xlsx": what it is and when it was downloaded, so two downloads do not overwrite each other unseen. */
function fileNameFor(table: ExportTable, format: DownloadInput['format'], now: Date): string {
  const stem = (table.fileStem ?? `${table.title} ${localDate(now)}`).replace(NOT_IN_FILE_NAMES, ' ').replace(/\s+/g, ' ').trim();
  return `${stem.slice(0, 120)}.${format}`;
}

export function exportHandlers(ctx: CoreContext, sources: ListSources): HandlerGroup<'exports'> {
  return {
    async 'exports.download'(input) {
      const build = tables[input.list] as (sources: ListSources, input: DownloadInput) => Promise<ExportTable>;
      const table = await build(sources, input);
      const bytes = input.format === 'xlsx' ? await toXlsx(table) : toCsv(table);
      return { fileName: fileNameFor(table, input.format, ctx.clock()), contentBase64: Buffer.from(bytes).toString('base64') };
    },
  };
}
