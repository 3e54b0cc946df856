import { z } from 'zod';
import { GetInput, requiredText } from './common';
import { ReportChoice, ReportResult } from './reports';

/**
 * Saved reports: a named set of report choices (the report, its period, as-of
 * date and filters) the office runs again, for example every quarter for the
 * same funder. Office only, like the reports themselves. See docs/reports.md.
 */

export const SavedReport = z.object({
  id: z.string(),
  name: z.string(),
  /**
   * The choices as saved, checked again when read; null when they no longer
   * fit what a report may be (then `problem` says what to do).
   */
  choice: ReportChoice.nullable(),
  problem: z.string().nullable(),
  /** The period in words as it would run today, e.g. "Quarter 2 of financial year 2026–27 (…)"; null with a problem. */
  periodLabel: z.string().nullable(),
  savedAt: z.string(),
});
export type SavedReport = z.infer<typeof SavedReport>;

export const savedReportProcedures = {
  'savedReports.list': { kind: 'query', input: z.strictObject({}), output: z.array(SavedReport) },
  /** Saves the choices under a name no other saved report has; the report is run once first, so choices that cannot run are refused. */
  'savedReports.save': {
    kind: 'mutation',
    input: z.strictObject({ name: requiredText('Report name', 120), choice: ReportChoice }),
    output: SavedReport,
  },
  /** Moves the saved report on to its next period (next contract year, quarter, month…), keeps that, and runs it. */
  'savedReports.runNext': {
    kind: 'mutation',
    input: GetInput,
    output: z.object({ saved: SavedReport, report: ReportResult }),
  },
  'savedReports.delete': { kind: 'mutation', input: GetInput, output: z.object({ id: z.string() }) },
} as const;
