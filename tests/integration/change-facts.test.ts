import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationTemplate, ReportFilters, ResolvedPeriod } from '../../shared/contract';
import { changeReport } from '../../electron/core/reports/change';
import type { ReportRequest } from '../../electron/core/reports/report-parts';
import { reportScope } from '../../electron/core/reports/scope';
import { changeReportBySql } from '../support/change-by-sql';
import { tempCore, type TempCore } from '../support/temp-core';
import { seededRandom } from '../../electron/demo/random';

/**
 * The change report counts from facts in memory (reports/change-counts.ts
 * over reports/facts/change-facts.ts); the version it replaced read the
 * answers with SQL and paired them with evaluations/paired-change.ts, the
 * session page's rules (tests/support/change-by-sql.ts). On a seeded data set
 * with every awkward case — before, after and follow-up answers, late befores,
 * anonymous pairs by code, answers with no code, a person answering twice at
 * one moment, "prefer not to say", merges in a chain, a merged duplicate
 * answering for the person kept, two versions of a form asking at different moments, cancelled sessions —
 * both must give the same report for every period and filter, and still
 * after each kind of write.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  for (const logged of temp.loggedErrors) console.error(logged.error);
  await temp.cleanup();
});

/** Deterministic pseudo-random numbers (the demo's mulberry32), so every run builds the same data. */
const random = (seed: number): (() => number) => seededRandom(seed).next;

const id = (prefix: string, n: number) => `${prefix}-0000-7000-8000-${String(n).padStart(12, '0')}`;

interface World {
  contractId: string;
  courseIds: string[];
  organisationIds: string[];
  people: string[];
  sessions: string[];
  templates: EvaluationTemplate[];
  answer: (sessionId: string, template: EvaluationTemplate, personId: string | null, moment: 'before' | 'after' | 'follow_up', code?: string | null) => void;
}

