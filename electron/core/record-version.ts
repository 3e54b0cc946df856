import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { FieldbookError } from '../../shared/errors';
import { momentText } from '../../shared/words-for-days';
import type { SharedTableName } from '../db/schema';
import { recordInWords } from '../db/write-policy';
import { decodeHlc } from '../sync/hlc';
import { localDate, type CoreContext } from './deps';

/**
 * The optimistic check for office edits: two staff who open the same record
 * and both save must not silently replace one another's work.
 *
 * A record's version is the newest change-log stamp of its row. Every write
 * goes through the one write path and logs a stamped change, and a laptop's
 * merged changes land in the same log, so the stamp moves on whenever
 * anything changes the row, and it names who changed it and when. No column
 * is added to shared rows (which travel to laptops and are merged field by
 * field), and no migration is needed. A row written before the change log
 * existed has version '' until its first change.
 *
 * The check runs in the edit's own turn on the write path, so nothing can
 * change the row between it and the save. The desktop app with one user
 * always sends the version it has just read, so it always matches.
 */

const newest = new WeakMap<Database, Statement>();
const lastChange = new WeakMap<Database, Statement>();

function prepared(cache: WeakMap<Database, Statement>, sqlite: Database, text: string): Statement {
  let statement = cache.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(text);
    cache.set(sqlite, statement);
  }
  return statement;
}

/** The record's version now: its newest change-log stamp. */
export function versionOf(sqlite: Database, table: SharedTableName, id: string): string {
  const stamp = prepared(newest, sqlite, 'SELECT max(hlc) FROM change_log WHERE table_name = ? AND row_id = ?').pluck().get(table, id);
  return typeof stamp === 'string' ? stamp : '';
}

/** A record as `get` returns it for editing: with its version. */
export function withVersion<T extends object>(sqlite: Database, table: SharedTableName, id: string, record: T): T & { version: string } {
  return { ...record, version: versionOf(sqlite, table, id) };
}

interface LastChange {
  hlc: string;
  staff_name: string | null;
  device_id: string;
  this_device: number;
}

/** "Priya Shah changed this session today at 10:42", or who it was when no staff member made it (a laptop's file, the desktop app). */
function whoChangedIt(ctx: CoreContext, table: SharedTableName, id: string): string {
  const change = prepared(
    lastChange,
    ctx.sqlite,
    `SELECT c.hlc, s.staff_name, c.device_id, c.device_id = (SELECT id FROM device) AS this_device
       FROM change_log c LEFT JOIN change_log_staff s ON s.change_id = c.id
      WHERE c.table_name = ? AND c.row_id = ? ORDER BY c.hlc DESC LIMIT 1`,
  ).get(table, id) as LastChange | undefined;
  const what = recordInWords[table].replace(/^(a|an|the) /, 'this ');
  if (!change) return `someone else changed ${what}`;
  const when = momentText(new Date(decodeHlc(change.hlc).wallMs).toISOString(), localDate(ctx.clock()));
  if (change.staff_name) return `${change.staff_name} changed ${what} ${when}`;
  return change.this_device ? `${what} was changed on this computer ${when}` : `${what} was changed on a laptop ${when}`;
}

/**
 * Refuses an edit opened at an older version than the record has now,
 * before anything is written: the refusal says who changed it and when, and
 * carries the record as it is now (`current`, with its new version), so the
 * screen can show both the newer values and the ones just typed.
 */
export async function refuseIfChangedSinceOpened(
  ctx: CoreContext,
  table: SharedTableName,
  id: string,
  openedAt: string,
  current: () => Promise<object>,
): Promise<void> {
  const now = versionOf(ctx.sqlite, table, id);
  if (now === openedAt) return;
  // Not found is the better answer when the record is gone.
  const record = await current();
  throw changedSinceOpened(`${whoChangedIt(ctx, table, id)}, since you opened it`, record, now);
}

/** The refusal: what changed, and the values as they are now with their version, for the screen to show beside the typed ones. */
function changedSinceOpened(whatChanged: string, current: object, version: string): FieldbookError {
  return new FieldbookError('CHANGED_SINCE_OPENED', `Look at the newer values first: ${whatChanged}. Nothing was saved.`, undefined, {
    ...(current as Record<string, unknown>),
    version,
  });
}

/**
 * The office's settings (retention, the inbox folder, this computer's name)
 * are this computer's own rows, which never enter the change log, so there is
 * no stamp to compare. Their version is a digest of the values as read
 * instead: a save is refused when the values it would replace are not the
 * ones its screen showed, so nobody's change is replaced unseen. (Values
 * changed and changed back match again, which loses nothing: they are what
 * the screen showed.) With no change logged, the refusal cannot say who
 * changed them or when.
 */
export function versionOfValues(values: object): string {
  const entries = Object.entries(values).sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 20);
}

/** Settings as their screen reads them for editing: with their version. */
export function withValuesVersion<T extends object>(values: T): T & { version: string } {
  return { ...values, version: versionOfValues(values) };
}

/**
 * Refuses a save of settings opened at other values than they hold now,
 * before anything is written, carrying them as `get` gives them (`shown`,
 * when that has more than the values the version is of), and saying what
 * changed (`whatChanged`, when the values can say more than "these
 * settings"). The caller saves
 * straight after, with no await between, so nothing can change them between
 * the check and the save.
 */
export function refuseIfValuesChangedSinceOpened(
  openedAt: string,
  values: object,
  shown: object = values,
  whatChanged = 'these settings were changed since you opened them',
): void {
  const now = versionOfValues(values);
  if (now !== openedAt) throw changedSinceOpened(whatChanged, shown, now);
}
