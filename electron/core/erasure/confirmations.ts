import { z } from 'zod';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { collectErasing, eraseCollected, rowHash } from './erased-rows';

/**
 * How an erasure reaches every laptop. Each package carries the erasures
 * that laptop has not confirmed (the hashes of the erased people's ids, as
 * erased_rows keeps them, never a name or an id); the laptop erases them inside the package's transaction, keeps the
 * ids so they cannot return, and lists the erasures in its next end-of-day
 * file; the office records, per erasure, which laptops confirmed.
 */

/** The most erasures one package carries (oldest first); the rest follow in the next, so the package's first part stays small. */
export const ERASURES_PER_PACKAGE = 5000;

export const PackageErasures = z
  .array(z.strictObject({ id: z.string().min(1).max(100), people: z.array(z.string().regex(/^[0-9a-f]{40}$/)).min(1).max(1000) }))
  .max(ERASURES_PER_PACKAGE);
export type PackageErasures = z.infer<typeof PackageErasures>;

/** At the office: the erasures a package for this laptop carries. */
export function erasuresFor(ctx: CoreContext, laptopId: string): PackageErasures {
  const rows = ctx.sqlite
    .prepare(
      `SELECT e.id, (SELECT json_group_array(row_hash) FROM erased_rows r WHERE r.erasure_id = e.id AND r.table_name = 'people') AS people
       FROM erasures e WHERE e.origin = 'here'
         AND NOT EXISTS (SELECT 1 FROM erasure_confirmations c WHERE c.erasure_id = e.id AND c.device_id = ?)
       ORDER BY e.erased_at, e.id LIMIT ${ERASURES_PER_PACKAGE}`,
    )
    .all(laptopId) as { id: string; people: string }[];
  return rows.map((row) => ({ id: row.id, people: JSON.parse(row.people) as string[] }));
}

/** On a laptop, inside the package's transaction: erases what the package names and this laptop has not erased yet. */
export function applyPackageErasures(ctx: CoreContext, raw: unknown, officeName: string): number {
  if (raw === undefined) return 0;
  const parsed = PackageErasures.safeParse(raw);
  if (!parsed.success) {
    throw new FieldbookError('UNSUPPORTED_VERSION', `Update Fieldbook on this laptop, then import the package again: the package from ${officeName} holds erasures this version cannot read. Nothing was imported.`);
  }
  const known = ctx.sqlite.prepare('SELECT 1 FROM erasures WHERE id = ?').pluck();
  const fresh = parsed.data.filter((erasure) => known.get(erasure.id) === undefined);
  if (fresh.length === 0) return 0;
  const insert = ctx.sqlite.prepare(
    "INSERT INTO erasures (id, erased_at, erased_by, reason, counts, origin, confirmed_in_sequence) VALUES (?, ?, ?, '', ?, 'package', NULL)",
  );
  const now = ctx.clock().toISOString();
  // The people here whose ids hash to what the package names (a person this laptop never held is simply not found).
  const held = new Map<string, string>();
  for (const id of ctx.sqlite.prepare("SELECT id FROM people UNION SELECT row_id FROM change_log WHERE table_name = 'people'").pluck().all() as string[]) {
    held.set(rowHash('people', id), id);
  }
  // The audit line first: the kept hashes refer to it.
  for (const erasure of fresh) insert.run(erasure.id, now, officeName, '{}');
  collectErasing(ctx.sqlite, new Map(fresh.map((erasure) => [erasure.id, erasure.people.flatMap((hash) => held.get(hash) ?? [])])));
  const counts = ctx.sqlite.prepare('UPDATE erasures SET counts = ? WHERE id = ?');
  const keep = ctx.sqlite.prepare("INSERT OR IGNORE INTO erased_rows (row_hash, table_name, erasure_id) VALUES (?, 'people', ?)");
  for (const erasure of fresh) {
    counts.run(JSON.stringify(eraseCollected(ctx.sqlite, erasure.id)), erasure.id);
    for (const hash of erasure.people) keep.run(hash, erasure.id);
  }
  return fresh.length;
}

/**
 * On a laptop: the erasures its next end-of-day file confirms — every one it
 * carried out whose confirming file the office has not acknowledged yet (so
 * a lost file's confirmation travels again, in "Write again" and after).
 */
export function confirmationsToSend(ctx: CoreContext): string[] {
  return ctx.sqlite
    .prepare(
      `SELECT e.id FROM erasures e WHERE e.origin = 'package' AND (e.confirmed_in_sequence IS NULL OR NOT EXISTS (
         SELECT 1 FROM outgoing_bundles b WHERE b.sequence = e.confirmed_in_sequence AND b.acknowledged_at IS NOT NULL))
       ORDER BY e.id`,
    )
    .pluck()
    .all() as string[];
}

/** On a laptop, once an end-of-day file is written: the erasures it is the first to confirm. */
export function markConfirmationsSent(ctx: CoreContext, sequence: number): void {
  ctx.sqlite.prepare("UPDATE erasures SET confirmed_in_sequence = ? WHERE origin = 'package' AND confirmed_in_sequence IS NULL").run(sequence);
}

/** At the office: records the confirmations an end-of-day file carries; returns how many are new. */
export function recordConfirmations(ctx: CoreContext, laptopId: string, erasureIds: readonly string[], sequence: number): number {
  const record = ctx.sqlite.prepare(
    `INSERT OR IGNORE INTO erasure_confirmations (erasure_id, device_id, confirmed_at, bundle_sequence)
     SELECT id, ?, ?, ? FROM erasures WHERE id = ? AND origin = 'here'`,
  );
  const now = ctx.clock().toISOString();
  let added = 0;
  for (const id of erasureIds) added += record.run(laptopId, now, sequence, id).changes;
  return added;
}

/** "12 changes about an erased person were discarded from Hall laptop 2." */
export function discardedInWords(count: number, from: string): string {
  return count === 1
    ? `1 change about an erased person was discarded from ${from}.`
    : `${count.toLocaleString('en-GB')} changes about an erased person were discarded from ${from}.`;
}
