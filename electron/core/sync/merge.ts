import type { Database, Statement } from 'better-sqlite3';
import { FieldbookError } from '../../../shared/errors';
import { sharedTableNames, type SharedTableName } from '../../db/schema';
import type { WireChange } from '../../sync/payload';
import { refreshSearchKeysNow, searchKeysFor, type NamedPerson } from '../people/search-keys';
import { ConflictLog, type HistoryEntry } from './conflict-log';

/**
 * Merges changes from other devices into this database, one change at a time
 * inside the caller's transaction.
 *
 * A row's value is a pure function of its change history: for every field,
 * the value from the change with the greatest clock stamp (last writer
 * wins, field by field). Changes are kept by id in the change log, so a
 * change seen twice is ignored and any order of arrival folds to the same
 * row. Append-only facts (sign-ins, evaluation responses) have one change
 * each, so they never conflict. Each value a merge overwrites from another
 * device is recorded in the conflict log for the office to review.
 */

interface Column {
  name: string;
  required: boolean;
  /** The STRICT column type: what kind of JSON value may go in it. */
  type: string;
}


export interface MergeTally {
  applied: number;
  alreadyHad: number;
  conflicts: number;
  /** Sessions whose bookings, group places or capacity changed. */
  touchedSessions: Set<string>;
  /** Changes by table, for the summary. */
  byTable: Map<string, number>;
  /** Rows inserted for the first time, by table. */
  newRows: Map<string, number>;
  maxHlc: string;
}

export function emptyTally(): MergeTally {
  return { applied: 0, alreadyHad: 0, conflicts: 0, touchedSessions: new Set(), byTable: new Map(), newRows: new Map(), maxHlc: '' };
}

const isShared = (table: string): table is SharedTableName => (sharedTableNames as readonly string[]).includes(table);

function sqliteCode(error: unknown): string | null {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : null;
}

export class Merger {
  private readonly columns = new Map<string, Map<string, Column>>();
  /** Prepared inserts and upserts, by mode, table and the fields they set. */
  private readonly statements = new Map<string, Statement>();
  private readonly insertChange: Statement;
  private readonly history: Statement;
  private readonly exists = new Map<string, Statement>();
  private readonly markUnapplied: Statement;
  private readonly clearUnapplied: Statement;
  private readonly conflictLog: ConflictLog;
  private readonly searchKeys: Statement;
  /** Rows with changes but no stored row yet; every other logged row exists, which is what makes the fast path safe. */
  private readonly unapplied: Set<string>;

