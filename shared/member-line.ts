import { memberStatusLabels, type MemberLine } from './contract/membership';

/*
 * The words of a membership line beside a person on the facilitator's roster,
 * pure so that the screens and the tests read them from one place.
 */

/** A day as the roster says it: "28 Feb", with the year when it is not the year of `asOf`. */
export function shortDay(day: string, asOf: string | null): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: 'UTC', ...(asOf?.slice(0, 4) !== day.slice(0, 4) && { year: 'numeric' }) };
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', options);
}

/** The roster's line for one membership: "Allies — Core training due by 28 Feb". Never the fee. */
export function memberLineText(line: MemberLine, asOf: string | null): string {
  const course = line.requiredCourses.length === 1 ? line.requiredCourses[0]! : 'training';
  const training = {
    due: `${course} due by ${shortDay(line.dueBy, asOf)}`,
    trained: 'trained',
    not_trained: `${course} not done by ${shortDay(line.dueBy, asOf)}`,
    exempt: 'exempt from training',
  }[line.outcome];
  const status = line.status === 'current' ? '' : ` (${memberStatusLabels[line.status].toLowerCase()})`;
  return `${line.schemeName}${status} — ${training}`;
}
