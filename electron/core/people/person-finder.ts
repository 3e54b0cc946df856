import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { keyRange } from './search-keys';

export interface FoundPerson {
  personId: string;
  givenName: string;
  familyName: string;
  preferredName: string | null;
  organisationName: string | null;
  bookingState: string | null;
  latestSignIn: 'sign_in' | 'undo' | null;
}

interface FoundRow {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  organisation_name: string | null;
  booking_state: string | null;
  latest_sign_in: 'sign_in' | 'undo' | null;
}

/**
 * Name search on every keystroke at the kiosk and the roster has a budget of
 * half a millisecond among 100k people, so it skips the query builder: three
 * statements prepared once, each an index range scan or key lookup.
 */
export class PersonFinder {
  private readonly bookedMatches: Statement<[string, string, string, number], string>;
  private readonly anyMatches: Statement<[string, string, number], string>;
  private readonly describe: Statement<[string, string, string], FoundRow>;

  constructor(sqlite: Database) {
    this.bookedMatches = sqlite
      .prepare<[string, string, string, number], string>(
        `SELECT DISTINCT k.person_id FROM bookings b
         JOIN person_search_keys k ON k.person_id = b.person_id
         WHERE b.session_id = ? AND b.state IN ('booked', 'offered') AND k.key >= ? AND k.key < ?
         LIMIT ?`,
      )
      .pluck();
    this.anyMatches = sqlite
      .prepare<[string, string, number], string>(
        'SELECT DISTINCT person_id FROM person_search_keys WHERE key >= ? AND key < ? LIMIT ?',
      )
      .pluck();
    this.describe = sqlite.prepare<[string, string, string], FoundRow>(
      `SELECT p.id, p.given_name, p.family_name, p.preferred_name, o.name AS organisation_name,
              b.state AS booking_state,
              (SELECT s.kind FROM sign_ins s WHERE s.session_id = ? AND s.person_id = p.id ORDER BY s.hlc DESC LIMIT 1) AS latest_sign_in
       FROM people p
       LEFT JOIN organisations o ON o.id = p.organisation_id
       LEFT JOIN bookings b ON b.person_id = p.id AND b.session_id = ?
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    );
  }

  /** People whose names start with the typed text: those booked on the session first, then anyone. */
  find(sessionId: string, query: string, limit: number): FoundPerson[] {
    const range = keyRange(query);
    if (!range) return [];
    const booked = this.bookedMatches.all(sessionId, range.from, range.to, limit);
    const ids = booked.length >= limit ? booked : [...new Set([...booked, ...this.anyMatches.all(range.from, range.to, limit)])];
    const chosen = ids.slice(0, limit);
    if (chosen.length === 0) return [];
    const rows = new Map(this.describe.all(sessionId, sessionId, JSON.stringify(chosen)).map((row) => [row.id, row]));
    return chosen.flatMap((id) => {
      const row = rows.get(id);
      if (!row) return [];
      return [
        {
          personId: row.id,
          givenName: row.given_name,
          familyName: row.family_name,
          preferredName: row.preferred_name,
          organisationName: row.organisation_name,
          bookingState: row.booking_state,
          latestSignIn: row.latest_sign_in,
        },
      ];
    });
  }
}
