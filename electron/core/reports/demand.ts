import { median } from './stats';
import { rows, table, type ReportBody, type ReportRequest } from './report-parts';

/**
 * Demand: who waited for a place on the sessions in the period and for how
 * long, places released at the venue, organisations' requests still waiting,
 * and sessions that filled within a week of opening. Read from the booking
 * history (booking_events, append-only), the requests and the change log,
 * as they stood on the as-of date. docs/reports.md defines each figure.
 */

/** The booking history's word for a place given in the room from those released (bookings/release.ts). */
export const GIVEN_RELEASED_PLACE = 'given a place released by no-shows';

/** A history entry `e` that put someone on a waitlist from no place: not a move within the queue, nor an offer going back. */
export const WAITLIST_JOIN = (e: string) => `${e}.to_state = 'waitlisted' AND (${e}.from_state IS NULL OR ${e}.from_state NOT IN ('waitlisted', 'offered'))`;
const FULL_WITHIN_DAYS = 7;

/**
 * Report CTEs over the scope's scoped_sessions and person_root:
 * - events: the booking history of the scoped sessions recorded by the as-of date;
 * - person_events: those of people (as kept) in the organisation and sector chosen;
 * - joins: each time someone went onto a waitlist (from no place, not a move
 *   within the queue nor an offer going back), with the person kept and the
 *   first time after it that booking got a place;
 * - opened: each session's opening, the first time it was recorded (its
 *   earliest change-log stamp), and the first time it was full: individual
 *   places booked or offered plus group places reached the capacity, or
 *   someone joined its waitlist (which only happens when it is full).
 */
const DEMAND_CTES = `
  events AS (
    -- From the sessions to their bookings to each booking's history, along the indexes each has.
    SELECT e.* FROM scoped_sessions ss
    JOIN bookings bk ON bk.session_id = ss.id
    JOIN booking_events e ON e.booking_id = bk.id
    WHERE substr(e.recorded_at, 1, 10) <= @asOf
  ),
  person_events AS (
    -- The people's own rows, filtered by organisation and sector of the person kept.
    SELECT e.*, COALESCE(pr.root, b.person_id) AS person_id
    FROM events e
    JOIN bookings b ON b.id = e.booking_id
    LEFT JOIN person_root pr ON pr.id = b.person_id
    JOIN people p ON p.id = COALESCE(pr.root, b.person_id)
    LEFT JOIN organisations o ON o.id = p.organisation_id
    %PERSON_WHERE%
  ),
  joins AS (
    SELECT j.booking_id, j.session_id, j.person_id, j.recorded_at,
      (SELECT MIN(placed.recorded_at) FROM booking_events placed
       WHERE placed.booking_id = j.booking_id AND placed.hlc > j.hlc AND placed.to_state = 'booked'
         AND substr(placed.recorded_at, 1, 10) <= @asOf) AS placed_at
    FROM person_events j
    WHERE ${WAITLIST_JOIN('j')}
  ),
  seat_moves AS (
    SELECT e.session_id, e.recorded_at,
      SUM((e.to_state IN ('booked', 'offered')) - (COALESCE(e.from_state, '') IN ('booked', 'offered')))
        OVER (PARTITION BY e.session_id ORDER BY e.hlc ROWS UNBOUNDED PRECEDING) AS held
    FROM events e JOIN bookings b ON b.id = e.booking_id
    -- A named group member sits inside the group's places, counted below.
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
  ),
  opened AS (
    SELECT ss.id AS session_id,
      (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', CAST(substr(MIN(c.hlc), 1, 15) AS INTEGER) / 1000.0, 'unixepoch')
       FROM change_log c WHERE c.table_name = 'sessions' AND c.row_id = ss.id) AS opened_at
    FROM scoped_sessions ss
  ),
  waits_by_session AS (
    SELECT session_id, COUNT(DISTINCT person_id) AS waited, COUNT(DISTINCT CASE WHEN placed_at IS NOT NULL THEN person_id END) AS placed
    FROM joins GROUP BY session_id
  )`;

