import { longDate } from '../../components/format';

/** "2026-03-12T09:30" → "12 March 2026, 09:30" */
export function sessionWhen(startsAt: string): string {
  return `${longDate(startsAt.slice(0, 10))}, ${startsAt.slice(11, 16)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** This computer's calendar day, as sessions store theirs: "2026-03-12". */
export function localDay(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An instant → the same, in this computer's time. */
export function instantWhen(iso: string): string {
  const date = new Date(iso);
  return sessionWhen(`${localDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`);
}

export const bookingStateWords: Record<string, string> = {
  booked: 'Booked',
  waitlisted: 'On the waiting list',
  offered: 'Offered a place',
  cancelled: 'Cancelled',
  no_show: 'Did not come',
};
