import type { Conflict, DuplicateCandidate, ImportLogEntry, ManifestEntry } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { SharedTableName } from '../../db/schema';
import { decodeHlc } from '../../sync/hlc';
import { dayInWords } from '../../sync/words';
import type { CoreContext } from '../deps';
import { displayName } from '../signin/roster';
import { flagOverCapacity, sessionsOf } from './capacity-flags';
import { whyLikelySame } from '../signin/similar-people';
import { refusedFiles } from './refused-files';
import { normaliseForSearch } from '../../../shared/search-text';
import { write } from '../write';
import { currentStaff } from '../staff/caller';
import { staffWhoMade } from '../staff/change-staff';

/** The office's review lists after merging: what arrived, what clashed, what needs a person's decision. */

/** Names for device ids: enrolled laptops and this computer. */
function deviceNames(ctx: CoreContext): (deviceId: string) => string {
  const names = new Map<string, string>();
  for (const row of ctx.sqlite.prepare('SELECT device_id, name FROM enrolled_devices').all() as { device_id: string; name: string }[]) {
    names.set(row.device_id, row.name);
  }
  const own = ctx.sqlite.prepare('SELECT id, name FROM device').get() as { id: string; name: string } | undefined;
  if (own) names.set(own.id, own.name);
  return (deviceId) => names.get(deviceId) ?? 'an unknown device';
}

export function manifest(ctx: CoreContext): ManifestEntry[] {
  const laptops = ctx.sqlite.prepare('SELECT device_id, name, revoked_at FROM enrolled_devices ORDER BY name').all() as {
    device_id: string;
    name: string;
    revoked_at: string | null;
  }[];
  const bundles = ctx.sqlite.prepare(
    "SELECT sequence, imported_at, repeats_seen FROM received_bundles WHERE sender_device_id = ? AND kind = 'bundle' ORDER BY sequence",
  );
  // A bundle held for review has arrived: it is waiting for a person, not missing.
  const held = ctx.sqlite.prepare('SELECT sequence FROM held_bundles WHERE sender_device_id = ?').pluck();
  return laptops.map((laptop) => {
    const rows = bundles.all(laptop.device_id) as { sequence: number; imported_at: string; repeats_seen: number }[];
    const received = rows.map((row) => row.sequence);
    const have = new Set([...received, ...(held.all(laptop.device_id) as number[])]);
    const newest = have.size ? Math.max(...have) : 0;
    const missing: number[] = [];
    for (let sequence = 1; sequence < newest; sequence += 1) if (!have.has(sequence)) missing.push(sequence);
    return {
      deviceId: laptop.device_id,
      name: laptop.name,
      revoked: laptop.revoked_at !== null,
      received,
      missing,
      repeatsSeen: rows.reduce((sum, row) => sum + row.repeats_seen, 0),
      lastImportedAt: rows.reduce<string | null>((last, row) => (last === null || row.imported_at > last ? row.imported_at : last), null),
    };
  });
}

export function importLog(ctx: CoreContext) {
  const name = deviceNames(ctx);
  const rows = ctx.sqlite.prepare('SELECT * FROM import_log ORDER BY at DESC, rowid DESC LIMIT ?').all(IMPORT_LOG_LIMIT) as {
    at: string;
    file_name: string;
    sender_device_id: string;
    sequence: number;
    status: 'imported' | 'already_imported' | 'held';
    message: string;
    staff_name: string | null;
  }[];
  const imports: ImportLogEntry[] = rows.map((row) => ({
    at: row.at,
    fileName: row.file_name,
    senderName: name(row.sender_device_id),
    sequence: row.sequence,
    status: row.status,
    message: row.message,
    staffName: row.staff_name,
  }));
  const refused: ImportLogEntry[] = refusedFiles(ctx).map((file) => ({
    at: file.at,
    fileName: file.fileName,
    senderName: null,
    sequence: null,
    status: 'refused',
    message: file.reason,
    staffName: null,
  }));
  // Newest first, refused files among the imports by when each happened.
  return [...imports, ...refused].sort((a, b) => b.at.localeCompare(a.at)).slice(0, IMPORT_LOG_LIMIT);
}

