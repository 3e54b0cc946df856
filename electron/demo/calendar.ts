/**
 * Calendar days and venue wall-clock times as plain strings ("2026-03-12",
 * "2026-03-12T09:30"), the form the contract uses. Arithmetic is done on UTC
 * dates so that a clock change in spring or autumn never skips or repeats a day.
 */
export type CalendarDay = string;

const pad = (n: number) => String(n).padStart(2, '0');

function fromUtc(date: Date): CalendarDay {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

function toUtc(day: CalendarDay): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The local calendar day of a moment, as the person at the laptop reads it. */
export function calendarDay(moment: Date): CalendarDay {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = toUtc(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

export function isWeekend(day: CalendarDay): boolean {
  const weekday = toUtc(day).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** "2026-03-12T09:30" from a day and minutes after midnight. */
export function wallTime(day: CalendarDay, minutesAfterMidnight: number): string {
  return `${day}T${pad(Math.floor(minutesAfterMidnight / 60))}:${pad(minutesAfterMidnight % 60)}`;
}
