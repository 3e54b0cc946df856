import type { ReportKind } from '../../../shared/contract';
import type { CoreContext } from '../deps';
import { periodBounds } from '../reports/scope';
import { keepErasedDemand } from '../reports/demand-erased';
import { countedScopeOf } from '../reports/facts/counted-scope';
import type { ReportRequest } from '../reports/report-parts';
import { peopleWords as people, sinceWords } from './erased-words';

/**
 * Aggregate figures already printed stay as they were, but a report run
 * after an erasure counts fewer: the erased person's attendances, linked
 * evaluation answers and membership terms are gone. So the erasure keeps,
 * before it deletes them and without anything naming the person, what it
 * took from the figures (migration 0024): per session, how many attendances
 * and answers, with the organisation they counted under; per membership
 * term, its scheme, days and organisation. A report whose period and filters
 * reach any of it says how many and since when (docs/privacy.md).
 *
 * The note is counted over the same scope as the figures (the facts in
 * memory, facts/counted-scope.ts), from the kept counts held in memory until
 * the next erasure, so it is as fresh as the figures and costs a pass over
 * the kept rows, not a query over the sessions.
 */

type Sqlite = CoreContext['sqlite'];

/**
 * Keeps what this erasure takes from the reports. Call inside the erasure's
 * transaction, after collectErasing and before anything is deleted. An
 * attendance is what the reports count (scope.ts): the person kept after
 * merges, whose latest sign-in fact at the session is a sign-in; every
 * record of the erased chain counts as that one person.
 */
export function keepErasedCounts(sqlite: Sqlite, erasureId: string): void {
  sqlite
    .prepare(
      `WITH
       mine(id) AS (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'people'),
       -- Their rows as the closure collected them, read by id: sign-ins have no index by person, and a retention
       -- erasure of hundreds must not read every sign-in once for each.
       latest AS (
         SELECT si.session_id, si.person_id, si.kind, MAX(si.hlc) AS hlc
         FROM sign_ins si WHERE si.id IN (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'sign_ins')
         GROUP BY si.session_id, si.person_id
       ),
       attended AS (SELECT DISTINCT session_id FROM latest WHERE kind = 'sign_in'),
       answered AS (
         SELECT session_id, count(*) AS n FROM evaluation_responses
         WHERE id IN (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'evaluation_responses') GROUP BY session_id
       ),
       touched AS (SELECT session_id FROM attended UNION SELECT session_id FROM answered)
       INSERT INTO erased_session_counts (erasure_id, session_id, organisation_id, attendances, responses)
       SELECT @erasure, t.session_id,
         -- The organisation of the record kept after merges, which the reports count the person under.
         (SELECT organisation_id FROM people WHERE id IN mine ORDER BY merged_into IS NOT NULL LIMIT 1),
         (SELECT count(*) FROM attended a WHERE a.session_id = t.session_id),
         COALESCE((SELECT n FROM answered r WHERE r.session_id = t.session_id), 0)
       FROM touched t`,
    )
    .run({ erasure: erasureId });
  sqlite
    .prepare(
      `INSERT INTO erased_terms (erasure_id, scheme_id, starts_on, ends_on, organisation_id)
       SELECT @erasure, scheme_id, starts_on, ends_on, organisation_id FROM membership_terms
       WHERE id IN (SELECT row_id FROM erasing WHERE erasure_id = @erasure AND table_name = 'membership_terms')`,
    )
    .run({ erasure: erasureId });
  // The demand report's waitlists, released places, waits and sessions full rest on the bookings that go too (schemas 0028, 0034).
  keepErasedDemand(sqlite, erasureId);
}

/** Which of the kept counts a report's figures rest on. */
const COUNTED: Partial<Record<ReportKind, 'attendances' | 'responses' | 'members'>> = {
  training: 'attendances',
  equality: 'attendances',
  confidence: 'responses',
  outcomes: 'responses',
  membership: 'members',
};

interface Removed {
  count: number;
  people: number;
  since: string | null;
}

/**
 * What every erasure kept of the sessions, in memory per database: it only
 * changes when someone is erased, which the count and the newest id of the
 * erasures tell (a preview's rolled-back erasure leaves both as they were).
 */
interface KeptSessionCounts {
  key: string;
  sessionIds: string[];
  /** By row: the session's number in the reports' facts, looked up on first use (-1 not yet). */
  sessionNumbers: Int32Array;
  organisationIds: (string | null)[];
  attendances: Int32Array;
  responses: Int32Array;
  /** By row: its erasure's position in erasedAt. */
  erasure: Int32Array;
  erasedAt: string[];
}

const keptPerDatabase = new WeakMap<Sqlite, KeptSessionCounts>();

