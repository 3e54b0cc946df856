import type { MergedPeople } from '../../membership/merged-people';
import type { ReportFacts } from './report-facts';

/**
 * membership/attendance.ts's firstAttendance for everyone at once, from the
 * facts in memory: each person's first day attending any of the courses (a
 * sign-in not undone, at a session not cancelled, under any contract), on
 * or before a day, keyed by the person kept after merges as membership
 * keeps them. The membership report asks this of every member; the member's
 * own page keeps asking the database for one person.
 */
export function firstAttendanceOfEveryone(facts: ReportFacts, courseIds: readonly string[], asOf: string, merged: MergedPeople): Map<string, string> {
  const first = new Map<string, string>();
  if (courseIds.length === 0) return first;
  const courses = new Set(courseIds);
  const { attendance, people } = facts;
  const earliest = new Map<number, string>();
  attendance.sessions.forEach((session, n) => {
    if (!session.present || session.cancelled || !courses.has(session.courseId)) return;
    const day = session.startsAt.slice(0, 10);
    if (day > asOf) return;
    for (const person of attendance.attendees[n]!) {
      const before = earliest.get(person);
      if (before === undefined || day < before) earliest.set(person, day);
    }
  });
  for (const [person, day] of earliest) {
    const kept = merged.keptFor(people.numbers.ids[person]!);
    const before = first.get(kept);
    if (before === undefined || day < before) first.set(kept, day);
  }
  return first;
}