/** The CTEs with the scope's organisation and sector filters applied to the people waiting. */
const demandCtes = (request: ReportRequest) =>
  DEMAND_CTES.replace('%PERSON_WHERE%', request.scope.personWhere ? `WHERE ${request.scope.personWhere}` : '');

interface SessionRow {
  course: string;
  startsAt: string;
  venue: string;
  waited: number;
  placed: number;
  fullSoon: number;
}

interface CourseRow {
  course: string;
  waited: number;
  placed: number;
}

function sessionRows(request: ReportRequest): SessionRow[] {
  return rows<SessionRow>(
    request,
    `${demandCtes(request)}
     SELECT c.title AS course, ss.starts_at AS startsAt, v.name AS venue, COALESCE(w.waited, 0) AS waited, COALESCE(w.placed, 0) AS placed,
       COALESCE(f.full_at <= strftime('%Y-%m-%dT%H:%M:%fZ', o.opened_at, '+${FULL_WITHIN_DAYS} days'), 0) AS fullSoon
     FROM scoped_sessions ss JOIN courses c ON c.id = ss.course_id JOIN venues v ON v.id = ss.venue_id
     LEFT JOIN waits_by_session w ON w.session_id = ss.id
     LEFT JOIN full_at f ON f.session_id = ss.id
     LEFT JOIN opened o ON o.session_id = ss.id
     ORDER BY ss.starts_at, c.title`,
    { asOf: request.period.asOf },
  );
}

function demandFigures(request: ReportRequest) {
  const params = { asOf: request.period.asOf };
  const byCourse = rows<CourseRow>(
    request,
    `${demandCtes(request)}
     SELECT c.title AS course, COUNT(DISTINCT j.person_id) AS waited, COUNT(DISTINCT CASE WHEN j.placed_at IS NOT NULL THEN j.person_id END) AS placed
     FROM joins j JOIN scoped_sessions ss ON ss.id = j.session_id JOIN courses c ON c.id = ss.course_id
     GROUP BY c.id ORDER BY waited DESC, c.title`,
    params,
  );
  const [people] = rows<{ waited: number; placed: number }>(
    request,
    `${demandCtes(request)} SELECT COUNT(DISTINCT person_id) AS waited, COUNT(DISTINCT CASE WHEN placed_at IS NOT NULL THEN person_id END) AS placed FROM joins`,
    params,
  );
  const waits = rows<{ days: number }>(
    request,
    `${demandCtes(request)} SELECT CAST(julianday(placed_at) - julianday(recorded_at) AS INTEGER) AS days FROM joins WHERE placed_at IS NOT NULL ORDER BY days`,
    params,
  ).map((row) => row.days);
  const [released] = rows<{ released: number; taken: number }>(
    request,
    `${demandCtes(request)}
     SELECT COALESCE(SUM(to_state = 'no_show'), 0) AS released, COALESCE(SUM(event = @given), 0) AS taken FROM person_events`,
    { ...params, given: GIVEN_RELEASED_PLACE },
  );
  return { byCourse, waited: people?.waited ?? 0, placed: people?.placed ?? 0, waits, released: released?.released ?? 0, taken: released?.taken ?? 0 };
}

interface RequestRow {
  course: string;
  days: number;
}

/**
 * Organisations' requests for in-house delivery still waiting: received on
 * or before the as-of date and not yet scheduled or declined. A request's
 * history is not kept, so this is its status now.
 */
function waitingRequests(request: ReportRequest): RequestRow[] {
  const { filters } = request;
  const where = ["r.status = 'waiting'", 'substr(r.requested_at, 1, 10) <= @asOf'];
  if (filters.courseId) where.push('r.course_id = @courseId');
  if (filters.organisationId) where.push('r.organisation_id = @organisationId');
  if (filters.sector) where.push('o.sector = @sector');
  return rows<RequestRow>(
    request,
    `SELECT c.title AS course, CAST(julianday(@asOf) - julianday(substr(r.requested_at, 1, 10)) AS INTEGER) AS days
     FROM organisation_requests r JOIN courses c ON c.id = r.course_id JOIN organisations o ON o.id = r.organisation_id
     WHERE ${where.join(' AND ')} ORDER BY days DESC`,
    { asOf: request.period.asOf },
  );
}

