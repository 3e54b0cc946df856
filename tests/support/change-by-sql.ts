import { z } from 'zod';
import { EvaluationItem, type Answers, type ChangeQuestion, type EvaluationMoment, type TableCell } from '../../shared/contract';
import { pairedChange, type MomentResponse } from '../../electron/core/evaluations/paired-change';
import { SMALL_GROUP } from '../../electron/core/evaluations/summary';
import { countedScopeOf } from '../../electron/core/reports/facts/counted-scope';
import { rows, sectorName, table, type ReportBody, type ReportRequest } from '../../electron/core/reports/report-parts';

/**
 * The change report as it was first built, kept here as the reference the
 * report counted from the facts in memory (electron/core/reports/change.ts)
 * is held to: its answers read with SQL over the scope's sessions (in the
 * order of the sessions' start index, each session's answers in the order
 * stored), then paired in memory by evaluations/paired-change.ts, the same
 * rules as the session page. It takes seconds on years of answers
 * (docs/benchmarks.md); tests/integration/change-facts.test.ts compares the
 * two on seeded data sets.
 */

const StoredItems = z.array(EvaluationItem);

interface CycleRow {
  session_id: string;
  template_id: string;
  answers: string;
  moment: EvaluationMoment;
  late: number;
  pairing_code: string | null;
  person_id: string | null;
  sector: string;
  course_id: string;
  course_title: string;
  contract_id: string | null;
  contract_name: string | null;
}

const MOMENTS: readonly EvaluationMoment[] = ['before', 'after', 'follow_up'];
const momentWords: Record<EvaluationMoment, string> = { before: 'Before', after: 'After', follow_up: 'Follow-up' };

interface Group {
  name: string;
  responses: (MomentResponse & { person: string | null })[];
}

/** People (pair keys) who answered at each moment, and who answered at two. */
function funnelOf(responses: readonly MomentResponse[]) {
  const keys: Record<EvaluationMoment, Set<string>> = { before: new Set(), after: new Set(), follow_up: new Set() };
  let late = 0;
  for (const response of responses) {
    if (response.pairKey) keys[response.moment].add(response.pairKey);
    if (response.moment === 'before' && response.late) late += 1;
  }
  const answered = Object.fromEntries(MOMENTS.map((moment) => [moment, responses.filter((response) => response.moment === moment).length])) as Record<EvaluationMoment, number>;
  const both = (from: EvaluationMoment, to: EvaluationMoment) => [...keys[from]].filter((key) => keys[to].has(key)).length;
  return {
    answered,
    late,
    paired: { beforeAfter: both('before', 'after'), afterFollowUp: both('after', 'follow_up'), beforeFollowUp: both('before', 'follow_up') },
  };
}

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

/**
 * Each answer at the sessions counted, with its session's course and contract
 * and the person's sector (the person kept, after merges). The answers are
 * read by session index alone; sessions, merges and people are small tables
 * read once into maps, which costs less than looking a person and their
 * organisation up for each of hundreds of thousands of answers.
 */
