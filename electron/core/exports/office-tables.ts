import type { Conflict, DuplicateCandidate } from '../../../shared/contract';
import { conflictStatusLabels, fieldInWords, importLogLabels, requestStatusLabels } from '../../../shared/labels';
import type { ListSources } from './sources';
import { cell, tableOf, type Cell, type Column, type ExportTable } from './table';

/** The request queue (a laptop takes requests too), and the office's lists from importing laptops' files. */

export async function requestsTable(sources: ListSources): Promise<ExportTable> {
  const requests = await sources['requests.list']({});
  return tableOf(
    'Requests',
    [
      { header: 'Number in queue', cell: (request) => cell.number(request.queuePosition) },
      { header: 'Organisation', cell: (request) => cell.text(request.organisationName) },
      { header: 'Course', cell: (request) => cell.text(request.courseTitle) },
      { header: 'Staff', cell: (request) => cell.number(request.staffCount) },
      { header: 'Preferred dates', cell: (request) => cell.text(request.preferredDates) },
      { header: 'Contact name', cell: (request) => cell.text(request.contactName) },
      { header: 'Contact email', cell: (request) => cell.text(request.contactEmail) },
      { header: 'Contact phone', cell: (request) => cell.text(request.contactPhone) },
      { header: 'Notes', cell: (request) => cell.text(request.notes) },
      { header: 'Asked at', cell: (request) => cell.instant(request.requestedAt) },
      { header: 'Status', cell: (request) => cell.text(requestStatusLabels[request.status]) },
      { header: 'Why declined', cell: (request) => cell.text(request.declineReason) },
    ],
    requests,
  );
}

export async function importLogTable(sources: ListSources): Promise<ExportTable> {
  const entries = await sources['sync.importLog']({});
  return tableOf(
    'Import log',
    [
      { header: 'When', cell: (entry) => cell.instant(entry.at) },
      { header: 'File', cell: (entry) => cell.text(entry.fileName) },
      { header: 'From', cell: (entry) => cell.text(entry.senderName) },
      { header: 'Bundle', cell: (entry) => cell.number(entry.sequence) },
      { header: 'Outcome', cell: (entry) => cell.text(importLogLabels[entry.status]) },
      { header: 'Message', cell: (entry) => cell.text(entry.message) },
      // As the screen says "Imported by Priya Shah": on the office server only; the desktop app, the inbox and laptops' uploads name no one.
      { header: 'Imported by', cell: (entry) => cell.text(entry.staffName) },
    ],
    entries,
  );
}

/**
 * Equality answers are special-category data, reported only in aggregate: the
 * core never hands out their values, and the download does not name whose
 * answer it was either, as the review screen does not.
 */
const WITHHELD: Cell = { kind: 'text', value: 'Not shown: equality answers are only reported in aggregate' };
const withheldOr = (conflict: Conflict, shown: () => Cell): Cell => (conflict.valuesWithheld ? WITHHELD : shown());

export async function conflictsTable(sources: ListSources): Promise<ExportTable> {
  const conflicts = await sources['sync.conflicts']({});
  const columns: Column<Conflict>[] = [
    { header: 'Record', cell: (conflict) => cell.text(conflict.valuesWithheld ? 'An equality answer' : conflict.record) },
    { header: 'Field', cell: (conflict) => cell.text(fieldInWords(conflict.field)) },
    { header: 'Value kept', cell: (conflict) => withheldOr(conflict, () => cell.anything(conflict.keptValue)) },
    { header: 'Kept from', cell: (conflict) => cell.text(conflict.keptBy) },
    { header: 'Kept value written at', cell: (conflict) => cell.instant(conflict.keptAt) },
    { header: 'Value overwritten', cell: (conflict) => withheldOr(conflict, () => cell.anything(conflict.overwrittenValue)) },
    { header: 'Overwritten from', cell: (conflict) => cell.text(conflict.overwrittenBy) },
    { header: 'Overwritten value written at', cell: (conflict) => cell.instant(conflict.overwrittenAt) },
    {
      header: 'Status',
      // A withheld change can only be marked reviewed, never restored.
      cell: (conflict) => cell.text(conflict.valuesWithheld && conflict.status !== 'open' ? 'Reviewed' : conflictStatusLabels[conflict.status]),
    },
    // As the screen says "Resolved by Priya Shah, …": on the office server only, once kept or restored.
    { header: 'Resolved by', cell: (conflict) => cell.text(conflict.resolvedBy) },
    { header: 'Resolved at', cell: (conflict) => cell.instant(conflict.resolvedAt) },
  ];
  return tableOf('Conflicts', columns, conflicts);
}

type DuplicatePerson = DuplicateCandidate['first'];

/** The same columns for each of the two people: "First person", "First person's email", … */
function personColumns(which: 'First' | 'Second', pick: (candidate: DuplicateCandidate) => DuplicatePerson): Column<DuplicateCandidate>[] {
  return [
    { header: `${which} person`, cell: (candidate) => cell.text(pick(candidate).name) },
    { header: `${which} person's email`, cell: (candidate) => cell.text(pick(candidate).email) },
    { header: `${which} person's organisation`, cell: (candidate) => cell.text(pick(candidate).organisationName) },
    { header: `${which} person added on`, cell: (candidate) => cell.text(pick(candidate).addedBy) },
    { header: `${which} person's sessions`, cell: (candidate) => cell.number(pick(candidate).sessions) },
  ];
}

export async function duplicatesTable(sources: ListSources): Promise<ExportTable> {
  const candidates = await sources['sync.duplicates']({});
  return tableOf(
    'Duplicates',
    [
      ...personColumns('First', (candidate) => candidate.first),
      ...personColumns('Second', (candidate) => candidate.second),
      { header: 'Why they may be the same', cell: (candidate) => cell.text(candidate.reason) },
    ],
    candidates,
  );
}
