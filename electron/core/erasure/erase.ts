import type { EraseResult, Erasure, ErasurePreview } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { normaliseForSearch } from '../../../shared/search-text';
import type { WireChange } from '../../sync/payload';
import type { CoreContext } from '../deps';
import { displayName } from '../signin/roster';
import { deviceKeys } from '../sync/device-keys';
import { inOneTransaction } from '../write-path';
import { checkpointAfterErasure } from './checkpoint';
import { collectErasing, countsInWords, eraseCollected, mergeChain, POINTERS } from './erased-rows';
import { cutHeldFiles, storeHeldFiles } from './held-files';
import { sweepInbox } from './inbox-retention';
import { forgetRefusedFilesAbout } from '../sync/refused-files';

/**
 * "Erase this person", at the office. The person, everyone merged with them,
 * and every row that points at them go from every table, with their change
 * history; one audit line per person stays (who, when, why, and counts per
 * table, no names), with the ids, so nothing brings them back. Held
 * end-of-day files are cut without them. Not a logged change: an erasure
 * removes history rather than adding to it, and reaches laptops as an
 * erasure in their packages instead.
 */

interface PersonRow {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
}

/** Each chosen person's chain, one group per erasure; a chain chosen twice (two records of one person) is one erasure. */
function chains(ctx: CoreContext, personIds: readonly string[]): string[][] {
  const read = ctx.sqlite.prepare('SELECT id FROM people WHERE id = ?').pluck();
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const personId of personIds) {
    if (read.get(personId) === undefined) {
      throw new FieldbookError('NOT_FOUND', 'Choose a person who is still here: one of those chosen has been erased or never existed.');
    }
    if (seen.has(personId)) continue;
    const chain = mergeChain(ctx.sqlite, personId);
    for (const id of chain) seen.add(id);
    groups.push(chain);
  }
  return groups;
}

function peopleOf(ctx: CoreContext, ids: readonly string[]): PersonRow[] {
  return ctx.sqlite
    .prepare('SELECT id, given_name, family_name, preferred_name FROM people WHERE id IN (SELECT value FROM json_each(?)) ORDER BY family_name, given_name')
    .all(JSON.stringify(ids)) as PersonRow[];
}

/** What erasing this person would remove, counted by doing it and rolling it back. */
export async function previewErasure(ctx: CoreContext, personId: string): Promise<ErasurePreview> {
  const keys = await deviceKeys(ctx, 'office');
  const [chain] = chains(ctx, [personId]);
  const groups = new Map([['preview', chain!]]);
  collectErasing(ctx.sqlite, groups);
  // Held files are encrypted: telling which hold the person means opening each, as the erasure will.
  const heldFiles = (await cutHeldFiles(ctx, keys, erasedChangeTest(ctx))).length;
  let counts: Record<string, number> = {};
  const rollBack = new Error('preview');
  try {
    ctx.sqlite.transaction(() => {
      collectErasing(ctx.sqlite, groups);
      ctx.sqlite.prepare("INSERT INTO erasures (id, erased_at, erased_by, reason, counts, origin) VALUES ('preview', '', '', '', '{}', 'here')").run();
      counts = eraseCollected(ctx.sqlite, 'preview');
      throw rollBack;
    })();
  } catch (error) {
    if (error !== rollBack) throw error;
  }
  return {
    people: peopleOf(ctx, chain!).map((person) => ({ id: person.id, name: displayName(person) })),
    counts: countsInWords(counts),
    heldFiles,
  };
}

/** The reason is kept for good; a name in it would keep what the erasure removes. */
function checkReason(reason: string, people: readonly PersonRow[]): void {
  const words = new Set(normaliseForSearch(reason).split(/\s+/));
  for (const person of people) {
    for (const name of [person.given_name, person.family_name, person.preferred_name]) {
      const folded = name ? normaliseForSearch(name) : '';
      if (folded.length >= 2 && folded.split(/\s+/).every((part) => words.has(part))) {
        throw new FieldbookError('INVALID_INPUT', 'Write the reason without the person\'s name: the record of an erasure keeps no names.', {
          reason: 'Write the reason without the person\'s name.',
        });
      }
    }
  }
}

