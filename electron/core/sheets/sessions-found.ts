import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';

export interface FoundSession {
  id: string;
  courseId: string;
  startsAt: string;
  contractId: string | null;
}

const keyOf = (courseId: string, date: string, venueId: string) => `${courseId}|${date}|${venueId}`;

/**
 * The sessions already in Fieldbook, by course, day and venue, read once
 * for the whole file: the same session attendance.ts finds for a group (the
 * first of the day that is not cancelled), for the rows that only look a
 * session up (an evaluation's) or compare with it (a contract column).
 */
export class SessionsFound {
  private readonly byKey = new Map<string, FoundSession>();

  static async load(db: Kysely<Schema>): Promise<SessionsFound> {
    const found = new SessionsFound();
    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'course_id', 'venue_id', 'starts_at', 'contract_id'])
      .where('status', '!=', 'cancelled')
      .orderBy('starts_at')
      .execute();
    for (const row of rows) {
      const key = keyOf(row.course_id, row.starts_at.slice(0, 10), row.venue_id);
      if (!found.byKey.has(key)) found.byKey.set(key, { id: row.id, courseId: row.course_id, startsAt: row.starts_at, contractId: row.contract_id });
    }
    return found;
  }

  find(courseId: string, date: string, venueId: string): FoundSession | null {
    return this.byKey.get(keyOf(courseId, date, venueId)) ?? null;
  }
}
