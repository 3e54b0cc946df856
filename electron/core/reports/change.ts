import type { ChangeQuestion, EvaluationMoment, TableCell } from '../../../shared/contract';
import { SMALL_GROUP } from '../evaluations/summary';
import { changeCounts, type ChangeCounts, type ChangeGroup } from './change-counts';
import { countedScopeOf } from './facts/counted-scope';
import { sectorName, table, type ReportBody, type ReportRequest } from './report-parts';

/**
 * Change through the training cycle: every answer at the sessions counted,
 * before the session, after it and at the follow-up, paired by person (or,
 * anonymous, by the pairing code the two answers share), by the rules of the
 * session page (evaluations/paired-change.ts). Counted from the facts in
 * memory like the other reports (change-counts.ts over facts/change-facts.ts):
 * milliseconds where reading the answers' JSON with SQL took seconds
 * (docs/benchmarks.md). tests/integration/change-facts.test.ts holds it to the
 * SQL-read version it replaced.
 */

const MOMENTS: readonly EvaluationMoment[] = ['before', 'after', 'follow_up'];
const momentWords: Record<EvaluationMoment, string> = { before: 'Before', after: 'After', follow_up: 'Follow-up' };

/** All questions' before–after pairs added up, for a breakdown row; "*" when withheld. */
function sumPairs(questions: readonly ChangeQuestion[]): { paired: number; higher: TableCell; same: TableCell; lower: TableCell } {
  let paired = 0;
  let higher = 0;
  let same = 0;
  let lower = 0;
  let withheld = false;
  for (const question of questions) {
    const pair = question.pairs.find((candidate) => candidate.from === 'before' && candidate.to === 'after');
    if (!pair) continue;
    paired += pair.paired;
    if (pair.withheld) withheld = true;
    higher += pair.higher ?? 0;
    same += pair.same ?? 0;
    lower += pair.lower ?? 0;
  }
  return withheld ? { paired, higher: '*', same: '*', lower: '*' } : { paired, higher, same, lower };
}

function breakdown(groups: readonly ChangeGroup[]) {
  return groups.map((group) => {
    const sums = sumPairs(group.questions);
    return {
      name: group.name,
      answeredBefore: group.answered.before,
      answeredAfter: group.answered.after,
      answeredFollowUp: group.answered.follow_up,
      pairedBeforeAfter: group.paired.beforeAfter,
      ratingsPaired: sums.paired,
      higher: sums.higher,
      same: sums.same,
      lower: sums.lower,
    };
  });
}

export function changeReport(request: ReportRequest): ReportBody {
  const scope = countedScopeOf(request);
  const { sqlite } = request.ctx;
  // Courses and contracts are small tables: read for their names each report.
  const names = {
    courses: new Map(sqlite.prepare('SELECT id, title FROM courses').raw().all() as [string, string][]),
    contracts: new Map(sqlite.prepare('SELECT id, name FROM contracts').raw().all() as [string, string][]),
  };
  return changeBody(request, changeCounts(scope, names, sectorName), scope.attendances);
}

/**
 * The report's figures, tables and notes from its counts: one piece, so the
 * SQL-read reference it is tested against (tests/support/change-by-sql.ts)
 * differs from it only in how it counts.
 */
