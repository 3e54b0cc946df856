import type { Breakdown } from '../scope';
import type { CountedScope } from './counted-scope';
import { NO_ORGANISATION, organisationSlotOfPerson, organisationSlots, sessionBreakdowns, sessionGroupings } from './group-keys';
import { ANONYMOUS, UNKNOWN_PERSON } from './response-facts';

/**
 * Evaluation responses at the scope's sessions (responses.ts's
 * scoped_responses): the person kept after merges, anonymous answers as a
 * group of their own in the sector and organisation breakdowns, counted from
 * the facts in memory.
 */

/** How many responses gave each (before, after) pair, null for a rating not given. */
export interface PairRow {
  key: string;
  name: string;
  before: number | null;
  after: number | null;
  n: number;
}

/** Calls back with each response counted: its index in the facts and the person it counts for. */
function eachResponse(scope: CountedScope, counted: (index: number, person: number) => void): void {
  const { responses } = scope.facts;
  const sessions = responses.session.view();
  const people = responses.keptResponders(scope.facts.people);
  for (let i = 0; i < sessions.length; i += 1) {
    const session = sessions[i]!;
    if (session < 0 || !scope.inScope[session]) continue;
    const person = people[i]!;
    if (!scope.personFiltered || scope.responderMatches(person)) counted(i, person);
  }
}

export function responseCount(scope: CountedScope): number {
  let n = 0;
  eachResponse(scope, () => (n += 1));
  return n;
}

const CELLS = 36;

/** Groups of one breakdown, each a 6 × 6 table of (before, after) counts, 0 standing for none. */
class PairTables {
  readonly keys: string[] = [];
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  cells = new Int32Array(CELLS * 8);

  group(key: string, name: string): number {
    let n = this.index.get(key);
    if (n === undefined) {
      n = this.keys.length;
      this.index.set(key, n);
      this.keys.push(key);
      this.names.push(name);
      if ((n + 1) * CELLS > this.cells.length) {
        const grown = new Int32Array(this.cells.length * 2);
        grown.set(this.cells);
        this.cells = grown;
      }
    }
    return n;
  }

  rows(): PairRow[] {
    const rows: PairRow[] = [];
    this.keys.forEach((key, n) => {
      for (let cell = 0; cell < CELLS; cell += 1) {
        const count = this.cells[n * CELLS + cell]!;
        const before = Math.floor(cell / 6);
        const after = cell % 6;
        if (count > 0) rows.push({ key, name: this.names[n]!, before: before || null, after: after || null, n: count });
      }
    });
    return rows;
  }
}

