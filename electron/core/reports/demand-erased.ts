import type { CoreContext } from '../deps';
import { countedWords, peopleWords, sinceWords } from '../erasure/erased-words';
import { FULL_AT_CTES, fullSoon, GIVEN_RELEASED_PLACE, openedAt, placedAfter, sessionHistory, WAIT_DAYS, WAITLIST_JOIN } from './demand-sql';
import { rows, type ReportRequest } from './report-parts';
import { median } from './stats';

/**
 * The demand report after an erasure. Its figures rest on bookings and their
 * history, which an erasure takes with the person; so the erasure keeps,
 * before anything goes and without anything naming the person, what the
 * demand report counted from those bookings: each waitlist entry, place
 * given, place released and released place given (schema 0028,
 * erased_demand), each wait its median counted (0034, erased_waits), and each
 * session whose first moment full their places moved (0034, erased_fills).
 * A demand report whose period, filters and as-of day reach any of it says
 * so, in the same words as the other reports' notes (erasure/erased-in-reports.ts).
 */

type Sqlite = CoreContext['sqlite'];

/** Their bookings' history as the closure collected it, read by id, with their joinings and the organisation they counted under. */
const ERASED_HISTORY = `WITH
  mine(id) AS (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'people'),
  history AS (
    SELECT e.* FROM booking_events e
    WHERE e.id IN (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'booking_events')
  ),
  joins AS (SELECT j.session_id, j.recorded_at, ${placedAfter('j', false)} AS placed_at FROM history j WHERE ${WAITLIST_JOIN('j')}),
  -- The organisation of the record kept after merges, which the report counts the person under.
  kept(organisation_id) AS (SELECT organisation_id FROM people WHERE id IN mine ORDER BY merged_into IS NOT NULL LIMIT 1)`;

/**
 * Each session the erased bookings were on, and its first moment full
 * (demand-sql.ts) from its whole history, or without the erased bookings'.
 */
const fullMoments = (withoutTheirs: boolean) => `WITH
  scoped_sessions AS (
    SELECT id, capacity FROM sessions
    WHERE id IN (SELECT session_id FROM bookings WHERE id IN (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'bookings'))
  ),
  ${sessionHistory(withoutTheirs ? "e.id NOT IN (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'booking_events')" : '1')},
  ${FULL_AT_CTES}
  SELECT ss.id, f.full_at FROM scoped_sessions ss LEFT JOIN full_at f ON f.session_id = ss.id`;

/**
 * The sessions whose first moment full the erased bookings made earlier:
 * without them a session fills later, or never (taking places away never
 * fills one sooner). Read at each session's capacity when erased: a later
 * change of capacity moves the report's figure for reasons of its own.
 */
function keepErasedFills(sqlite: Sqlite, erasureId: string): void {
  const params = { erasure: erasureId };
  const moments = (withoutTheirs: boolean) => sqlite.prepare(fullMoments(withoutTheirs)).raw().all(params) as [string, string | null][];
  const without = new Map(moments(true));
  const keep = sqlite.prepare('INSERT INTO erased_fills (erasure_id, session_id, full_with, full_without) VALUES (?, ?, ?, ?)');
  for (const [sessionId, fullWith] of moments(false)) {
    const fullWithout = without.get(sessionId) ?? null;
    if (fullWith !== fullWithout) keep.run(erasureId, sessionId, fullWith, fullWithout);
  }
}

/**
 * Keeps what this erasure takes from the demand report, counted as demand.ts
 * counts it: per session, the first day the person (every record of the
 * erased chain is one person) joined its waitlist and the first day they were
 * given a place after joining; each place of theirs released as a no-show;
 * each released place they were given; each wait for a place (the day placed
 * and the days waited); and the sessions whose first moment full it moves.
 * Call inside the erasure's transaction, after collectErasing and before
 * anything is deleted.
 */
