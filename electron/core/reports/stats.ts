/** Small pieces of arithmetic the reports share, kept pure so they are tested alone. */

/** Rounded to one decimal place, as funders' returns print a percentage. */
export const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** 100 × part / whole to one decimal, or null when there is no whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? oneDecimal((100 * part) / whole) : null;
}

/** The median of a sorted list of numbers, or null for none. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The median of values given as counts: counts[v] people answered v. */
export function medianOfCounts(counts: ReadonlyMap<number, number>): number | null {
  const values = [...counts.keys()].sort((a, b) => a - b);
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const at = (index: number) => {
    let seen = 0;
    for (const value of values) {
      seen += counts.get(value)!;
      if (index < seen) return value;
    }
    return values[values.length - 1]!;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * The 95% Wilson score interval for a proportion, in percent to one decimal:
 * unlike the plain p ± 1.96·√(p(1−p)/n) it stays inside 0–100 and is honest
 * for small groups and for shares near 0% or 100%.
 */
export function wilsonInterval(successes: number, trials: number, z = 1.959964): { low: number; high: number } | null {
  if (trials === 0) return null;
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / (1 + z2 / trials);
  return { low: oneDecimal(100 * Math.max(0, centre - half)), high: oneDecimal(100 * Math.min(1, centre + half)) };
}

/** Whole days between two instants (ISO), rounded down: 0 for the same day. */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 86_400_000);
}
