/**
 * The demand report's readings of the booking history (booking_events,
 * append-only), shared by the report (demand.ts) and by what an erasure keeps
 * of it (demand-erased.ts), so the two count a joining, a wait and a session
 * full in the same words. docs/reports.md defines each figure.
 */

/** The booking history's word for a place given in the room from those released (bookings/release.ts). */
export const GIVEN_RELEASED_PLACE = 'given a place released by no-shows';

/** A history entry `e` that put someone on a waitlist from no place: not a move within the queue, nor an offer going back. */
export const WAITLIST_JOIN = (e: string) => `${e}.to_state = 'waitlisted' AND (${e}.from_state IS NULL OR ${e}.from_state NOT IN ('waitlisted', 'offered'))`;

/**
 * The first time after joining `j` that its booking was given a place (an
 * offer accepted, a released place); by the as-of day (`@asOf`) when asked.
 */
export const placedAfter = (j: string, byAsOf: boolean) =>
  `(SELECT MIN(placed.recorded_at) FROM booking_events placed
    WHERE placed.booking_id = ${j}.booking_id AND placed.hlc > ${j}.hlc AND placed.to_state = 'booked'
      ${byAsOf ? 'AND substr(placed.recorded_at, 1, 10) <= @asOf' : ''})`;

/** The whole days of a wait, from joining (`recorded_at`) to the place (`placed_at`): 0 for the same day. */
export const WAIT_DAYS = 'CAST(julianday(placed_at) - julianday(recorded_at) AS INTEGER)';

export const FULL_WITHIN_DAYS = 7;

/** When a session was first recorded: the clock stamp of its earliest change-log entry (sessions have no creation date). */
export const openedAt = (sessionId: string) =>
  `(SELECT strftime('%Y-%m-%dT%H:%M:%fZ', CAST(substr(MIN(c.hlc), 1, 15) AS INTEGER) / 1000.0, 'unixepoch')
    FROM change_log c WHERE c.table_name = 'sessions' AND c.row_id = ${sessionId})`;

/** 1 when the moment `fullAt` (null: never full) is within the days after `opened`, else 0. */
export const fullSoon = (fullAt: string, opened: string) =>
  `COALESCE(${fullAt} <= strftime('%Y-%m-%dT%H:%M:%fZ', ${opened}, '+${FULL_WITHIN_DAYS} days'), 0)`;

/** The CTE `events`: the booking history of the sessions in `scoped_sessions` (from each session to its bookings to their history, along the indexes each has), where `where`. */
export const sessionHistory = (where: string) => `
  events AS (
    SELECT e.* FROM scoped_sessions ss
    JOIN bookings bk ON bk.session_id = ss.id
    JOIN booking_events e ON e.booking_id = bk.id
    WHERE ${where}
  )`;

/**
 * CTEs over `scoped_sessions` and `events` (the booking history counted):
 * full_at, each session's first moment full, when the places booked or
 * offered to individuals (named group members sit inside their group's
 * places) plus the places of the group bookings made by then reached its
 * capacity, or when anyone first joined its waitlist (which happens only
 * when it is full). Sessions of capacity 0 are never full.
 */
export const FULL_AT_CTES = `
  seat_moves AS (
    SELECT e.session_id, e.recorded_at,
      SUM((e.to_state IN ('booked', 'offered')) - (COALESCE(e.from_state, '') IN ('booked', 'offered')))
        OVER (PARTITION BY e.session_id ORDER BY e.hlc ROWS UNBOUNDED PRECEDING) AS held
    FROM events e JOIN bookings b ON b.id = e.booking_id
    WHERE b.group_booking_id IS NULL
  ),
  full_at AS (
    SELECT session_id, MIN(at) AS full_at FROM (
      SELECT m.session_id, m.recorded_at AS at FROM seat_moves m JOIN scoped_sessions ss ON ss.id = m.session_id
      WHERE ss.capacity > 0 AND m.held + (SELECT COALESCE(SUM(g.places), 0) FROM group_bookings g
                                           WHERE g.session_id = m.session_id AND g.created_at <= m.recorded_at) >= ss.capacity
      UNION ALL
      SELECT session_id, MIN(recorded_at) FROM events e
      WHERE ${WAITLIST_JOIN('e')}
      GROUP BY session_id
    ) GROUP BY session_id
  )`;
