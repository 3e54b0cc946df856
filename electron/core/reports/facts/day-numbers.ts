/**
 * Calendar days as whole numbers (days since 1 January 1970), for the
 * membership facts: the membership rules compare and add days (a grace
 * period, the day before a cancellation), and over 50,000 terms a report
 * does that with integers rather than by parsing date strings. The order of
 * the numbers is the order of the "2026-03-12" strings they stand for.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A day number beyond every real day: "never" (a term not cancelled, no attendance). */
export const NEVER = 0x7fffffff;

export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** dayNumber for many days of which few differ (terms share their last days), each worked out once. */
export function dayNumbers(): (day: string) => number {
  const known = new Map<string, number>();
  return (day) => {
    let found = known.get(day);
    if (found === undefined) known.set(day, (found = dayNumber(day)));
    return found;
  };
}
