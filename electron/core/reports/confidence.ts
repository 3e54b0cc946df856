import { medianOfCounts, percent, wilsonInterval } from './stats';
import { countedScopeOf } from './facts/counted-scope';
import { pairGroups, type PairRow } from './facts/response-groups';
import { sectorName, table, type ReportBody, type ReportRequest } from './report-parts';
import { breakdownNames, breakdowns, type Breakdown } from './scope';

/**
 * Confidence before and after: from each response, the first
 * before-and-after item of the form version it answered. Counted from the
 * facts in memory as a distribution of (before, after) pairs, at most 36
 * rows a group (facts/response-groups.ts), from which every figure (pairs,
 * medians, the interval) is worked out exactly.
 */

export interface ConfidenceFigures {
  responses: number;
  paired: number;
  increased: number;
  same: number;
  lower: number;
  percentIncreased: number | null;
}

export function confidenceOf(pairs: readonly PairRow[]): ConfidenceFigures & { medianBefore: number | null; medianAfter: number | null } {
  const figures = { responses: 0, paired: 0, increased: 0, same: 0, lower: 0 };
  const befores = new Map<number, number>();
  const afters = new Map<number, number>();
  for (const { before, after, n } of pairs) {
    figures.responses += n;
    if (before === null || after === null) continue;
    figures.paired += n;
    if (after > before) figures.increased += n;
    else if (after === before) figures.same += n;
    else figures.lower += n;
    befores.set(before, (befores.get(before) ?? 0) + n);
    afters.set(after, (afters.get(after) ?? 0) + n);
  }
  return { ...figures, percentIncreased: percent(figures.increased, figures.paired), medianBefore: medianOfCounts(befores), medianAfter: medianOfCounts(afters) };
}

function byGroup(pairs: PairRow[], breakdown: Breakdown) {
  const groups = new Map<string, PairRow[]>();
  for (const row of pairs) groups.set(row.key, [...(groups.get(row.key) ?? []), row]);
  return [...groups.values()]
    .map((group) => {
      const key = group[0]!.key;
      const name = breakdown === 'sector' ? sectorName(key) : key === 'anonymous' ? 'Anonymous answers' : group[0]!.name;
      const { responses, paired, increased, same, lower, percentIncreased } = confidenceOf(group);
      return { name, responses, paired, increased, same, lower, percentIncreased };
    })
    .sort((a, b) => b.paired - a.paired || a.name.localeCompare(b.name));
}

export function confidenceReport(request: ReportRequest): ReportBody {
  const scope = countedScopeOf(request);
  const pairs = pairGroups(scope);
  const total = confidenceOf(pairs.get('total') ?? []);
  const attendances = scope.attendances;
  const interval = wilsonInterval(total.increased, total.paired);
  const groups = Object.fromEntries(breakdownNames.map((breakdown) => [breakdown, byGroup(pairs.get(breakdown) ?? [], breakdown)])) as Record<
    Breakdown,
    ReturnType<typeof byGroup>
  >;
  const headings: Record<Breakdown, string> = { sector: 'Sector', organisation: 'Organisation', course: 'Course', venue: 'Venue', facilitator: 'Facilitator' };
  return {
    figures: [
      { key: 'percentIncreased', label: 'Confidence increased (%)', value: total.percentIncreased },
      { key: 'interval', label: '95% interval (%)', value: interval ? `${interval.low} to ${interval.high}` : null },
      { key: 'paired', label: 'Paired responses', value: total.paired },
      { key: 'increased', label: 'Increased', value: total.increased },
      { key: 'same', label: 'Same', value: total.same },
      { key: 'lower', label: 'Lower', value: total.lower },
      { key: 'medianBefore', label: 'Median before', value: total.medianBefore },
      { key: 'medianAfter', label: 'Median after', value: total.medianAfter },
      { key: 'responseRate', label: 'Response rate (%)', value: percent(total.responses, attendances) },
    ],
    tables: [
      table(
        'funnel',
        'From attendance to paired answers',
        ['Stage', 'Count'],
        [
          ['Attended', attendances],
          ['Responded', total.responses],
          ['Gave before and after', total.paired],
        ],
      ),
      ...breakdownNames.map((breakdown) =>
        table(
          breakdown,
          breakdowns[breakdown].title,
          [headings[breakdown], 'Responses', 'Paired', 'Increased', 'Same', 'Lower', 'Increased (%)'],
          groups[breakdown].map((row) => [row.name, row.responses, row.paired, row.increased, row.same, row.lower, row.percentIncreased]),
          6,
        ),
      ),
    ],
    data: {
      attendances,
      responses: total.responses,
      paired: total.paired,
      increased: total.increased,
      same: total.same,
      lower: total.lower,
      percentIncreased: total.percentIncreased,
      wilson95: interval,
      medianBefore: total.medianBefore,
      medianAfter: total.medianAfter,
      responseRate: percent(total.responses, attendances),
      funnel: { attended: attendances, responded: total.responses, paired: total.paired },
      retrospectiveBefore: true,
      bySector: groups.sector,
      byOrganisation: groups.organisation,
      byCourse: groups.course,
      byVenue: groups.venue,
      byFacilitator: groups.facilitator,
    },
    notes: request.scope.personFiltered ? ['Filtered by organisation or sector: anonymous answers are not counted.'] : [],
  };
}
