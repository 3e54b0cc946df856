/** Plain-words formatting shared by the screens. */

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** 90 -> "1 hour 30 minutes" */
export function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [hours > 0 ? plural(hours, 'hour') : '', rest > 0 ? plural(rest, 'minute') : ''];
  return parts.filter(Boolean).join(' ') || plural(0, 'minute');
}

/** "2026-11-26" as a point in time that formats the same in every time zone. */
function calendarDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function dateParts(day: string, weekday: boolean): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    weekday: weekday ? 'long' : undefined,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(calendarDay(day));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return [weekday ? part('weekday') : '', part('day'), part('month'), part('year')].filter(Boolean).join(' ');
}

/** "26 November 2026" */
export function longDate(day: string): string {
  return dateParts(day, false);
}

/** "Thursday 26 November 2026" */
export function longDateWithWeekday(day: string): string {
  return dateParts(day, true);
}

/** The calendar day `count` days after `day`. */
export function addDays(day: string, count: number): string {
  const date = calendarDay(day);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** Minutes after a wall-clock time "2026-03-12T09:30", as the same kind of text. */
export function addMinutes(localDateTime: string, minutes: number): string {
  const date = new Date(`${localDateTime}:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  date.setUTCMinutes(date.getUTCMinutes() + minutes);
  return date.toISOString().slice(0, 16);
}
