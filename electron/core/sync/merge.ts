import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { BundleSummary } from '../../../shared/contract';
import { sharedTableNames, type SharedTableName } from '../../db/schema';
import { recordInWords } from '../../db/write-policy';
import { MAX_COUNTER, MAX_DRIFT_MS } from '../../sync/hlc';
import type { WireChange } from '../../sync/payload';
import { insertSortKeyNow, refreshSearchKeysNow, searchKeysFor, type NamedPerson } from '../people/search-keys';
import { Tombstones } from '../erasure/tombstones';
import { ConflictLog, type HistoryEntry } from './conflict-log';
import { refusal, type ChangeChecks } from './merge-checks';
import { readWireChange, type Column } from './wire-change';

/**
 * Merges changes from other devices into this database, one change at a time
 * inside the caller's transaction, after ChangeChecks (merge-checks.ts) has
 * let each one through.
 *
 * A row's value is a pure function of its change history: for every field,
 * the value from the change with the greatest clock stamp (last writer
 * wins, field by field). Changes are kept by id in the change log, so a
 * change seen twice is ignored and any order of arrival folds to the same
 * row. Append-only facts (sign-ins, evaluation responses) have one change
 * each, so they never conflict. Each value a merge overwrites from another
 * device is recorded in the conflict log for the office to review.
 */

interface ForeignKey {
  column: string;
  parent: SharedTableName;
}

/** How many rows one device's changes may leave waiting for records that have not arrived. */
export const MAX_WAITING_PER_DEVICE = 10_000;

/** What the merge did, counted as it went: the import log says this, never what the file says of itself. */
export interface MergeTally {
  applied: number;
  alreadyHad: number;
  conflicts: number;
  /** Sessions whose bookings, group places or capacity changed. */
  touchedSessions: Set<string>;
  /** Sessions any newly received change is about. */
  coveredSessions: Set<string>;
  /** Sign-ins that still stand: one undone in the same file is not counted. */
  signIns: number;
  /** Undos received, so a summary can say "4 sign-ins (1 undone)" instead of counting the undone one. */
  undone: number;
  /** The sign-ins received so far, so an undo among them takes one off the count. */
  signInIds: Set<string>;
  evaluations: number;
  /** Rows inserted for the first time, by table. */
  newRows: Map<string, number>;
  /** The latest stamp received that may move this device's clock (within the drift bound). */
  maxHlc: string;
  /** The latest stamp received at all. */
  latestStamp: string;
  /** Changes dropped because they are about an erased person (erasure always wins). */
  discarded: number;
}

export function emptyTally(): MergeTally {
  return { applied: 0, alreadyHad: 0, conflicts: 0, touchedSessions: new Set(), coveredSessions: new Set(), signIns: 0, undone: 0, signInIds: new Set(), evaluations: 0, newRows: new Map(), maxHlc: '', latestStamp: '', discarded: 0 };
}

/** The import log's words for a merge: counted from what was stored. */
export function summaryOf(tally: MergeTally): BundleSummary {
  return {
    changes: tally.applied,
    sessions: tally.coveredSessions.size,
    signIns: tally.signIns,
    undone: tally.undone,
    evaluations: tally.evaluations,
    newPeople: tally.newRows.get('people') ?? 0,
  };
}

/** A sign-in adds one; an undo of a sign-in in the same file takes it off again, and every undo is counted as undone. */
export function countSignIn(rowId: string, fields: Record<string, unknown>, tally: Pick<MergeTally, 'signIns' | 'undone' | 'signInIds'>): void {
  if (fields.kind === 'sign_in') {
    tally.signIns += 1;
    tally.signInIds.add(rowId);
  } else if (fields.kind === 'undo') {
    tally.undone += 1;
    if (typeof fields.corrects_id === 'string' && tally.signInIds.delete(fields.corrects_id)) tally.signIns -= 1;
  }
}

const isShared = (table: string): table is SharedTableName => (sharedTableNames as readonly string[]).includes(table);

function sqliteCode(error: unknown): string | null {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : null;
}

export interface MergerOptions {
  recordConflicts: boolean;
  checks: ChangeChecks;
  /** This device's wall clock now: stamps later than it plus the drift bound never move the clock. */
  nowMs: number;
}

export class Merger {
  private readonly columns = new Map<SharedTableName, Map<string, Column>>();
  private readonly required = new Map<SharedTableName, string[]>();
  private readonly foreignKeys = new Map<SharedTableName, ForeignKey[]>();
  /** Prepared inserts and upserts, by mode, table and the fields they set. */
  private readonly statements = new Map<string, Statement>();
  private readonly insertChange: Statement;
  private readonly history: Statement;
  private readonly exists = new Map<string, Statement>();
  private readonly markUnapplied: Statement;
  private readonly clearUnapplied: Statement;
  private readonly waitingFor: Statement;
  private readonly waitingByDevice: Statement;
  private readonly conflictLog: ConflictLog;
  private readonly searchKeys: Statement;
  /** Rows with changes but no stored row yet; every other logged row exists, which is what makes the fast path safe. */
  private readonly unapplied: Set<string>;
  /** Rows unblocked by a record stored in this merge, to store once the file is read. */
  private readonly unblocked: { table: SharedTableName; rowId: string }[] = [];
  /** Devices whose changes left rows waiting in this merge. */
  private readonly leftWaiting = new Set<string>();
  private readonly clockLimit: string;
  private readonly tombstones: Tombstones;

