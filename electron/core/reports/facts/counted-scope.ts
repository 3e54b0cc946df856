import type { ReportFilters, ResolvedPeriod } from '../../../../shared/contract';
import { periodBounds } from '../scope';
import type { ReportRequest } from '../report-parts';
import { reportFacts, type ReportFacts } from './report-facts';
import { ANONYMOUS, UNKNOWN_PERSON } from './response-facts';

/**
 * scope.ts's definitions applied to the facts in memory: the sessions in
 * the period matching the session filters (not cancelled), and the
 * attendances at them — one row per session and person kept after merges,
 * of people matching the organisation and sector filters. The SQL in
 * scope.ts states the same rules; tests/integration/report-facts.test.ts
 * holds the two to the same figures.
 */
export interface CountedScope {
  facts: ReportFacts;
  /** Scoped sessions' numbers, in number order. */
  sessions: Int32Array;
  /** By session number: 1 when the session is in scope. */
  inScope: Uint8Array;
  /** Attendances as two columns: the session's position in `sessions`, and the person kept. Grouped by session, in `sessions` order. */
  rowSession: Int32Array;
  rowPerson: Int32Array;
  /** By position in `sessions`: where its rows start (one more entry at the end). */
  rowStart: Int32Array;
  personFiltered: boolean;
  /** Whether a response's person (kept, ANONYMOUS or UNKNOWN_PERSON) passes the organisation and sector filters. */
  responderMatches(person: number): boolean;
  /** A kept person's organisation number (-1 for none). */
  organisationOf(person: number): number;
  sectorOf(person: number): string;
}

export function countedScope(facts: ReportFacts, period: ResolvedPeriod, filters: ReportFilters): CountedScope {
  const { from, toNext } = periodBounds(period);
  const { attendance, people, organisations } = facts;
  const chosen: number[] = [];
  attendance.sessions.forEach((session, n) => {
    if (!session.present || session.cancelled || session.startsAt < from || session.startsAt >= toNext) return;
    if (filters.contractId && session.contractId !== filters.contractId) return;
    if (filters.courseId && session.courseId !== filters.courseId) return;
    if (filters.venueId && session.venueId !== filters.venueId) return;
    if (filters.facilitator && !session.facilitators.includes(filters.facilitator)) return;
    chosen.push(n);
  });
  const sessions = Int32Array.from(chosen);
  const inScope = new Uint8Array(attendance.sessions.length);
  for (const n of sessions) inScope[n] = 1;

  const organisation = people.organisation.view();
  const organisationOf = (person: number) => organisation[person]!;
  const sectorOf = (person: number) => {
    const n = organisation[person]!;
    return n < 0 ? 'none' : organisations.sectors[n]!;
  };
  const wantedOrganisation = filters.organisationId === undefined ? undefined : (organisations.numbers.numberOf(filters.organisationId) ?? -2);
  const wantedSector = filters.sector;
  const personFiltered = wantedOrganisation !== undefined || wantedSector !== undefined;
  const personMatches = (person: number) =>
    (wantedOrganisation === undefined || organisation[person] === wantedOrganisation) && (wantedSector === undefined || sectorOf(person) === wantedSector);

  // The sessions' attendances, as kept people (facts/attendance-facts.ts), copied whole or filtered.
  const kept = attendance.kept;
  let total = 0;
  for (const n of sessions) total += kept[n]!.length;
  const rowSession = new Int32Array(total);
  const rowPerson = new Int32Array(total);
  const rowStart = new Int32Array(sessions.length + 1);
  let rows = 0;
  for (let position = 0; position < sessions.length; position += 1) {
    rowStart[position] = rows;
    const list = kept[sessions[position]!]!;
    if (!personFiltered) {
      rowPerson.set(list, rows);
      rowSession.fill(position, rows, rows + list.length);
      rows += list.length;
      continue;
    }
    for (let j = 0; j < list.length; j += 1) {
      const person = list[j]!;
      if (!personMatches(person)) continue;
      rowSession[rows] = position;
      rowPerson[rows] = person;
      rows += 1;
    }
  }
  rowStart[sessions.length] = rows;

  return {
    facts,
    sessions,
    inScope,
    rowSession: rowSession.subarray(0, rows),
    rowPerson: rowPerson.subarray(0, rows),
    rowStart,
    personFiltered,
    responderMatches: (person) => {
      if (!personFiltered) return true;
      // With an organisation or sector filter an anonymous answer, or one from no known person, cannot match.
      if (person === ANONYMOUS || person === UNKNOWN_PERSON) return false;
      return personMatches(person);
    },
    organisationOf,
    sectorOf,
  };
}

const perRequest = new WeakMap<ReportRequest, CountedScope>();

/** The request's counted scope, over facts brought up to date once a report. */
export function countedScopeOf(request: ReportRequest): CountedScope {
  let scope = perRequest.get(request);
  if (!scope) perRequest.set(request, (scope = countedScope(reportFacts(request.ctx.sqlite), request.period, request.filters)));
  return scope;
}