/** The log shows the newest entries; older ones stay in the database. */
const IMPORT_LOG_LIMIT = 200;

export function heldBundles(ctx: CoreContext) {
  const name = deviceNames(ctx);
  const rows = ctx.sqlite.prepare('SELECT bundle_id, sender_device_id, sequence, created_hlc, file_name, reason, received_at FROM held_bundles ORDER BY received_at').all() as {
    bundle_id: string;
    sender_device_id: string;
    sequence: number;
    created_hlc: string;
    file_name: string;
    reason: string;
    received_at: string;
  }[];
  return rows.map((row) => ({
    bundleId: row.bundle_id,
    fileName: row.file_name,
    senderName: name(row.sender_device_id),
    sequence: row.sequence,
    createdAt: new Date(decodeHlc(row.created_hlc).wallMs).toISOString(),
    reason: row.reason,
    receivedAt: row.received_at,
  }));
}

interface ConflictRow {
  id: string;
  table_name: SharedTableName;
  row_id: string;
  field: string;
  status: Conflict['status'];
  resolved_by: string | null;
  resolved_at: string | null;
  lost_id: string;
  won_id: string;
  lost_fields: string;
  lost_hlc: string;
  lost_device: string;
  won_fields: string;
  won_hlc: string;
  won_device: string;
}

const conflictQuery = `
  SELECT c.id, c.table_name, c.row_id, c.field, c.status, c.resolved_by, c.resolved_at, lost.id AS lost_id, won.id AS won_id,
         lost.fields AS lost_fields, lost.hlc AS lost_hlc, lost.device_id AS lost_device,
         won.fields AS won_fields, won.hlc AS won_hlc, won.device_id AS won_device
  FROM conflicts c
  JOIN change_log lost ON lost.id = c.lost_change_id
  JOIN change_log won ON won.id = c.won_change_id`;

/** What a conflicting record is, in words. */
function recordLabel(ctx: CoreContext, table: string, rowId: string): string {
  const person = (id: string) => {
    const row = ctx.sqlite.prepare('SELECT given_name, family_name, preferred_name FROM people WHERE id = ?').get(id) as Parameters<typeof displayName>[0] | undefined;
    return row ? displayName(row) : 'someone';
  };
  if (table === 'people') return person(rowId);
  const session = (id: unknown) => {
    const row = ctx.sqlite
      .prepare('SELECT c.title, s.starts_at FROM sessions s JOIN courses c ON c.id = s.course_id WHERE s.id = ?')
      .get(id) as { title: string; starts_at: string } | undefined;
    return row ? `${row.title} on ${dayInWords(row.starts_at)}` : 'a session';
  };
  if (table === 'sessions') return `Session: ${session(rowId)}`;
  const row = ctx.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Record<string, unknown> | undefined;
  if (table === 'bookings' && row) return `Booking: ${person(String(row.person_id))}, ${session(row.session_id)}`;
  const title = row?.name ?? row?.title;
  const kind = recordKinds[table] ?? table.replace(/_/g, ' ');
  return typeof title === 'string' ? `${kind}: ${title}` : kind;
}

/** What each kind of record is called on the review screen. */
const recordKinds: Record<string, string> = {
  organisations: 'Organisation',
  courses: 'Course',
  venues: 'Venue',
  group_bookings: 'Group places',
  equality_answers: 'Equality answer',
  organisation_requests: 'Request',
  session_notes: 'Session note',
};

/**
 * Records whose values are special-category data, reported only in aggregate:
 * a conflict on them says that an answer was changed, never what it was or
 * became, so the values do not leave the core.
 */
const aggregateOnly: ReadonlySet<string> = new Set<SharedTableName>(['equality_answers']);

