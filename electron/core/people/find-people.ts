import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { normaliseForSearch, prefixUpperBound } from './search-keys';

/** The key range a typed prefix covers, or null when nothing searchable was typed. */
export function keyRange(query: string): { from: string; to: string } | null {
  const prefix = normaliseForSearch(query);
  return prefix ? { from: prefix, to: prefixUpperBound(prefix) } : null;
}

/**
 * Ids of people whose names start with the typed text, in key order, using
 * only the key index. `within` limits the search to one session's bookings.
 */
export async function matchingPersonIds(
  db: Kysely<Schema>,
  query: string,
  limit: number,
  within?: { sessionId: string },
): Promise<string[]> {
  const range = keyRange(query);
  if (!range) return [];
  let select = db
    .selectFrom('person_search_keys as k')
    .select('k.person_id')
    .distinct()
    .where('k.key', '>=', range.from)
    .where('k.key', '<', range.to);
  if (within) {
    select = select.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('bookings as b')
          .select(sql`1`.as('one'))
          .whereRef('b.person_id', '=', 'k.person_id')
          .where('b.session_id', '=', within.sessionId),
      ),
    );
  }
  const rows = await select.limit(limit).execute();
  return rows.map((row) => row.person_id);
}
