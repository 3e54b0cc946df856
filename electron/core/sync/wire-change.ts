import { FieldbookError } from '../../../shared/errors';
import { sharedTableNames, type SharedTableName } from '../../db/schema';
import { recordInWords } from '../../db/write-policy';
import type { WireChange } from '../../sync/payload';
import { refusal } from './merge-checks';

/**
 * Reading one change from a file: its table is a shared one, its fields are
 * columns of that table holding values of the column's kind, and what it
 * replaced is a map of field to change id. What it may change is
 * merge-checks.ts's to say; this only reads.
 */

export interface Column {
  name: string;
  required: boolean;
  /** The STRICT column type: what kind of JSON value may go in it. */
  type: string;
}

export interface ReadChange {
  table: SharedTableName;
  parsed: Record<string, unknown>;
  replaces: Record<string, string> | null;
}

const isShared = (table: string): table is SharedTableName => (sharedTableNames as readonly string[]).includes(table);

export function readWireChange(change: WireChange, columns: Map<SharedTableName, Map<string, Column>>, senderName: string): ReadChange {
  const [, , , table, , fields, replacesText] = change;
  if (!isShared(table)) {
    throw (LOCAL_TABLES as readonly string[]).includes(table)
      ? refusal('NOT_ALLOWED', `${senderName} tried to change this computer's own records (${readable(table)}), which never travel.`)
      : unknownData(`a table called "${table.slice(0, 60)}"`);
  }
  const known = columns.get(table)!;
  const parsed = readObject(fields);
  if (!parsed) throw unknownData('a change that is not readable');
  for (const key in parsed) {
    const column = known.get(key);
    if (key === 'id' || !column) throw unknownData(`a field called "${key.slice(0, 60)}" in ${readable(table)}`);
    if (!fitsColumn(column.type, parsed[key])) {
      throw refusal('INVALID_RECORD', `${senderName} sent ${recordInWords[table]} with a value of the wrong kind for its ${readable(key)}.`);
    }
  }
  const replaces = replacesText === null ? null : readReplaces(replacesText);
  if (replaces === undefined) throw unknownData('a change that is not readable');
  return { table, parsed, replaces };
}

/** Tables that exist on every device but never travel: a file naming one is trying to write this computer's own bookkeeping. */
const LOCAL_TABLES = [
  'device', 'change_log', 'kiosk', 'person_search_keys', 'local_settings', 'pending_anonymous_responses', 'paired_office', 'enrolled_devices',
  'outgoing_bundles', 'received_bundles', 'import_log', 'held_bundles', 'conflicts', 'unapplied_rows', 'capacity_flags', 'duplicate_decisions',
  'erasures', 'erased_rows', 'erasure_confirmations', 'refused_imports',
] as const;

function readObject(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** An edit's map of field to replaced change id; undefined when it is not one. */
function readReplaces(text: string): Record<string, string> | undefined {
  const value = readObject(text);
  if (!value || !Object.values(value).every((id) => typeof id === 'string')) return undefined;
  return value as Record<string, string>;
}

/** Whether a value from a file may go into a column of this STRICT type (NOT NULL is SQLite's to check). */
function fitsColumn(type: string, value: unknown): boolean {
  if (value === null) return true;
  if (type === 'TEXT') return typeof value === 'string';
  if (type === 'INTEGER') return Number.isSafeInteger(value);
  if (type === 'REAL') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** "sign_ins" → "sign ins": table names as a message can show them. */
export const readable = (table: string) => table.replace(/_/g, ' ');

function unknownData(what: string): FieldbookError {
  return new FieldbookError(
    'UNSUPPORTED_VERSION',
    `This file is signed and whole, but it holds ${what}, which this version of Fieldbook does not know. It may come from a newer version of Fieldbook. Nothing was imported.`,
  );
}
