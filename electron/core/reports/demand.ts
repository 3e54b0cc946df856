import { erasedDemandNotes } from './demand-erased';
import { FULL_AT_CTES, FULL_WITHIN_DAYS, fullSoon, GIVEN_RELEASED_PLACE, openedAt, placedAfter, sessionHistory, WAIT_DAYS, WAITLIST_JOIN } from './demand-sql';
import { median } from './stats';
import { rows, table, type ReportBody, type ReportRequest } from './report-parts';

/**
 * Demand: who waited for a place on the sessions in the period and for how
 * long, places released at the venue, organisations' requests still waiting,
 * and sessions that filled within a week of opening. Read from the booking
 * history (booking_events, append-only), the requests and the change log,
 * as they stood on the as-of date. docs/reports.md defines each figure.
 */

/**
 * Report CTEs over the scope's scoped_sessions and person_root:
 * - events: the booking history of the scoped sessions recorded by the as-of date;
 * - person_events: those of people (as kept) in the organisation and sector chosen;
 * - joins: each time someone went onto a waitlist (from no place, not a move
 *   within the queue nor an offer going back), with the person kept and the
 *   first time after it that booking got a place;
 * - seat_moves, full_at: the first time each session was full (demand-sql.ts);
 * - opened: each session's opening, the first time it was recorded (its
 *   earliest change-log stamp).
 */
const DEMAND_CTES = `
  ${sessionHistory('substr(e.recorded_at, 1, 10) <= @asOf')},
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
    SELECT j.booking_id, j.session_id, j.person_id, j.recorded_at, ${placedAfter('j', true)} AS placed_at
    FROM person_events j
    WHERE ${WAITLIST_JOIN('j')}
  ),
  ${FULL_AT_CTES},
  opened AS (
    SELECT ss.id AS session_id, ${openedAt('ss.id')} AS opened_at FROM scoped_sessions ss
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
       ${fullSoon('f.full_at', 'o.opened_at')} AS fullSoon
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
    `${demandCtes(request)} SELECT ${WAIT_DAYS} AS days FROM joins WHERE placed_at IS NOT NULL ORDER BY days`,
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
    // What people erased since took from these figures (the waitlists, released places, sessions full and the median).
    notes: erasedDemandNotes(request, figures.waits),
  };
}
