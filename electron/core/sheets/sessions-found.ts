import { sql, type Kysely } from 'kysely';
import type { Schema } from '../../db/schema';

export interface FoundSession {
  id: string;
  courseId: string;
  startsAt: string;
  contractId: string | null;
  capacity: number;
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
      .select(['id', 'course_id', 'venue_id', 'starts_at', 'contract_id', 'capacity'])
      .where('status', '!=', 'cancelled')
      .orderBy('starts_at')
      .execute();
    for (const row of rows) {
      const key = keyOf(row.course_id, row.starts_at.slice(0, 10), row.venue_id);
      if (!found.byKey.has(key)) found.byKey.set(key, { id: row.id, courseId: row.course_id, startsAt: row.starts_at, contractId: row.contract_id, capacity: row.capacity });
    }
    return found;
  }

  find(courseId: string, date: string, venueId: string): FoundSession | null {
    return this.byKey.get(keyOf(courseId, date, venueId)) ?? null;
  }

  /**
   * Who is signed in now (their latest fact a sign-in, not an undo) at each
   * of these sessions, read in one query rather than one per session.
   */
  static async signedIn(db: Kysely<Schema>, sessionIds: readonly string[]): Promise<Map<string, Set<string>>> {
    const latest = new Map<string, Map<string, string>>();
    if (sessionIds.length === 0) return new Map();
    const facts = await db
      .selectFrom('sign_ins')
      .select(['session_id', 'person_id', 'kind'])
      .where('session_id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(sessionIds)}))`)
      .orderBy('hlc')
      .execute();
    for (const fact of facts) {
      let people = latest.get(fact.session_id);
      if (!people) latest.set(fact.session_id, (people = new Map()));
      people.set(fact.person_id, fact.kind);
    }
    return new Map([...latest].map(([session, people]) => [session, new Set([...people].filter(([, kind]) => kind === 'sign_in').map(([person]) => person))]));
  }
}