/** The computer, and on the office server the staff member: "Central office, by Priya Shah", as booking history says it. */
function writtenBy(ctx: CoreContext, deviceName: string, changeId: string): string {
  const staff = staffWhoMade(ctx.sqlite, changeId);
  return staff ? `${deviceName}, by ${staff}` : deviceName;
}

function toConflict(ctx: CoreContext, row: ConflictRow, name: (id: string) => string): Conflict {
  const at = (hlc: string) => new Date(decodeHlc(hlc).wallMs).toISOString();
  const valueIn = (fields: string) => (JSON.parse(fields) as Record<string, unknown>)[row.field] ?? null;
  const withheld = aggregateOnly.has(row.table_name);
  return {
    id: row.id,
    table: row.table_name,
    rowId: row.row_id,
    record: recordLabel(ctx, row.table_name, row.row_id),
    field: row.field,
    ...(withheld ? { valuesWithheld: true as const } : { keptValue: valueIn(row.won_fields), overwrittenValue: valueIn(row.lost_fields) }),
    keptBy: writtenBy(ctx, name(row.won_device), row.won_id),
    keptAt: at(row.won_hlc),
    overwrittenBy: writtenBy(ctx, name(row.lost_device), row.lost_id),
    overwrittenAt: at(row.lost_hlc),
    status: row.status,
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
  };
}

export function conflicts(ctx: CoreContext): Conflict[] {
  const name = deviceNames(ctx);
  const rows = ctx.sqlite.prepare(`${conflictQuery} ORDER BY c.status = 'open' DESC, won.hlc DESC LIMIT 500`).all() as ConflictRow[];
  return rows.map((row) => toConflict(ctx, row, name));
}

/** Keep the merged value, or put the overwritten one back as a new edit that wins everywhere. */
export async function resolveConflict(ctx: CoreContext, id: string, action: 'accept' | 'reverse'): Promise<Conflict> {
  const row = ctx.sqlite.prepare(`${conflictQuery} WHERE c.id = ?`).get(id) as ConflictRow | undefined;
  if (!row) throw new FieldbookError('NOT_FOUND', 'Open the conflicts again: that one no longer exists.');
  if (action === 'reverse' && aggregateOnly.has(row.table_name)) {
    // Restoring would put back a value no one at the office may see one by one.
    throw new FieldbookError('INVALID_INPUT', 'An equality answer cannot be restored, because it is never shown one by one. Keep the merged value.', {
      action: 'Keep the merged value.',
    });
  }
  const status = action === 'accept' ? 'accepted' : 'reversed';
  // On the office server, who decided ("Resolved by Priya Shah"); no one in the desktop app.
  const resolvedBy = currentStaff()?.name ?? null;
  let resolvedAt = '';
  await write(ctx, async (scope) => {
    if (action === 'reverse') {
      const value = (JSON.parse(row.lost_fields) as Record<string, unknown>)[row.field];
      await scope.update(row.table_name, row.row_id, { [row.field]: value } as never);
    }
    resolvedAt = ctx.clock().toISOString();
    await scope.trx.updateTable('conflicts').set({ status, resolved_at: resolvedAt, resolved_by: resolvedBy }).where('id', '=', id).execute();
    if (action === 'reverse') {
      flagOverCapacity(ctx.sqlite, sessionsOf(ctx, row.table_name, row.row_id), resolvedAt);
      // The office has now chosen this field's value: the other open conflicts on it showed a kept value that is gone.
      await scope.trx
        .updateTable('conflicts')
        .set({ status: 'accepted', resolved_at: resolvedAt, resolved_by: resolvedBy })
        .where('table_name', '=', row.table_name)
        .where('row_id', '=', row.row_id)
        .where('field', '=', row.field)
        .where('status', '=', 'open')
        .execute();
    }
  });
  return toConflict(ctx, { ...row, status, resolved_by: resolvedBy, resolved_at: resolvedAt }, deviceNames(ctx));
}

