import type { CoreContext } from '../deps';
import { localMinute } from '../deps';
import { retentionDays } from './settings';

/**
 * Removes personal data from a laptop once the office holds it: for each
 * session that ended more than the retention window ago, its bookings,
 * sign-ins, consents, evaluation answers, requests to join a membership
 * scheme and their change-log entries (which
 * carry the same data), when none of them has a change the office has not
 * acknowledged (a session with anonymous answers still held here has not
 * been sent at all); then people no session here refers to any more. The
 * catalogue and the sessions themselves stay. Runs inside the package's
 * transaction.
 */

/** Per session, children before the rows they refer to. */
const SESSION_ROWS = ['booking_events', 'sign_ins', 'consents', 'evaluation_completions', 'evaluation_responses', 'membership_requests', 'bookings'] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything up to this stamp is acknowledged: bundles are counted in order, stopping at the first gap. */
function acknowledgedThrough(ctx: CoreContext): string | null {
  const bundles = ctx.sqlite.prepare('SELECT to_hlc, acknowledged_at FROM outgoing_bundles ORDER BY sequence').all() as {
    to_hlc: string;
    acknowledged_at: string | null;
  }[];
  let through: string | null = null;
  for (const bundle of bundles) {
    if (!bundle.acknowledged_at) break;
    through = bundle.to_hlc;
  }
  return through;
}

export function pruneAcknowledged(ctx: CoreContext): number {
  const sqlite = ctx.sqlite;
  const device = sqlite.prepare('SELECT id FROM device').pluck().get() as string;
  const through = acknowledgedThrough(ctx) ?? '';
  const cutoff = localMinute(new Date(ctx.clock().getTime() - retentionDays(ctx) * DAY_MS));
  // Rows with a change of this laptop's that the office has not acknowledged yet.
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS temp_unacknowledged (row_id TEXT PRIMARY KEY) WITHOUT ROWID');
  sqlite.exec('DELETE FROM temp_unacknowledged');
  sqlite.prepare('INSERT OR IGNORE INTO temp_unacknowledged (row_id) SELECT row_id FROM change_log WHERE device_id = ? AND hlc > ?').run(device, through);
  const unacknowledged = 'SELECT row_id FROM temp_unacknowledged';
  const sessions = sqlite
    .prepare(
      `SELECT id FROM sessions s WHERE ends_at < ? AND (
         ${SESSION_ROWS.map((table) => `EXISTS (SELECT 1 FROM ${table} WHERE session_id = s.id)`).join(' OR ')})
       AND NOT EXISTS (SELECT 1 FROM pending_anonymous_responses WHERE session_id = s.id)
       AND NOT EXISTS (SELECT 1 FROM (${SESSION_ROWS.map((table) => `SELECT id FROM ${table} WHERE session_id = s.id`).join(' UNION ALL ')}) AS r
                       WHERE r.id IN (${unacknowledged}))`,
    )
    .pluck()
    .all(cutoff) as string[];
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS temp_pruned (id TEXT PRIMARY KEY) WITHOUT ROWID');
  const forgetChanges = sqlite.prepare('DELETE FROM change_log WHERE table_name = ? AND row_id IN (SELECT id FROM temp_pruned)');
  for (const sessionId of sessions) {
    for (const table of SESSION_ROWS) {
      sqlite.exec('DELETE FROM temp_pruned');
      sqlite.prepare(`INSERT INTO temp_pruned (id) SELECT id FROM ${table} WHERE session_id = ?`).run(sessionId);
      forgetChanges.run(table);
      sqlite.prepare(`DELETE FROM ${table} WHERE id IN (SELECT id FROM temp_pruned)`).run();
    }
  }
  // People nothing here refers to any more, last changed before the window, with nothing unacknowledged.
  sqlite.exec('DELETE FROM temp_pruned');
  sqlite
    .prepare(
      `INSERT INTO temp_pruned (id) SELECT p.id FROM people p
       WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM sign_ins WHERE person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM consents WHERE person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM evaluation_completions WHERE person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM evaluation_responses WHERE person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM people other WHERE other.merged_into = p.id)
         AND NOT EXISTS (SELECT 1 FROM pending_anonymous_completions WHERE person_id = p.id)
         AND NOT EXISTS (SELECT 1 FROM membership_requests WHERE person_id = p.id)
         AND p.id NOT IN (${unacknowledged})
         AND (SELECT max(hlc) FROM change_log WHERE table_name = 'people' AND row_id = p.id) < ?`,
    )
    .run(String(new Date(ctx.clock().getTime() - retentionDays(ctx) * DAY_MS).getTime()).padStart(15, '0'));
  sqlite.exec(`
    DELETE FROM change_log WHERE table_name = 'equality_answers' AND row_id IN (SELECT id FROM equality_answers WHERE person_id IN (SELECT id FROM temp_pruned));
    DELETE FROM equality_answers WHERE person_id IN (SELECT id FROM temp_pruned);
    DELETE FROM change_log WHERE table_name = 'people' AND row_id IN (SELECT id FROM temp_pruned);
    DELETE FROM person_search_keys WHERE person_id IN (SELECT id FROM temp_pruned);
    DELETE FROM people WHERE id IN (SELECT id FROM temp_pruned);
  `);
  return sessions.length;
}
