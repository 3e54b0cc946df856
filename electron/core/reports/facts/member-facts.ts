import type { Kysely, Transaction } from 'kysely';
import type { TermOrigin } from '../../../../shared/contract/membership';
import type { Schema } from '../../../db/schema';
import { trainingDueBy } from '../../membership/dates';
import { mergedPeople } from '../../membership/merged-people';
import { NEVER, dayNumbers, dayText } from './day-numbers';
import { firstAttendanceByPerson } from './first-attendance';
import type { SessionRow } from './attendance-facts';
import type { ReportFacts } from './report-facts';

/**
 * One scheme's members as the membership report counts them, as typed
 * columns: each member (the person kept after merges, as membership keeps
 * them: membership/merged-people.ts) with their terms together, oldest
 * first (by start, then the order the office added them), every day a day
 * number; and for each member the people whose attendance counts for them.
 * Worked out from the term facts (term-facts.ts) when the terms, the people
 * (a merge) or the organisations known change, not on every report; what
 * depends on the as-of day is worked out by the report
 * (membership-members.ts) with integer arithmetic over these columns.
 */

export const ORIGIN_NEW = 0;
export const ORIGIN_RENEWAL = 1;
export const ORIGIN_REJOIN = 2;
export const originCode: Record<TermOrigin, number> = { new: ORIGIN_NEW, renewal: ORIGIN_RENEWAL, rejoin: ORIGIN_REJOIN };

export interface SchemeMembers {
  /** By member: the id of the person kept, in the order of each member's first term. */
  keptIds: string[];
  /** By member: where their terms start in the term columns (one more entry at the end). */
  termStart: Int32Array;
  /** By term, a member's together, oldest first: first and last day, and the day cancelled (NEVER when not). */
  startsOn: Int32Array;
  endsOn: Int32Array;
  cancelledOn: Int32Array;
  /** By term: the origin stored when it was added (ORIGIN_*). */
  storedOrigin: Int8Array;
  /** By term: 1 when the office recorded an exemption from training on it. */
  exempt: Uint8Array;
  /**
   * By term: its organisation's slot: 0 for none, n + 1 for organisation
   * number n, and after those the organisation ids no organisation row had
   * when this was worked out (`unknownOrganisations`), which count with no
   * name and sector 'none', as a term's organisation without a row always has.
   */
  organisationSlot: Int32Array;
  /** Organisations known (numbered) when this was worked out. */
  organisationCount: number;
  unknownOrganisations: string[];
  /** By term: the last day of the training window of a joining that started with it, for `windowMonths`. */
  dueBy: Int32Array;
  windowMonths: number;
  /** By member: where their people start in `people` (one more entry at the end). */
  peopleStart: Int32Array;
  /** Person numbers (as recorded) whose attendance counts for each member: the member and everyone merged into them. */
  people: Int32Array;
  /** What this was worked out from. */
  builtFrom: { terms: number; people: number; organisations: number };
}

const perFacts = new WeakMap<ReportFacts, Map<string, SchemeMembers>>();

/** The scheme's members for facts just brought up to date, worked out again only when something they come from changed. */
export async function schemeMembers(
  facts: ReportFacts,
  db: Kysely<Schema> | Transaction<Schema>,
  scheme: { id: string; window_months: number },
): Promise<SchemeMembers> {
  let ofFacts = perFacts.get(facts);
  if (!ofFacts) perFacts.set(facts, (ofFacts = new Map()));
  const now = { terms: facts.terms.generation, people: facts.people.generation, organisations: facts.organisations.numbers.size };
  let members = ofFacts.get(scheme.id);
  if (!members || members.builtFrom.terms !== now.terms || members.builtFrom.people !== now.people || members.builtFrom.organisations !== now.organisations) {
    // Merges are read when the people changed, as membership reads them (a few thousand rows at most).
    const merged = await mergedPeople(db);
    members = buildMembers(facts, scheme.id, merged, now);
    ofFacts.set(scheme.id, members);
  }
  if (members.windowMonths !== scheme.window_months) setWindow(members, scheme.window_months);
  return members;
}

