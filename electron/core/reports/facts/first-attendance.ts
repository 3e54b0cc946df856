import type { MergedPeople } from '../../membership/merged-people';
import type { ReportFacts } from './report-facts';

/**
 * membership/attendance.ts's firstAttendance for every member at once, from
 * the facts in memory: a person's first day attending any of the courses (a
 * sign-in not undone, at a session not cancelled, under any contract), on
 * or before a day, for the person kept after merges as membership keeps
 * them (their own records and those merged into them). The membership
 * report asks this of every member; the member's own page keeps asking the
 * database for one person.
 */
export interface FirstAttendance {
  get(keptId: string): string | undefined;
}

export function firstAttendanceOfEveryone(facts: ReportFacts, courseIds: readonly string[], asOf: string, merged: MergedPeople): FirstAttendance {
  const courses = new Set(courseIds);
  const { attendance, people } = facts;
  // By person number as recorded: the first day they attended.
  const earliest: (string | undefined)[] = new Array(people.size);
  attendance.sessions.forEach((session, n) => {
    if (!session.present || session.cancelled || !courses.has(session.courseId)) return;
    const day = session.startsAt.slice(0, 10);
    if (day > asOf) return;
    const attendees = attendance.attendees[n]!;
    for (let i = 0; i < attendees.length; i += 1) {
      const person = attendees[i]!;
      const before = earliest[person];
      if (before === undefined || day < before) earliest[person] = day;
    }
  });
  return {
    get(keptId) {
      let first: string | undefined;
      for (const id of merged.countingFor(keptId)) {
        // In a chain that goes round (a damaged file) countingFor also names the person asked about; keptFor decides.
        if (merged.keptFor(id) !== keptId) continue;
        const n = people.numbers.numberOf(id);
        const day = n === undefined ? undefined : earliest[n];
        if (day !== undefined && (first === undefined || day < first)) first = day;
      }
      return first;
    },
  };
}
