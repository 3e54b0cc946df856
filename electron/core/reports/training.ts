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

function totals(request: ReportRequest): Counts {
  const [row] = rows<Counts>(
    request,
    'SELECT COUNT(DISTINCT person_id) AS peopleTrained, COUNT(*) AS attendances, COUNT(DISTINCT session_id) AS sessions FROM attended',
  );
  return row ?? { peopleTrained: 0, attendances: 0, sessions: 0 };
}

export function trainingBy(request: ReportRequest, breakdown: Breakdown): GroupRow[] {
  const { join, key, name } = breakdowns[breakdown];
  return rows<GroupRow>(
    request,
    `SELECT ${key} AS key, ${name} AS name, COUNT(DISTINCT x.person_id) AS peopleTrained, COUNT(*) AS attendances, COUNT(DISTINCT x.session_id) AS sessions
     FROM attended x ${join} GROUP BY 1, 2 ORDER BY peopleTrained DESC, name`,
  );
}

const listed = ({ name, peopleTrained, attendances, sessions }: GroupRow) => ({ name, peopleTrained, attendances, sessions });

export function trainingReport(request: ReportRequest): ReportBody {
  const total = totals(request);
  const groups = Object.fromEntries(breakdownNames.map((breakdown) => [breakdown, trainingBy(request, breakdown)])) as Record<Breakdown, GroupRow[]>;
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
