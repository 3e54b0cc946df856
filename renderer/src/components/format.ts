/** Plain-words formatting shared by the screens. */

import { calendarDay } from '../../../shared/words-for-days';

export {
  clockTime,
  dayAndTime,
  localDateTime,
  localDay,
  longDate,
  longDateWithWeekday,
  momentText,
  NOT_GIVEN,
  orNotGiven,
  timeOfMoment,
} from '../../../shared/words-for-days';

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
