import { GroupCounts, type ChangeGroup } from './change-groups';
import { SessionPass } from './change-session-pass';
import { sessionSummaries } from './change-summaries';
import { changeSessions } from './facts/change-by-session';
import { changeFacts } from './facts/change-facts';
import type { CountedScope } from './facts/counted-scope';
import { ANONYMOUS } from './facts/response-facts';

export type { ChangeGroup } from './change-groups';

/**
 * The change report's counts from the facts in memory (facts/change-facts.ts),
 * by the rules of evaluations/paired-change.ts, which the session page counts
 * with: every answer at the scope's sessions, taken session by session in
 * order of their start and each session's answers in the order stored; a
 * pair is one person's (kept after merges) or one pairing code's answers at
 * one session, and where they answered a question twice at one moment the
 * last rating given counts. Each group (the total, each course, contract and
 * sector) keeps a few counters per question (change-groups.ts), and no JSON,
 * string key or object per answer is made. Each session's answers count in
 * one cell a course-and-contract and sector: kept from an earlier report
 * where every answer counts (change-summaries.ts), else counted answer by
 * answer (change-session-pass.ts); the groups are the cells added up.
 */

export interface ChangeCounts {
  total: ChangeGroup;
  byCourse: ChangeGroup[];
  byContract: ChangeGroup[];
  bySector: ChangeGroup[];
}

/** Most answers first, then by name, as the report has always ordered its breakdowns. */
const ordered = (groups: Iterable<GroupCounts>) =>
  [...groups].map((group) => group.result()).sort((a, b) => b.responses - a.responses || a.name.localeCompare(b.name));

export function changeCounts(scope: CountedScope, names: { courses: ReadonlyMap<string, string>; contracts: ReadonlyMap<string, string> }, sectorName: (key: string) => string): ChangeCounts {
  const { facts } = scope;
  const change = changeFacts(facts);
  const Q = change.questions.size;
  const forms = change.templates.length;
  const { sessions } = facts.attendance;
  const bySession = changeSessions(change);

  // Each answer is counted once, into the cell of its session's course and contract and its sector; each course-and-contract
  // group and each sector are their cells added up at the end, then the total, each course and each contract those groups
  // added up (a pair is always within one session, and its answers are of one sector).
  const sessionGroups = new Map<string, { course: string; contract: string; counts: GroupCounts; bySector: (GroupCounts | undefined)[] }>();
  const cellsOf = (n: number) => {
    const session = sessions[n]!;
    const key = `${session.courseId}\u0000${session.contractId ?? ''}`;
    let found = sessionGroups.get(key);
    if (!found) sessionGroups.set(key, (found = { course: session.courseId, contract: session.contractId ?? '', counts: new GroupCounts(key, '', Q), bySector: [] }));
    return found.bySector;
  };
  // Sectors numbered in the order met.
  const sectorNumbers = new Map<string, number>();
  const sectorGroups: GroupCounts[] = [];
  const sectorNumber = (key: string) => {
    let number = sectorNumbers.get(key);
    if (number === undefined) {
      sectorNumbers.set(key, (number = sectorGroups.length));
      sectorGroups.push(new GroupCounts(key, sectorName(key), Q));
    }
    return number;
  };

  // Sessions in order of their start, as the report has always read them (the sessions' start index); a session's answers
  // count only with its course's row there (the report joins it for the name).
  const scoped = [...scope.sessions]
    .sort((a, b) => (sessions[a]!.startsAt < sessions[b]!.startsAt ? -1 : sessions[a]!.startsAt > sessions[b]!.startsAt ? 1 : a - b))
    .filter((n) => names.courses.has(sessions[n]!.courseId) && bySession.start[n] !== bySession.start[n + 1]);
  let ratingsRead = 0;
  if (!scope.personFiltered) {
    // Every answer counts: each session's kept counts added up (change-summaries.ts).
    const summaries = sessionSummaries(change, bySession, facts.organisations.sectors);
    for (const n of scoped) {
      const summary = summaries.of(n, scope.sectorOfOrganisation);
      const cells = cellsOf(n);
      for (const cell of summary.cells) (cells[sectorNumber(cell.sector)] ??= new GroupCounts('', '', Q)).addSession(cell, summary.questions, ratingsRead);
      ratingsRead += summary.ratingsRead;
    }
  } else {
    // Only the answers of people matching the filter count: counted answer by answer.
    const pass = new SessionPass(change, bySession);
    // A person's sector is their organisation's: found by its number, not by the sector's name, for each answer. Someone
    // with no organisation, or no row (UNKNOWN_PERSON), has organisation -1: sector 'none'.
    const byOrganisation = new Int32Array(facts.organisations.numbers.size + 1).fill(-1);
    const sectorOf = (kept: number, organisation: number): number => {
      if (kept === ANONYMOUS) return sectorNumber('anonymous');
      const known = byOrganisation[organisation + 1]!;
      return known >= 0 ? known : (byOrganisation[organisation + 1] = sectorNumber(scope.sectorOfOrganisation(organisation)));
    };
    for (const n of scoped) {
      // Made with the session's first answer counted: a group has no line where every answer was filtered out.
      let cells: (GroupCounts | undefined)[] | null = null;
      ratingsRead = pass.count(n, ratingsRead, (kept, organisation) => {
        if (!scope.responderMatches(kept)) return null;
        const sector = sectorOf(kept, organisation);
        cells ??= cellsOf(n);
        return (cells[sector] ??= new GroupCounts('', '', Q, forms));
      });
    }
  }

  const total = new GroupCounts('', '', Q);
  const courseGroups = new Map<string, GroupCounts>();
  const contractGroups = new Map<string, GroupCounts>();
  const into = (groups: Map<string, GroupCounts>, key: string, name: () => string) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new GroupCounts(key, name(), Q)));
    return group;
  };
  for (const { course, contract, counts, bySector } of sessionGroups.values()) {
    bySector.forEach((cell, sector) => {
      if (sector === sectorNumbers.get('anonymous')) cell!.markAnonymous();
      counts.add(cell!);
      sectorGroups[sector]!.add(cell!);
    });
    total.add(counts);
    into(courseGroups, course, () => names.courses.get(course)!).add(counts);
    into(contractGroups, contract, () => (contract === '' ? undefined : names.contracts.get(contract)) ?? 'No contract').add(counts);
  }
  return { total: total.result(), byCourse: ordered(courseGroups.values()), byContract: ordered(contractGroups.values()), bySector: ordered(sectorGroups) };
}
