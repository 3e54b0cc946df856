import { ethnicityCodes, ethnicityGroups, type Ethnicity, type TableCell } from '../../../shared/contract';
import { codeWords, groupWords } from './ethnicity-words';
import { countedScopeOf } from './facts/counted-scope';
import { table, type ReportBody, type ReportRequest } from './report-parts';
import { shownCount, shownPercent, suppressedCells, type SumConstraint } from './suppression';

/**
 * The ethnicity of the people trained, in aggregate only: counts by ONS 2021
 * group and category, suppressed (suppression.ts) so no one can be picked
 * out. Only counts per answer are made, never a row per person.
 */

const PREFER_NOT = 'prefer-not-to-say';
const NOT_ANSWERED = 'not-answered';
const TOTAL = 'total';
const groupKey = (group: string) => `group:${group}`;
const known = new Set<string>(ethnicityCodes);

/**
 * How many of the people trained gave each answer: their own, else the
 * latest answer of someone merged into them, else "not answered". Counted
 * from the facts in memory; only counts leave this function.
 */
export function answersOfPeopleTrained(request: ReportRequest): { ethnicity: string; n: number }[] {
  const scope = countedScopeOf(request);
  const { people, equality } = scope.facts;
  const mergedAnswer = new Map<number, { answer: number; answeredAt: string }>();
  for (const merged of people.mergedPeople()) {
    const answer = equality.ownAnswer(merged);
    if (!answer) continue;
    const answeredAt = equality.answeredAt[merged]!;
    const kept = people.root[merged]!;
    const latest = mergedAnswer.get(kept);
    if (!latest || answeredAt > latest.answeredAt) mergedAnswer.set(kept, { answer, answeredAt });
  }
  const counts = new Map<number, number>();
  const byPerson = scope.facts.attendance.byPerson.people;
  for (const position of scope.trained) {
    const person = byPerson[position]!;
    const answer = equality.ownAnswer(person) || mergedAnswer.get(person)?.answer || 0;
    counts.set(answer, (counts.get(answer) ?? 0) + 1);
  }
  return [...counts].map(([answer, n]) => ({ ethnicity: answer ? equality.answers.ids[answer - 1]! : NOT_ANSWERED, n }));
}

export function equalityCounts(request: ReportRequest): Map<string, number> {
  const counted = answersOfPeopleTrained(request);
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
