import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';

export interface Seats {
  capacity: number;
  /** Individually booked places, signed in or not (named group members are within their group's places). */
  booked: number;
  offered: number;
  /** Places held by group bookings, named or not yet named. */
  groupPlaces: number;
  waiting: number;
  /** booked + offered + group places: never more than capacity. */
  taken: number;
  free: number;
}

/**
 * The one count of places every capacity decision uses. Unfilled group
 * places count against capacity; named group members are inside them.
 */
export async function countSeats(scope: { trx: Kysely<Schema> }, session: { id: string; capacity: number }): Promise<Seats> {
  const { rows } = await sql<{ booked: number; offered: number; waiting: number; group_places: number }>`
    SELECT
      (SELECT count(*) FROM bookings WHERE session_id = ${session.id} AND state = 'booked' AND group_booking_id IS NULL) AS booked,
      (SELECT count(*) FROM bookings WHERE session_id = ${session.id} AND state = 'offered' AND group_booking_id IS NULL) AS offered,
      (SELECT count(*) FROM bookings WHERE session_id = ${session.id} AND state = 'waitlisted') AS waiting,
      (SELECT coalesce(sum(places), 0) FROM group_bookings WHERE session_id = ${session.id}) AS group_places
  `.execute(scope.trx);
  const row = rows[0]!;
  const taken = Number(row.booked) + Number(row.offered) + Number(row.group_places);
  return {
    capacity: session.capacity,
    booked: Number(row.booked),
    offered: Number(row.offered),
    groupPlaces: Number(row.group_places),
    waiting: Number(row.waiting),
    taken,
    free: Math.max(0, session.capacity - taken),
  };
}
