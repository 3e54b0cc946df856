import type { Insertable, Transaction, Updateable } from 'kysely';
import { currentStaff } from './staff/caller';
import { recordChangeBy } from './staff/change-staff';
import { FieldbookError } from '../../shared/errors';
import type { Schema, SharedTableName, SharedTables } from '../db/schema';
import { fieldInWords, fieldNotEditable, mayCreate, recordInWords, type DeviceRole } from '../db/write-policy';
import { decodeHlc, HybridLogicalClock } from '../sync/hlc';
import type { CoreContext } from './deps';
import { rowStatements } from '../db/row-statements';
import { refreshSearchKeysNow } from './people/search-keys';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { longDate } from '../../shared/words-for-days';

/**
 * Local indexes derived from shared rows, kept in step in the same
 * transaction whichever path wrote the row (a form, demo data, a merge).
 */
const derivedIndexes: Partial<Record<SharedTableName, (sqlite: Database, rowId: string) => void>> = {
  people: refreshSearchKeysNow,
};

export interface WriteScope {
  trx: Transaction<Schema>;
  deviceId: string;
  /** The device's name, for history that says who made a change. */
  deviceName: string;
  newId(): string;
  /** A fresh clock stamp, for facts that are ordered by when they happened. */
  stamp(): string;
  /** Inserts a row and logs every field of it. */
  insert<T extends SharedTableName>(table: T, row: Insertable<SharedTables[T]> & { id: string }): Promise<void>;
  /**
   * Inserts many rows of one table as `insert` would, each logged the same
   * way: every row is checked against the write policy first (so a refused
   * one writes nothing), then the rows go in together, then their change-log
   * rows. For bulk work (an imported sheet's sign-ins): SQLite fills a
   * table's pages one after another instead of hopping between tables.
   */
  insertMany<T extends SharedTableName>(table: T, rows: readonly (Insertable<SharedTables[T]> & { id: string })[]): Promise<void>;
  /** Updates the fields that differ and logs only those; returns whether anything changed. */
  update<T extends SharedTableName>(table: T, id: string, changes: Updateable<SharedTables[T]>): Promise<boolean>;
}

/**
 * For each field, the change that set the value this device holds now: what
 * an edit replaces. The office uses it to tell an ordinary edit of a value
 * the device had received from a conflict between two devices. Also the
 * latest of their stamps, which the edit must sort after to win.
 */
async function currentChanges(
  trx: Transaction<Schema>,
  table: string,
  rowId: string,
  fields: string[],
): Promise<{ replaces: Record<string, string> | null; latest: string }> {
  const history = await trx
    .selectFrom('change_log')
    .select(['id', 'hlc', 'fields'])
    .where('table_name', '=', table)
    .where('row_id', '=', rowId)
    .orderBy('hlc', 'desc')
    .execute();
  const replaces: Record<string, string> = {};
  let latest = '';
  let missing = fields.length;
  for (const change of history) {
    const set = JSON.parse(change.fields) as Record<string, unknown>;
    for (const field of fields) {
      if (replaces[field] === undefined && field in set) {
        replaces[field] = change.id;
        if (change.hlc > latest) latest = change.hlc;
        missing -= 1;
      }
    }
    if (missing === 0) break;
  }
  return { replaces: Object.keys(replaces).length ? replaces : null, latest };
}

/**
 * Runs one change to shared data as a single transaction: the rows and their
 * change-log entries commit together or not at all, so a failed procedure
 * writes nothing and every landed change is ready to travel in a bundle.
 * Inside `work`, read through `scope.trx` only: the database has one
 * connection, so a query on the outer handle would wait for this
 * transaction to end, forever.
 */
