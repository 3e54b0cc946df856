import type { ReportFilters, ResolvedPeriod } from '../../../../shared/contract';
import { periodBounds } from '../scope';
import type { ReportRequest } from '../report-parts';
import { reportFacts, type ReportFacts } from './report-facts';
import { ANONYMOUS, UNKNOWN_PERSON } from './response-facts';
import { facilitatorKey } from './facilitator-key';

/**
 * scope.ts's definitions applied to the facts in memory: the sessions in
 * the period matching the session filters (not cancelled), and the
 * attendances at them — one a session and person kept after merges, of
 * people matching the organisation and sector filters — as the people
 * trained and each session's count of attendances. The SQL in
 * scope.ts states the same rules; tests/integration/report-facts.test.ts
 * holds the two to the same figures. The people trained and each session's
 * count are worked out when first asked for (a walk over every attendance).
 */
export interface CountedScope {
  facts: ReportFacts;
  /** Scoped sessions' numbers, in number order. */
  sessions: Int32Array;
  /** By session number: 1 when the session is in scope. */
  inScope: Uint8Array;
  /** The people trained (kept after merges, matching the person filters): their positions in the facts' byPerson lists, by organisation. */
  trained: Int32Array;
  /** By session number: its attendances counted (0 out of scope). */
  attendedAt: Int32Array;
  /** Attendances in all: one a session and person kept. */
  attendances: number;
  personFiltered: boolean;
  /** Whether a response's person (kept, ANONYMOUS or UNKNOWN_PERSON) passes the organisation and sector filters. */
  responderMatches(person: number): boolean;
  /** A kept person's organisation number (-1 for none). */
  organisationOf(person: number): number;
  sectorOf(person: number): string;
  /** An organisation's sector by its number ('none' for -1). */
  sectorOfOrganisation(organisation: number): string;
}

export function countedScope(facts: ReportFacts, period: ResolvedPeriod, filters: ReportFilters): CountedScope {
  const { from, toNext } = periodBounds(period);
  const { attendance, people, organisations } = facts;
  const chosen: number[] = [];
  // Any spelling of the facilitator chosen (facilitator-key.ts).
  const facilitator = filters.facilitator ? facilitatorKey(filters.facilitator) : null;
  attendance.sessions.forEach((session, n) => {
    if (!session.present || session.cancelled || session.startsAt < from || session.startsAt >= toNext) return;
    if (filters.contractId && session.contractId !== filters.contractId) return;
    if (filters.courseId && session.courseId !== filters.courseId) return;
    if (filters.venueId && session.venueId !== filters.venueId) return;
    if (facilitator !== null && !session.facilitators.some((name) => facilitatorKey(name) === facilitator)) return;
    chosen.push(n);
  });
  const sessions = Int32Array.from(chosen);
  const inScope = new Uint8Array(attendance.sessions.length);
  for (const n of sessions) inScope[n] = 1;

  const organisation = people.organisation.view();
  const organisationOf = (person: number) => organisation[person]!;
  const sectorOfOrganisation = (n: number) => (n < 0 ? 'none' : organisations.sectors[n]!);
  const sectorOf = (person: number) => sectorOfOrganisation(organisation[person]!);
  const wantedOrganisation = filters.organisationId === undefined ? undefined : (organisations.numbers.numberOf(filters.organisationId) ?? -2);
  const wantedSector = filters.sector;
  const personFiltered = wantedOrganisation !== undefined || wantedSector !== undefined;
  const personMatches = (person: number) =>
    (wantedOrganisation === undefined || organisation[person] === wantedOrganisation) && (wantedSector === undefined || sectorOf(person) === wantedSector);

  // Person by person (facts/attendance-facts.ts byPerson), their sessions in scope: walked when a report first asks for
  // the people trained or each session's count.
  let walked: { trained: Int32Array; attendedAt: Int32Array; attendances: number } | null = null;
  const walk = () => {
    const { people: byPerson, organisationSlot, start, sessions: personSessions } = attendance.byPerson;
    const attendedAt = new Int32Array(attendance.sessions.length);
    const trained = new Int32Array(byPerson.length);
    let trainedCount = 0;
    let attendances = 0;
    // An organisation filter reads only that organisation's people, who are together.
    let first = 0;
    let last = byPerson.length;
    if (wantedOrganisation !== undefined) {
      const slot = wantedOrganisation + 1;
      while (first < last && organisationSlot[first]! < slot) first += 1;
      last = first;
      while (last < byPerson.length && organisationSlot[last] === slot) last += 1;
    }
    for (let position = first; position < last; position += 1) {
      if (wantedSector !== undefined && sectorOf(byPerson[position]!) !== wantedSector) continue;
      let counted = 0;
      for (let k = start[position]!; k < start[position + 1]!; k += 1) {
        const session = personSessions[k]!;
        if (inScope[session] !== 1) continue;
        attendedAt[session]! += 1;
        counted += 1;
      }
      if (counted > 0) trained[trainedCount++] = position;
      attendances += counted;
    }
    return (walked = { trained: trained.subarray(0, trainedCount), attendedAt, attendances });
  };
  let keptAttendances: number | null = null;

  return {
    facts,
    sessions,
    inScope,
    get trained() {
      return (walked ?? walk()).trained;
    },
    get attendedAt() {
      return (walked ?? walk()).attendedAt;
    },
    get attendances() {
      // Without a person filter every kept attendee of a session in scope counts: added up session by session, without
      // the walk (the change report asks only for this count).
      if (walked === null && !personFiltered) return (keptAttendances ??= sessions.reduce((sum, n) => sum + attendance.kept[n]!.length, 0));
      return (walked ?? walk()).attendances;
    },
    personFiltered,
    responderMatches: (person) => {
      if (!personFiltered) return true;
      // With an organisation or sector filter an anonymous answer, or one from no known person, cannot match.
      if (person === ANONYMOUS || person === UNKNOWN_PERSON) return false;
      return personMatches(person);
    },
    organisationOf,
    sectorOf,
    sectorOfOrganisation,
  };
}

const perRequest = new WeakMap<ReportRequest, CountedScope>();

/** The request's counted scope, over facts brought up to date once a report. */
export function countedScopeOf(request: ReportRequest): CountedScope {
  let scope = perRequest.get(request);
  if (!scope) perRequest.set(request, (scope = countedScope(reportFacts(request.ctx.sqlite), request.period, request.filters)));
  return scope;
}
