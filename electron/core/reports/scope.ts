import type { ReportFilters, ResolvedPeriod } from '../../../shared/contract';
import { addDays, countedTo } from './periods';
import { facilitatorGroupKeySql, facilitatorGroupNameSql, facilitatorKeySql, facilitatorRecordJoinSql } from './facts/facilitator-key';

/**
 * The rows every report counts from, as SQL common table expressions over
 * the real schema, written once so each report's figures rest on the same
 * definitions (docs/reports.md):
 *
 * - scoped_sessions: sessions dated in the period (up to the as-of date),
 *   not cancelled, matching the session filters (contract, course, venue,
 *   facilitator).
 * - person_root: each merged person's id beside the person it was merged
 *   into, followed to the end of the chain, so a duplicate counts as the
 *   person kept.
 * - attended: one row per attendance — a person (as kept) whose latest
 *   sign-in fact at a scoped session is a sign-in, not an undo — with the
 *   organisation and sector of the person kept, filtered by organisation and
 *   sector.
 *
 * Reports are aggregates over many tables, so they are plain SQL run through
 * better-sqlite3 (each text prepared once, report-parts.ts) rather than
 * kysely, whose builder would hide the definitions behind its calls.
 */

export interface Scope {
  /** The WITH clause, ending without a comma; a report appends its own CTEs after ", ". */
  with: string;
  params: Record<string, string>;
  /** Whether organisation or sector filters apply: anonymous answers cannot be counted then. */
  personFiltered: boolean;
  /** The organisation and sector filters over p (the person kept) and o (their organisation), for other rows about people. */
  personWhere: string;
}

/**
 * The days a report counts, as the bounds sessions' starts are compared
 * with: from the first day, up to (not including) the day after the last day
 * counted. A period that starts after the as-of date has no days to count.
 */
export function periodBounds(period: ResolvedPeriod): { from: string; toNext: string } {
  const toNext = addDays(countedTo(period), 1);
  return { from: period.from, toNext: toNext <= period.from ? period.from : toNext };
}

export function reportScope(period: ResolvedPeriod, filters: ReportFilters): Scope {
  const params: Record<string, string> = { ...periodBounds(period) };
  const sessionWhere = ["s.starts_at >= @from", "s.starts_at < @toNext", "s.status <> 'cancelled'"];
  if (filters.contractId) {
    sessionWhere.push('s.contract_id = @contractId');
    params.contractId = filters.contractId;
  }
  if (filters.courseId) {
    sessionWhere.push('s.course_id = @courseId');
    params.courseId = filters.courseId;
  }
  if (filters.venueId) {
    sessionWhere.push('s.venue_id = @venueId');
    params.venueId = filters.venueId;
  }
  if (filters.facilitator) {
    sessionWhere.push(`EXISTS (SELECT 1 FROM json_each(s.facilitators) f WHERE ${facilitatorKeySql('f.value')} = ${facilitatorKeySql('@facilitator')})`);
    params.facilitator = filters.facilitator;
  }
  const personWhere: string[] = [];
  if (filters.organisationId) {
    personWhere.push('p.organisation_id = @organisationId');
    params.organisationId = filters.organisationId;
  }
  if (filters.sector) {
    personWhere.push('o.sector = @sector');
    params.sector = filters.sector;
  }

  const sql = `WITH
    scoped_sessions AS (
      SELECT s.id, s.course_id, s.venue_id, s.facilitators, s.facilitator_ids, s.starts_at, s.capacity
      FROM sessions s WHERE ${sessionWhere.join(' AND ')}
    ),
    merged_chain(id, root) AS (
      SELECT id, merged_into FROM people WHERE merged_into IS NOT NULL
      UNION
      SELECT m.id, p.merged_into FROM merged_chain m JOIN people p ON p.id = m.root WHERE p.merged_into IS NOT NULL
    ),
    person_root(id, root) AS (
      SELECT m.id, m.root FROM merged_chain m JOIN people p ON p.id = m.root WHERE p.merged_into IS NULL
    ),
    latest_fact AS (
      -- SQLite takes kind from the row holding MAX(hlc): the latest fact per person and session.
      -- IN (not a join) walks the sign-in index in its own order, session then person, with the
      -- kind in the index (0014), so the grouping streams without sorting or reading the table.
      SELECT si.session_id, si.person_id, si.kind, MAX(si.hlc) AS hlc
      FROM sign_ins si WHERE si.session_id IN (SELECT id FROM scoped_sessions)
      GROUP BY si.session_id, si.person_id
    ),
    attendance_people AS (
      SELECT DISTINCT lf.session_id, COALESCE(pr.root, lf.person_id) AS person_id
      FROM latest_fact lf LEFT JOIN person_root pr ON pr.id = lf.person_id
      WHERE lf.kind = 'sign_in'
    ),
    attended AS (
      SELECT ap.session_id, ap.person_id, p.organisation_id, COALESCE(o.sector, 'none') AS sector
      FROM attendance_people ap
      JOIN people p ON p.id = ap.person_id
      LEFT JOIN organisations o ON o.id = p.organisation_id
      ${personWhere.length ? `WHERE ${personWhere.join(' AND ')}` : ''}
    )`;
  return { with: sql, params, personFiltered: personWhere.length > 0, personWhere: personWhere.join(' AND ') };
}

/**
 * The breakdowns every report offers, as SQL over a CTE with session_id
 * (and person_id for the person's organisation and sector): the group's
 * key, and its name as people read it. A session run by two facilitators
 * counts for each of them.
 */
export const breakdowns = {
  sector: { title: 'By sector', join: '', key: 'x.sector', name: 'x.sector' },
  organisation: {
    title: 'By organisation',
    join: 'LEFT JOIN organisations bo ON bo.id = x.organisation_id',
    key: "COALESCE(x.organisation_id, '')",
    name: "COALESCE(bo.name, 'No organisation recorded')",
  },
  course: {
    title: 'By course',
    join: 'JOIN scoped_sessions bs ON bs.id = x.session_id JOIN courses bc ON bc.id = bs.course_id',
    key: 'bc.id',
    name: 'bc.title',
  },
  venue: {
    title: 'By venue',
    join: 'JOIN scoped_sessions bs ON bs.id = x.session_id JOIN venues bv ON bv.id = bs.venue_id',
    key: 'bv.id',
    name: 'bv.name',
  },
  facilitator: {
    title: 'By facilitator',
    join: `JOIN scoped_sessions bs ON bs.id = x.session_id JOIN json_each(bs.facilitators) bf ${facilitatorRecordJoinSql('bs', 'bf')}`,
    // A facilitator record is one group, whatever its name was; a name with no record is one group however it was spelled (facts/facilitator-key.ts).
    key: facilitatorGroupKeySql('bf'),
    name: facilitatorGroupNameSql('bf'),
  },
} as const;
export type Breakdown = keyof typeof breakdowns;
export const breakdownNames = Object.keys(breakdowns) as Breakdown[];
