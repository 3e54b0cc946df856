import { z } from 'zod';
import { EvaluationItem, type Answers, type EvaluationMoment } from '../../shared/contract';
import { pairedChange, type MomentResponse } from '../../electron/core/evaluations/paired-change';
import { countedScopeOf } from '../../electron/core/reports/facts/counted-scope';
import { changeBody } from '../../electron/core/reports/change';
import type { ChangeGroup } from '../../electron/core/reports/change-counts';
import { rows, sectorName, type ReportBody, type ReportRequest } from '../../electron/core/reports/report-parts';

/**
 * The change report as it was first built, kept here as the reference the
 * report counted from the facts in memory (electron/core/reports/change.ts)
 * is held to: its answers read with SQL over the scope's sessions (in the
 * order of the sessions' start index, each session's answers in the order
 * stored), then paired in memory by evaluations/paired-change.ts, the same
 * rules as the session page. It takes seconds on years of answers
 * (docs/benchmarks.md); tests/integration/change-facts.test.ts compares the
 * two on seeded data sets. Only the counting is its own: the figures, tables
 * and notes come from the report's changeBody.
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
  // Each group counted as the report counts one: its answers' funnel and, by the session page's rules, each question's pairs.
  const counted = (key: string, name: string, group: readonly (MomentResponse & { person: string | null })[]): ChangeGroup => ({
    key,
    name,
    responses: group.length,
    ...funnelOf(group),
    anyAnonymous: group.some((response) => response.person === null),
    // Each question is withheld for its own anonymous answers, not for another course's.
    questions: pairedChange(itemsByTemplate, group, false),
  });
  const groupsBy = (keyOf: (row: CycleRow) => string, nameOf: (row: CycleRow) => string): ChangeGroup[] => {
    const groups = new Map<string, { name: string; responses: (typeof responses)[number][] }>();
    found.forEach((row, index) => {
      const key = keyOf(row);
      const group = groups.get(key) ?? { name: nameOf(row), responses: [] };
      group.responses.push(responses[index]!);
      groups.set(key, group);
    });
    return [...groups.entries()]
      .map(([key, group]) => counted(key, group.name, group.responses))
      .sort((a, b) => b.responses - a.responses || a.name.localeCompare(b.name));
  };
  // The figures, tables and notes come from the report's own piece: only the counting differs.
  return changeBody(
    request,
    {
      total: counted('total', 'All', responses),
      byCourse: groupsBy((row) => row.course_id, (row) => row.course_title),
      byContract: groupsBy((row) => row.contract_id ?? '', (row) => row.contract_name ?? 'No contract'),
      bySector: groupsBy((row) => row.sector, (row) => sectorName(row.sector)),
    },
    attended,
  );
}
