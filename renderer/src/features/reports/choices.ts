import {
  ReportChoice,
  reportKinds,
  type PeriodChoice,
  type ReportKind,
  type ReportOptions,
} from '../../../../shared/contract';

/**
 * What the report form holds, as text the way its controls give it, and its
 * translation to and from the contract's ReportChoice. Every period kind
 * keeps its own fields, so switching the period back and forth loses nothing.
 */

export type PeriodKind = PeriodChoice['kind'];

export const periodKinds: { value: PeriodKind; label: string }[] = [
  { value: 'contractYear', label: 'Contract year' },
  { value: 'financialYear', label: 'Financial year (from 1 April)' },
  { value: 'quarter', label: 'Quarter of the financial year' },
  { value: 'month', label: 'Calendar month' },
  { value: 'custom', label: 'From one day to another' },
  { value: 'yearToDate', label: 'Year to date' },
];

export interface Filters {
  contractId: string;
  courseId: string;
  organisationId: string;
  sector: string;
  venueId: string;
  facilitator: string;
  schemeId: string;
}

export interface Draft {
  kind: ReportKind;
  period: PeriodKind;
  /** The contract whose year the period is (contract year; optional for year to date). */
  periodContractId: string;
  /** The year a contract or financial year (or a quarter's financial year) starts in, "2025". */
  startYear: string;
  quarter: string;
  /** "2026-03", as a month input gives it. */
  month: string;
  from: string;
  to: string;
  /** Blank for today. */
  asOf: string;
  filters: Filters;
}

const noFilters: Filters = { contractId: '', courseId: '', organisationId: '', sector: '', venueId: '', facilitator: '', schemeId: '' };

/** The year (starting on MM-DD) that holds the day: the year it starts in. */
export function startYearHolding(day: string, yearStarts: string): number {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= yearStarts ? year : year - 1;
}

/** "2025–26" for a year from 1 August 2025; "2025" for a calendar year. */
export function yearName(startYear: number, yearStarts: string): string {
  return yearStarts === '01-01' ? String(startYear) : `${startYear}–${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The quarter of the financial year holding the day: 1 is April to June. */
function quarterHolding(day: string): number {
  const month = Number(day.slice(5, 7));
  return Math.floor(((month + 8) % 12) / 3) + 1;
}

/** Where the form starts: the first report, this contract year of the first contract (else this financial year), as of today. */
export function initialDraft(options: ReportOptions | undefined, today: string): Draft {
  const contract = options?.contracts[0];
  return {
    kind: reportKinds[0],
    period: contract ? 'contractYear' : 'financialYear',
    periodContractId: contract?.id ?? '',
    startYear: String(startYearHolding(today, contract?.yearStarts ?? '04-01')),
    quarter: String(quarterHolding(today)),
    month: today.slice(0, 7),
    from: '',
    to: '',
    asOf: '',
    filters: noFilters,
  };
}

function periodOf(draft: Draft): unknown {
  const startYear = Number(draft.startYear);
  switch (draft.period) {
    case 'contractYear':
      return { kind: 'contractYear', contractId: draft.periodContractId, startYear };
    case 'financialYear':
      return { kind: 'financialYear', startYear };
    case 'quarter':
      return { kind: 'quarter', startYear, quarter: Number(draft.quarter) };
    case 'month':
      return { kind: 'month', year: Number(draft.month.slice(0, 4)), month: Number(draft.month.slice(5, 7)) };
    case 'custom':
      return { kind: 'custom', from: draft.from, to: draft.to };
    case 'yearToDate':
      return draft.periodContractId ? { kind: 'yearToDate', contractId: draft.periodContractId } : { kind: 'yearToDate' };
  }
}

/** Only the filters that apply: the scheme is the membership report's alone. */
function filtersOf(draft: Draft): Record<string, string> {
  const chosen = Object.entries(draft.filters).filter(([key, value]) => value !== '' && (key !== 'schemeId' || draft.kind === 'membership'));
  return Object.fromEntries(chosen);
}

/** The form as the contract's choice, checked by the same schema the core checks; the first problem in words when it does not fit. */
export function toChoice(draft: Draft): { choice: ReportChoice } | { problem: string } {
  if (draft.period === 'contractYear' && !draft.periodContractId) return { problem: 'Choose the contract whose year to report on.' };
  if (draft.period === 'month' && !/^\d{4}-\d{2}$/.test(draft.month)) return { problem: 'Choose a month, like March 2026.' };
  const parsed = ReportChoice.safeParse({
    kind: draft.kind,
    period: periodOf(draft),
    ...(draft.asOf && { asOf: draft.asOf }),
    filters: filtersOf(draft),
  });
  if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'Check the choices, then try again.' };
  return { choice: parsed.data };
}

/** A saved choice back in the form, to look at or change. */
export function fromChoice(choice: ReportChoice, base: Draft): Draft {
  const period = choice.period;
  const draft: Draft = {
    ...base,
    kind: choice.kind,
    period: period.kind,
    asOf: choice.asOf ?? '',
    filters: { ...noFilters, ...choice.filters },
  };
  switch (period.kind) {
    case 'contractYear':
      return { ...draft, periodContractId: period.contractId, startYear: String(period.startYear) };
    case 'financialYear':
      return { ...draft, startYear: String(period.startYear) };
    case 'quarter':
      return { ...draft, startYear: String(period.startYear), quarter: String(period.quarter) };
    case 'month':
      return { ...draft, month: `${period.year}-${String(period.month).padStart(2, '0')}` };
    case 'custom':
      return { ...draft, from: period.from, to: period.to };
    case 'yearToDate':
      return { ...draft, periodContractId: period.contractId ?? '' };
  }
}