  constructor(
    private readonly sqlite: Database,
    private readonly newId: () => string,
    private readonly options: MergerOptions,
  ) {
    for (const table of sharedTableNames) {
      const info = sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
      const columns = new Map(info.map((c) => [c.name, { name: c.name, type: c.type.toUpperCase(), required: c.notnull === 1 && c.dflt_value === null && c.pk === 0 }]));
      this.columns.set(table, columns);
      this.required.set(table, [...columns.values()].filter((column) => column.required).map((column) => column.name));
      const keys = sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as { from: string; table: string }[];
      this.foreignKeys.set(table, keys.filter((key) => isShared(key.table)).map((key) => ({ column: key.from, parent: key.table as SharedTableName })));
      this.exists.set(table, sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck());
    }
    this.insertChange = sqlite.prepare(
      'INSERT OR IGNORE INTO change_log (id, hlc, device_id, table_name, row_id, fields, replaces) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.history = sqlite.prepare('SELECT id, hlc, device_id, fields, replaces FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc, id');
    this.markUnapplied = sqlite.prepare(
      `INSERT INTO unapplied_rows (table_name, row_id, reason, device_id, waits_for) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (table_name, row_id) DO UPDATE SET reason = excluded.reason, waits_for = excluded.waits_for, device_id = coalesce(unapplied_rows.device_id, excluded.device_id)`,
    );
    this.clearUnapplied = sqlite.prepare('DELETE FROM unapplied_rows WHERE table_name = ? AND row_id = ?');
    this.waitingFor = sqlite.prepare('SELECT table_name, row_id FROM unapplied_rows WHERE waits_for = ?');
    this.waitingByDevice = sqlite.prepare('SELECT count(*) FROM unapplied_rows WHERE device_id = ?').pluck();
    this.searchKeys = sqlite.prepare('INSERT OR IGNORE INTO person_search_keys (key, person_id) VALUES (?, ?)');
    this.unapplied = new Set(
      (sqlite.prepare('SELECT table_name, row_id FROM unapplied_rows').raw().all() as [string, string][]).map(([table, row]) => rowKey(table, row)),
    );
    this.conflictLog = new ConflictLog(sqlite, newId);
    this.tombstones = new Tombstones(sqlite);
    this.clockLimit = String(options.nowMs + MAX_DRIFT_MS).padStart(15, '0');
  }

  /** Checks, records one change and brings its row up to date. Returns false when the change was already here. */
  apply(change: WireChange, tally: MergeTally): boolean {
    const [id, hlc, deviceId, , rowId, fields, replacesText] = change;
    const { table, parsed, replaces } = readWireChange(change, this.columns, this.options.checks.senderName);
    if (!this.tombstones.none && this.aboutErased(table, rowId, parsed)) {
      tally.discarded += 1;
      return false;
    }
    // A change this device already holds was accepted when it first came: it is not judged again.
    if (this.insertChange.run(id, hlc, deviceId, table, rowId, fields, replacesText).changes === 0) {
      tally.alreadyHad += 1;
      return false;
    }
    const isCreation = this.options.checks.check(change, table, parsed, replaces, this.required.get(table)!);
    tally.applied += 1;
    this.count(table, rowId, parsed, tally);
    if (hlc > tally.latestStamp) tally.latestStamp = hlc;
    if (hlc.slice(0, 15) <= this.clockLimit && Number(hlc.slice(16, 22)) < MAX_COUNTER && hlc > tally.maxHlc) tally.maxHlc = hlc;
    if (!this.insertFirst(table, rowId, parsed, tally)) {
      if (isCreation) this.options.checks.checkSecondCreation(change, table, parsed, this.required.get(table)!);
      this.materialise(table, rowId, tally, deviceId);
    }
    return true;
  }

  /**
   * Whether a change is about an erased row or points at one; it is then
   * dropped, before the change log. A row not stored here that points at an
   * erased one is erased with what of it waits (a stored row that an edit
   * points at an erased one only loses the edit).
   */
  private aboutErased(table: SharedTableName, rowId: string, fields: Record<string, unknown>): boolean {
    if (this.tombstones.isErased(table, rowId)) return true;
    const parent = this.tombstones.erasedParent(table, fields);
    if (!parent) return false;
    if (this.exists.get(table)!.get(rowId) === undefined) {
      for (const row of this.tombstones.bury(table, rowId, parent)) this.unapplied.delete(rowKey(row.table, row.rowId));
    }
    return true;
  }

  /** After the whole file: stores rows it unblocked, then checks what only the whole file can tell. */
  finish(tally: MergeTally): void {
    for (let next = this.unblocked.shift(); next; next = this.unblocked.shift()) {
      if (this.unapplied.has(rowKey(next.table, next.rowId))) this.materialise(next.table, next.rowId, tally, null);
    }
    this.options.checks.finish();
    for (const device of this.leftWaiting) {
      const waiting = Number(this.waitingByDevice.get(device));
      if (waiting > MAX_WAITING_PER_DEVICE) {
        throw refusal(
          'NOT_ALLOWED',
          `${this.options.checks.senderName} sent changes that leave ${waiting.toLocaleString('en-GB')} records waiting for others this computer does not have; at most ${MAX_WAITING_PER_DEVICE.toLocaleString('en-GB')} may wait.`,
        );
      }
    }
  }

  private count(table: SharedTableName, rowId: string, fields: Record<string, unknown>, tally: MergeTally): void {
    if (table === 'sign_ins') countSignIn(rowId, fields, tally);
    if (table === 'evaluation_responses') tally.evaluations += 1;
    if (table === 'sessions') return;
    if (typeof fields.session_id === 'string') tally.coveredSessions.add(fields.session_id);
  }

  /**
   * The common case, a row's first change (every fact, every new person):
   * a plain insert, without reading the history. A row that already exists
   * or is waiting for others fails over to the full fold.
   */
  private insertFirst(table: SharedTableName, rowId: string, fields: Record<string, unknown>, tally: MergeTally): boolean {
    if (this.unapplied.has(rowKey(table, rowId))) return false;
    for (const column of this.required.get(table)!) if (!(column in fields)) return false;
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
      insertSortKeyNow(this.sqlite, rowId, fields as unknown as NamedPerson);
    }
    return true;
  }