/** Whether a change in a held file is about a row this erasure reaches (the rows are in `erasing`). */
function erasedChangeTest(ctx: CoreContext): (change: WireChange) => boolean {
  const erasing = new Set(
    (ctx.sqlite.prepare('SELECT table_name, row_id FROM erasing').raw().all() as [string, string][]).map(([table, row]) => `${table}\u0000${row}`),
  );
  return ([, , , table, rowId, fields]) => {
    if (erasing.has(`${table}\u0000${rowId}`)) return true;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(fields) as Record<string, unknown>;
    } catch {
      return false;
    }
    return POINTERS.some((pointer) => pointer.table === table && typeof parsed[pointer.column] === 'string' && erasing.has(`${pointer.parent}\u0000${parsed[pointer.column] as string}`));
  };
}

export async function erasePeople(ctx: CoreContext, input: { personIds: string[]; reason: string; erasedBy: string }): Promise<EraseResult> {
  const keys = await deviceKeys(ctx, 'office');
  const groups = chains(ctx, input.personIds);
  checkReason(input.reason, peopleOf(ctx, groups.flat()));
  const ids = new Map(groups.map((group) => [ctx.newId(), group]));
  // Held files are worked out first, outside the transaction: opening and sealing them is asynchronous.
  collectErasing(ctx.sqlite, ids);
  const held = await cutHeldFiles(ctx, keys, erasedChangeTest(ctx));
  const erasedAt = ctx.clock().toISOString();
  const erasures = inOneTransaction(ctx.sqlite, () => {
    // Collected again inside: nothing else ran between (the write path runs one procedure at a time), so it is the same set.
    collectErasing(ctx.sqlite, ids);
    // Notes of refused files that name them, and such files in the inbox, while their names can still be read.
    forgetRefusedFilesAbout(ctx, groups.flat());
    const insert = ctx.sqlite.prepare("INSERT INTO erasures (id, erased_at, erased_by, reason, counts, origin) VALUES (?, ?, ?, ?, '{}', 'here')");
    const setCounts = ctx.sqlite.prepare('UPDATE erasures SET counts = ? WHERE id = ?');
    const done: Record<string, number>[] = [];
    for (const id of ids.keys()) {
      insert.run(id, erasedAt, input.erasedBy, input.reason);
      const counts = eraseCollected(ctx.sqlite, id);
      setCounts.run(JSON.stringify(counts), id);
      done.push(counts);
    }
    storeHeldFiles(ctx, held);
    return done;
  });
  sweepInbox(ctx);
  checkpointAfterErasure(ctx.sqlite);
  const people = erasures.reduce((sum, counts) => sum + (counts.people ?? 0), 0);
  const records = erasures.reduce((sum, counts) => sum + Object.entries(counts).reduce((n, [table, count]) => n + (table === 'people' ? 0 : count), 0), 0);
  const heldWords = held.length > 0 ? ` ${held.length === 1 ? '1 held end-of-day file was' : `${held.length} held end-of-day files were`} sealed again without them.` : '';
  return {
    erasures: listErasures(ctx).filter((erasure) => ids.has(erasure.id)),
    message: `Erased ${people === 1 ? '1 person record' : `${people} person records`} and ${records === 1 ? '1 record' : `${records.toLocaleString('en-GB')} records`} about them. Each laptop is told in its next package.${heldWords}`,
  };
}

interface ErasureRow {
  id: string;
  erased_at: string;
  erased_by: string;
  reason: string;
  counts: string;
}

/** Every erasure made here, newest first, with which laptops confirmed it. */
export function listErasures(ctx: CoreContext): Erasure[] {
  const rows = ctx.sqlite
    .prepare("SELECT id, erased_at, erased_by, reason, counts FROM erasures WHERE origin = 'here' ORDER BY erased_at DESC, id DESC LIMIT 1000")
    .all() as ErasureRow[];
  const laptops = ctx.sqlite.prepare('SELECT device_id, name FROM enrolled_devices WHERE revoked_at IS NULL ORDER BY name').all() as { device_id: string; name: string }[];
  const confirmed = ctx.sqlite.prepare('SELECT confirmed_at FROM erasure_confirmations WHERE erasure_id = ? AND device_id = ?').pluck();
  return rows.map((row) => ({
    id: row.id,
    erasedAt: row.erased_at,
    erasedBy: row.erased_by,
    reason: row.reason,
    counts: countsInWords(JSON.parse(row.counts) as Record<string, number>),
    laptops: laptops.map((laptop) => ({
      deviceId: laptop.device_id,
      name: laptop.name,
      confirmedAt: (confirmed.get(row.id, laptop.device_id) as string | undefined) ?? null,
    })),
  }));
}