  constructor(
    private readonly sqlite: Database,
    private readonly newId: () => string,
    private readonly options: { recordConflicts: boolean },
  ) {
    for (const table of sharedTableNames) {
      const info = sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
      this.columns.set(
        table,
        new Map(info.map((c) => [c.name, { name: c.name, type: c.type.toUpperCase(), required: c.notnull === 1 && c.dflt_value === null && c.pk === 0 }])),
      );
      this.exists.set(table, sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck());
    }
    this.insertChange = sqlite.prepare(
      'INSERT OR IGNORE INTO change_log (id, hlc, device_id, table_name, row_id, fields, replaces) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.history = sqlite.prepare('SELECT id, hlc, device_id, fields, replaces FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc, id');
    this.markUnapplied = sqlite.prepare(
      'INSERT INTO unapplied_rows (table_name, row_id, reason) VALUES (?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET reason = excluded.reason',
    );
    this.clearUnapplied = sqlite.prepare('DELETE FROM unapplied_rows WHERE table_name = ? AND row_id = ?');
    this.searchKeys = sqlite.prepare('INSERT OR IGNORE INTO person_search_keys (key, person_id) VALUES (?, ?)');
    this.unapplied = new Set(
      (sqlite.prepare('SELECT table_name, row_id FROM unapplied_rows').raw().all() as [string, string][]).map(([table, row]) => rowKey(table, row)),
    );
    this.conflictLog = new ConflictLog(sqlite, newId);
  }

  /** Records one change and brings its row up to date. Returns false when the change was already here. */
  apply(change: WireChange, tally: MergeTally): boolean {
    const [id, hlc, deviceId, table, rowId, fields, replaces] = change;
    if (!isShared(table)) throw unknownData(`a table called "${table}"`);
    const known = this.columns.get(table)!;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(fields) as Record<string, unknown>;
    } catch {
      throw unknownData('a change that is not readable');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw unknownData('a change that is not readable');
    for (const key in parsed) {
      const column = known.get(key);
      if (key === 'id' || !column) throw unknownData(`a field called "${key}" in ${readable(table)}`);
      if (!fitsColumn(column.type, parsed[key])) throw unknownData(`a value of the wrong kind for "${key}" in ${readable(table)}`);
    }

    if (replaces !== null && !isReplacesMap(replaces)) throw unknownData('a change that is not readable');
    if (this.insertChange.run(id, hlc, deviceId, table, rowId, fields, replaces).changes === 0) {
      tally.alreadyHad += 1;
      return false;
    }
    tally.applied += 1;
    tally.byTable.set(table, (tally.byTable.get(table) ?? 0) + 1);
    if (hlc > tally.maxHlc) tally.maxHlc = hlc;
    if (!this.insertFirst(table, rowId, parsed, tally)) this.materialise(table, rowId, tally);
    return true;
  }

  /**
   * The common case, a row's first change (every fact, every new person):
   * a plain insert, without reading the history. A row that already exists
   * or is waiting for others fails over to the full fold.
   */
  private insertFirst(table: SharedTableName, rowId: string, fields: Record<string, unknown>, tally: MergeTally): boolean {
    if (this.unapplied.has(rowKey(table, rowId))) return false;
    for (const column of this.columns.get(table)!.values()) if (column.required && !(column.name in fields)) return false;
    const names = Object.keys(fields);
    try {
      this.statement(table, names, 'insert').run(rowId, ...names.map((name) => fields[name]));
    } catch (error) {
      if (sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT')) return false;
      throw error;
    }
    this.stored(table, rowId, fields.session_id, true, tally);
    // A new person's keys come straight from the change: nothing to delete, nothing to read back.
    if (table === 'people' && !fields.merged_into) {
      for (const key of searchKeysFor(fields as unknown as NamedPerson)) this.searchKeys.run(key, rowId);
    }
    return true;
  }

  /** Counts a row just stored and notes the session whose places it may change. */
  private stored(table: SharedTableName, rowId: string, sessionIdField: unknown, isNew: boolean, tally: MergeTally): void {
    if (isNew) tally.newRows.set(table, (tally.newRows.get(table) ?? 0) + 1);
    const sessionId = table === 'sessions' ? rowId : table === 'bookings' || table === 'group_bookings' ? sessionIdField : null;
    if (typeof sessionId === 'string') tally.touchedSessions.add(sessionId);
  }

  /** Leaves a row's changes in the log, to be stored once what it needs arrives. */
  private wait(table: SharedTableName, rowId: string, reason: string): false {
    this.markUnapplied.run(table, rowId, reason);
    this.unapplied.add(rowKey(table, rowId));
    return false;
  }

  /** Retries rows that were waiting for another row, until no more can be stored. */
  retryUnapplied(tally: MergeTally): void {
    const waiting = this.sqlite.prepare('SELECT table_name, row_id FROM unapplied_rows ORDER BY table_name, row_id');
    for (;;) {
      const rows = waiting.all() as { table_name: SharedTableName; row_id: string }[];
      let progress = false;
      for (const row of rows) if (this.materialise(row.table_name, row.row_id, tally)) progress = true;
      if (!progress) return;
    }
  }

  /** Folds the row's whole history and writes the result; false when it cannot be stored yet. */
  materialise(table: SharedTableName, rowId: string, tally: MergeTally): boolean {
    const history = this.history.all(table, rowId) as HistoryEntry[];
    const state = new Map<string, unknown>();
    const winners = new Map<string, HistoryEntry>();
    const parsed = history.map((entry) => JSON.parse(entry.fields) as Record<string, unknown>);
    history.forEach((entry, index) => {
      for (const [field, value] of Object.entries(parsed[index]!)) {
        state.set(field, value);
        winners.set(field, entry);
      }
    });
    const columns = this.columns.get(table)!;
    for (const column of columns.values()) {
      if (column.required && !state.has(column.name)) {
        return this.wait(table, rowId, 'An edit arrived before the record it edits.');
      }
    }
    // A row's first change is its insert; only an out-of-order history needs to look.
    const isNew = history.length === 1 || this.exists.get(table)!.get(rowId) === undefined;
    try {
      this.statement(table, [...state.keys()], 'upsert').run(rowId, ...state.values());
    } catch (error) {
      const code = sqliteCode(error);
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        return this.wait(table, rowId, 'It refers to a record that has not arrived yet.');
      }
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
        return this.wait(table, rowId, 'It clashes with another record made elsewhere.');
      }
      if (code?.startsWith('SQLITE_CONSTRAINT')) throw unknownData(`a ${readable(table)} record in a form`);
      throw error;
    }
    if (this.unapplied.delete(rowKey(table, rowId))) this.clearUnapplied.run(table, rowId);
    this.stored(table, rowId, state.get('session_id'), isNew, tally);
    if (table === 'people') refreshSearchKeysNow(this.sqlite, rowId);
    if (this.options.recordConflicts && history.length > 1) tally.conflicts += this.conflictLog.reconcile(table, rowId, history, parsed, winners);
    return true;
  }

  /** The insert (or, for a fold, insert-or-update) of these fields, prepared once per shape. */
  private statement(table: string, fields: string[], mode: 'insert' | 'upsert'): Statement {
    const key = `${mode}:${table}:${fields.join(',')}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const names = fields.map((field) => `"${field}"`);
      const update = names.length > 0 ? `DO UPDATE SET ${names.map((name) => `${name} = excluded.${name}`).join(', ')}` : 'DO NOTHING';
      statement = this.sqlite.prepare(
        `INSERT INTO ${table} (id${names.map((name) => `, ${name}`).join('')}) VALUES (?${', ?'.repeat(names.length)})${mode === 'upsert' ? ` ON CONFLICT (id) ${update}` : ''}`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }

}

function isReplacesMap(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((id) => typeof id === 'string');
  } catch {
    return false;
  }
}

const rowKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;

/** Whether a value from a file may go into a column of this STRICT type (NOT NULL is SQLite's to check). */
function fitsColumn(type: string, value: unknown): boolean {
  if (value === null) return true;
  if (type === 'TEXT') return typeof value === 'string';
  if (type === 'INTEGER') return Number.isSafeInteger(value);
  if (type === 'REAL') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** "sign_ins" → "sign ins": table names as a message can show them. */
const readable = (table: string) => table.replace(/_/g, ' ');

function unknownData(what: string): FieldbookError {
  return new FieldbookError(
    'UNSUPPORTED_VERSION',
    `This file is signed and whole, but it holds ${what}, which this version of Fieldbook does not know. Update Fieldbook, then import it again. Nothing was imported.`,
  );
}
