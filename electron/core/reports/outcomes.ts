import { z } from 'zod';
import { LearningOutcome } from '../../../shared/contract';
import { countedScopeOf } from './facts/counted-scope';
import { outcomeCounts, responseCount } from './facts/response-groups';
import { table, type ReportBody, type ReportRequest } from './report-parts';
import { percent } from './stats';

/**
 * Each learning outcome's ratings: how many, their mean and how many gave
 * each rating from 1 to 5. An outcome is its course's (by the outcome's id,
 * which survives edits to its wording), named as the course names it now.
 */

const StoredOutcomes = z.array(LearningOutcome);

interface RatingRow {
  course_id: string;
  outcome: string;
  rating: number | null;
  n: number;
}

export function outcomesReport(request: ReportRequest): ReportBody {
  const scope = countedScopeOf(request);
  const itemText = new Map<string, string>();
  for (const template of scope.facts.responses.templates) {
    for (const item of template.outcomeItems) itemText.set(`${template.courseId}:${item.outcomeId}`, item.text);
  }
  const counted: RatingRow[] = outcomeCounts(scope);
  const courses = request.ctx.sqlite.prepare('SELECT id, title, learning_outcomes FROM courses').all() as { id: string; title: string; learning_outcomes: string }[];
  const courseOf = new Map(courses.map((course) => [course.id, { title: course.title, outcomes: StoredOutcomes.parse(JSON.parse(course.learning_outcomes)) }]));

  const outcomes = new Map<string, { course: string; outcome: string; counts: number[] }>();
  for (const row of counted) {
    const key = `${row.course_id}:${row.outcome}`;
    const course = courseOf.get(row.course_id);
    const entry = outcomes.get(key) ?? {
      course: course?.title ?? 'A course no longer held',
      outcome: course?.outcomes.find((outcome) => outcome.id === row.outcome)?.text ?? itemText.get(key) ?? row.outcome,
      counts: [0, 0, 0, 0, 0],
    };
    if (row.rating !== null) entry.counts[row.rating - 1]! += row.n;
    outcomes.set(key, entry);
  }
  const listed = [...outcomes.values()]
    .map(({ course, outcome, counts }) => {
      const ratings = counts.reduce((sum, n) => sum + n, 0);
      const mean = ratings ? Math.round((100 * counts.reduce((sum, n, index) => sum + n * (index + 1), 0)) / ratings) / 100 : null;
      return { course, outcome, ratings, mean, distribution: { 1: counts[0]!, 2: counts[1]!, 3: counts[2]!, 4: counts[3]!, 5: counts[4]! } };
    })
    .sort((a, b) => a.course.localeCompare(b.course) || a.outcome.localeCompare(b.outcome));

  const responses = responseCount(scope);
  const attendances = scope.attendances;
  return {
    figures: [
      { key: 'responses', label: 'Responses', value: responses },
      { key: 'attendances', label: 'Attendances', value: attendances },
      { key: 'responseRate', label: 'Response rate (%)', value: percent(responses, attendances) },
      { key: 'outcomes', label: 'Learning outcomes rated', value: listed.filter((entry) => entry.ratings > 0).length },
    ],
    tables: [
      table(
        'outcomes',
        'By learning outcome',
        ['Learning outcome', 'Course', 'Ratings', 'Mean', 'Rated 1', 'Rated 2', 'Rated 3', 'Rated 4', 'Rated 5'],
        listed.map((entry) => [entry.outcome, entry.course, entry.ratings, entry.mean, ...Object.values(entry.distribution)]),
        3,
        2,
      ),
    ],
    data: { responses, attendances, responseRate: percent(responses, attendances), outcomes: listed },
  };
}
