import type { Breakdown } from '../scope';
import type { CountedScope } from './counted-scope';
import { NO_ORGANISATION, byText, organisationSlots, sessionBreakdowns, sessionGroupings } from './group-keys';

/**
 * People trained, attendances and sessions (with at least one attendance)
 * in total and by every breakdown, in one pass person by person over the
 * scope's attendances (facts/counted-scope.ts): a person is counted once in
 * each group by stamping the group with them; attendances and sessions of
 * the session breakdowns come from each session's count.
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

  constructor(size: number) {
    this.people = new Int32Array(size);
    this.attendances = new Int32Array(size);
    this.sessions = new Int32Array(size);
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
  const { facts, trained, attendedAt, sessions } = scope;
  const { organisations, attendance } = facts;
  const { people: byPerson, organisationSlot, start, sessions: personSessions } = attendance.byPerson;
  const inScope = scope.inScope;
  const result = new Map<Breakdown | 'total', GroupRow[]>();
  let sessionsAttended = 0;
  for (const n of sessions) if (attendedAt[n]! > 0) sessionsAttended += 1;
  result.set('total', ordered([{ ...tally('', ''), peopleTrained: trained.length, attendances: scope.attendances, sessions: sessionsAttended }]));

  // The session breakdowns' groups, numbered, and each scoped session's groups: [group, …].
  const groupings = sessionGroupings(facts.sqlite);
  const groupTallies: Tally[] = [];
  const groupOfKey = sessionBreakdowns.map(() => new Map<string, number>());
  // Flattened for the pass below: session n's groups are groupList[groupStart[n] … groupStart[n + 1]).
  const groupStart = new Int32Array(attendance.sessions.length + 1);
  const groupLists: number[][] = [];
  for (const n of sessions) {
    const groups: number[] = [];
    sessionBreakdowns.forEach((breakdown, b) => {
      const grouping = groupings[breakdown];
      for (const key of grouping.keysOf(attendance.sessions[n]!)) {
        const name = grouping.nameOf(key);
        if (name === undefined) continue;
        let group = groupOfKey[b]!.get(key);
        if (group === undefined) {
          group = groupTallies.length;
          groupOfKey[b]!.set(key, group);
          groupTallies.push(tally(key, name));
        }
        groups.push(group);
      }
    });
    groupLists[n] = groups;
    // Attendances and sessions of a group are the sessions' own (a facilitator listed twice counts the attendances twice, the session once).
    const attended = attendedAt[n]!;
    for (const group of groups) {
      const found = groupTallies[group]!;
      found.attendances += attended;
      if (attended > 0 && found.lastPosition !== n) {
        found.sessions += 1;
        found.lastPosition = n;
      }
    }
  }

  for (let n = 0; n < attendance.sessions.length; n += 1) groupStart[n + 1] = groupStart[n]! + (groupLists[n]?.length ?? 0);
  const groupList = new Int32Array(groupStart[attendance.sessions.length]!);
  groupLists.forEach((groups, n) => groupList.set(groups, groupStart[n]!));

  // People: person by person, each counted once in each group they attended; organisations' people are
  // together, so a session is counted once for an organisation by stamping it with the organisation's slot.
  const groupSeenBy = new Int32Array(groupTallies.length).fill(-1);
  const groupPeople = new Int32Array(groupTallies.length);
  const slots = organisationSlots(scope);
  const organisationCounts = new GroupCounters(slots.size);
  const sectorCounts = new GroupCounters(slots.sectorKeys.length);
  const sessionStamp = new Int32Array(attendance.sessions.length).fill(-1);
  const sectorSessionSeen = new Uint8Array(slots.sectorKeys.length * attendance.sessions.length);
  const { people: organisationPeople, attendances: organisationAttendances, sessions: organisationSessions } = organisationCounts;
  const { people: sectorPeople, attendances: sectorAttendances, sessions: sectorSessions } = sectorCounts;
  const sectorOfSlot = slots.sectorOfSlot;
  const sessionCount = attendance.sessions.length;
  for (let t = 0; t < trained.length; t += 1) {
    const position = trained[t]!;
    const slot = organisationSlot[position]!;
    const sector = sectorOfSlot[slot]!;
    organisationPeople[slot]! += 1;
    sectorPeople[sector]! += 1;
    const end = start[position + 1]!;
    for (let k = start[position]!; k < end; k += 1) {
      const session = personSessions[k]!;
      if (inScope[session] !== 1) continue;
      organisationAttendances[slot]! += 1;
      sectorAttendances[sector]! += 1;
      if (sessionStamp[session] !== slot) {
        sessionStamp[session] = slot;
        organisationSessions[slot]! += 1;
      }
      const seenAt = sector * sessionCount + session;
      if (sectorSessionSeen[seenAt] === 0) {
        sectorSessionSeen[seenAt] = 1;
        sectorSessions[sector]! += 1;
      }
      const groupsEnd = groupStart[session + 1]!;
      for (let g = groupStart[session]!; g < groupsEnd; g += 1) {
        const group = groupList[g]!;
        if (groupSeenBy[group] !== position) {
          groupSeenBy[group] = position;
          groupPeople[group]! += 1;
        }
      }
    }
  }
  result.set('sector', ordered(sectorCounts.tallies((n) => [slots.sectorKeys[n]!, slots.sectorKeys[n]!])));
  result.set(
    'organisation',
    ordered(organisationCounts.tallies((slot) => (slot === 0 ? ['', NO_ORGANISATION] : [organisations.numbers.ids[slot - 1]!, organisations.names[slot - 1] ?? NO_ORGANISATION]))),
  );
  groupTallies.forEach((group, n) => (group.peopleTrained = groupPeople[n]!));
  sessionBreakdowns.forEach((breakdown, b) => result.set(breakdown, ordered([...groupOfKey[b]!.values()].map((n) => groupTallies[n]!))));
  return result;
}
