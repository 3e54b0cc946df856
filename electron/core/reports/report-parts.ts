import type { ReportFilters, ReportResult, ReportTable, ResolvedPeriod, TableCell } from '../../../shared/contract';
import { sectorLabels } from '../../../shared/contract';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { CoreContext } from '../deps';
import type { Scope } from './scope';

/** What each report's builder is given, and the part of the result it makes. */
export interface ReportRequest {
  ctx: CoreContext;
  period: ResolvedPeriod;
  filters: ReportFilters;
  scope: Scope;
}

export type ReportBody = Pick<ReportResult, 'figures' | 'tables' | 'data'> & {
  notes?: string[];
  /** Confidence only: whether any pair was a retrospective before/after (every Fieldbook form asks both at the end). */
  retrospective?: boolean;
};

/** Each database's report statements, prepared once per text (the filters chosen make only a few dozen texts). */
const prepared = new WeakMap<Database, Map<string, Statement>>();

function statement(sqlite: Database, sql: string): Statement {
  let cache = prepared.get(sqlite);
  if (!cache) prepared.set(sqlite, (cache = new Map()));
  let found = cache.get(sql);
  if (!found) cache.set(sql, (found = sqlite.prepare(sql)));
  return found;
}

/** Runs one report query (its own CTEs then a SELECT, or a SELECT alone) after the scope's CTEs, with the scope's parameters and any of its own. */
export function rows<Row>(request: ReportRequest, sql: string, extra: Record<string, unknown> = {}): Row[] {
  const joined = /^\s*SELECT\b/i.test(sql) ? `${request.scope.with} ${sql}` : `${request.scope.with}, ${sql}`;
  return statement(request.ctx.sqlite, joined).all({ ...request.scope.params, ...extra }) as Row[];
}

export function sectorName(sector: string): string {
  return sector === 'none' ? 'No organisation recorded' : sector === 'anonymous' ? 'Anonymous answers' : (sectorLabels[sector as keyof typeof sectorLabels] ?? sector);
}

/** A table whose first `textColumns` columns are words and the rest numbers (or "*" where hidden). */
export function table(key: string, title: string, columns: [string, ...string[]], body: TableCell[][], chartColumn: number | null = 1, textColumns = 1): ReportTable {
  return {
    key,
    title,
    columns: columns.map((label, index) => ({ label, kind: index < textColumns ? ('text' as const) : ('number' as const) })),
    rows: body,
    chartColumn,
  };
}