interface PersonRow {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  email: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  added_by: string;
}

/** People two laptops added separately who are probably the same person, not yet decided. */
export function duplicates(ctx: CoreContext): DuplicateCandidate[] {
  const name = deviceNames(ctx);
  const people = ctx.sqlite
    .prepare(
      `SELECT p.id, p.given_name, p.family_name, p.preferred_name, p.email, p.organisation_id, o.name AS organisation_name,
              (SELECT device_id FROM change_log WHERE table_name = 'people' AND row_id = p.id ORDER BY hlc LIMIT 1) AS added_by
       FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
       WHERE p.merged_into IS NULL
         AND EXISTS (SELECT 1 FROM person_search_keys k JOIN person_search_keys other ON other.key = k.key AND other.person_id <> k.person_id
                     WHERE k.person_id = p.id AND instr(k.key, ' ') > 0)
       ORDER BY p.id`,
    )
    .all() as PersonRow[];
  const decided = ctx.sqlite.prepare('SELECT 1 FROM duplicate_decisions WHERE first_person_id = ? AND second_person_id = ?').pluck();
  const sessions = ctx.sqlite.prepare('SELECT count(DISTINCT session_id) FROM (SELECT session_id FROM bookings WHERE person_id = ? UNION SELECT session_id FROM sign_ins WHERE person_id = ?)').pluck();
  const describe = (person: PersonRow) => ({
    id: person.id,
    name: displayName(person),
    email: person.email,
    organisationName: person.organisation_name,
    addedBy: name(person.added_by),
    sessions: sessions.get(person.id, person.id) as number,
  });
  const byName = new Map<string, PersonRow[]>();
  for (const person of people) {
    const key = normaliseForSearch(`${person.given_name} ${person.family_name}`);
    byName.set(key, [...(byName.get(key) ?? []), person]);
  }
  const candidates: DuplicateCandidate[] = [];
  for (const group of byName.values()) {
    for (const [i, j] of pairs(group.length)) {
      if (candidates.length >= 200) return candidates;
      const [first, second] = [group[i]!, group[j]!].sort((a, b) => (a.id < b.id ? -1 : 1)) as [PersonRow, PersonRow];
      const why = whyLikelySame(first, second);
      if (first.added_by === second.added_by || !why) continue;
      if (decided.get(first.id, second.id)) continue;
      const reason = reasonWords[why];
      candidates.push({ first: describe(first), second: describe(second), reason });
    }
  }
  return candidates;
}

const reasonWords = {
  email: 'Same name and email',
  organisation: 'Same name and organisation',
  no_organisation: 'Same name, and neither has an organisation',
} as const;

function* pairs(count: number): Generator<[number, number]> {
  for (let i = 0; i < count; i += 1) for (let j = i + 1; j < count; j += 1) yield [i, j];
}

/** Merge keeps both people and all their history; the other one now points at the one kept. */
export async function resolveDuplicate(ctx: CoreContext, keepId: string, otherId: string, action: 'merge' | 'keep_apart'): Promise<void> {
  if (keepId === otherId) throw new FieldbookError('INVALID_INPUT', 'Choose two different people.');
  const found = await ctx.db.selectFrom('people').select(['id', 'merged_into']).where('id', 'in', [keepId, otherId]).execute();
  if (found.length !== 2) throw new FieldbookError('NOT_FOUND', 'Choose the two records again: one of them no longer exists.');
  if (found.some((person) => person.merged_into)) throw new FieldbookError('CONFLICT', 'Choose the two records again: one of them has already been merged.');
  const [first, second] = [keepId, otherId].sort() as [string, string];
  await write(ctx, async (scope) => {
    if (action === 'merge') {
      await scope.update('people', otherId, { merged_into: keepId });
      return;
    }
    await scope.trx
      .insertInto('duplicate_decisions')
      .values({ first_person_id: first, second_person_id: second, decision: 'keep_apart', decided_at: ctx.clock().toISOString() })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  });
}
