import type { z } from 'zod';
import type { ReportChoice } from '../../../shared/contract';
import type { CoreContext } from '../deps';
import { addDays, nextPeriod, resolvePeriod, type ContractYearBasis } from '../reports/periods';

export type Choice = z.output<typeof ReportChoice>;

/** The contract whose year a period counts by, if it names one (and it still exists). */
function contractOf(ctx: CoreContext, choice: Choice): ContractYearBasis | undefined {
  const id = choice.period.kind === 'contractYear' || choice.period.kind === 'yearToDate' ? choice.period.contractId : undefined;
  if (!id) return undefined;
  const row = ctx.sqlite.prepare('SELECT name, year_starts, ends_on FROM contracts WHERE id = ?').get(id) as
    | { name: string; year_starts: string; ends_on: string | null }
    | undefined;
  return row && { name: row.name, yearStarts: row.year_starts, endsOn: row.ends_on };
}

/** The period's label as it would run on `today`; null when it cannot be worked out (a contract gone, a backwards span). */
export function periodLabelOn(ctx: CoreContext, choice: Choice, today: string): string | null {
  try {
    return resolvePeriod(choice.period, choice.asOf ?? today, contractOf(ctx, choice)).label;
  } catch {
    return null;
  }
}

/**
 * The same report one period on. The period moves by one of its own length
 * (nextPeriod). A saved as-of date moves with it, so the report counts the
 * new period as the saved one counted its own: an as-of date on or after the
 * old period's last day becomes the new period's last day (the whole period),
 * one inside it moves on by as many days as the period's first day did.
 * Year to date has no length of its own: it runs as of the day it is run.
 */
export function nextChoice(ctx: CoreContext, choice: Choice): Choice {
  const period = nextPeriod(choice.period);
  if (choice.period.kind === 'yearToDate' || !choice.asOf) {
    const { asOf: _dropped, ...rest } = choice;
    return { ...rest, period };
  }
  const contract = contractOf(ctx, choice);
  const before = resolvePeriod(choice.period, choice.asOf, contract);
  const after = resolvePeriod(period, choice.asOf, contract);
  const moved = Math.round((Date.parse(`${after.from}T00:00:00Z`) - Date.parse(`${before.from}T00:00:00Z`)) / 86_400_000);
  const asOf = choice.asOf >= before.to ? after.to : addDays(choice.asOf, moved);
  return { ...choice, period, asOf };
}