export function pairGroups(scope: CountedScope): Map<Breakdown | 'total', PairRow[]> {
  const { facts } = scope;
  const { organisations, attendance, responses } = facts;
  const groupings = sessionGroupings(facts.sqlite);
  const tables = new Map<Breakdown | 'total', PairTables>([['total', new PairTables()], ...(['sector', 'organisation', ...sessionBreakdowns] as const).map((b) => [b, new PairTables()] as const)]);
  const total = tables.get('total')!;
  total.group('', '');
  // Groups numbered before the pass, so a response costs array steps, not look-ups by name.
  const sector = tables.get('sector')!;
  const anonymousSector = sector.group('anonymous', 'anonymous');
  const slots = organisationSlots(scope);
  const sectorGroupOfSlot = Int32Array.from(slots.sectorOfSlot, (n) => sector.group(slots.sectorKeys[n]!, slots.sectorKeys[n]!));
  const noneSector = sector.group('none', 'none');
  const organisation = tables.get('organisation')!;
  const anonymousOrganisation = organisation.group('anonymous', NO_ORGANISATION);
  const organisationGroupOfSlot = new Int32Array(slots.size).fill(-1);
  const organisationGroup = (slot: number) => {
    let group = organisationGroupOfSlot[slot]!;
    if (group < 0) {
      group = slot === 0 ? organisation.group('', NO_ORGANISATION) : organisation.group(organisations.numbers.ids[slot - 1]!, organisations.names[slot - 1] ?? NO_ORGANISATION);
      organisationGroupOfSlot[slot] = group;
    }
    return group;
  };
  // Each scoped session's groups in the session breakdowns, by session number: [breakdown's table, group] pairs.
  const sessionTables = sessionBreakdowns.map((breakdown) => tables.get(breakdown)!);
  const groupsOfSession: Int32Array[] = [];
  for (const n of scope.sessions) {
    const pairs: number[] = [];
    sessionBreakdowns.forEach((breakdown, b) => {
      const grouping = groupings[breakdown];
      for (const key of grouping.keysOf(attendance.sessions[n]!)) {
        const name = grouping.nameOf(key);
        if (name !== undefined) pairs.push(b, sessionTables[b]!.group(key, name));
      }
    });
    groupsOfSession[n] = Int32Array.from(pairs);
  }
  const before = responses.before.view();
  const after = responses.after.view();
  const sessions = responses.session.view();
  const kept = responses.keptResponders(facts.people);
  const organisationSlot = organisationSlotOfPerson(facts.people.organisation.view(), slots.size);
  const totalCells = total.cells;
  const sectorCells = sector.cells;
  const sessionCells = sessionTables.map((table) => table.cells);
  for (let i = 0; i < sessions.length; i += 1) {
    const session = sessions[i]!;
    if (session < 0 || scope.inScope[session] === 0) continue;
    const person = kept[i]!;
    if (scope.personFiltered && !scope.responderMatches(person)) continue;
    const cell = before[i]! * 6 + after[i]!;
    totalCells[cell]! += 1;
    if (person === ANONYMOUS) {
      sectorCells[anonymousSector * CELLS + cell]! += 1;
      organisation.cells[anonymousOrganisation * CELLS + cell]! += 1;
    } else {
      const slot = person === UNKNOWN_PERSON ? 0 : organisationSlot[person]!;
      sectorCells[(person === UNKNOWN_PERSON ? noneSector : sectorGroupOfSlot[slot]!) * CELLS + cell]! += 1;
      const group = organisationGroup(slot);
      organisation.cells[group * CELLS + cell]! += 1;
    }
    const groups = groupsOfSession[session]!;
    for (let g = 0; g < groups.length; g += 2) sessionCells[groups[g]!]![groups[g + 1]! * CELLS + cell]! += 1;
  }
  return new Map([...tables].map(([breakdown, table]) => [breakdown, table.rows()]));
}

/** Each learning-outcome item's ratings: [course id, outcome id, rating or null, count], as outcomes.ts reads them. */
export function outcomeCounts(scope: CountedScope): { course_id: string; outcome: string; rating: number | null; n: number }[] {
  const { responses } = scope.facts;
  const template = responses.template.view();
  const start = responses.outcomeStart.view();
  const ratings = responses.outcomeRatings.view();
  // By form version and item: six counts, 0 for no rating.
  const counts = responses.templates.map((facts) => facts.outcomeItems.map(() => new Int32Array(6)));
  eachResponse(scope, (i) => {
    const t = template[i]!;
    if (t < 0) return;
    const items = counts[t]!;
    for (let k = 0; k < items.length; k += 1) items[k]![ratings[start[i]! + k]!]! += 1;
  });
  const merged = new Map<string, { course_id: string; outcome: string; rating: number | null; n: number }>();
  responses.templates.forEach((facts, t) => {
    facts.outcomeItems.forEach((item, k) => {
      counts[t]![k]!.forEach((n, rating) => {
        if (n === 0) return;
        const key = `${facts.courseId}\u0000${item.outcomeId}\u0000${rating}`;
        const row = merged.get(key) ?? { course_id: facts.courseId, outcome: item.outcomeId, rating: rating || null, n: 0 };
        row.n += n;
        merged.set(key, row);
      });
    });
  });
  return [...merged.values()];
}
