import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../db/schema';
import type { MergedPeople } from './merged-people';

/**
 * Each person's first attendance at any of the given courses, on or before
 * a day, keyed by the person kept after merges (a duplicate's attendance
 * counts for the person it was merged into). Attendance means what it means
 * in the reports: the latest sign-in fact for that person and session is a
 * sign-in (not undone), at a session not cancelled, under any contract.
 */
export async function firstAttendance(
  db: Kysely<Schema> | Transaction<Schema>,
  courseIds: readonly string[],
  asOf: string,
  merged: MergedPeople,
  /** Only these people (a member and those merged into them); everyone when left out. */
  personIds?: readonly string[],
): Promise<Map<string, string>> {
  if (courseIds.length === 0 || personIds?.length === 0) return new Map();
  let query = db
    .selectFrom('sign_ins as si')
    .innerJoin('sessions as s', 's.id', 'si.session_id')
    .select(['si.person_id as personId', sql<string>`min(substr(s.starts_at, 1, 10))`.as('day')])
    .where('s.course_id', 'in', [...courseIds])
    .where('s.status', '!=', 'cancelled')
    .where(sql<string>`substr(s.starts_at, 1, 10)`, '<=', asOf)
    .where('si.kind', '=', 'sign_in')
    .where(({ eb, selectFrom }) =>
      eb(
        'si.hlc',
        '=',
        selectFrom('sign_ins as latest')
          .select(({ fn }) => fn.max('latest.hlc').as('hlc'))
          .whereRef('latest.session_id', '=', 'si.session_id')
          .whereRef('latest.person_id', '=', 'si.person_id'),
      ),
    )
    .groupBy('si.person_id');
  if (personIds) query = query.where('si.person_id', 'in', [...personIds]);
  const rows = await query.execute();
  const first = new Map<string, string>();
  for (const row of rows) {
    const kept = merged.keptFor(row.personId);
    const earlier = first.get(kept);
    if (earlier === undefined || row.day < earlier) first.set(kept, row.day);
  }
  return first;
}