export function keepErasedDemand(sqlite: Sqlite, erasureId: string): void {
  sqlite
    .prepare(
      `${ERASED_HISTORY},
       counted(session_id, counted, recorded_on) AS (
         SELECT session_id, 'waitlisted', MIN(substr(recorded_at, 1, 10)) FROM joins GROUP BY session_id
         UNION ALL
         SELECT session_id, 'placed', MIN(substr(placed_at, 1, 10)) FROM joins WHERE placed_at IS NOT NULL GROUP BY session_id
         UNION ALL
         SELECT session_id, 'released', substr(recorded_at, 1, 10) FROM history WHERE to_state = 'no_show'
         UNION ALL
         SELECT session_id, 'released_taken', substr(recorded_at, 1, 10) FROM history WHERE event = @given
       )
       INSERT INTO erased_demand (erasure_id, session_id, organisation_id, counted, recorded_on)
       SELECT @erasure, c.session_id, (SELECT organisation_id FROM kept), c.counted, c.recorded_on FROM counted c`,
    )
    .run({ erasure: erasureId, given: GIVEN_RELEASED_PLACE });
  sqlite
    .prepare(
      `${ERASED_HISTORY}
       INSERT INTO erased_waits (erasure_id, session_id, organisation_id, placed_on, days)
       SELECT @erasure, session_id, (SELECT organisation_id FROM kept), substr(placed_at, 1, 10), ${WAIT_DAYS} FROM joins WHERE placed_at IS NOT NULL`,
    )
    .run({ erasure: erasureId });
  keepErasedFills(sqlite, erasureId);
}

/** Kept rows `d` (with `o` their organisation) of the report's people: its organisation and sector filters, and `day` by its as-of day. */
function keptWhere(request: ReportRequest, day: string): string {
  const where = [`${day} <= @asOf`];
  if (request.filters.organisationId) where.push('d.organisation_id = @organisationId');
  if (request.filters.sector) where.push("COALESCE(o.sector, 'none') = @sector");
  return where.join(' AND ');
}

const anyKept = (request: ReportRequest, table: 'erased_demand' | 'erased_waits' | 'erased_fills') =>
  request.ctx.sqlite.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;

interface Entries {
  waitlisted: number;
  released: number;
  taken: number;
  people: number;
  since: string | null;
}

/** What the erasures took from this report's waitlists and released places: its sessions, recorded by its as-of day, of people matching its filters. */
function erasedEntries(request: ReportRequest): Entries | null {
  const [found] = rows<Entries>(
    request,
    `SELECT COALESCE(SUM(d.counted = 'waitlisted'), 0) AS waitlisted, COALESCE(SUM(d.counted = 'released'), 0) AS released,
       COALESCE(SUM(d.counted = 'released_taken'), 0) AS taken, COUNT(DISTINCT d.erasure_id) AS people, MIN(e.erased_at) AS since
     FROM erased_demand d JOIN scoped_sessions ss ON ss.id = d.session_id JOIN erasures e ON e.id = d.erasure_id
     LEFT JOIN organisations o ON o.id = d.organisation_id
     WHERE ${keptWhere(request, 'd.recorded_on')}`,
    { asOf: request.period.asOf },
  );
  return found?.since ? found : null;
}

/**
 * "1 waitlist entry and 1 released place given by 1 person erased since
 * 2 December 2026 are no longer counted, so figures printed before then may
 * be higher."
 */
function entriesNote(request: ReportRequest): string | null {
  const kept = anyKept(request, 'erased_demand') ? erasedEntries(request) : null;
  if (!kept) return null;
  const parts = [
    ...(kept.waitlisted > 0 ? [countedWords(kept.waitlisted, 'waitlist entry', 'waitlist entries')] : []),
    ...(kept.released > 0 ? [countedWords(kept.released, 'place released at the venue', 'places released at the venue')] : []),
    ...(kept.taken > 0 ? [countedWords(kept.taken, 'released place given', 'released places given')] : []),
  ];
  if (parts.length === 0) return null;
  const one = parts.length === 1 && kept.waitlisted + kept.released + kept.taken === 1;
  const listed = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return `${listed} by ${peopleWords(kept.people)} erased since ${sinceWords(kept.since!)} ${one ? 'is' : 'are'} no longer counted, so figures printed before then may be higher.`;
}

/** 1 when the kept moment `fullAt` was by the as-of day and within the days after the session opened, as the report counts it. */
const fullSoonByAsOf = (fullAt: string) => `CASE WHEN substr(${fullAt}, 1, 10) <= @asOf THEN ${fullSoon(fullAt, 'opened_at')} ELSE 0 END`;

