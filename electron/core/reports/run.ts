import type { ParsedInput, ReportKind, ReportResult } from '../../../shared/contract';
import { reportTitles, sectorLabels } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { erasedNotes } from '../erasure/erased-in-reports';
import { localDate, type CoreContext } from '../deps';
import { thisDevice } from '../sync/device-keys';
import { retentionDays } from '../sync/settings';
import { changeReport } from './change';
import { confidenceReport } from './confidence';
import { definitionsFor } from './definitions';
import { demandReport } from './demand';
import { equalityReport } from './equality';
import { membershipReport } from './membership';
import { outcomesReport } from './outcomes';
import { resolvePeriod, type ContractYearBasis } from './periods';
import type { ReportBody, ReportRequest } from './report-parts';
import { reportScope } from './scope';
import { trainingReport } from './training';
import { youSaidReport } from './you-said';

const builders: Record<ReportKind, (request: ReportRequest) => ReportBody | Promise<ReportBody>> = {
  training: trainingReport,
  confidence: confidenceReport,
  outcomes: outcomesReport,
  change: changeReport,
  equality: equalityReport,
  demand: demandReport,
  'you-said-we-did': youSaidReport,
  membership: membershipReport,
};

type Choice = ParsedInput<'reports.run'>;

function nameOf(ctx: CoreContext, table: 'contracts' | 'courses' | 'organisations' | 'venues' | 'membership_schemes', id: string, what: string): string {
  const column = table === 'courses' ? 'title' : 'name';
  const found = ctx.sqlite.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined;
  if (found === undefined) throw new FieldbookError('NOT_FOUND', `Choose the ${what} again: that one could not be found.`);
  return found;
}

function contractBasis(ctx: CoreContext, id: string): ContractYearBasis {
  const row = ctx.sqlite.prepare('SELECT name, year_starts, ends_on FROM contracts WHERE id = ?').get(id) as
    | { name: string; year_starts: string; ends_on: string | null }
    | undefined;
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the contract again: that one could not be found.');
  return { name: row.name, yearStarts: row.year_starts, endsOn: row.ends_on };
}

/** The filters in words, so a report read on paper says what it counted. */
function filtersInWords(ctx: CoreContext, kind: ReportKind, filters: Choice['filters']): ReportResult['filters'] {
  const words: ReportResult['filters'] = [];
  if (filters.contractId) words.push({ label: 'Contract', value: nameOf(ctx, 'contracts', filters.contractId, 'contract') });
  if (filters.courseId) words.push({ label: 'Course', value: nameOf(ctx, 'courses', filters.courseId, 'course') });
  if (filters.organisationId) words.push({ label: 'Organisation', value: nameOf(ctx, 'organisations', filters.organisationId, 'organisation') });
  if (filters.sector) words.push({ label: 'Sector', value: sectorLabels[filters.sector] });
  if (filters.venueId) words.push({ label: 'Venue', value: nameOf(ctx, 'venues', filters.venueId, 'venue') });
  if (filters.facilitator) words.push({ label: 'Facilitator', value: filters.facilitator });
  // Only the membership report is about a scheme; the others ignore one sent.
  if (filters.schemeId && kind === 'membership') words.push({ label: 'Scheme', value: nameOf(ctx, 'membership_schemes', filters.schemeId, 'membership scheme') });
  return words;
}

/**
 * One report: the period worked out, the filters checked and put into words,
 * the figures counted, and the definitions they were counted by. On a
 * laptop the same report counts what the laptop holds, which is only its
 * facilitators' own sessions (the office's package brings no others) and
 * only until their personal data is removed: the report says so.
 */
export async function runReport(ctx: CoreContext, choice: Choice): Promise<ReportResult> {
  const device = await thisDevice(ctx);
  const asOf = choice.asOf ?? localDate(ctx.clock());
  const contractId = choice.period.kind === 'contractYear' || choice.period.kind === 'yearToDate' ? choice.period.contractId : undefined;
  const period = resolvePeriod(choice.period, asOf, contractId ? contractBasis(ctx, contractId) : undefined);
  const filters = filtersInWords(ctx, choice.kind, choice.filters);
  const scope = reportScope(period, choice.filters);
  const request: ReportRequest = { ctx, period, filters: choice.filters, scope };
  const body = await builders[choice.kind](request);
  // The membership report counts members' terms, not sessions.
  const sessions =
    choice.kind === 'membership' ? null : ((ctx.sqlite.prepare(`${scope.with} SELECT COUNT(*) FROM scoped_sessions`).pluck().get(scope.params) as number) ?? 0);
  const notes = [
    ...(sessions === 0 ? ['No sessions in this period.'] : []),
    ...(period.partYear ? [`This period is not over: it counts to ${asOf} only (part year).`] : []),
    ...(device.role === 'laptop'
      ? [
          `On this laptop the report counts only this laptop's own sessions, and only those still here: personal data leaves a laptop ${retentionDays(ctx)} days after the office confirms it has it. The office's report counts every laptop's.`,
        ]
      : []),
    ...(body.notes ?? []),
    // Figures printed before an erasure stay as they were; this one says it counts fewer.
    ...erasedNotes(request, choice.kind),
  ];
  return {
    kind: choice.kind,
    title: reportTitles[choice.kind],
    period,
    filters,
    figures: body.figures,
    tables: body.tables,
    definitions: definitionsFor(choice.kind),
    notes,
    data: body.data,
  };
}