async function seededWorld(): Promise<World> {
  const { call, sqlite } = temp;
  const contract = await call('contracts.create', { name: 'City public health', funder: 'City Council', yearStarts: '08-01' });
  const other = await call('contracts.create', { name: 'Integrated care board', funder: 'NHS ICB', yearStarts: '04-01' });
  const courseIds: string[] = [];
  const templates: EvaluationTemplate[] = [];
  for (const [n, title] of ['Cultural competency', 'Safeguarding adults', 'Mental health first aid'].entries()) {
    const course = await call('courses.create', { title, durationMinutes: 120, learningOutcomes: [`${title}: basics`, `${title}: referral`], evaluationMode: n === 1 ? 'anonymous' : 'linked' });
    courseIds.push(course.id);
    const draft = await call('evaluations.template', { courseId: course.id });
    templates.push(await call('evaluations.saveTemplate', { courseId: course.id, items: draft.items }));
  }
  // A second version of the first course's form: confidence no longer asked at the follow-up, outcomes at the follow-up too.
  const first = templates[0]!;
  templates.push(
    await call('evaluations.saveTemplate', {
      courseId: courseIds[0]!,
      items: first.items.map((item) =>
        item.kind === 'confidence_pair' ? { ...item, moments: ['before', 'after'] } : item.kind === 'outcome_rating' ? { ...item, moments: ['before', 'after', 'follow_up'] } : item,
      ),
    }),
  );
  const venueId = (await call('venues.create', { name: 'Hall', address: '1 Hall Street' })).id;
  const rand = random(4321);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const rating = () => (rand() < 0.08 ? 'prefer_not_to_say' : 1 + Math.floor(rand() * 5));
  const insertResponse = sqlite.prepare(
    'INSERT INTO evaluation_responses (id, session_id, template_id, person_id, answers, language, submitted_on, moment, late, pairing_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let responses = 0;
  const answer: World['answer'] = (sessionId, template, personId, moment, code = null) => {
    const answers: Record<string, unknown> = {};
    for (const item of template.items) {
      if (!(item.moments ?? ['after']).includes(moment) || rand() < 0.05) continue;
      if (item.kind === 'confidence_pair') {
        answers[item.id] = moment === 'after' ? (rand() < 0.15 ? { after: rating() } : { before: rating(), after: rating() }) : rating();
      } else if (item.kind === 'outcome_rating') answers[item.id] = rating();
      else if (item.kind === 'free_text') answers[item.id] = 'Asked for more examples';
    }
    const late = moment === 'before' && rand() < 0.2 ? 1 : 0;
    insertResponse.run(id('90000000', responses++), sessionId, template.id, personId, JSON.stringify(answers), personId ? 'en' : null, '2025-06-01', moment, late, code);
  };

  const organisationIds: string[] = [];
  const people: string[] = [];
  const sessions: string[] = [];
  sqlite.transaction(() => {
    for (let n = 0; n < 6; n += 1) {
      organisationIds.push(id('a0000000', n));
      sqlite.prepare('INSERT INTO organisations (id, name, sector) VALUES (?, ?, ?)').run(id('a0000000', n), `Organisation ${n}`, ['statutory', 'vcse', 'other'][n % 3]);
    }
    const insertPerson = sqlite.prepare('INSERT INTO people (id, given_name, family_name, organisation_id) VALUES (?, ?, ?, ?)');
    for (let n = 0; n < 120; n += 1) {
      people.push(id('b0000000', n));
      insertPerson.run(id('b0000000', n), `Given${n}`, 'Family', rand() < 0.8 ? pick(organisationIds) : null);
    }
    const merge = sqlite.prepare('UPDATE people SET merged_into = ? WHERE id = ?');
    // A chain 0 → 1 → 2, and 10–19 merged into 20–29.
    merge.run(people[1], people[0]);
    merge.run(people[2], people[1]);
    for (let n = 10; n < 20; n += 1) merge.run(people[n + 10], people[n]);

    const insertSession = sqlite.prepare(
      "INSERT INTO sessions (id, course_id, venue_id, starts_at, ends_at, capacity, facilitators, status, contract_id) VALUES (?, ?, ?, ?, ?, 40, '[\"Sam\"]', ?, ?)",
    );
    for (let s = 0; s < 30; s += 1) {
      const sessionId = id('d0000000', s);
      sessions.push(sessionId);
      // Two sessions a day on some days, the later one stored first, so the order of their start is not the order stored.
      const day = new Date(Date.parse('2025-01-01T00:00:00Z') + Math.floor(s / 2) * 19 * 86_400_000).toISOString().slice(0, 10);
      const hour = s % 2 ? '09' : '14';
      const course = s % 3;
      insertSession.run(sessionId, courseIds[course], venueId, `${day}T${hour}:00`, `${day}T${hour}:59`, s % 11 === 7 ? 'cancelled' : 'completed', s % 4 === 3 ? null : s % 4 === 2 ? other.id : contract.id);
      const forms = course === 0 ? [templates[0]!, templates[3]!] : [templates[course]!];
      const here = s === 4 ? people.slice(0, 3).concat(people.slice(10, 14), people.slice(20, 24)) : Array.from(new Set(Array.from({ length: 14 }, () => pick(people))));
      for (const [k, personId] of here.entries()) {
        const anonymous = course === 1;
        const code = anonymous ? (rand() < 0.85 ? `code-${s}-${k}` : null) : null;
        const who = anonymous ? null : personId;
        if (rand() < 0.7) answer(sessionId, pick(forms), who, 'before', code);
        if (rand() < 0.85) answer(sessionId, pick(forms), who, 'after', code);
        // Some answer the same moment twice: the last rating given counts.
        if (rand() < 0.1) answer(sessionId, pick(forms), who, 'after', code);
        if (!anonymous && rand() < 0.5) answer(sessionId, pick(forms), who, 'follow_up');
      }
      // An answer with no person and no pairing code: counted, paired with nothing.
      if (s === 6) answer(sessionId, forms[0]!, null, 'after');
    }
  })();
  return { contractId: contract.id, courseIds, organisationIds, people, sessions, templates, answer };
}

function requestFor(period: ResolvedPeriod, filters: ReportFilters): ReportRequest {
  return { ctx: temp.core.context, period, filters, scope: reportScope(period, filters) };
}

const year = (from: string, to: string): ResolvedPeriod => ({ from, to, asOf: to, label: `${from} to ${to}`, partYear: false });

/** The facts' report beside the SQL-read one, for each period and filter: they must be the same. */
function expectSame(world: World): void {
  const periods = [year('2025-01-01', '2026-12-31'), year('2025-03-01', '2025-09-30'), year('2026-01-01', '2026-06-30')];
  const filterSets: ReportFilters[] = [
    {},
    { contractId: world.contractId },
    { courseId: world.courseIds[0] },
    { courseId: world.courseIds[1] },
    { organisationId: world.organisationIds[0] },
    { sector: 'vcse' },
  ];
  for (const period of periods) {
    for (const filters of filterSets) {
      const request = requestFor(period, filters);
      const bySql = changeReportBySql(request);
      const fromFacts = changeReport(requestFor(period, filters));
      expect(fromFacts, `${period.from}–${period.to} ${JSON.stringify(filters)}`).toEqual(bySql);
    }
  }
}

describe('the change report from facts in memory', () => {
  it('gives the same report as the SQL-read version on a seeded data set, for every period and filter', async () => {
    const world = await seededWorld();
    const whole = changeReport(requestFor(year('2025-01-01', '2026-12-31'), {}));
    // The data set reaches every part of the report: pairs at each moment, late befores, anonymous answers, follow-ups kept.
    expect(whole.data).toMatchObject({ paired: { beforeAfter: expect.any(Number), afterFollowUp: expect.any(Number) } });
    const data = whole.data as { paired: { beforeAfter: number; afterFollowUp: number; beforeFollowUp: number }; lateBefore: number; bySector: { name: string }[] };
    expect(data.paired.beforeAfter).toBeGreaterThan(50);
    expect(data.paired.afterFollowUp).toBeGreaterThan(20);
    expect(data.lateBefore).toBeGreaterThan(5);
    expect(data.bySector.map((row) => row.name)).toContain('Anonymous answers');
    expectSame(world);
  });

  it('stays the same after each kind of write: new answers, a merge, an edited answer, a deleted one, answers before their session or person', async () => {
    const world = await seededWorld();
    const { sqlite } = temp;
    expectSame(world);
    // New answers, read on from the last row held.
    for (const moment of ['before', 'after', 'follow_up'] as const) world.answer(world.sessions[0]!, world.templates[0]!, world.people[50]!, moment);
    expectSame(world);
    // A merge: the merged person's answers now pair with the person kept's.
    sqlite.prepare('UPDATE people SET merged_into = ? WHERE id = ?').run(world.people[60], world.people[61]);
    expectSame(world);
    // An answer changed and one deleted (the answers' version moves).
    sqlite.prepare("UPDATE evaluation_responses SET late = 1 - late WHERE moment = 'before' AND rowid % 5 = 0").run();
    expectSame(world);
    sqlite.prepare('DELETE FROM evaluation_responses WHERE rowid % 7 = 0').run();
    expectSame(world);
    // A damaged file (the database's own checks off): answers at a session not there, and from someone not among the people; then both arrive.
    sqlite.pragma('foreign_keys = OFF');
    world.answer(world.sessions[8]!, world.templates[2]!, id('b0000000', 9000), 'before');
    world.answer(world.sessions[8]!, world.templates[2]!, id('b0000000', 9000), 'after');
    const sessionId = id('d0000000', 500);
    world.answer(sessionId, world.templates[2]!, world.people[70]!, 'before');
    world.answer(sessionId, world.templates[2]!, world.people[70]!, 'after');
    expectSame(world);
    sqlite
      .prepare("INSERT INTO sessions (id, course_id, venue_id, starts_at, ends_at, capacity, facilitators, status, contract_id) SELECT ?, course_id, venue_id, '2025-05-05T10:00', '2025-05-05T12:00', 40, facilitators, 'completed', NULL FROM sessions WHERE course_id = ? LIMIT 1")
      .run(sessionId, world.courseIds[2]);
    expectSame(world);
    sqlite.prepare('INSERT INTO people (id, given_name, family_name, organisation_id) VALUES (?, ?, ?, ?)').run(id('b0000000', 9000), 'Late', 'Arrival', world.organisationIds[0]);
    sqlite.pragma('foreign_keys = ON');
    expectSame(world);
  });
});
