import { ethnicityCodes, ethnicityGroups, type Ethnicity, type TableCell } from '../../../shared/contract';
import { codeWords, groupWords } from './ethnicity-words';
import { rows, table, type ReportBody, type ReportRequest } from './report-parts';
import { shownCount, shownPercent, suppressedCells, type SumConstraint } from './suppression';

/**
 * The ethnicity of the people trained, in aggregate only: counts by ONS 2021
 * group and category, suppressed (suppression.ts) so no one can be picked
 * out. The SQL hands back counts per answer, never a row per person.
 */

const PREFER_NOT = 'prefer-not-to-say';
const NOT_ANSWERED = 'not-answered';
const TOTAL = 'total';
const groupKey = (group: string) => `group:${group}`;
const known = new Set<string>(ethnicityCodes);

export function equalityCounts(request: ReportRequest): Map<string, number> {
  const counted = rows<{ ethnicity: string; n: number }>(
    request,
    // Joins, not a subquery a person: the latest answer given by someone merged into each kept
    // person is found once for all of them (a subquery ran once for each unanswered person).
    `trained AS (SELECT DISTINCT person_id FROM attended),
     merged_answer AS (
       -- Only someone merged into this person answered: the latest of theirs is this person's answer.
       SELECT pr.root AS person_id, e.ethnicity, MAX(e.answered_at) AS answered_at
       FROM person_root pr JOIN equality_answers e ON e.person_id = pr.id GROUP BY pr.root
     )
     SELECT COALESCE(own.ethnicity, merged.ethnicity, '${NOT_ANSWERED}') AS ethnicity, COUNT(*) AS n
     FROM trained t
     LEFT JOIN equality_answers own ON own.person_id = t.person_id
     LEFT JOIN merged_answer merged ON merged.person_id = t.person_id
     GROUP BY 1`,
  );
  const values = new Map<string, number>();
  const add = (key: string, n: number) => values.set(key, (values.get(key) ?? 0) + n);
  for (const key of [...ethnicityCodes, NOT_ANSWERED, TOTAL, ...ethnicityGroups.map((g) => groupKey(g.group))]) values.set(key, 0);
  for (const { ethnicity, n } of counted) {
    const code = known.has(ethnicity) ? ethnicity : NOT_ANSWERED;
    add(code, n);
    add(TOTAL, n);
    const group = ethnicityGroups.find((g) => (g.codes as readonly string[]).includes(code));
    if (group) add(groupKey(group.group), n);
  }
  return values;
}

/** Each group is the sum of its categories, and the total the sum of the groups and the two rows of no answer. */
export const equalityConstraints: SumConstraint[] = [
  ...ethnicityGroups.map((group) => ({ total: groupKey(group.group), parts: group.codes })),
  { total: TOTAL, parts: [...ethnicityGroups.map((group) => groupKey(group.group)), PREFER_NOT, NOT_ANSWERED] },
];

export function equalityReport(request: ReportRequest): ReportBody {
  const values = equalityCounts(request);
  const hidden = suppressedCells(values, equalityConstraints);
  const line = (label: string, key: string): TableCell[] => [label, shownCount(key, values, hidden), shownPercent(key, TOTAL, values, hidden)];
  const noAnswerRows = [line('Prefer not to say', PREFER_NOT), line('Not answered', NOT_ANSWERED)];
  const byGroup = [...ethnicityGroups.map((group) => line(groupWords[group.group], groupKey(group.group))), ...noAnswerRows, line('Total', TOTAL)];
  const byCategory = [
    ...ethnicityGroups.flatMap((group) => group.codes.map((code) => line(`${groupWords[group.group]}: ${codeWords[code as Ethnicity]}`, code))),
    ...noAnswerRows,
    line('Total', TOTAL),
  ];
  const published = (key: string) => ({ count: shownCount(key, values, hidden), percent: shownPercent(key, TOTAL, values, hidden) });
  return {
    figures: [
      { key: 'peopleTrained', label: 'People trained', value: shownCount(TOTAL, values, hidden) },
    ],
    tables: [
      table('groups', 'By ethnic group', ['Ethnic group', 'People', 'Share (%)'], byGroup),
      table('categories', 'By ethnicity (ONS 2021 categories)', ['Ethnicity', 'People', 'Share (%)'], byCategory),
    ],
    data: {
      peopleTrained: published(TOTAL).count,
      byGroup: Object.fromEntries([
        ...ethnicityGroups.map((group) => [group.group, published(groupKey(group.group))]),
        [PREFER_NOT, published(PREFER_NOT)],
        [NOT_ANSWERED, published(NOT_ANSWERED)],
      ]),
      byCategory: Object.fromEntries([...ethnicityCodes, NOT_ANSWERED].map((code) => [code, published(code)])),
    },
  };
}
