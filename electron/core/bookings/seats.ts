import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { CompiledQuery, type Kysely } from 'kysely';
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

/** Counts behind every capacity decision; the session id is bound four times. */
const SEAT_COUNTS = `
  SELECT
    (SELECT count(*) FROM bookings WHERE session_id = ? AND state = 'booked' AND group_booking_id IS NULL) AS booked,
    (SELECT count(*) FROM bookings WHERE session_id = ? AND state = 'offered' AND group_booking_id IS NULL) AS offered,
    (SELECT count(*) FROM bookings WHERE session_id = ? AND state = 'waitlisted') AS waiting,
    (SELECT coalesce(sum(places), 0) FROM group_bookings WHERE session_id = ?) AS group_places`;

interface SeatCountRow {
  booked: number;
  offered: number;
  waiting: number;
  group_places: number;
}

function seatsFrom(row: SeatCountRow, capacity: number): Seats {
  const taken = Number(row.booked) + Number(row.offered) + Number(row.group_places);
  return {
    capacity,
    booked: Number(row.booked),
    offered: Number(row.offered),
    groupPlaces: Number(row.group_places),
    waiting: Number(row.waiting),
    taken,
    free: Math.max(0, capacity - taken),
  };
}

/**
 * The one count of places every capacity decision uses. Unfilled group
 * places count against capacity; named group members are inside them.
 */
export async function countSeats(scope: { trx: Kysely<Schema> }, session: { id: string; capacity: number }): Promise<Seats> {
  const { rows } = await scope.trx.executeQuery<SeatCountRow>(CompiledQuery.raw(SEAT_COUNTS, [session.id, session.id, session.id, session.id]));
  return seatsFrom(rows[0]!, session.capacity);
}

const preparedFor = new WeakMap<Database, Statement>();

/** The same count, for work that runs synchronously on the raw connection (a merge, the sessions list), prepared once per connection. */
export function countSeatsNow(sqlite: Database, session: { id: string; capacity: number }): Seats {
  let statement = preparedFor.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(SEAT_COUNTS);
    preparedFor.set(sqlite, statement);
  }
  const row = statement.get(session.id, session.id, session.id, session.id) as SeatCountRow;
  return seatsFrom(row, session.capacity);
}
