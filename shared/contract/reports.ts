import { z } from 'zod';
import { Id, calendarDate, requiredText, theField } from './common';
import { sectors } from './catalogue';

/**
 * Reports for funders and the office: a kind of report, a period and
 * filters in; figures, tables and the definitions they were counted by out.
 * Office only (a laptop holds only its own few sessions and the people it
 * saw, so its figures would be wrong as a report). See docs/reports.md.
 */

export const reportKinds = ['training', 'confidence', 'outcomes', 'change', 'equality', 'demand', 'you-said-we-did', 'membership'] as const;
export const ReportKind = z.enum(reportKinds, { error: `Choose a report: ${reportKinds.join(', ')}.` });
export type ReportKind = z.infer<typeof ReportKind>;

export const reportTitles: Record<ReportKind, string> = {
  training: 'People trained',
  confidence: 'Confidence',
  outcomes: 'Learning outcomes',
  change: 'Change through the training cycle',
  equality: 'Equality monitoring',
  demand: 'Demand',
  'you-said-we-did': 'You said, we did',
  membership: 'Membership',
};

const year = (label: string) =>
  z
    .number({ error: `Enter ${theField(label)} as a year, for example 2026.` })
    .int({ error: `Enter ${theField(label)} as a whole year, for example 2026.` })
    .min(2000, { error: `Enter ${theField(label)} as 2000 or later.` })
    .max(2100, { error: `Enter ${theField(label)} as 2100 or earlier.` });

/**
 * (Error messages say "April-to-March year": the jargon check in
 * tests/unit/contract.test.ts reads the "nan" in "financial" as NaN.)
 *
 * A period as a person chooses it. Every one is inclusive of both its first
 * and last day. Quarters are of the financial year (quarter 1 is April to
 * June), as public bodies report them.
 */
export const PeriodChoice = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('contractYear'), contractId: Id, startYear: year('The year the contract year starts in') }),
    z.strictObject({ kind: z.literal('financialYear'), startYear: year('The year the April-to-March year starts in') }),
    z.strictObject({
      kind: z.literal('quarter'),
      startYear: year('The year the April-to-March year starts in'),
      quarter: z.number({ error: 'Choose a quarter from 1 to 4.' }).int().min(1, { error: 'Choose a quarter from 1 to 4.' }).max(4, { error: 'Choose a quarter from 1 to 4.' }),
    }),
    z.strictObject({
      kind: z.literal('month'),
      year: year('The year'),
      month: z.number({ error: 'Choose a month from 1 to 12.' }).int().min(1, { error: 'Choose a month from 1 to 12.' }).max(12, { error: 'Choose a month from 1 to 12.' }),
    }),
    z.strictObject({ kind: z.literal('custom'), from: calendarDate('The first day'), to: calendarDate('The last day') }),
    /** From the start of the financial year (or of the contract's year, when one is named) to the as-of date. */
    z.strictObject({ kind: z.literal('yearToDate'), contractId: Id.optional() }),
  ],
  { error: 'Choose a period: contract year, April-to-March year, quarter, month, custom or year to date.' },
);
export type PeriodChoice = z.infer<typeof PeriodChoice>;

export const ReportFilters = z
  .strictObject({
    contractId: Id.optional(),
    courseId: Id.optional(),
    organisationId: Id.optional(),
    sector: z.enum(sectors, { error: 'Choose a sector: statutory, voluntary and community (VCSE), or other.' }).optional(),
    venueId: Id.optional(),
    facilitator: requiredText('Facilitator', 200).optional(),
    /** The membership scheme a membership report is about; that report needs one, the others ignore it. */
    schemeId: Id.optional(),
  })
  .default({});
export type ReportFilters = z.infer<typeof ReportFilters>;

export const ReportChoice = z.strictObject({
  kind: ReportKind,
  period: PeriodChoice,
  /** Count as things stood on this day (default today): nothing dated after it counts. */
  asOf: calendarDate('The as-of date').optional(),
  filters: ReportFilters,
});
export type ReportChoice = z.input<typeof ReportChoice>;

export const ResolvedPeriod = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  /** "Contract year 2026–27 (1 August 2026 to 31 July 2027)". */
  label: z.string(),
  /** The period is not over on the as-of date: figures count to the as-of date only. */
  partYear: z.boolean(),
});
export type ResolvedPeriod = z.infer<typeof ResolvedPeriod>;

export const TableCell = z.union([z.string(), z.number(), z.null()]);
export type TableCell = z.infer<typeof TableCell>;

export const ReportTable = z.object({
  key: z.string(),
  title: z.string(),
  columns: z.array(z.object({ label: z.string(), kind: z.enum(['text', 'number']) })),
  rows: z.array(z.array(TableCell)),
  /** Which column the chart beside the table draws (the first is always the labels); null for no chart. */
  chartColumn: z.number().nullable(),
});
export type ReportTable = z.infer<typeof ReportTable>;

export const Definition = z.object({ term: z.string(), text: z.string() });
export type Definition = z.infer<typeof Definition>;

export const ReportResult = z.object({
  kind: ReportKind,
  title: z.string(),
  period: ResolvedPeriod,
  /** The filters in words, e.g. { label: 'Course', value: 'Cultural competency' }. */
  filters: z.array(z.object({ label: z.string(), value: z.string() })),
  figures: z.array(z.object({ key: z.string(), label: z.string(), value: z.union([z.number(), z.string(), z.null()]) })),
  tables: z.array(ReportTable),
  definitions: z.array(Definition),
  /** Plain sentences to show above the figures: "No sessions in this period.", "Part year: …". */
  notes: z.array(z.string()),
  /** The figures under the keys docs/reports.md documents; what `fieldbook report --format json` prints. */
  data: z.record(z.string(), z.unknown()),
});
export type ReportResult = z.infer<typeof ReportResult>;

/** Choices for the filters: what there is to filter by. */
export const ReportOptions = z.object({
  contracts: z.array(z.object({ id: z.string(), name: z.string(), yearStarts: z.string() })),
  courses: z.array(z.object({ id: z.string(), name: z.string() })),
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  venues: z.array(z.object({ id: z.string(), name: z.string() })),
  facilitators: z.array(z.string()),
  /** Membership schemes, for the membership report. */
  schemes: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ReportOptions = z.infer<typeof ReportOptions>;

export const reportProcedures = {
  'reports.options': { kind: 'query', input: z.strictObject({}), output: ReportOptions },
  'reports.run': { kind: 'query', input: ReportChoice, output: ReportResult },
  /** The report as a file: CSV (UTF-8 with a byte-order mark) or XLSX (a sheet per table and a "Definitions" sheet). */
  'reports.export': {
    kind: 'query',
    input: z.strictObject({ choice: ReportChoice, format: z.enum(['csv', 'xlsx'], { error: 'Choose a spreadsheet (xlsx) or a CSV file.' }) }),
    output: z.object({ fileName: z.string(), contentBase64: z.string() }),
  },
} as const;