/**
 * "1 session is no longer counted as full within 7 days of opening: …": the
 * report's sessions full soon with the first erasure's places that are not
 * without the last one's, and the erasures that moved them.
 */
function fillsNote(request: ReportRequest): string | null {
  if (!anyKept(request, 'erased_fills')) return null;
  const [lost] = rows<{ sessions: number; people: number; since: string | null }>(
    request,
    `erased_fill_moments AS (
       SELECT f.session_id, ${openedAt('f.session_id')} AS opened_at,
         (SELECT w.full_with FROM erased_fills w WHERE w.session_id = f.session_id ORDER BY w.seq LIMIT 1) AS was_full_at,
         (SELECT n.full_without FROM erased_fills n WHERE n.session_id = f.session_id ORDER BY n.seq DESC LIMIT 1) AS full_at_now
       FROM erased_fills f JOIN scoped_sessions ss ON ss.id = f.session_id GROUP BY f.session_id
     ),
     erased_fills_lost AS (
       SELECT session_id FROM erased_fill_moments WHERE ${fullSoonByAsOf('was_full_at')} = 1 AND ${fullSoonByAsOf('full_at_now')} = 0
     )
     SELECT (SELECT COUNT(*) FROM erased_fills_lost) AS sessions, COUNT(DISTINCT f.erasure_id) AS people, MIN(e.erased_at) AS since
     FROM erased_fills f JOIN erasures e ON e.id = f.erasure_id WHERE f.session_id IN (SELECT session_id FROM erased_fills_lost)`,
    { asOf: request.period.asOf },
  );
  if (!lost?.since || lost.sessions === 0) return null;
  const one = lost.sessions === 1;
  return `${countedWords(lost.sessions, 'session is', 'sessions are')} no longer counted as full within 7 days of opening: without the places of ${peopleWords(lost.people)} erased since ${sinceWords(lost.since)} ${one ? 'it' : 'they'} filled later or not at all, so figures printed before then may be higher.`;
}

/**
 * "1 wait for a place by 1 person erased since 2 December 2026 is no longer
 * counted in the median days from the waitlist to a place, which was 17 with
 * it, …", when the median of the report's waits (`waits`) and the erased
 * people's in its scope is not the median printed now.
 */
function medianNote(request: ReportRequest, waits: readonly number[]): string | null {
  if (!anyKept(request, 'erased_waits')) return null;
  const erased = rows<{ days: number; erasure: string; erasedAt: string }>(
    request,
    `SELECT d.days, d.erasure_id AS erasure, e.erased_at AS erasedAt
     FROM erased_waits d JOIN scoped_sessions ss ON ss.id = d.session_id JOIN erasures e ON e.id = d.erasure_id
     LEFT JOIN organisations o ON o.id = d.organisation_id
     WHERE ${keptWhere(request, 'd.placed_on')}`,
    { asOf: request.period.asOf },
  );
  if (erased.length === 0) return null;
  const withThem = median([...waits, ...erased.map((wait) => wait.days)].sort((a, b) => a - b));
  if (withThem === median(waits)) return null;
  const one = erased.length === 1;
  const people = new Set(erased.map((wait) => wait.erasure)).size;
  const since = erased.reduce((first, wait) => (wait.erasedAt < first ? wait.erasedAt : first), erased[0]!.erasedAt);
  return `${countedWords(erased.length, 'wait for a place', 'waits for a place')} by ${peopleWords(people)} erased since ${sinceWords(since)} ${one ? 'is' : 'are'} no longer counted in the median days from the waitlist to a place, which was ${withThem!.toLocaleString('en-GB')} with ${one ? 'it' : 'them'}, so figures printed before then may differ.`;
}

/**
 * The demand report's notes about people erased since: its waitlists and
 * released places, its sessions full within 7 days of opening, and its
 * median days to a place (given the report's `waits`, sorted). None when the
 * erasures took nothing from this report.
 */
export function erasedDemandNotes(request: ReportRequest, waits: readonly number[]): string[] {
  return [entriesNote(request), fillsNote(request), medianNote(request, waits)].filter((note): note is string => note !== null);
}
