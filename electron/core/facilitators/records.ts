import type { FacilitatorChange, FacilitatorList } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { facilitatorKey } from '../reports/facts/facilitator-key';
import type { WriteScope } from '../write';
import { NAMES_WITH_KEY, recordsByKey, REFERRING_TO, relinkSessions, storedLinks, type FacilitatorRecord } from './session-links';

/**
 * The office's facilitator records: adding one, correcting its name, and
 * linking an old name on sessions to one (session-links.ts says how a
 * session refers to a record). Each change rewrites the sessions it
 * concerns through the write path, so laptops receive the new names in
 * their next package as any other change to a session.
 */

const byName = new Intl.Collator('en-GB', { sensitivity: 'base' }).compare;

function sessionsReferring(ctx: CoreContext): Map<string, number> {
  const rows = ctx.sqlite
    .prepare('SELECT i.value, COUNT(DISTINCT s.id) FROM sessions s, json_each(s.facilitator_ids) i WHERE typeof(i.value) = \'text\' GROUP BY i.value')
    .raw()
    .all() as [string, number][];
  return new Map(rows);
}

export function listFacilitators(ctx: CoreContext): FacilitatorList {
  const counts = sessionsReferring(ctx);
  const facilitators = [...recordsByKey(ctx.sqlite).values()]
    .map((record) => ({ ...record, sessions: counts.get(record.id) ?? 0 }))
    .sort((a, b) => byName(a.name, b.name));
  // Names with no record, one entry per key, spelled as on the most sessions.
  const unlinked = new Map<string, { spellings: Map<string, number>; sessions: Set<string> }>();
  const rows = ctx.sqlite.prepare('SELECT id, facilitators, facilitator_ids FROM sessions').raw().iterate() as Iterable<[string, string, string]>;
  for (const [id, names, ids] of rows) {
    const links = storedLinks(names, ids);
    links.names.forEach((name, i) => {
      if (links.ids[i] !== null || !name.trim()) return;
      const key = facilitatorKey(name);
      const entry = unlinked.get(key) ?? { spellings: new Map<string, number>(), sessions: new Set<string>() };
      entry.spellings.set(name.trim(), (entry.spellings.get(name.trim()) ?? 0) + 1);
      entry.sessions.add(id);
      unlinked.set(key, entry);
    });
  }
  const names = [...unlinked.values()]
    .map(({ spellings, sessions }) => ({
      name: [...spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
      sessions: sessions.size,
    }))
    .sort((a, b) => byName(a.name, b.name));
  return { facilitators, unlinked: names };
}

function requireRecord(ctx: CoreContext, id: string): FacilitatorRecord {
  const record = ctx.sqlite.prepare('SELECT id, name FROM facilitators WHERE id = ?').get(id) as FacilitatorRecord | undefined;
  if (!record) throw new FieldbookError('NOT_FOUND', 'Choose the facilitator again: that one could not be found.', { facilitatorId: 'Choose a facilitator from the list.' });
  return record;
}

/** No two records may share a name (in any spelling of the same letters): sessions match names to records by it. */
function refuseTakenName(ctx: CoreContext, name: string, exceptId: string | null): void {
  const other = recordsByKey(ctx.sqlite).get(facilitatorKey(name));
  if (other && other.id !== exceptId) {
    throw new FieldbookError('INVALID_INPUT', `Choose ${other.name} from the list of facilitators: there is a facilitator of that name already.`, {
      name: `Enter a name that is not ${other.name}'s, or use ${other.name}.`,
    });
  }
}

/**
 * The office's laptops are enrolled for facilitators by name, and each one's
 * package holds its facilitators' sessions by those names: a name that
 * changes on the sessions changes in the enrolments too, so the sessions
 * keep reaching the same laptops.
 */
function renameInEnrolments(ctx: CoreContext, fromKey: string, toName: string): void {
  const laptops = ctx.sqlite.prepare('SELECT device_id, facilitators FROM enrolled_devices').all() as { device_id: string; facilitators: string }[];
  for (const laptop of laptops) {
    const { names } = storedLinks(laptop.facilitators, '[]');
    if (!names.some((name) => facilitatorKey(name) === fromKey)) continue;
    const renamed = [...new Set(names.map((name) => (facilitatorKey(name) === fromKey ? toName : name)))];
    ctx.sqlite.prepare('UPDATE enrolled_devices SET facilitators = ? WHERE device_id = ?').run(JSON.stringify(renamed), laptop.device_id);
  }
}

const sessionsInWords = (count: number) => (count === 1 ? '1 session' : `${count.toLocaleString('en-GB')} sessions`);
const referTo = (count: number) => (count === 1 ? 'refers to' : 'refer to');

function change(ctx: CoreContext, id: string, sessionsChanged: number, message: string): FacilitatorChange {
  const record = requireRecord(ctx, id);
  return { facilitator: { ...record, sessions: sessionsReferring(ctx).get(id) ?? 0 }, sessionsChanged, message };
}

export async function addFacilitator(ctx: CoreContext, scope: WriteScope, name: string): Promise<FacilitatorChange> {
  refuseTakenName(ctx, name, null);
  const record = { id: scope.newId(), name };
  await scope.insert('facilitators', record);
  // Sessions that already name them, in any spelling of the same letters and with no record, now refer to the new one.
  const key = facilitatorKey(name);
  const linked = await relinkSessions(scope, ctx.sqlite, { sql: NAMES_WITH_KEY, param: key }, (entry, id) => id === null && facilitatorKey(entry) === key, record);
  renameInEnrolments(ctx, key, name);
  return change(ctx, record.id, linked, linked ? `Added ${name}. ${sessionsInWords(linked)} with that name now ${referTo(linked)} this facilitator.` : `Added ${name}.`);
}

export async function renameFacilitator(ctx: CoreContext, scope: WriteScope, id: string, name: string): Promise<FacilitatorChange> {
  const record = requireRecord(ctx, id);
  refuseTakenName(ctx, name, id);
  await scope.update('facilitators', id, { name });
  const renamed = { id, name };
  const changed = await relinkSessions(scope, ctx.sqlite, { sql: REFERRING_TO, param: id }, (_entry, entryId) => entryId === id, renamed);
  renameInEnrolments(ctx, facilitatorKey(record.name), name);
  return change(ctx, id, changed, `Renamed ${record.name} to ${name}${changed ? ` on ${sessionsInWords(changed)}` : ''}.`);
}

export async function linkName(ctx: CoreContext, scope: WriteScope, name: string, facilitatorId: string): Promise<FacilitatorChange> {
  const record = requireRecord(ctx, facilitatorId);
  const key = facilitatorKey(name);
  const changed = await relinkSessions(scope, ctx.sqlite, { sql: NAMES_WITH_KEY, param: key }, (entry, id) => id === null && facilitatorKey(entry) === key, record);
  if (changed === 0) {
    throw new FieldbookError('INVALID_INPUT', `Choose a name from the list of names with no facilitator record: no session has ${name} without one.`, {
      name: 'Choose a name from the list.',
    });
  }
  renameInEnrolments(ctx, key, record.name);
  return change(ctx, facilitatorId, changed, `${sessionsInWords(changed)} with the name ${name} now ${referTo(changed)} ${record.name}.`);
}
