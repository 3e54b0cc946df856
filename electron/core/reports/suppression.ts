/**
 * Small-number suppression for equality monitoring tables, so that no one
 * can be picked out of a published table:
 *
 * 1. Primary: a count from 1 to 7 is hidden (shown as "*"). Zero is shown:
 *    it says nobody, which names no one.
 * 2. Secondary: wherever a total is the sum of its parts (a table's total,
 *    a group's subtotal) and exactly one of them is hidden, it could be
 *    worked out by subtraction, so one more is hidden: the smallest non-zero
 *    part still shown, else the total, else a zero part. Hiding a subtotal
 *    can expose a cell in the table above it, so this repeats until no
 *    total has exactly one hidden member.
 */

export const SUPPRESS_UP_TO = 7;
export const HIDDEN = '*';
/** No percentage is shown with a denominator smaller than this. */
export const SMALLEST_DENOMINATOR = 10;

export interface SumConstraint {
  /** The key of the cell that is the sum. */
  total: string;
  parts: readonly string[];
}

export function suppressedCells(values: ReadonlyMap<string, number>, constraints: readonly SumConstraint[]): Set<string> {
  const hidden = new Set<string>();
  for (const [key, value] of values) if (value >= 1 && value <= SUPPRESS_UP_TO) hidden.add(key);
  const valueOf = (key: string) => values.get(key) ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of constraints) {
      const members = [total, ...parts];
      if (members.filter((key) => hidden.has(key)).length !== 1) continue;
      const shownParts = parts.filter((key) => !hidden.has(key)).sort((a, b) => valueOf(a) - valueOf(b));
      const next =
        shownParts.find((key) => valueOf(key) > 0) ?? (hidden.has(total) ? undefined : total) ?? shownParts[0];
      if (next !== undefined) {
        hidden.add(next);
        changed = true;
      }
    }
  }
  return hidden;
}

/** A count as published: the number, or "*" when hidden. */
export function shownCount(key: string, values: ReadonlyMap<string, number>, hidden: ReadonlySet<string>): number | string {
  return hidden.has(key) ? HIDDEN : (values.get(key) ?? 0);
}

/** A share of the total in percent to one decimal, or null where the cell or total is hidden or the total is under 10. */
export function shownPercent(key: string, totalKey: string, values: ReadonlyMap<string, number>, hidden: ReadonlySet<string>): number | null {
  const total = values.get(totalKey) ?? 0;
  if (hidden.has(key) || hidden.has(totalKey) || total < SMALLEST_DENOMINATOR) return null;
  return Math.round((1000 * (values.get(key) ?? 0)) / total) / 10;
}
