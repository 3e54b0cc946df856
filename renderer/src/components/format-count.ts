const counts = new Intl.NumberFormat('en-GB');

/** 100000 → "100,000", as a UK reader writes numbers. */
export function formatCount(count: number): string {
  return counts.format(count);
}
