import type { PeriodChoice, ResolvedPeriod } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';

/**
 * Periods as funders count them, worked out from calendar days alone (no
 * time zones: a session's day is the day at its venue). Pure, so the same
 * choice gives the same days on any computer and in any test.
 */

/** The financial year starts on 1 April in the UK public sector. */
export const FINANCIAL_YEAR_STARTS = '04-01';

export interface ContractYearBasis {
  name: string;
  /** MM-DD. */
  yearStarts: string;
  endsOn: string | null;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');

function parts(day: string): [number, number, number] {
  return day.split('-').map(Number) as [number, number, number];
}

/** A calendar day moved by whole days, through UTC so no daylight-saving change can shift it. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The first day of the month `months` after (or before) the given year and month. */
function monthStart(year: number, month: number, months = 0): string {
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  return date.toISOString().slice(0, 10);
}

/** The given day of the month `months` after the given year and month. */
function monthDay(year: number, month: number, day: number, months: number): string {
  return `${monthStart(year, month, months).slice(0, 8)}${pad(day)}`;
}

/**
 * How many whole months run from `from` to `to` (the day before the same day
 * of a later month), or null when the span is not whole months. Only spans
 * starting on days 1–28 count, since every month has those days.
 */
function wholeMonthsSpanned(from: string, to: string): number | null {
  const [fy, fm, fd] = parts(from);
  const [ty, tm] = parts(to);
  if (fd > 28) return null;
  for (const months of [(ty - fy) * 12 + tm - fm, (ty - fy) * 12 + tm - fm + 1]) {
    if (months >= 1 && addDays(monthDay(fy, fm, fd, months), -1) === to) return months;
  }
  return null;
}

/** "1 August 2026". */
export function dayInWords(day: string): string {
  const [y, m, d] = parts(day);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A year that starts on MM-DD of startYear and ends the day before the same day a year later. */
function yearFrom(startYear: number, yearStarts: string): { from: string; to: string } {
  const from = `${startYear}-${yearStarts}`;
  return { from, to: addDays(`${startYear + 1}-${yearStarts}`, -1) };
}

/** "2026–27" for a year starting in 2026 that runs into 2027; "2026" for one that is the calendar year. */
function yearName(startYear: number, yearStarts: string): string {
  return yearStarts === '01-01' ? String(startYear) : `${startYear}–${pad((startYear + 1) % 100)}`;
}

/** The year (starting on yearStarts) that holds the day: the year it starts in. */
export function startYearHolding(day: string, yearStarts: string): number {
  const year = parts(day)[0];
  return day.slice(5) >= yearStarts ? year : year - 1;
}

const span = (from: string, to: string) => `${dayInWords(from)} to ${dayInWords(to)}`;

interface Days {
  from: string;
  to: string;
  label: string;
  /** For year to date: the end of the year it is part of. */
  yearEnds?: string;
}

function daysOf(choice: PeriodChoice, asOf: string, contract: ContractYearBasis | undefined): Days {
  switch (choice.kind) {
    case 'contractYear': {
      if (!contract) throw new FieldbookError('NOT_FOUND', 'Choose the contract again: that one could not be found.');
      const { from, to } = yearFrom(choice.startYear, contract.yearStarts);
      // A contract that ends part-way through its last year is reported to the day it ends.
      const end = contract.endsOn && contract.endsOn < to && contract.endsOn >= from ? contract.endsOn : to;
      return { from, to: end, label: `${contract.name} contract year ${yearName(choice.startYear, contract.yearStarts)} (${span(from, end)})` };
    }
    case 'financialYear': {
      const { from, to } = yearFrom(choice.startYear, FINANCIAL_YEAR_STARTS);
      return { from, to, label: `Financial year ${yearName(choice.startYear, FINANCIAL_YEAR_STARTS)} (${span(from, to)})` };
    }
    case 'quarter': {
      const from = monthStart(choice.startYear, 4, (choice.quarter - 1) * 3);
      const to = addDays(monthStart(choice.startYear, 4, choice.quarter * 3), -1);
      return { from, to, label: `Quarter ${choice.quarter} of financial year ${yearName(choice.startYear, FINANCIAL_YEAR_STARTS)} (${span(from, to)})` };
    }
    case 'month': {
      const from = monthStart(choice.year, choice.month);
      const to = addDays(monthStart(choice.year, choice.month, 1), -1);
      return { from, to, label: `${MONTHS[choice.month - 1]} ${choice.year}` };
    }
    case 'custom': {
      if (choice.from > choice.to) {
        throw new FieldbookError('INVALID_INPUT', `Choose a first day on or before the last: ${dayInWords(choice.from)} is after ${dayInWords(choice.to)}.`, {
          'period.from': 'Choose a first day on or before the last day.',
        });
      }
      return { from: choice.from, to: choice.to, label: span(choice.from, choice.to) };
    }
    case 'yearToDate': {
      if (choice.contractId && !contract) throw new FieldbookError('NOT_FOUND', 'Choose the contract again: that one could not be found.');
      const yearStarts = contract?.yearStarts ?? FINANCIAL_YEAR_STARTS;
      const startYear = startYearHolding(asOf, yearStarts);
      const from = `${startYear}-${yearStarts}`;
      const what = contract ? `${contract.name} contract year` : 'financial year';
      const label = `${what[0]!.toUpperCase()}${what.slice(1)} ${yearName(startYear, yearStarts)} to date (${span(from, asOf)})`;
      return { from, to: asOf, label, yearEnds: yearFrom(startYear, yearStarts).to };
    }
  }
}

/**
 * The days a choice covers, its label and whether it is over on the as-of
 * date. A period not over yet is a "part year" (or part period): the
 * figures count only up to the as-of date.
 */
export function resolvePeriod(choice: PeriodChoice, asOf: string, contract?: ContractYearBasis): ResolvedPeriod {
  const { from, to, label, yearEnds } = daysOf(choice, asOf, contract);
  const partYear = asOf < (yearEnds ?? to);
  const partWords = ['contractYear', 'financialYear', 'yearToDate'].includes(choice.kind) ? 'part year' : 'part period';
  const shown = partYear && !yearEnds ? `${label}, ${partWords} to ${dayInWords(asOf)}` : partYear ? `${label}, ${partWords}` : label;
  return { from, to, asOf, label: shown, partYear };
}

/** The last day that counts: the period's end, or the as-of date if that comes first. */
export function countedTo(period: ResolvedPeriod): string {
  return period.asOf < period.to ? period.asOf : period.to;
}

/** The same kind of period, one on: the next contract or financial year, quarter, month, or a custom span straight after (by whole months when it is whole months, otherwise by the same number of days). */
export function nextPeriod(choice: PeriodChoice): PeriodChoice {
  switch (choice.kind) {
    case 'contractYear':
    case 'financialYear':
      return { ...choice, startYear: choice.startYear + 1 };
    case 'quarter':
      return choice.quarter === 4 ? { ...choice, startYear: choice.startYear + 1, quarter: 1 } : { ...choice, quarter: choice.quarter + 1 };
    case 'month':
      return choice.month === 12 ? { ...choice, year: choice.year + 1, month: 1 } : { ...choice, month: choice.month + 1 };
    case 'custom': {
      // A span of whole months (January, or a membership year of 1 May – 30 April)
      // moves on by months, so it stays on the same days of the month across leap years.
      const months = wholeMonthsSpanned(choice.from, choice.to);
      if (months !== null) {
        const [y, m, d] = parts(choice.from);
        const from = monthDay(y, m, d, months);
        return { kind: 'custom', from, to: addDays(monthDay(y, m, d, 2 * months), -1) };
      }
      const length = Math.round((Date.parse(`${choice.to}T00:00:00Z`) - Date.parse(`${choice.from}T00:00:00Z`)) / 86_400_000);
      const from = addDays(choice.to, 1);
      return { kind: 'custom', from, to: addDays(from, length) };
    }
    case 'yearToDate':
      // Year to date is always as of the day it is run.
      return choice;
  }
}
