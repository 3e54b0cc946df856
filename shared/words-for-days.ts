/**
 * Days and times as every screen writes them: "2 December 2026",
 * "Wednesday 2 December 2026", and the 24-hour "09:30" with two digits,
 * whatever the browser's locale would choose ("9:30", "9:30 am"); and
 * "Not given" for a field nobody filled in. In shared/ so the screens and the
 * core's messages can say the same, and a unit test can read them.
 */

/** "2026-11-26" as a point in time that formats the same in every time zone. */
export function calendarDay(day: string): Date {
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

const pad = (value: number) => String(value).padStart(2, '0');

/** "09:30" from a wall-clock time at the venue, "2026-03-12T09:30", as sessions store them. */
export function clockTime(localDateTime: string): string {
  return localDateTime.slice(11, 16);
}

/** This computer's calendar day for a moment: "2026-03-12". */
export function localDay(date: Date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** This computer's wall-clock time to the minute, "2026-03-12T09:30", the form session times take. */
export function localDateTime(date: Date = new Date()): string {
  return `${localDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "09:42" in this computer's time, for a moment the core stamped in UTC ("2026-03-12T09:42:10.000Z"). */
export function timeOfMoment(isoInstant: string): string {
  const date = new Date(isoInstant);
  return Number.isNaN(date.getTime()) ? '' : clockTime(localDateTime(date));
}

/** "12 March 2026 at 09:30" from a wall-clock time at the venue, "2026-03-12T09:30". */
export function dayAndTime(localDateTimeText: string): string {
  return `${longDate(localDateTimeText.slice(0, 10))} at ${clockTime(localDateTimeText)}`;
}

/**
 * A moment the core stamped in UTC, in this computer's time: "12 March 2026 at 16:05",
 * or "today at 16:05" when `today` (this computer's day) is given and it is today.
 */
export function momentText(isoInstant: string, today?: string): string {
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const wallClock = localDateTime(date);
  return wallClock.slice(0, 10) === today ? `today at ${clockTime(wallClock)}` : dayAndTime(wallClock);
}

/** What a screen shows for a field nobody filled in. */
export const NOT_GIVEN = 'Not given';

/** The value, or "Not given" when it is empty, so an empty field never reads as "None" or a blank. */
export function orNotGiven(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? NOT_GIVEN : value;
}