export function changeBody(request: ReportRequest, counts: ChangeCounts, attended: number): ReportBody {
  const funnel = counts.total;
  const questions = funnel.questions;
  const withheldPeople = funnel.anyAnonymous && funnel.paired.beforeAfter < SMALL_GROUP;
  const byCourse = breakdown(counts.byCourse);
  const byContract = breakdown(counts.byContract);
  const bySector = breakdown(counts.bySector);

  const pairCell = (question: ChangeQuestion, from: EvaluationMoment, to: EvaluationMoment) => {
    const pair = question.pairs.find((candidate) => candidate.from === from && candidate.to === to);
    if (!pair) return [null, null, null, null];
    return pair.withheld ? [pair.paired, '*', '*', '*'] : [pair.paired, pair.higher, pair.same, pair.lower];
  };
  const breakdownTable = (key: string, title: string, heading: string, lines: ReturnType<typeof breakdown>) =>
    table(
      key,
      title,
      [heading, 'Answered before', 'Answered after', 'Answered follow-up', 'People paired before and after', 'Ratings paired', 'Higher', 'Same', 'Lower'],
      lines.map((line) => [line.name, line.answeredBefore, line.answeredAfter, line.answeredFollowUp, line.pairedBeforeAfter, line.ratingsPaired, line.higher, line.same, line.lower]),
      4,
    );

  return {
    figures: [
      { key: 'attended', label: 'Attendances', value: attended },
      { key: 'answeredBefore', label: 'Answered before the session', value: funnel.answered.before },
      { key: 'lateBefore', label: 'Of them late (after the start)', value: funnel.late },
      { key: 'answeredAfter', label: 'Answered after the session', value: funnel.answered.after },
      { key: 'pairedBeforeAfter', label: 'People paired before and after', value: funnel.paired.beforeAfter },
      { key: 'answeredFollowUp', label: 'Answered the follow-up', value: funnel.answered.follow_up },
      { key: 'pairedAfterFollowUp', label: 'People paired after and at the follow-up', value: funnel.paired.afterFollowUp },
    ],
    tables: [
      table(
        'funnel',
        'From attendance to follow-up',
        ['Stage', 'Count'],
        [
          ['Attended', attended],
          ['Answered before the session', funnel.answered.before],
          ['Answered after the session', funnel.answered.after],
          ['Paired before and after', funnel.paired.beforeAfter],
          ['Answered the follow-up', funnel.answered.follow_up],
          ['Paired after and at the follow-up', funnel.paired.afterFollowUp],
        ],
      ),
      table(
        'moments',
        'Median rating at each moment',
        ['Question and moment', 'Median (1 to 5)', 'Answers'],
        questions.flatMap((question) =>
          MOMENTS.filter((moment) => question.pairs.some((pair) => pair.from === moment || pair.to === moment)).map((moment): TableCell[] => [
            `${question.question} — ${momentWords[moment]}`,
            question.median[moment],
            question.answered[moment],
          ]),
        ),
      ),
      table(
        'change',
        'Change for each question',
        [
          'Question',
          'Paired before and after',
          'Higher',
          'Same',
          'Lower',
          'Paired after and follow-up',
          'Higher at follow-up',
          'Same at follow-up',
          'Lower at follow-up',
          'Improved and followed up',
          'Improvement kept',
          'Retrospective paired',
          'Retrospective higher',
        ],
        questions.map((question) => [
          question.question,
          ...pairCell(question, 'before', 'after'),
          ...pairCell(question, 'after', 'follow_up'),
          question.kept?.improved ?? null,
          question.kept ? (question.kept.kept ?? '*') : null,
          question.retrospective?.paired ?? null,
          question.retrospective ? (question.retrospective.higher ?? '*') : null,
        ]),
        null,
      ),
      breakdownTable('course', 'By course', 'Course', byCourse),
      breakdownTable('contract', 'By contract', 'Contract', byContract),
      breakdownTable('sector', 'By sector', 'Sector', bySector),
    ],
    data: {
      attended,
      answered: funnel.answered,
      lateBefore: funnel.late,
      paired: funnel.paired,
      funnel: {
        attended,
        answeredBefore: funnel.answered.before,
        answeredAfter: funnel.answered.after,
        pairedBeforeAfter: funnel.paired.beforeAfter,
        answeredFollowUp: funnel.answered.follow_up,
        pairedAfterFollowUp: funnel.paired.afterFollowUp,
      },
      questions,
      byCourse,
      byContract,
      bySector,
    },
    notes: [
      ...(request.scope.personFiltered ? ['Filtered by organisation or sector: anonymous answers are not counted.'] : []),
      ...(withheldPeople ? ['Some answers are anonymous and fewer than 5 are paired, so the shares are not shown ("*").'] : []),
      ...(funnel.late > 0 ? [`${funnel.late} of the answers before the session were given after it had started (late); they are counted.`] : []),
    ],
  };
}
