import type { SubjectAccessPart } from '../../../shared/contract';
import { conflictStatusLabels } from '../../../shared/labels';
import type { ConflictsTable, SharedTableName, UnappliedRowsTable } from '../../db/schema';
import { fieldInWords, recordInWords } from '../../db/write-policy';
import { decodeHlc } from '../../sync/hlc';
import { cell, type Cell } from '../exports/table';
import { loggedChangesOf } from '../people/logged-changes';
import { codeWords } from '../reports/ethnicity-words';
import { partOf, type AccessContext } from './context';

/**
 * The history of each field of every row about them, from the change log
 * (when, and on which computer: the office or a laptop), the conflicts the
 * merge logged about those rows, and rows still waiting to be stored.
 */

const record = (table: string) => {
  const words = recordInWords[table as SharedTableName] ?? table;
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const field = (name: string) => {
  const words = fieldInWords(name);
  return words.charAt(0).toUpperCase() + words.slice(1);
};
const whenOf = (hlc: string) => new Date(decodeHlc(hlc).wallMs).toISOString();

/** A value as a person reads it: the name a reference points at, words for a code, "Removed" for nothing. */
function valueCell(access: AccessContext, name: string, value: unknown): Cell {
  if (value === null || value === undefined || value === '') return cell.text('Removed');
  if (typeof value === 'string') {
    if (name === 'organisation_id') return access.organisationName(value);
    if (name === 'session_id') return access.sessionName(value);
    if (name === 'person_id' || name === 'merged_into') return cell.text(access.personName(value));
    if (name === 'device_id') return cell.text(access.deviceName(value));
    if (name === 'ethnicity') return cell.text(codeWords[value as keyof typeof codeWords] ?? value);
  }
  return cell.anything(value);
}

export function fieldHistoryPart(access: AccessContext): SubjectAccessPart {
  const lines = loggedChangesOf(access.sqlite, access.rows.pairs).flatMap((change) =>
    Object.entries(JSON.parse(change.fields) as Record<string, unknown>)
      // A row is made with every field; those it was made without are left out rather than listed as removed.
      .filter(([, value]) => change.replaces !== null || (value !== null && value !== ''))
      .map(([name, value]) => ({ change, name, value })),
  );
  return partOf(
    'field-history',
    'History of each field',
    'Every value each field of the rows above was given, oldest first: when, and on which computer (the office or a laptop). A row\'s first entries are the values it was made with (fields left empty are not listed).',
    [
      ['When', (line) => cell.instant(whenOf(line.change.hlc))],
      ['Computer', (line) => cell.text(access.deviceName(line.change.device_id))],
      ['Record', (line) => cell.text(record(line.change.table_name))],
      ['Field', (line) => cell.text(field(line.name))],
      ['Value', (line) => valueCell(access, line.name, line.value)],
      ['Record reference', (line) => cell.text(line.change.row_id)],
    ],
    lines,
  );
}

export function conflictsPart(access: AccessContext): SubjectAccessPart {
  // One pass over the conflict log (it has no index by row), matching every row about them at once.
  const conflicts = access.sqlite
    .prepare(
      `SELECT * FROM conflicts WHERE (table_name, row_id) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?))
       ORDER BY id`,
    )
    .all(JSON.stringify(access.rows.pairs)) as ConflictsTable[];
  const change = access.sqlite.prepare('SELECT device_id, fields FROM change_log WHERE id = ?');
  const side = (changeId: string, name: string) => {
    const found = change.get(changeId) as { device_id: string; fields: string } | undefined;
    return found ? { value: (JSON.parse(found.fields) as Record<string, unknown>)[name], device: access.deviceName(found.device_id) } : null;
  };
  return partOf(
    'conflicts',
    'Conflicts',
    'Values two computers set differently without seeing each other\'s, where the merge kept one: both values, and what the office decided.',
    [
      ['Record', (row) => cell.text(record(row.table_name))],
      ['Field', (row) => cell.text(field(row.field))],
      ['Value kept', (row) => { const won = side(row.won_change_id, row.field); return won ? valueCell(access, row.field, won.value) : cell.empty(); }],
      ['Kept from', (row) => cell.text(side(row.won_change_id, row.field)?.device)],
      ['Value overwritten', (row) => { const lost = side(row.lost_change_id, row.field); return lost ? valueCell(access, row.field, lost.value) : cell.empty(); }],
      ['Overwritten from', (row) => cell.text(side(row.lost_change_id, row.field)?.device)],
      ['Status', (row) => cell.text(conflictStatusLabels[row.status])],
      ['Decided at', (row) => cell.instant(row.resolved_at)],
    ],
    conflicts,
  );
}

export function waitingPart(access: AccessContext): SubjectAccessPart {
  const read = access.sqlite.prepare('SELECT * FROM unapplied_rows WHERE table_name = ? AND row_id = ?');
  const rows = access.rows.pairs.flatMap(([table, rowId]) => read.all(table, rowId) as UnappliedRowsTable[]);
  return partOf(
    'waiting',
    'Records waiting to be stored',
    'Records about them that arrived before something they refer to, kept until it arrives. What they hold is in the history above.',
    [
      ['Record', (row) => cell.text(record(row.table_name))],
      ['Why it waits', (row) => cell.text(row.reason)],
      ['From', (row) => cell.text(row.device_id ? access.deviceName(row.device_id) : null)],
      ['Record reference', (row) => cell.text(row.row_id)],
    ],
    rows,
  );
}