  /** Counts a row just stored, notes the session whose places it may change, and finds rows that waited for it. */
  private stored(table: SharedTableName, rowId: string, sessionIdField: unknown, isNew: boolean, tally: MergeTally): void {
    if (isNew) {
      tally.newRows.set(table, (tally.newRows.get(table) ?? 0) + 1);
      if (this.unapplied.size > 0) {
        for (const row of this.waitingFor.all(`${table}:${rowId}`) as { table_name: SharedTableName; row_id: string }[]) {
          this.unblocked.push({ table: row.table_name, rowId: row.row_id });
        }
      }
    }
    if (table === 'sessions') tally.coveredSessions.add(rowId);
    const sessionId = table === 'sessions' ? rowId : table === 'bookings' || table === 'group_bookings' ? sessionIdField : null;
    if (typeof sessionId === 'string') tally.touchedSessions.add(sessionId);
  }

  /** Leaves a row's changes in the log, to be stored once what it needs arrives. */
  private wait(table: SharedTableName, rowId: string, reason: string, deviceId: string | null, waitsFor: string | null): false {
    this.markUnapplied.run(table, rowId, reason, deviceId, waitsFor);
    this.unapplied.add(rowKey(table, rowId));
    if (deviceId) this.leftWaiting.add(deviceId);
    return false;
  }

  /** The first record a row refers to that is not here, as "table:id". */
  private missingParent(table: SharedTableName, state: Map<string, unknown>): string | null {
    for (const key of this.foreignKeys.get(table)!) {
      const value = state.get(key.column);
      if (typeof value === 'string' && this.exists.get(key.parent)!.get(value) === undefined) return `${key.parent}:${value}`;
    }
    return null;
  }

  /** Folds the row's whole history and writes the result; false when it cannot be stored yet. */
  materialise(table: SharedTableName, rowId: string, tally: MergeTally, deviceId: string | null): boolean {
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
    for (const column of this.required.get(table)!) {
      if (!state.has(column)) return this.wait(table, rowId, 'An edit arrived before the record it edits.', deviceId, null);
    }
    // A row's first change is its insert; only an out-of-order history needs to look.
    const isNew = history.length === 1 || this.exists.get(table)!.get(rowId) === undefined;
    try {
      this.statement(table, [...state.keys()], 'upsert').run(rowId, ...state.values());
    } catch (error) {
      const code = sqliteCode(error);
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        return this.wait(table, rowId, 'It refers to a record that has not arrived yet.', deviceId, this.missingParent(table, state));
      }
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') {
        return this.wait(table, rowId, 'It clashes with another record made elsewhere.', deviceId, null);
      }
      if (code?.startsWith('SQLITE_CONSTRAINT')) throw refusal('INVALID_RECORD', `${this.options.checks.senderName} sent ${recordInWords[table]} that does not fit together.`);
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

const rowKey = (table: string, rowId: string) => `${table}\u0000${rowId}`;
