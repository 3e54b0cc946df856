import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { BundleSummary } from '../../../shared/contract';
import type { WireChange } from '../../sync/payload';
import { countSignIn } from './merge';

/** Tables whose rows belong to one session, so a bundle can say which sessions it covers. */
const SESSION_TABLES = new Set(['bookings', 'sign_ins', 'consents', 'evaluation_responses', 'evaluation_completions', 'session_notes', 'group_bookings']);

/**
 * What a list of changes means to a person: sessions covered, sign-ins,
 * evaluations and new people. "New" means the person's first change is in
 * this list: nothing for them in the change log before it.
 */
export function summariseChanges(sqlite: Database, changes: readonly WireChange[]): BundleSummary {
  const sessions = new Set<string>();
  /** Each person in the list, with their first change in it. */
  const people = new Map<string, string>();
  const signIns = { signIns: 0, undone: 0, signInIds: new Set<string>() };
  let evaluations = 0;
  for (const [, hlc, , table, rowId, fieldsText] of changes) {
    if (table === 'sessions') sessions.add(rowId);
    if (table === 'people' && !people.has(rowId)) people.set(rowId, hlc);
    if (table === 'evaluation_responses') evaluations += 1;
    if (!SESSION_TABLES.has(table)) continue;
    const fields = JSON.parse(fieldsText) as Record<string, unknown>;
    if (typeof fields.session_id === 'string') sessions.add(fields.session_id);
    if (table === 'sign_ins') countSignIn(rowId, fields, signIns);
  }
  // New: nothing about them in the change log before their first change here (from this laptop or a package).
  const earlier = sqlite.prepare("SELECT 1 FROM change_log WHERE table_name = 'people' AND row_id = ? AND hlc < ? LIMIT 1").pluck();
  let newPeople = 0;
  for (const [personId, first] of people) if (earlier.get(personId, first) === undefined) newPeople += 1;
  return { changes: changes.length, sessions: sessions.size, signIns: signIns.signIns, undone: signIns.undone, evaluations, newPeople };
}

export const emptySummary: BundleSummary = { changes: 0, sessions: 0, signIns: 0, undone: 0, evaluations: 0, newPeople: 0 };

/** A bundle's meta frame, written by the laptop and read by the office: what a person reading the import sees. */
export const BundleMeta = z.object({
  kind: z.literal('bundle'),
  deviceName: z.string(),
  summary: BundleSummary,
  /** The office's erasures this laptop has carried out and not yet heard the office received (file format 2 on). */
  erasures: z.array(z.string().max(100)).max(100_000).optional(),
  /** The id of the last kiosk PIN reset from the office this laptop applied, so the office can show it arrived (absent from older builds). */
  pinReset: z.string().max(100).optional(),
});
export type BundleMeta = z.infer<typeof BundleMeta>;
