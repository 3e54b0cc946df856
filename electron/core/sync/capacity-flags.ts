import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CapacityFlag } from '../../../shared/contract';
import { countSeats, countSeatsNow } from '../bookings/seats';
import type { CoreContext } from '../deps';

/**
 * Flags sessions whose places are over capacity now that other devices'
 * changes are in (a merge, or a restored overwritten value): the office
 * decides what to do; nothing is moved. Returns how many are newly flagged.
 * Synchronous, so it runs inside a merge's one transaction.
 */
export function flagOverCapacity(sqlite: Database, sessionIds: Iterable<string>, now: string): number {
  const readSession = sqlite.prepare('SELECT id, capacity FROM sessions WHERE id = ?');
  const clear = sqlite.prepare('DELETE FROM capacity_flags WHERE session_id = ?');
  const flag = sqlite.prepare('INSERT INTO capacity_flags (session_id, flagged_at) VALUES (?, ?) ON CONFLICT (session_id) DO NOTHING');
  let flagged = 0;
  for (const sessionId of sessionIds) {
    const session = readSession.get(sessionId) as { id: string; capacity: number } | undefined;
    if (!session) continue;
    const seats = countSeatsNow(sqlite, session);
    if (seats.taken <= seats.capacity) {
      // Back within capacity: a later overrun is a new one, flagged afresh.
      clear.run(sessionId);
      continue;
    }
    flagged += flag.run(sessionId, now).changes;
  }
  return flagged;
}

export async function capacityFlags(ctx: CoreContext): Promise<CapacityFlag[]> {
  const rows = await ctx.db
    .selectFrom('capacity_flags as f')
    .innerJoin('sessions as s', 's.id', 'f.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['s.id', 's.capacity', 's.starts_at', 'c.title', 'f.flagged_at'])
    .orderBy('s.starts_at')
    .execute();
  const flags: CapacityFlag[] = [];
  for (const row of rows) {
    // A flag goes away once the office has dealt with it (raised capacity or moved people).
    const seats = await countSeats({ trx: ctx.db }, row);
    if (seats.taken > seats.capacity) {
      flags.push({ sessionId: row.id, title: row.title, startsAt: row.starts_at, capacity: row.capacity, held: seats.taken, flaggedAt: row.flagged_at });
    }
  }
  return flags;
}

/** The session a restored value can push over capacity: a booking's, a group's, or the session itself. */
export function sessionsOf(ctx: CoreContext, table: string, rowId: string): string[] {
  if (table === 'sessions') return [rowId];
  if (table !== 'bookings' && table !== 'group_bookings') return [];
  const sessionId = ctx.sqlite.prepare(`SELECT session_id FROM ${table} WHERE id = ?`).pluck().get(rowId);
  return typeof sessionId === 'string' ? [sessionId] : [];
}

