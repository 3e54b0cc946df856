import { memberStatusLabels, yearStartInWords, type MemberLine, type SchemeView } from '../../../../shared/contract';

/** Pence as the office reads it: £25.00. */
export const pounds = (pence: number | null) => (pence === null ? 'No fee' : `£${(pence / 100).toFixed(2)}`);

/** "25", "25.00" or "£25" typed into a fee box, in pence; null when left blank, NaN when it is not an amount. */
export function typedPence(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = /^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(trimmed);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')) : Number.NaN;
}

export const termsInWords = (scheme: Pick<SchemeView, 'yearStarts'>) =>
  scheme.yearStarts ? `Membership year from ${yearStartInWords(scheme.yearStarts)}` : 'Rolling 12-month terms';

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
