import type { MergedPeople } from '../../membership/merged-people';
import { NEVER, dayNumbers, dayText } from './day-numbers';
import type { ReportFacts } from './report-facts';

/**
 * membership/attendance.ts's firstAttendance for everyone at once, from the
 * facts in memory: a person's first day attending any of the courses (a
 * sign-in not undone, at a session not cancelled, under any contract), on
 * or before a day. The membership report takes it per member
 * (member-facts.ts); the member's own page keeps asking the database for
 * one person.
 */

/** By person number as recorded: the first day (a day number) they attended any of the courses (on or before asOf, when given), NEVER when they did not. */
export function firstAttendanceByPerson(facts: ReportFacts, courseIds: readonly string[], asOf?: string): Int32Array {
  const courses = new Set(courseIds);
  const { attendance } = facts;
  const earliest = new Int32Array(facts.people.size).fill(NEVER);
  const day = dayNumbers();
  attendance.sessions.forEach((session, n) => {
    if (!session.present || session.cancelled || !courses.has(session.courseId)) return;
    const on = session.startsAt.slice(0, 10);
    if (asOf !== undefined && on > asOf) return;
    const onDay = day(on);
    const attendees = attendance.attendees[n]!;
    for (let i = 0; i < attendees.length; i += 1) {
      const person = attendees[i]!;
      if (onDay < earliest[person]!) earliest[person] = onDay;
    }
  });
  return earliest;
}

export interface FirstAttendance {
  get(keptId: string): string | undefined;
}

/** The same for a person kept after merges as membership keeps them: their own records and those merged into them. */
export function firstAttendanceOfEveryone(facts: ReportFacts, courseIds: readonly string[], asOf: string, merged: MergedPeople): FirstAttendance {
  const earliest = firstAttendanceByPerson(facts, courseIds, asOf);
  return {
    get(keptId) {
      let first = NEVER;
      for (const id of merged.countingFor(keptId)) {
        // In a chain that goes round (a damaged file) countingFor also names the person asked about; keptFor decides.
        if (merged.keptFor(id) !== keptId) continue;
        const n = facts.people.numbers.numberOf(id);
        if (n !== undefined && earliest[n]! < first) first = earliest[n]!;
      }
      return first === NEVER ? undefined : dayText(first);
    },
  };
}