function buildMembers(facts: ReportFacts, schemeId: string, merged: Awaited<ReturnType<typeof mergedPeople>>, builtFrom: SchemeMembers['builtFrom']): SchemeMembers {
  const rows = facts.terms.ofScheme(schemeId);
  const { organisations, people } = facts;
  const memberNumber = new Map<string, number>();
  const keptIds: string[] = [];
  const memberOfRow = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const kept = merged.keptFor(row[1]);
    let m = memberNumber.get(kept);
    if (m === undefined) {
      m = keptIds.length;
      memberNumber.set(kept, m);
      keptIds.push(kept);
    }
    memberOfRow[i] = m;
  });

  const termStart = new Int32Array(keptIds.length + 1);
  for (let i = 0; i < rows.length; i += 1) termStart[memberOfRow[i]! + 1]! += 1;
  for (let m = 0; m < keptIds.length; m += 1) termStart[m + 1]! += termStart[m]!;
  const fill = termStart.slice(0, keptIds.length);
  const startsOn = new Int32Array(rows.length);
  const endsOn = new Int32Array(rows.length);
  const cancelledOn = new Int32Array(rows.length);
  const storedOrigin = new Int8Array(rows.length);
  const exempt = new Uint8Array(rows.length);
  const organisationSlot = new Int32Array(rows.length);
  const organisationCount = organisations.numbers.size;
  const unknownOrganisations: string[] = [];
  const unknownSlot = new Map<string, number>();
  const day = dayNumbers();
  rows.forEach(([, , starts, ends, origin, cancelled, exemptReason, organisationId], i) => {
    // Within a member the rows keep the order they were read in: by start, then the order added.
    const at = fill[memberOfRow[i]!]!++;
    startsOn[at] = day(starts);
    endsOn[at] = day(ends);
    cancelledOn[at] = cancelled === null ? NEVER : day(cancelled);
    storedOrigin[at] = originCode[origin];
    exempt[at] = exemptReason === null ? 0 : 1;
    if (organisationId === null) return;
    const n = organisations.numbers.numberOf(organisationId);
    if (n !== undefined) {
      organisationSlot[at] = n + 1;
      return;
    }
    let slot = unknownSlot.get(organisationId);
    if (slot === undefined) {
      slot = organisationCount + 1 + unknownOrganisations.length;
      unknownSlot.set(organisationId, slot);
      unknownOrganisations.push(organisationId);
    }
    organisationSlot[at] = slot;
  });

  // Whose attendance counts for each member: membership's merges, followed as attendance.ts follows them.
  const peopleStart = new Int32Array(keptIds.length + 1);
  const counted: number[] = [];
  keptIds.forEach((kept, m) => {
    for (const id of merged.countingFor(kept)) {
      // In a chain that goes round (a damaged file) countingFor also names the person asked about; keptFor decides.
      if (merged.keptFor(id) !== kept) continue;
      const n = people.numbers.numberOf(id);
      if (n !== undefined) counted.push(n);
    }
    peopleStart[m + 1] = counted.length;
  });

  const members: SchemeMembers = {
    keptIds,
    termStart,
    startsOn,
    endsOn,
    cancelledOn,
    storedOrigin,
    exempt,
    organisationSlot,
    organisationCount,
    unknownOrganisations,
    dueBy: new Int32Array(rows.length),
    windowMonths: -1,
    peopleStart,
    people: Int32Array.from(counted),
    builtFrom,
  };
  return members;
}

/** Each term's training due day for the scheme's window (calendar months: membership/dates.ts's rule). */
function setWindow(members: SchemeMembers, windowMonths: number): void {
  const due = new Map<number, number>();
  const day = dayNumbers();
  for (let t = 0; t < members.startsOn.length; t += 1) {
    const starts = members.startsOn[t]!;
    let found = due.get(starts);
    if (found === undefined) due.set(starts, (found = day(trainingDueBy(dayText(starts), windowMonths))));
    members.dueBy[t] = found;
  }
  members.windowMonths = windowMonths;
}

/** What a member's first attendance was worked out from: the attendance facts' own rows, so any change to them is seen. */
interface AttendanceSeen {
  courses: string;
  sessions: readonly SessionRow[];
  present: Uint8Array;
  attendees: readonly Int32Array[];
  first: Int32Array;
}

const attendanceSeen = new WeakMap<SchemeMembers, AttendanceSeen>();

/**
 * Each member's first day attending any of the courses, ever (NEVER when
 * none): the first of the people whose attendance counts for them
 * (first-attendance.ts). The first attendance on or before an as-of day is
 * this day when it is on or before it, else none, so one answer serves every
 * as-of day; it is worked out again only when a session or its attendees
 * changed (the facts replace a session's row or attendee list when they
 * read it again; a removed session's row is marked not present).
 */
export function firstAttendedOn(facts: ReportFacts, members: SchemeMembers, courseIds: readonly string[]): Int32Array {
  const { attendance } = facts;
  const courses = JSON.stringify(courseIds);
  const seen = attendanceSeen.get(members);
  if (seen && seen.courses === courses && sameAttendance(seen, attendance.sessions, attendance.attendees)) return seen.first;
  const earliest = firstAttendanceByPerson(facts, courseIds);
  const first = new Int32Array(members.keptIds.length);
  const { peopleStart, people } = members;
  for (let m = 0; m < first.length; m += 1) {
    let found = NEVER;
    for (let k = peopleStart[m]!; k < peopleStart[m + 1]!; k += 1) {
      const on = earliest[people[k]!]!;
      if (on < found) found = on;
    }
    first[m] = found;
  }
  attendanceSeen.set(members, {
    courses,
    sessions: attendance.sessions.slice(),
    present: Uint8Array.from(attendance.sessions, (session) => (session.present ? 1 : 0)),
    attendees: attendance.attendees.slice(),
    first,
  });
  return first;
}

function sameAttendance(seen: AttendanceSeen, sessions: readonly SessionRow[], attendees: readonly Int32Array[]): boolean {
  if (seen.sessions.length !== sessions.length || seen.attendees.length !== attendees.length) return false;
  for (let n = 0; n < sessions.length; n += 1) {
    if (seen.sessions[n] !== sessions[n] || seen.present[n] !== (sessions[n]!.present ? 1 : 0) || seen.attendees[n] !== attendees[n]) return false;
  }
  return true;
}
