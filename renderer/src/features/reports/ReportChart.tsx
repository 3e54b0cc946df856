import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { ReportTable } from '../../../../shared/contract';

/** More bars than this and the chart stops being read; the table beside it has every row. */
export const MOST_BARS = 30;
const LABEL_CHARACTERS = 24;

export interface Bar {
  label: string;
  value: number;
}

/** The bars a table's chart draws: its label column against its chart column, rows with no number (a hidden "*") left out. */
export function barsOf(table: ReportTable): { bars: Bar[]; hidden: number } {
  const column = table.chartColumn;
  if (column === null) return { bars: [], hidden: 0 };
  const bars: Bar[] = [];
  let hidden = 0;
  for (const row of table.rows) {
    const value = row[column];
    if (typeof value === 'number') bars.push({ label: String(row[0] ?? ''), value });
    else hidden += 1;
  }
  return { bars, hidden };
}

/** Numbers as the table beside the chart writes them: 1,234. */
export const numberText = (value: number) => value.toLocaleString('en-GB');

const shortLabel = (label: string) => (label.length > LABEL_CHARACTERS ? `${label.slice(0, LABEL_CHARACTERS - 1)}…` : label);

/**
 * A bar chart beside a report's table, drawn as SVG by Observable Plot from
 * the table's own rows, so its numbers are the table's. The SVG is one image
 * for assistive technology: it takes keyboard focus and its label reads out
 * every bar. Plot's own <style> element is taken out before the chart is
 * shown, as the app's Content-Security-Policy allows no inline styles;
 * reports.css styles the chart instead.
 */
export function ReportChart({ table }: { table: ReportTable }) {
  const holder = useRef<HTMLDivElement>(null);
  const { bars: all, hidden } = barsOf(table);
  const bars = all.slice(0, MOST_BARS);
  const measure = table.chartColumn === null ? '' : (table.columns[table.chartColumn]?.label ?? '');
  const description = `Bar chart of ${measure.toLowerCase()} by ${(table.columns[0]?.label ?? 'row').toLowerCase()}: ${bars.map((bar) => `${bar.label} ${numberText(bar.value)}`).join('; ')}.`;

  useEffect(() => {
    const element = holder.current;
    if (!element || bars.length === 0) return;
    const chart = Plot.plot({
      width: 460,
      height: 40 + bars.length * 26,
      marginLeft: 200,
      marginRight: 48,
      x: { grid: true, label: measure, nice: true },
      y: { label: null, domain: bars.map((bar) => bar.label), tickFormat: shortLabel },
      marks: [
        Plot.barX(bars, { x: 'value', y: 'label', fill: 'currentColor' }),
        Plot.text(bars, { x: 'value', y: 'label', text: (bar: Bar) => numberText(bar.value), textAnchor: 'start', dx: 4 }),
        Plot.ruleX([0]),
      ],
    });
    chart.querySelector('style')?.remove();
    // Plot names its groups ("bar", "rule") with aria-label, which a group without a role may not carry; the image's own label says it all.
    for (const part of chart.querySelectorAll('[aria-label]')) part.removeAttribute('aria-label');
    chart.setAttribute('aria-label', description);
    chart.setAttribute('role', 'img');
    chart.setAttribute('tabindex', '0');
    chart.setAttribute('focusable', 'true');
    chart.classList.add('report-chart__svg');
    element.replaceChildren(chart);
    return () => chart.remove();
    // The table's rows are what is drawn; a new table is a new chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [table]);

  if (bars.length === 0) return <p className="report-chart__empty">Nothing to chart{hidden > 0 ? ': every count is hidden' : ''}.</p>;
  return (
    <figure className="report-chart">
      <div ref={holder} className="report-chart__plot" />
      <figcaption className="report-chart__caption">
        Chart of {measure.toLowerCase()}
        {all.length > MOST_BARS && `, the first ${MOST_BARS} of ${all.length} rows (the table has them all)`}
        {hidden > 0 && `; ${hidden === 1 ? 'a hidden count (*) is' : `${hidden} hidden counts (*) are`} left out`}.
      </figcaption>
    </figure>
  );
}