function cycleRows(request: ReportRequest): CycleRow[] {
  const { sqlite } = request.ctx;
  const { scope, filters } = request;
  const sessions = new Map(
    (rows<{ id: string; course_id: string; course_title: string; contract_id: string | null; contract_name: string | null }>(
      request,
      `SELECT ss.id, ss.course_id, c.title AS course_title, s.contract_id, k.name AS contract_name
       FROM scoped_sessions ss JOIN sessions s ON s.id = ss.id JOIN courses c ON c.id = ss.course_id LEFT JOIN contracts k ON k.id = s.contract_id`,
    )).map((session) => [session.id, session]),
  );
  const roots = new Map(rows<{ id: string; root: string }>(request, 'SELECT id, root FROM person_root').map((row) => [row.id, row.root]));
  const people = new Map(
    (sqlite.prepare('SELECT p.id, p.organisation_id, o.sector FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id').raw().all() as [string, string | null, string | null][]).map(
      ([id, organisationId, sector]) => [id, { organisationId, sector }],
    ),
  );
  const answers = sqlite
    .prepare(
      `${scope.with} SELECT r.session_id, r.template_id, r.answers, r.moment, r.late, r.pairing_code, r.person_id
       FROM scoped_sessions ss JOIN evaluation_responses r ON r.session_id = ss.id JOIN sessions s ON s.id = ss.id
       ORDER BY ss.starts_at, s.rowid, r.rowid`,
    )
    .raw()
    .all(scope.params) as [string, string, string, EvaluationMoment, number, string | null, string | null][];
  const found: CycleRow[] = [];
  for (const [sessionId, templateId, answerText, moment, late, pairingCode, personId] of answers) {
    const session = sessions.get(sessionId)!;
    const kept = personId === null ? null : (roots.get(personId) ?? personId);
    const person = kept === null ? undefined : people.get(kept);
    // The organisation and sector filters, as the other reports apply them: an answer with no person cannot match.
    if (scope.personFiltered && (!person || (filters.organisationId && person.organisationId !== filters.organisationId) || (filters.sector && person.sector !== filters.sector))) continue;
    found.push({
      session_id: sessionId,
      template_id: templateId,
      answers: answerText,
      moment,
      late,
      pairing_code: pairingCode,
      person_id: kept,
      sector: kept === null ? 'anonymous' : (person?.sector ?? 'none'),
      course_id: session.course_id,
      course_title: session.course_title,
      contract_id: session.contract_id,
      contract_name: session.contract_name,
    });
  }
  return found;
}

export function changeReportBySql(request: ReportRequest): ReportBody {
  const found = cycleRows(request);
  // Attendances from the facts kept in memory, as the confidence report counts them: the SQL count costs seconds over years of sign-ins.
  const attended = countedScopeOf(request).attendances;

  const templateIds = [...new Set(found.map((row) => row.template_id))];
  const templates = templateIds.length
    ? (request.ctx.sqlite.prepare('SELECT id, items FROM evaluation_templates WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(templateIds)) as { id: string; items: string }[])
    : [];
  const itemsByTemplate = new Map(templates.map((template) => [template.id, StoredItems.parse(JSON.parse(template.items))]));

  const responses = found.map((row) => ({
    templateId: row.template_id,
    // Checked when stored (row-checks.ts and the write path); read here as stored, as the report facts do.
    answers: JSON.parse(row.answers) as Answers,
    moment: row.moment,
    late: row.late === 1,
    // A pair is one person's (or one code's) answers at one session.
    pairKey: row.person_id ? `${row.session_id}|${row.person_id}` : row.pairing_code ? `${row.session_id}|${row.pairing_code}` : null,
    person: row.person_id,
    anonymous: row.person_id === null,
  }));
  const anonymous = (group: readonly { person: string | null }[]) => group.some((response) => response.person === null);

  // Each question is withheld for its own anonymous answers, not for another course's.
  const questions = pairedChange(itemsByTemplate, responses, false);
  const funnel = funnelOf(responses);
  const withheldPeople = anonymous(responses) && funnel.paired.beforeAfter < SMALL_GROUP;

  const groupsBy = (keyOf: (row: CycleRow) => string, nameOf: (row: CycleRow) => string): Group[] => {
    const groups = new Map<string, Group>();
    found.forEach((row, index) => {
      const key = keyOf(row);
      const group = groups.get(key) ?? { name: nameOf(row), responses: [] };
      group.responses.push(responses[index]!);
      groups.set(key, group);
    });
    return [...groups.values()].sort((a, b) => b.responses.length - a.responses.length || a.name.localeCompare(b.name));
  };
  const breakdown = (groups: Group[]) =>
    groups.map((group) => {
      const counts = funnelOf(group.responses);
      const sums = sumPairs(pairedChange(itemsByTemplate, group.responses, false));
      return {
        name: group.name,
        answeredBefore: counts.answered.before,
        answeredAfter: counts.answered.after,
        answeredFollowUp: counts.answered.follow_up,
        pairedBeforeAfter: counts.paired.beforeAfter,
        ratingsPaired: sums.paired,
        higher: sums.higher,
        same: sums.same,
        lower: sums.lower,
      };
    });
  const byCourse = breakdown(groupsBy((row) => row.course_id, (row) => row.course_title));
  const byContract = breakdown(groupsBy((row) => row.contract_id ?? '', (row) => row.contract_name ?? 'No contract'));
  const bySector = breakdown(groupsBy((row) => row.sector, (row) => sectorName(row.sector)));

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
