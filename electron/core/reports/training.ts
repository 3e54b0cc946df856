import { sectors } from '../../../shared/contract';
import { rows, sectorName, table, type ReportBody, type ReportRequest } from './report-parts';
import { breakdownNames, breakdowns, type Breakdown } from './scope';

/** People trained, attendances and sessions in the period, in total and by each breakdown. */

interface Counts {
  peopleTrained: number;
  attendances: number;
  sessions: number;
}

interface GroupRow extends Counts {
  key: string;
  name: string;
}

interface BreakdownRow extends GroupRow {
  breakdown: Breakdown | 'total';
}

/**
 * The totals and every breakdown in one statement: the attendances (the
 * costly part, over every sign-in fact in the period) are worked out once
 * and shared by each part, rather than once a breakdown.
 */
function trainingRows(request: ReportRequest): Map<Breakdown | 'total', GroupRow[]> {
  const parts = [
    "SELECT 'total' AS breakdown, '' AS key, '' AS name, COUNT(DISTINCT person_id) AS peopleTrained, COUNT(*) AS attendances, COUNT(DISTINCT session_id) AS sessions FROM attended",
    ...breakdownNames.map((breakdown) => {
      const { join, key, name } = breakdowns[breakdown];
      return `SELECT '${breakdown}', ${key}, ${name}, COUNT(DISTINCT x.person_id), COUNT(*), COUNT(DISTINCT x.session_id) FROM attended x ${join} GROUP BY 2, 3`;
    }),
  ];
  const found = rows<BreakdownRow>(request, `${parts.join(' UNION ALL ')} ORDER BY 1, 4 DESC, 3`);
  const grouped = new Map<Breakdown | 'total', GroupRow[]>();
  for (const { breakdown, ...row } of found) {
    const group = grouped.get(breakdown);
    if (group) group.push(row);
    else grouped.set(breakdown, [row]);
  }
  return grouped;
}

const listed = ({ name, peopleTrained, attendances, sessions }: GroupRow) => ({ name, peopleTrained, attendances, sessions });

export function trainingReport(request: ReportRequest): ReportBody {
  const found = trainingRows(request);
  const [totalRow] = found.get('total') ?? [];
  const total: Counts = totalRow
    ? { peopleTrained: totalRow.peopleTrained, attendances: totalRow.attendances, sessions: totalRow.sessions }
    : { peopleTrained: 0, attendances: 0, sessions: 0 };
  const groups = Object.fromEntries(breakdownNames.map((breakdown) => [breakdown, found.get(breakdown) ?? []])) as Record<Breakdown, GroupRow[]>;
  for (const row of groups.sector) row.name = sectorName(row.key);
  const zero = { peopleTrained: 0, attendances: 0, sessions: 0 };
  const bySector = Object.fromEntries(
    [...sectors, 'none' as const].map((sector) => {
      const found = groups.sector.find((row) => row.key === sector);
      return [sector, found ? { peopleTrained: found.peopleTrained, attendances: found.attendances, sessions: found.sessions } : zero];
    }),
  );
  return {
    figures: [
      { key: 'peopleTrained', label: 'People trained', value: total.peopleTrained },
      { key: 'attendances', label: 'Attendances', value: total.attendances },
      { key: 'sessions', label: 'Sessions with attendances', value: total.sessions },
    ],
    tables: breakdownNames.map((breakdown) =>
      table(
        breakdown,
        breakdowns[breakdown].title,
        [breakdown === 'sector' ? 'Sector' : breakdown[0]!.toUpperCase() + breakdown.slice(1), 'People trained', 'Attendances', 'Sessions'],
        groups[breakdown].map((row) => [row.name, row.peopleTrained, row.attendances, row.sessions]),
      ),
    ),
    data: {
      ...total,
      bySector,
      byOrganisation: groups.organisation.map(listed),
      byCourse: groups.course.map(listed),
      byVenue: groups.venue.map(listed),
      byFacilitator: groups.facilitator.map(listed),
    },
  };
}
