import {
  membershipYearSpan,
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

/** The contract's kinds, and the membership report's own: a scheme's membership year. */
export type PeriodKind = PeriodChoice['kind'] | 'membershipYear';

/** A scheme as the form needs it: its membership year's first day, MM-DD, or null for rolling terms. */
export interface SchemeYear {
  id: string;
  yearStarts: string | null;
}

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

export const membershipYearKind = { value: 'membershipYear' as const, label: 'Membership year of the scheme' };

/** The scheme the membership report is about, when it has a membership year (rolling terms have none). */
export function schemeYearStarts(draft: Draft, schemes: SchemeYear[]): string | null {
  return schemes.find((scheme) => scheme.id === draft.filters.schemeId)?.yearStarts ?? null;
}

/**
 * The form after choosing another report. The membership report is about one
 * scheme: it starts on the first, and on its membership year holding today when
 * it has one, so a year's figures are one choice away. Leaving it, the
 * membership year gives way to the financial year.
 */
export function withReport(draft: Draft, kind: ReportKind, schemes: SchemeYear[], today: string): Draft {
  if (kind !== 'membership') return { ...draft, kind, ...(draft.period === 'membershipYear' && { period: 'financialYear', startYear: String(startYearHolding(today, '04-01')) }) };
  const schemeId = draft.filters.schemeId || schemes[0]?.id || '';
  const next: Draft = { ...draft, kind, filters: { ...draft.filters, schemeId } };
  const yearStarts = schemeYearStarts(next, schemes);
  return yearStarts ? { ...next, period: 'membershipYear', startYear: String(startYearHolding(today, yearStarts)) } : next;
}

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

function periodOf(draft: Draft, schemes: SchemeYear[]): unknown {
  const startYear = Number(draft.startYear);
  switch (draft.period) {
    case 'membershipYear': {
      // The core counts a period of joining dates: the scheme's year is that span.
      const yearStarts = schemeYearStarts(draft, schemes);
      return yearStarts ? { kind: 'custom', ...membershipYearSpan(startYear, yearStarts) } : null;
    }
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
export function toChoice(draft: Draft, schemes: SchemeYear[] = []): { choice: ReportChoice } | { problem: string } {
  if (draft.period === 'contractYear' && !draft.periodContractId) return { problem: 'Choose the contract whose year to report on.' };
  if (draft.kind === 'membership' && !draft.filters.schemeId) return { problem: 'Choose a membership scheme: the membership report is about one scheme.' };
  if (draft.period === 'membershipYear' && (draft.kind !== 'membership' || !schemeYearStarts(draft, schemes))) {
    return { problem: 'Choose another kind of period: this scheme has rolling terms, with no membership year.' };
  }
  if (draft.period === 'month' && !/^\d{4}-\d{2}$/.test(draft.month)) return { problem: 'Choose a month, like March 2026.' };
  const parsed = ReportChoice.safeParse({
    kind: draft.kind,
    period: periodOf(draft, schemes),
    ...(draft.asOf && { asOf: draft.asOf }),
    filters: filtersOf(draft),
  });
  if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'Check the choices, then try again.' };
  return { choice: parsed.data };
}

/** A saved choice back in the form, to look at or change; a membership report's span that is its scheme's year shows as that year. */
export function fromChoice(choice: ReportChoice, base: Draft, schemes: SchemeYear[] = []): Draft {
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
    case 'custom': {
      const yearStarts = choice.kind === 'membership' ? schemeYearStarts(draft, schemes) : null;
      const startYear = Number(period.from.slice(0, 4));
      const span = yearStarts ? membershipYearSpan(startYear, yearStarts) : null;
      if (span && span.from === period.from && span.to === period.to) return { ...draft, period: 'membershipYear', startYear: String(startYear) };
      return { ...draft, period: 'custom', from: period.from, to: period.to };
    }
    case 'yearToDate':
      return { ...draft, periodContractId: period.contractId ?? '' };
  }
}