function keptSessionCounts(sqlite: Sqlite): KeptSessionCounts {
  const key = JSON.stringify(sqlite.prepare('SELECT count(*), max(id) FROM erasures').raw().get());
  const held = keptPerDatabase.get(sqlite);
  if (held?.key === key) return held;
  const rows = sqlite
    .prepare('SELECT c.session_id, c.organisation_id, c.attendances, c.responses, c.erasure_id, e.erased_at FROM erased_session_counts c JOIN erasures e ON e.id = c.erasure_id')
    .raw()
    .all() as [string, string | null, number, number, string, string][];
  const erasures = new Map<string, number>();
  const erasedAt: string[] = [];
  const kept: KeptSessionCounts = {
    key,
    sessionIds: rows.map((row) => row[0]),
    sessionNumbers: new Int32Array(rows.length).fill(-1),
    organisationIds: rows.map((row) => row[1]),
    attendances: Int32Array.from(rows, (row) => row[2]),
    responses: Int32Array.from(rows, (row) => row[3]),
    erasure: Int32Array.from(rows, ([, , , , erasureId, at]) => {
      let n = erasures.get(erasureId);
      if (n === undefined) erasures.set(erasureId, (n = erasedAt.push(at) - 1));
      return n;
    }),
    erasedAt,
  };
  keptPerDatabase.set(sqlite, kept);
  return kept;
}

/**
 * Attendances or answers the erasures took from the report's sessions (in
 * its period, matching its session filters: the facts' counted scope) and
 * from people matching its organisation and sector filters, counted under
 * the organisation the erased person was counted under.
 */
function sessionsRemoved(request: ReportRequest, column: 'attendances' | 'responses'): Removed {
  const kept = keptSessionCounts(request.ctx.sqlite);
  const none = { count: 0, people: 0, since: null };
  if (kept.sessionIds.length === 0) return none;
  const scope = countedScopeOf(request);
  const { sessionNumbers: numbers } = scope.facts.attendance;
  const { organisations } = scope.facts;
  const { organisationId, sector } = request.filters;
  const sectorOf = (id: string | null) => {
    const n = id === null ? undefined : organisations.numbers.numberOf(id);
    return n === undefined ? 'none' : organisations.sectors[n]!;
  };
  const counts = kept[column];
  const counted = new Uint8Array(kept.erasedAt.length);
  let count = 0;
  let people = 0;
  let since: string | null = null;
  for (let row = 0; row < counts.length; row += 1) {
    if (counts[row] === 0) continue;
    let session = kept.sessionNumbers[row]!;
    if (session < 0) kept.sessionNumbers[row] = session = numbers.numberOf(kept.sessionIds[row]!) ?? -1;
    if (session < 0 || scope.inScope[session] !== 1) continue;
    if (organisationId !== undefined && kept.organisationIds[row] !== organisationId) continue;
    if (sector !== undefined && sectorOf(kept.organisationIds[row]!) !== sector) continue;
    count += counts[row]!;
    const erasure = kept.erasure[row]!;
    if (counted[erasure] === 0) {
      counted[erasure] = 1;
      people += 1;
      const at = kept.erasedAt[erasure]!;
      if (since === null || at < since) since = at;
    }
  }
  return count === 0 ? none : { count, people, since };
}

/** Members the membership report would have counted: a term of the scheme that began or ended in the period. */
function membersRemoved(request: ReportRequest): Removed {
  const { ctx, period, filters } = request;
  if (ctx.sqlite.prepare('SELECT 1 FROM erased_terms LIMIT 1').get() === undefined) return { count: 0, people: 0, since: null };
  const { from, toNext } = periodBounds(period);
  const found = ctx.sqlite
    .prepare(
      `SELECT COUNT(DISTINCT t.erasure_id) AS count, COUNT(DISTINCT t.erasure_id) AS people, MIN(e.erased_at) AS since
       FROM erased_terms t JOIN erasures e ON e.id = t.erasure_id LEFT JOIN organisations o ON o.id = t.organisation_id
       WHERE t.scheme_id = @scheme
         AND ((t.starts_on >= @from AND t.starts_on < @toNext) OR (t.ends_on >= @from AND t.ends_on < @toNext))
         AND (@organisation IS NULL OR t.organisation_id = @organisation)
         AND (@sector IS NULL OR COALESCE(o.sector, 'none') = @sector)`,
    )
    .get({ scheme: filters.schemeId ?? null, from, toNext, organisation: filters.organisationId ?? null, sector: filters.sector ?? null }) as Removed;
  return found;
}

/**
 * The report's note when erased people's records are in its period and
 * filters, or none: "3 attendances by 2 people erased since 2 December 2026
 * are no longer counted, so figures printed before then may be higher."
 * The demand report writes its own (reports/demand-erased.ts): whether its
 * median differs needs the waits it counted.
 */
export function erasedNotes(request: ReportRequest, kind: ReportKind): string[] {
  const counted = COUNTED[kind];
  if (!counted) return [];
  const removed = counted === 'members' ? membersRemoved(request) : sessionsRemoved(request, counted);
  if (removed.count === 0 || removed.since === null) return [];
  const since = sinceWords(removed.since);
  const n = removed.count.toLocaleString('en-GB');
  if (counted === 'attendances') {
    return [`${n} ${removed.count === 1 ? 'attendance' : 'attendances'} by ${people(removed.people)} erased since ${since} ${removed.count === 1 ? 'is' : 'are'} no longer counted, so figures printed before then may be higher.`];
  }
  if (counted === 'responses') {
    return [`${n} evaluation ${removed.count === 1 ? 'answer' : 'answers'} by ${people(removed.people)} erased since ${since} ${removed.count === 1 ? 'is' : 'are'} no longer counted, so figures printed before then may differ.`];
  }
  return [`${n} ${removed.count === 1 ? 'member' : 'members'} erased since ${since} ${removed.count === 1 ? 'is' : 'are'} no longer counted, so figures printed before then may be higher.`];
}
