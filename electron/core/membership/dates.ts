import type { MemberStatus, TermOrigin } from '../../../shared/contract/membership';

/**
 * The membership rules that are only about dates, pure so that a report "as
 * of" a day gives the same answer whenever it is run. Days are calendar
 * dates, "2026-03-12"; every range here includes both its ends.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

function toUtc(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * DAY_MS);
}

/** Whole days from one day to another: 1 from a day to the next. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day of the month N calendar months on; a day the month does not
 * have becomes its last day (31 August + 6 months is 28 February, or 29 in a
 * leap year).
 */
export function addMonths(day: string, months: number): string {
  const monthIndex = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const date = Math.min(Number(day.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/**
 * The last day a member who joined on `joinedOn` can attend the required
 * course and count as trained in time: joined 15 June with a 6-month window,
 * due by 15 December, that day included.
 */
export function trainingDueBy(joinedOn: string, windowMonths: number): string {
  return addMonths(joinedOn, windowMonths);
}

/**
 * A term's last day. With a membership year (its first day as MM-DD) a term
 * runs to the day before the next year starts after its start, so a member
 * who joins part-way through the year is a member to its end; with rolling
 * terms it is 12 months less a day.
 */
export function termEndsOn(startsOn: string, yearStarts: string | null): string {
  if (yearStarts === null) return addDays(addMonths(startsOn, 12), -1);
  const year = Number(startsOn.slice(0, 4));
  const thisYears = `${year}-${yearStarts}`;
  const nextStart = thisYears > startsOn ? thisYears : `${year + 1}-${yearStarts}`;
  return addDays(nextStart, -1);
}

/** What the date rules need of a stored term. */
export interface TermDates {
  startsOn: string;
  endsOn: string;
  cancelledOn: string | null;
}

/** The last day a term was in effect: its end, or the day before it was cancelled if that is sooner. */
export function lastDayInEffect(term: TermDates): string {
  if (term.cancelledOn === null) return term.endsOn;
  const dayBefore = addDays(term.cancelledOn, -1);
  return dayBefore < term.endsOn ? dayBefore : term.endsOn;
}

/**
 * Where a member stands on a day, from their terms alone. Checked in order,
 * first match wins: a term in effect that day (current); otherwise the term
 * that started last by then decides: cancelled on or before the day
 * (cancelled), ended no more than the grace period before (in grace), else
 * expired. Null before their first term starts.
 */
export function statusOn(terms: readonly TermDates[], day: string, graceDays: number): MemberStatus | null {
  const started = terms.filter((term) => term.startsOn <= day);
  if (started.length === 0) return null;
  if (started.some((term) => day <= lastDayInEffect(term))) return 'current';
  const last = started.reduce((latest, term) => (term.startsOn > latest.startsOn ? term : latest));
  if (last.cancelledOn !== null && last.cancelledOn <= day) return 'cancelled';
  return day <= addDays(last.endsOn, graceDays) ? 'in_grace' : 'expired';
}

/**
 * How a term starting on `startsOn` relates to the member's earlier terms:
 * their first is new; one that starts before the previous term ends, or
 * leaves a gap no longer than the grace period, is a renewal; a longer gap
 * makes it a rejoin. The gap is the days with no term in effect, so with a
 * 30-day grace period a term ending 30 April is renewed by one starting on
 * or before 31 May.
 */
export function originOf(earlier: readonly TermDates[], startsOn: string, graceDays: number): TermOrigin {
  const before = earlier.filter((term) => term.startsOn < startsOn);
  if (before.length === 0) return 'new';
  const lastDay = before.map(lastDayInEffect).reduce((latest, day) => (day > latest ? day : latest));
  const gap = daysBetween(lastDay, startsOn) - 1;
  return gap <= graceDays ? 'renewal' : 'rejoin';
}

/** A day as people write it in a sentence: "1 May 2024". */
export function dayInWords(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
