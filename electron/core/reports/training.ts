import { sectors } from '../../../shared/contract';
import { attendanceGroups, type GroupRow } from './facts/attendance-groups';
import { countedScopeOf } from './facts/counted-scope';
import { sectorName, table, type ReportBody, type ReportRequest } from './report-parts';
import { breakdownNames, breakdowns, type Breakdown } from './scope';

/** People trained, attendances and sessions in the period, in total and by each breakdown. */

interface Counts {
  peopleTrained: number;
  attendances: number;
  sessions: number;
}

/** The totals and every breakdown, counted from the facts in memory (facts/attendance-groups.ts). */
function trainingRows(request: ReportRequest): Map<Breakdown | 'total', GroupRow[]> {
  return attendanceGroups(countedScopeOf(request));
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
