import type { Breakdown } from '../scope';
import type { CountedScope } from './counted-scope';
import { NO_ORGANISATION, byText, sessionBreakdowns, sessionGroupings } from './group-keys';

/**
 * People trained, attendances and sessions (with at least one attendance)
 * in total and by every breakdown, counted from the scope's attendance rows
 * in a few passes: distinct people per group with one array of stamps by
 * person, a new stamp a group.
 */

export interface GroupRow {
  key: string;
  name: string;
  peopleTrained: number;
  attendances: number;
  sessions: number;
}

interface Tally extends GroupRow {
  lastPosition: number;
}

const tally = (key: string, name: string): Tally => ({ key, name, peopleTrained: 0, attendances: 0, sessions: 0, lastPosition: -1 });

/** Most people first, then by name as the SQL ordered them (the sector's key is its name there). */
function ordered(tallies: Iterable<Tally>): GroupRow[] {
  return [...tallies]
    .filter((row) => row.attendances > 0)
    .sort((a, b) => b.peopleTrained - a.peopleTrained || byText(a.name, b.name))
    .map(({ key, name, peopleTrained, attendances, sessions }) => ({ key, name, peopleTrained, attendances, sessions }));
}

export function attendanceGroups(scope: CountedScope): Map<Breakdown | 'total', GroupRow[]> {
  const { facts, rowSession, rowPerson, rowStart, sessions } = scope;
  const { organisations, attendance } = facts;
  const result = new Map<Breakdown | 'total', GroupRow[]>();

  // Total, sector and organisation in one pass: a person is in one organisation and one sector, so
  // each is counted in theirs the first time they are met.
  const total = tally('', '');
  const bySector = new Map<string, Tally>();
  const byOrganisation = new Map<number, Tally>();
  const seen = new Uint8Array(facts.people.size);
  for (let i = 0; i < rowPerson.length; i += 1) {
    const person = rowPerson[i]!;
    const position = rowSession[i]!;
    const organisation = scope.organisationOf(person);
    const sector = scope.sectorOf(person);
    let sectorTally = bySector.get(sector);
    if (!sectorTally) bySector.set(sector, (sectorTally = tally(sector, sector)));
    let organisationTally = byOrganisation.get(organisation);
    if (!organisationTally) {
      const key = organisation < 0 ? '' : organisations.numbers.ids[organisation]!;
      byOrganisation.set(organisation, (organisationTally = tally(key, (organisation < 0 ? null : organisations.names[organisation]) ?? NO_ORGANISATION)));
    }
    for (const group of [total, sectorTally, organisationTally]) {
      group.attendances += 1;
      if (!seen[person]) group.peopleTrained += 1;
      if (group.lastPosition !== position) {
        group.sessions += 1;
        group.lastPosition = position;
      }
    }
    seen[person] = 1;
  }
  result.set('total', ordered([total]));
  result.set('sector', ordered(bySector.values()));
  result.set('organisation', ordered(byOrganisation.values()));

  // Course, venue, facilitator: each group's sessions one after another, people told apart by stamp.
  const groupings = sessionGroupings(facts.sqlite);
  const stamp = new Int32Array(facts.people.size);
  let generation = 0;
  for (const breakdown of sessionBreakdowns) {
    const grouping = groupings[breakdown];
    const positions = new Map<string, number[]>();
    sessions.forEach((n, position) => {
      for (const key of grouping.keysOf(attendance.sessions[n]!)) {
        const list = positions.get(key);
        if (list) list.push(position);
        else positions.set(key, [position]);
      }
    });
    const tallies: Tally[] = [];
    for (const [key, list] of positions) {
      const name = grouping.nameOf(key);
      if (name === undefined) continue;
      const group = tally(key, name);
      generation += 1;
      for (const position of list) {
        const start = rowStart[position]!;
        const end = rowStart[position + 1]!;
        if (end > start && group.lastPosition !== position) {
          group.sessions += 1;
          group.lastPosition = position;
        }
        group.attendances += end - start;
        for (let i = start; i < end; i += 1) {
          const person = rowPerson[i]!;
          if (stamp[person] !== generation) {
            stamp[person] = generation;
            group.peopleTrained += 1;
          }
        }
      }
      tallies.push(group);
    }
    result.set(breakdown, ordered(tallies));
  }
  return result;
}
