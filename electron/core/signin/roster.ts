import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Roster, RosterEntry, Session } from '../../../shared/contract';
import type { CoreContext } from '../deps';
import { getSession } from '../catalogue/sessions';
import { countSeats } from '../bookings/seats';

export interface RosterRow {
  person_id: string;
  booking_state: 'booked' | 'waitlisted' | 'offered' | 'cancelled' | 'no_show';
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  organisation_name: string | null;
  sign_in_id: string | null;
  sign_in_kind: 'sign_in' | 'undo' | null;
  sign_in_method: 'facilitator' | 'kiosk' | 'walk_in' | null;
  sign_in_recorded_at: string | null;
  waitlist_position: number | null;
  priority_reason: string | null;
  present_at: string | null;
  booked_at: string;
  group_booking_id: string | null;
  walk_in: number;
}

/**
 * The roster is re-read after every sign-in, so its query is prepared once.
 * Whether someone is signed in comes from the latest sign-in fact for them
 * (a sign-in, or an undo correcting it).
 */
export function rosterReader(sqlite: Database): (sessionId: string) => RosterRow[] {
  const statement = sqlite.prepare<[string, string], RosterRow>(`
    WITH latest AS (
      SELECT person_id, id, kind, method, recorded_at,
             row_number() OVER (PARTITION BY person_id ORDER BY hlc DESC) AS position
      FROM sign_ins WHERE session_id = ?
    )
    SELECT b.person_id, b.state AS booking_state,
           p.given_name, p.family_name, p.preferred_name, o.name AS organisation_name,
           l.id AS sign_in_id, l.kind AS sign_in_kind, l.method AS sign_in_method, l.recorded_at AS sign_in_recorded_at,
           b.waitlist_position, b.priority_reason, b.present_at, b.booked_at, b.group_booking_id, b.walk_in
    FROM bookings b
    JOIN people p ON p.id = b.person_id
    LEFT JOIN organisations o ON o.id = p.organisation_id
    LEFT JOIN latest l ON l.person_id = b.person_id AND l.position = 1
    WHERE b.session_id = ?
    ORDER BY lower(p.family_name), lower(p.given_name)`);
  return (sessionId) => statement.all(sessionId, sessionId);
}

export function displayName(person: { given_name: string; family_name: string; preferred_name: string | null }): string {
  return `${person.preferred_name ?? person.given_name} ${person.family_name}`;
}

/**
 * Who is on a session and where they stand. Signed in is read from the
 * append-only facts, never stored as a flag that could be overwritten.
 */
export async function getRoster(ctx: CoreContext, sessionId: string, session?: Session): Promise<Roster> {
  const current = session ?? (await getSession(ctx, sessionId));
  const rows = ctx.rosterRows(sessionId);

  // Queue order as the waitlist keeps it: position, then when they joined, then id.
  const queue = rows
    .filter((row) => row.booking_state === 'waitlisted')
    .sort((a, b) => (a.waitlist_position ?? 0) - (b.waitlist_position ?? 0) || a.booked_at.localeCompare(b.booked_at) || a.person_id.localeCompare(b.person_id))
    .map((row) => row.person_id);
  const entries: RosterEntry[] = rows.map((row) => {
    const signedIn = row.sign_in_kind === 'sign_in';
    const position = queue.indexOf(row.person_id);
    return {
      personId: row.person_id,
      name: displayName(row),
      organisationName: row.organisation_name,
      state: signedIn ? 'signed_in' : row.booking_state,
      waitlistPosition: position >= 0 ? position + 1 : null,
      priorityReason: row.booking_state === 'waitlisted' ? row.priority_reason : null,
      present: row.present_at !== null,
      walkIn: row.walk_in === 1,
      bookedAt: row.booked_at,
      groupBookingId: row.group_booking_id,
      signIn: signedIn ? { id: row.sign_in_id!, method: row.sign_in_method!, signedAt: row.sign_in_recorded_at! } : null,
    };
  });
  const count = (state: RosterEntry['state']) => entries.filter((entry) => entry.state === state).length;
  const seats = await countSeats({ trx: ctx.db }, current);
  return {
    session: current,
    counts: {
      capacity: current.capacity,
      booked: seats.booked,
      offered: seats.offered,
      waiting: seats.waiting,
      groupPlaces: seats.groupPlaces,
      signedIn: count('signed_in'),
      cancelled: count('cancelled'),
      noShow: count('no_show'),
      seatsLeft: seats.free,
    },
    entries,
  };
}
