/** Prints benchmark figures beside their budget and the raw better-sqlite3 baseline from the same run. */

export interface Figure {
  name: string;
  /** Measured value of the statistic named in `statistic`. */
  value: number;
  statistic: 'p95' | 'median' | 'total';
  unit: 'ms' | 'MB';
  /** Absent for figures printed for context only. */
  budget?: number;
  /** The same work done with raw better-sqlite3: the physical floor on this machine. */
  baseline?: { label: string; value: number };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export async function timeMs(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1));

export function printFigures(figures: Figure[]): void {
  const rows = figures.map((figure) => [
    figure.name,
    `${figure.statistic} ${fmt(figure.value)} ${figure.unit}`,
    figure.budget === undefined ? '(no budget)' : `${figure.value <= figure.budget ? 'within' : 'OVER'} ${fmt(figure.budget)} ${figure.unit}`,
    figure.baseline ? `${figure.baseline.label}: ${fmt(figure.baseline.value)} ${figure.unit}` : '',
  ]);
  const header = ['figure', 'measured', 'budget', 'raw better-sqlite3 baseline (same run)'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}
