import type { Breakdown } from '../scope';
import type { CountedScope } from './counted-scope';
import { NO_ORGANISATION, byText, organisationSlotOfPerson, organisationSlots, sessionBreakdowns, sessionGroupings } from './group-keys';

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

/** People, attendances and sessions for groups numbered 0…n-1, counted row by row. */
class GroupCounters {
  readonly people: Int32Array;
  readonly attendances: Int32Array;
  readonly sessions: Int32Array;
  private readonly lastPosition: Int32Array;

  constructor(size: number) {
    this.people = new Int32Array(size);
    this.attendances = new Int32Array(size);
    this.sessions = new Int32Array(size);
    this.lastPosition = new Int32Array(size).fill(-1);
  }

  count(group: number, position: number, newPerson: boolean): void {
    this.attendances[group]! += 1;
    if (newPerson) this.people[group]! += 1;
    if (this.lastPosition[group] !== position) {
      this.lastPosition[group] = position;
      this.sessions[group]! += 1;
    }
  }

  tallies(keyAndName: (group: number) => [string, string]): Tally[] {
    const found: Tally[] = [];
    for (let group = 0; group < this.attendances.length; group += 1) {
      if (this.attendances[group] === 0) continue;
      const [key, name] = keyAndName(group);
      found.push({ key, name, peopleTrained: this.people[group]!, attendances: this.attendances[group]!, sessions: this.sessions[group]!, lastPosition: -1 });
    }
    return found;
  }
}

export function attendanceGroups(scope: CountedScope): Map<Breakdown | 'total', GroupRow[]> {
  const { facts, rowSession, rowPerson, rowStart, sessions } = scope;
  const { organisations, attendance } = facts;
  const result = new Map<Breakdown | 'total', GroupRow[]>();

  // Total, sector and organisation in one pass over typed counters: a person is in one organisation
  // and one sector, so each is counted in theirs the first time they are met.
  const slots = organisationSlots(scope);
  const personOrganisation = organisationSlotOfPerson(facts.people.organisation.view(), slots.size);
  const organisationCounts = new GroupCounters(slots.size);
  const sectorCounts = new GroupCounters(slots.sectorKeys.length);
  const seen = new Uint8Array(facts.people.size);
  let people = 0;
  for (let i = 0; i < rowPerson.length; i += 1) {
    const person = rowPerson[i]!;
    const position = rowSession[i]!;
    const organisation = personOrganisation[person]!;
    const sector = slots.sectorOfSlot[organisation]!;
    const first = seen[person] === 0;
    if (first) {
      seen[person] = 1;
      people += 1;
    }
    organisationCounts.count(organisation, position, first);
    sectorCounts.count(sector, position, first);
  }
  let sessionsAttended = 0;
  for (let position = 0; position < sessions.length; position += 1) if (rowStart[position + 1]! > rowStart[position]!) sessionsAttended += 1;
  result.set('total', ordered([{ ...tally('', ''), peopleTrained: people, attendances: rowPerson.length, sessions: sessionsAttended }]));
  result.set('sector', ordered(sectorCounts.tallies((slot) => [slots.sectorKeys[slot]!, slots.sectorKeys[slot]!])));
  result.set(
    'organisation',
    ordered(
      organisationCounts.tallies((slot) =>
        slot === 0 ? ['', NO_ORGANISATION] : [organisations.numbers.ids[slot - 1]!, organisations.names[slot - 1] ?? NO_ORGANISATION],
      ),
    ),
  );

  // Course, venue, facilitator: each group's sessions one after another, people told apart by stamp.
  const groupings = sessionGroupings(facts.sqlite);
  // One byte a person (a fifth of a megabyte for 200,000), so the stamps stay in the processor's cache.
  const stamp = new Uint8Array(facts.people.size);
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
      if (generation === 255) {
        stamp.fill(0);
        generation = 0;
      }
      generation += 1;
      let people = 0;
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
            people += 1;
          }
        }
      }
      group.peopleTrained = people;
      tallies.push(group);
    }
    result.set(breakdown, ordered(tallies));
  }
  return result;
}