export function demandReport(request: ReportRequest): ReportBody {
  const sessions = sessionRows(request);
  const figures = demandFigures(request);
  const requests = waitingRequests(request);
  const requestDays = requests.map((row) => row.days).sort((a, b) => a - b);
  const requestCourses = new Map<string, number[]>();
  for (const row of requests) requestCourses.set(row.course, [...(requestCourses.get(row.course) ?? []), row.days]);
  const requestsByCourse = [...requestCourses].map(([course, days]) => {
    const sorted = [...days].sort((a, b) => a - b);
    return { course, waiting: sorted.length, medianDays: median(sorted), longestDays: sorted.at(-1) ?? null };
  });
  const waitlistBySession = sessions
    .filter((row) => row.waited > 0)
    .map((row) => ({ course: row.course, startsAt: row.startsAt, venue: row.venue, waited: row.waited, placed: row.placed }));
  const fullWithin7Days = sessions.filter((row) => row.fullSoon === 1).length;
  const data = {
    waitlisted: figures.waited,
    waitlistPlaced: figures.placed,
    medianDaysToPlace: median(figures.waits),
    placesReleased: figures.released,
    releasedPlacesTaken: figures.taken,
    requestsWaiting: requests.length,
    requestsMedianDaysWaiting: median(requestDays),
    requestsLongestDaysWaiting: requestDays.at(-1) ?? null,
    sessions: sessions.length,
    sessionsFullWithin7Days: fullWithin7Days,
    waitlistByCourse: figures.byCourse.map((row) => ({ name: row.course, waitlisted: row.waited, placed: row.placed })),
    waitlistBySession: waitlistBySession.map((row) => ({ course: row.course, startsAt: row.startsAt, venue: row.venue, waitlisted: row.waited, placed: row.placed })),
    requestsByCourse,
  };
  return {
    figures: [
      { key: 'waitlisted', label: 'People on a waitlist', value: data.waitlisted },
      { key: 'waitlistPlaced', label: 'Of them, given a place', value: data.waitlistPlaced },
      { key: 'medianDaysToPlace', label: 'Median days from the waitlist to a place', value: data.medianDaysToPlace },
      { key: 'placesReleased', label: 'Places released at the venue (no-shows)', value: data.placesReleased },
      { key: 'releasedPlacesTaken', label: 'Released places given to people waiting', value: data.releasedPlacesTaken },
      { key: 'requestsWaiting', label: 'Organisation requests waiting', value: data.requestsWaiting },
      { key: 'requestsMedianDaysWaiting', label: 'Median days a request has waited', value: data.requestsMedianDaysWaiting },
      { key: 'requestsLongestDaysWaiting', label: 'Longest a request has waited (days)', value: data.requestsLongestDaysWaiting },
      { key: 'sessions', label: 'Sessions', value: data.sessions },
      { key: 'sessionsFullWithin7Days', label: `Sessions full within ${FULL_WITHIN_DAYS} days of opening`, value: fullWithin7Days },
    ],
    tables: [
      table('waitlistByCourse', 'Waitlists by course', ['Course', 'People on a waitlist', 'Given a place'], figures.byCourse.map((row) => [row.course, row.waited, row.placed])),
      table(
        'waitlistBySession',
        'Waitlists by session',
        ['Course', 'Session', 'Venue', 'People on a waitlist', 'Given a place'],
        waitlistBySession.map((row) => [row.course, row.startsAt.replace('T', ' '), row.venue, row.waited, row.placed]),
        3,
        3,
      ),
      table(
        'requestsByCourse',
        'Requests waiting by course',
        ['Course', 'Waiting', 'Median days waiting', 'Longest wait (days)'],
        requestsByCourse.map((row) => [row.course, row.waiting, row.medianDays, row.longestDays]),
      ),
    ],
    data,
  };
}