export async function write<T>(ctx: CoreContext, work: (scope: WriteScope) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const device = await trx.selectFrom('device').select(['id', 'name', 'clock', 'role']).executeTakeFirst();
    if (!device) {
      throw new FieldbookError('DEVICE_NOT_SET_UP', 'Finish setting up this device before adding or changing records.');
    }
    const clock = new HybridLogicalClock(device.id, () => ctx.clock().getTime(), device.clock);

    const rows = rowStatements(ctx.sqlite);
    // On the office server, the staff member whose call this is (none in the desktop app): kept beside each change.
    const staff = currentStaff();
    const log = (table: SharedTableName, rowId: string, fields: Record<string, unknown>, replaces: Record<string, string> | null = null, hlc = clock.tick()) => {
      const changeId = ctx.newId();
      rows.insert('change_log', {
        id: changeId,
        hlc,
        device_id: device.id,
        table_name: table,
        row_id: rowId,
        fields: JSON.stringify(fields),
        replaces: replaces && JSON.stringify(replaces),
      });
      if (staff) recordChangeBy(ctx.sqlite, changeId, staff);
    };

    // Kysely cannot narrow a generic table name, so the generic insert and
    // update go through an untyped handle; WriteScope's signatures keep callers typed.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const anyTable = trx as unknown as Transaction<any>;

    const scope: WriteScope = {
      trx,
      deviceId: device.id,
      deviceName: device.name,
      newId: ctx.newId,
      stamp: () => clock.tick(),
      async insert(table, row) {
        if (!mayCreate(device.role, table, row as Record<string, unknown>, String(row.id))) throw notAllowed(device.role, 'add', table);
        rows.insert(table, row as Record<string, unknown>);
        const { id, ...fields } = row as Record<string, unknown>;
        log(table, String(id), fields);
        derivedIndexes[table]?.(ctx.sqlite, String(id));
      },
      async insertMany(table, many) {
        const all = many as readonly Record<string, unknown>[];
        for (const row of all) if (!mayCreate(device.role, table, row, String(row.id))) throw notAllowed(device.role, 'add', table);
        for (const row of all) rows.insert(table, row);
        for (const { id, ...fields } of all) log(table, String(id), fields);
        const derived = derivedIndexes[table];
        if (derived) for (const row of all) derived(ctx.sqlite, String(row.id));
      },
      async update(table, id, changes) {
        const current = (await anyTable.selectFrom(table as string).selectAll().where('id', '=', id).executeTakeFirst()) as
          | Record<string, unknown>
          | undefined;
        if (!current) throw new FieldbookError('NOT_FOUND', 'Open the list again: that record no longer exists.');
        const changed = Object.fromEntries(
          Object.entries(changes as Record<string, unknown>).filter(([key, value]) => current[key] !== value),
        );
        if (Object.keys(changed).length === 0) return false;
        const field = fieldNotEditable(device.role, table, Object.keys(changed));
        if (field !== null) throw notAllowed(device.role, `change the ${fieldInWords(field)} of`, table);
        const { replaces, latest } = await currentChanges(trx, table, id, Object.keys(changed));
        const hlc = clock.tick();
        // An edit stamped before the value it replaces would lose to it at the next merge, here and everywhere.
        if (hlc < latest) throw stampedAhead(table, latest);
        await anyTable.updateTable(table as string).set(changed).where('id', '=', id).execute();
        log(table, id, changed, replaces, hlc);
        derivedIndexes[table]?.(ctx.sqlite, id);
        return true;
      },
    };

    const result = await work(scope);
    await trx.updateTable('device').set({ clock: clock.current() }).where('id', '=', device.id).execute();
    return result;
  });
}

/** A procedure asked this device for a write the write policy keeps for the other role. */
function notAllowed(role: DeviceRole, verb: string, table: SharedTableName): FieldbookError {
  const what = recordInWords[table];
  return new FieldbookError(
    'NOT_ALLOWED',
    role === 'laptop'
      ? `Ask the central office to ${verb} ${what}: only it can, and its changes reach this laptop in its next package.`
      : `Use a facilitator's laptop to ${verb} ${what}: only a laptop can.`,
  );
}

/**
 * The value was written with a clock stamp far ahead of this device's (a
 * bundle from a laptop whose date was wrong, imported after review): an edit
 * made now would sort before it and be undone by the next merge.
 */
function stampedAhead(table: SharedTableName, latest: string): FieldbookError {
  const day = longDate(new Date(decodeHlc(latest).wallMs).toISOString().slice(0, 10));
  return new FieldbookError(
    'CONFLICT',
    `Correct the date of the device whose clock said ${day}, then change it there: this value of ${recordInWords[table]} was written on it, so a change made here now would not last. Nothing was saved.`,
  );
}
