import type { CoreContext } from '../deps';
import { GIVEN_RELEASED_PLACE, WAITLIST_JOIN } from './demand';
import { rows, type ReportRequest } from './report-parts';

/**
 * The demand report after an erasure. Its figures rest on bookings and their
 * history, which an erasure takes with the person; so the erasure keeps,
 * before anything goes and without anything naming the person, each thing the
 * demand report counted from those bookings (schema 0028, erased_demand), and
 * a demand report whose period, filters and as-of day reach any of it says
 * so, in the same words as the other reports' notes (erasure/erased-in-reports.ts).
 */

type Sqlite = CoreContext['sqlite'];

/**
 * Keeps what this erasure takes from the demand report, counted as demand.ts
 * counts it: per session, the first day the person (every record of the
 * erased chain is one person) joined its waitlist and the first day they were
 * given a place after joining; each place of theirs released as a no-show;
 * each released place they were given. Call inside the erasure's
 * transaction, after collectErasing and before anything is deleted.
 */
export function keepErasedDemand(sqlite: Sqlite, erasureId: string): void {
  sqlite
    .prepare(
      `WITH
       mine(id) AS (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'people'),
       -- Their booking history as the closure collected it, read by id.
       history AS (
         SELECT e.* FROM booking_events e
         WHERE e.id IN (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'booking_events')
       ),
       joins AS (
         SELECT j.session_id, j.recorded_at,
           (SELECT MIN(placed.recorded_at) FROM booking_events placed
            WHERE placed.booking_id = j.booking_id AND placed.hlc > j.hlc AND placed.to_state = 'booked') AS placed_at
         FROM history j WHERE ${WAITLIST_JOIN('j')}
       ),
       -- The organisation of the record kept after merges, which the report counts the person under.
       kept(organisation_id) AS (SELECT organisation_id FROM people WHERE id IN mine ORDER BY merged_into IS NOT NULL LIMIT 1),
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
}

interface Kept {
  waitlisted: number;
  released: number;
  taken: number;
  people: number;
  since: string | null;
}

/** What the erasures took from this report: its sessions, recorded by its as-of day, of people matching its organisation and sector filters. */
export function erasedDemand(request: ReportRequest): Kept {
  const none: Kept = { waitlisted: 0, released: 0, taken: 0, people: 0, since: null };
  // Most databases have had no erasure: no scope query for them.
  if (request.ctx.sqlite.prepare('SELECT 1 FROM erased_demand LIMIT 1').get() === undefined) return none;
  const where = ['d.recorded_on <= @asOf'];
  if (request.filters.organisationId) where.push('d.organisation_id = @organisationId');
  if (request.filters.sector) where.push("COALESCE(o.sector, 'none') = @sector");
  const [found] = rows<Kept>(
    request,
    `SELECT COALESCE(SUM(d.counted = 'waitlisted'), 0) AS waitlisted, COALESCE(SUM(d.counted = 'released'), 0) AS released,
       COALESCE(SUM(d.counted = 'released_taken'), 0) AS taken, COUNT(DISTINCT d.erasure_id) AS people, MIN(e.erased_at) AS since
     FROM erased_demand d JOIN scoped_sessions ss ON ss.id = d.session_id JOIN erasures e ON e.id = d.erasure_id
     LEFT JOIN organisations o ON o.id = d.organisation_id
     WHERE ${where.join(' AND ')}`,
    { asOf: request.period.asOf },
  );
  return found ?? none;
}

const counted = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * "2 waitlist entries and 1 place released at the venue by 2 people erased
 * since 2 December 2026 are no longer counted, so figures printed before then
 * may be higher." Null when the erasures took nothing from this report.
 */
export function erasedDemandWords(kept: Kept, people: (n: number) => string, since: string): string | null {
  const parts = [
    ...(kept.waitlisted > 0 ? [counted(kept.waitlisted, 'waitlist entry', 'waitlist entries')] : []),
    ...(kept.released > 0 ? [counted(kept.released, 'place released at the venue', 'places released at the venue')] : []),
    ...(kept.taken > 0 ? [counted(kept.taken, 'released place given', 'released places given')] : []),
  ];
  if (parts.length === 0) return null;
  const one = parts.length === 1 && kept.waitlisted + kept.released + kept.taken === 1;
  const listed = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
  return `${listed} by ${people(kept.people)} erased since ${since} ${one ? 'is' : 'are'} no longer counted, so figures printed before then may be higher.`;
}
