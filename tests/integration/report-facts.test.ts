import type { Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { EvaluationTemplate, ReportChoice, ReportFilters, ResolvedPeriod } from '../../shared/contract';
import { firstAttendance } from '../../electron/core/membership/attendance';
import { mergedPeople } from '../../electron/core/membership/merged-people';
import { answersOfPeopleTrained } from '../../electron/core/reports/equality';
import { attendanceGroups } from '../../electron/core/reports/facts/attendance-groups';
import { countedScopeOf } from '../../electron/core/reports/facts/counted-scope';
import { firstAttendanceOfEveryone } from '../../electron/core/reports/facts/first-attendance';
import { reportFacts } from '../../electron/core/reports/facts/report-facts';
import { outcomeCounts, pairGroups, responseCount } from '../../electron/core/reports/facts/response-groups';
import type { ReportRequest } from '../../electron/core/reports/report-parts';
import { ratingAt, scopedResponses } from '../../electron/core/reports/responses';
import { breakdownNames, breakdowns, reportScope } from '../../electron/core/reports/scope';
import { encodeHlc } from '../../electron/sync/hlc';
import { openDatabaseFileIn } from '../support/temp-core';
import { tempCoreForEachTest } from '../support/each-test';
import { seededRandom } from '../../electron/demo/random';

/**
 * The reports count from facts kept in memory (electron/core/reports/facts/);
 * the SQL common table expressions in scope.ts and responses.ts state the
 * definitions. On a crafted database with every awkward case — merges in
 * chains, a chain that goes round, one merged into no one, undone sign-ins
 * and sign-ins again after an undo, two records of one person at one
 * session, cancelled sessions, a facilitator listed twice, anonymous answers
 * and answers with only one rating — the in-memory figures must equal the
 * SQL's for every period and filter, and still after every kind of write.
 */

const temp = tempCoreForEachTest({ setUp: true });

/** Deterministic pseudo-random numbers (the demo's mulberry32), so every run builds the same data. */
const random = (seed: number): (() => number) => seededRandom(seed).next;

const id = (prefix: string, n: number) => `${prefix}-0000-7000-8000-${String(n).padStart(12, '0')}`;
const ETHNICITIES = ['asian-indian', 'white-british', 'black-african', 'prefer-not-to-say', 'mixed-other'];

interface World {
  contractId: string;
  courseIds: string[];
  venueIds: string[];
  organisationIds: string[];
  people: string[];
  sessions: string[];
  deviceId: string;
  tick: () => string;
  signIn: (sessionId: string, personId: string, kind?: 'sign_in' | 'undo') => string;
}

async function craftedWorld(): Promise<World> {
  const { call, sqlite } = temp;
  const contract = await call('contracts.create', { name: 'City public health', funder: 'City Council', yearStarts: '08-01' });
  const other = await call('contracts.create', { name: 'Integrated care board', funder: 'NHS ICB', yearStarts: '04-01' });
  const courses: { id: string; template: EvaluationTemplate }[] = [];
  for (const [n, title] of ['Cultural competency', 'Safeguarding adults'].entries()) {
    const course = await call('courses.create', { title, durationMinutes: 120, learningOutcomes: [`${title}: basics`, `${title}: referral`], evaluationMode: n ? 'anonymous' : 'linked' });
    const draft = await call('evaluations.template', { courseId: course.id });
    courses.push({ id: course.id, template: await call('evaluations.saveTemplate', { courseId: course.id, items: draft.items }) });
  }
  const venues: string[] = [];
  for (const name of ['Hall', 'Library', 'Surgery']) venues.push((await call('venues.create', { name, address: `1 ${name} Street` })).id);
  const deviceId = sqlite.prepare('SELECT id FROM device').pluck().get() as string;
  const rand = random(1234);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  let clock = Date.parse('2025-01-01T09:00:00Z');
  const tick = () => encodeHlc({ wallMs: (clock += 1000), counter: 0, deviceId });
  let facts = 0;
  const insertSignIn = sqlite.prepare(
    'INSERT INTO sign_ins (id, session_id, person_id, kind, method, corrects_id, hlc, recorded_at, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const lastSignIn = sqlite.prepare("SELECT id FROM sign_ins WHERE session_id = ? AND person_id = ? AND kind = 'sign_in' ORDER BY hlc DESC LIMIT 1").pluck();
  const signIn = (sessionId: string, personId: string, kind: 'sign_in' | 'undo' = 'sign_in') => {
    const factId = id('f0000000', facts++);
    const corrects = kind === 'undo' ? (lastSignIn.get(sessionId, personId) as string) : null;
    insertSignIn.run(factId, sessionId, personId, kind, kind === 'undo' ? 'facilitator' : 'kiosk', corrects, tick(), new Date(clock).toISOString(), deviceId);
    return factId;
  };

  const organisationIds: string[] = [];
  const people: string[] = [];
  const sessions: string[] = [];
  sqlite.transaction(() => {
    for (let n = 0; n < 12; n += 1) {
      organisationIds.push(id('a0000000', n));
      sqlite.prepare('INSERT INTO organisations (id, name, sector) VALUES (?, ?, ?)').run(id('a0000000', n), `Organisation ${n % 10}`, ['statutory', 'vcse', 'other'][n % 3]);
    }
    const insertPerson = sqlite.prepare('INSERT INTO people (id, given_name, family_name, organisation_id) VALUES (?, ?, ?, ?)');
    for (let n = 0; n < 300; n += 1) {
      people.push(id('b0000000', n));
      insertPerson.run(id('b0000000', n), `Given${n}`, 'Family', rand() < 0.8 ? pick(organisationIds) : null);
      if (rand() < 0.6) {
        sqlite
          .prepare('INSERT INTO equality_answers (id, person_id, ethnicity, answered_at) VALUES (?, ?, ?, ?)')
          .run(id('c0000000', n), id('b0000000', n), pick(ETHNICITIES), `2025-0${1 + (n % 9)}-01T10:00:00.000Z`);
      }
    }
    const merge = sqlite.prepare('UPDATE people SET merged_into = ? WHERE id = ?');
    // Chains: 0 → 1 → 2, 3 → 2; a chain that goes round, 4 ⇄ 5; 6 merged into no one there; 10–29 into 30–49.
    merge.run(people[1], people[0]);
    merge.run(people[2], people[1]);
    merge.run(people[2], people[3]);
    merge.run(people[5], people[4]);
    merge.run(people[4], people[5]);
    merge.run(id('b0000000', 9999), people[6]);
    for (let n = 10; n < 30; n += 1) merge.run(people[n + 20], people[n]);

    const insertSession = sqlite.prepare(
      'INSERT INTO sessions (id, course_id, venue_id, starts_at, ends_at, capacity, facilitators, status, contract_id) VALUES (?, ?, ?, ?, ?, 40, ?, ?, ?)',
    );
    const insertResponse = sqlite.prepare(
      'INSERT INTO evaluation_responses (id, session_id, template_id, person_id, answers, language, submitted_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let responses = 0;
    for (let s = 0; s < 40; s += 1) {
      const sessionId = id('d0000000', s);
      sessions.push(sessionId);
      const day = new Date(Date.parse('2025-01-01T00:00:00Z') + s * 17 * 86_400_000).toISOString().slice(0, 10);
      const course = courses[s % 2]!;
      const facilitators = s % 7 === 0 ? ['Sam', 'Sam'] : s % 3 === 0 ? ['Sam', 'Priya'] : [pick(['Sam', 'Priya', 'Ola'])];
      const status = s % 9 === 4 ? 'cancelled' : 'completed';
      insertSession.run(sessionId, course.id, pick(venues), `${day}T10:00`, `${day}T12:00`, JSON.stringify(facilitators), status, s % 4 === 3 ? null : s % 4 === 2 ? other.id : contract.id);
      const pairItem = course.template.items.find((item) => item.kind === 'confidence_pair')!;
      const outcomeItems = course.template.items.filter((item) => item.kind === 'outcome_rating');
      // People 0, 1, 2 and 3 all count as 2: at session 5 they are one person at one session.
      const here = s === 5 ? people.slice(0, 4) : Array.from(new Set(Array.from({ length: 25 }, () => pick(people))));
      for (const personId of here) {
        signIn(sessionId, personId);
        // Session 5 keeps its four records signed in; elsewhere some are undone, some signed in again.
        const r = s === 5 ? 1 : rand();
        if (r < 0.1) signIn(sessionId, personId, 'undo');
        else if (r < 0.15) {
          signIn(sessionId, personId, 'undo');
          signIn(sessionId, personId);
        } else if (r < 0.2) signIn(sessionId, personId);
        if (rand() < 0.6) {
          const before = rand() < 0.1 ? 'prefer_not_to_say' : 1 + Math.floor(rand() * 5);
          const after = 1 + Math.floor(rand() * 5);
          const answers: Record<string, unknown> = { [pairItem.id]: rand() < 0.15 ? { after } : { before, after } };
          for (const item of outcomeItems) answers[item.id] = rand() < 0.1 ? 'prefer_not_to_say' : 1 + Math.floor(rand() * 5);
          const linked = s % 2 === 0;
          insertResponse.run(id('90000000', responses++), sessionId, course.template.id, linked ? personId : null, JSON.stringify(answers), linked ? 'en' : null, day);
        }
      }
    }
  })();
  return { contractId: contract.id, courseIds: courses.map((c) => c.id), venueIds: venues, organisationIds, people, sessions, deviceId, tick, signIn };
}

/** What a report is given, for the period the report resolved and these filters. */
function requestFor(period: ResolvedPeriod, filters: ReportFilters): ReportRequest {
  return { ctx: temp.core.context, period, filters, scope: reportScope(period, filters) };
}

const sortedRows = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort();

function sqlRows<T>(sqlite: Database, request: ReportRequest, sql: string, extra: Record<string, unknown> = {}): T[] {
  const joined = /^\s*SELECT\b/i.test(sql) ? `${request.scope.with} ${sql}` : `${request.scope.with}, ${sql}`;
  return sqlite.prepare(joined).all({ ...request.scope.params, ...extra }) as T[];
}

/** The SQL definitions' figures, beside the facts' for the same request: they must be the same. */
function expectFactsToMatchSql(request: ReportRequest): void {
  const { sqlite } = temp;
  const scope = countedScopeOf(request);

  // Training: totals and every breakdown.
  const trainingSql = [
    "SELECT 'total' AS breakdown, '' AS key, '' AS name, COUNT(DISTINCT person_id) AS peopleTrained, COUNT(*) AS attendances, COUNT(DISTINCT session_id) AS sessions FROM attended HAVING COUNT(*) > 0",
    ...breakdownNames.map((breakdown) => {
      const { join, key, name } = breakdowns[breakdown];
      return `SELECT '${breakdown}', ${key}, ${name}, COUNT(DISTINCT x.person_id), COUNT(*), COUNT(DISTINCT x.session_id) FROM attended x ${join} GROUP BY 2, 3`;
    }),
  ].join(' UNION ALL ');
  const fromSql = sqlRows<Record<string, unknown>>(sqlite, request, trainingSql);
  const fromFacts = [...attendanceGroups(scope)].flatMap(([breakdown, rows]) => rows.map((row) => ({ breakdown, ...row })));
  expect(sortedRows(fromFacts)).toEqual(sortedRows(fromSql));

  // Confidence: the (before, after) distribution in total and by every breakdown.
  const items: Record<string, string> = {};
  for (const template of scope.facts.responses.templates) if (template.pairItem) items[template.id] = template.pairItem;
  const before = ratingAt(`'$."' || pi.item || '".before'`);
  const after = ratingAt(`'$."' || pi.item || '".after'`);
  const pairSql = `${scopedResponses(request)},
     pair_items AS (SELECT key AS template_id, value AS item FROM json_each(@pairItems)),
     rated AS (SELECT x.session_id, x.organisation_id, x.sector, ${before} AS before, ${after} AS after FROM scoped_responses x LEFT JOIN pair_items pi ON pi.template_id = x.template_id)
     ${[
       "SELECT 'total' AS breakdown, '' AS key, '' AS name, x.before AS before, x.after AS after, COUNT(*) AS n FROM rated x GROUP BY 2, 3, 4, 5",
       ...breakdownNames.map((breakdown) => {
         const group = breakdowns[breakdown];
         return `SELECT '${breakdown}', ${group.key}, ${group.name}, x.before, x.after, COUNT(*) FROM rated x ${group.join} GROUP BY 2, 3, 4, 5`;
       }),
     ].join(' UNION ALL ')}`;
  const pairsSql = sqlRows<Record<string, unknown>>(sqlite, request, pairSql, { pairItems: JSON.stringify(items) });
  const pairsFacts = [...pairGroups(scope)].flatMap(([breakdown, rows]) => rows.map((row) => ({ breakdown, ...row })));
  expect(sortedRows(pairsFacts)).toEqual(sortedRows(pairsSql));
  expect(responseCount(scope)).toBe(sqlRows<{ n: number }>(sqlite, request, `${scopedResponses(request)} SELECT COUNT(*) AS n FROM scoped_responses`)[0]!.n);

  // Outcomes: ratings of every outcome item.
  const outcomeItems = scope.facts.responses.templates.flatMap((template) => template.outcomeItems.map((item) => [template.id, item.itemId, template.courseId, item.outcomeId]));
  const outcomesSql = sqlRows<Record<string, unknown>>(
    sqlite,
    request,
    `${scopedResponses(request)},
     outcome_items AS (SELECT json_extract(value, '$[0]') AS template_id, json_extract(value, '$[1]') AS item, json_extract(value, '$[2]') AS course_id, json_extract(value, '$[3]') AS outcome FROM json_each(@outcomeItems))
     SELECT oi.course_id, oi.outcome, ${ratingAt(`'$."' || oi.item || '"'`)} AS rating, COUNT(*) AS n
     FROM scoped_responses x JOIN outcome_items oi ON oi.template_id = x.template_id GROUP BY 1, 2, 3`,
    { outcomeItems: JSON.stringify(outcomeItems) },
  );
  expect(sortedRows(outcomeCounts(scope))).toEqual(sortedRows(outcomesSql));

  // Equality: the answers of the people trained.
  const equalitySql = sqlRows<Record<string, unknown>>(
    sqlite,
    request,
    `trained AS (SELECT DISTINCT person_id FROM attended),
     merged_answer AS (SELECT pr.root AS person_id, e.ethnicity, MAX(e.answered_at) AS answered_at FROM person_root pr JOIN equality_answers e ON e.person_id = pr.id GROUP BY pr.root)
     SELECT COALESCE(own.ethnicity, merged.ethnicity, 'not-answered') AS ethnicity, COUNT(*) AS n
     FROM trained t LEFT JOIN equality_answers own ON own.person_id = t.person_id LEFT JOIN merged_answer merged ON merged.person_id = t.person_id GROUP BY 1`,
  );
  expect(sortedRows(answersOfPeopleTrained(request))).toEqual(sortedRows(equalitySql));
}

/** Every report kind that counts from the facts, for these choices, agrees with the SQL. */
async function expectReportsToMatchSql(choice: Omit<ReportChoice, 'kind'>): Promise<void> {
  const report = await temp.call('reports.run', { kind: 'training', ...choice } as ReportChoice);
  expectFactsToMatchSql(requestFor(report.period, choice.filters ?? {}));
}

async function expectMembershipAttendanceToMatchSql(world: World): Promise<void> {
  const merged = await mergedPeople(temp.core.context.db);
  for (const asOf of ['2025-06-30', '2026-12-31']) {
    const fromSql = await firstAttendance(temp.core.context.db, [world.courseIds[0]!], asOf, merged);
    const fromFacts = firstAttendanceOfEveryone(reportFacts(temp.sqlite), [world.courseIds[0]!], asOf, merged);
    const everyone = temp.sqlite.prepare('SELECT id FROM people').pluck().all() as string[];
    const kept = [...new Set(everyone.map((person) => merged.keptFor(person)))];
    expect(kept.map((person) => [person, fromFacts.get(person) ?? null])).toEqual(kept.map((person) => [person, fromSql.get(person) ?? null]));
    expect(fromSql.size).toBeGreaterThan(20);
  }
}

const wholeSpan = { period: { kind: 'custom', from: '2025-01-01', to: '2026-12-31' }, asOf: '2026-12-31' } as const;

describe('the facts in memory against the SQL definitions', () => {
  it('give the same figures for every period and filter on a database with every awkward case', async () => {
    const world = await craftedWorld();
    const choices: Omit<ReportChoice, 'kind'>[] = [
      { ...wholeSpan, filters: {} },
      { period: { kind: 'contractYear', contractId: world.contractId, startYear: 2025 }, asOf: '2026-07-31', filters: { contractId: world.contractId } },
      { period: { kind: 'contractYear', contractId: world.contractId, startYear: 2025 }, asOf: '2026-01-15', filters: {} },
      { period: { kind: 'month', year: 2025, month: 3 }, asOf: '2026-12-31', filters: {} },
      { ...wholeSpan, filters: { courseId: world.courseIds[0]! } },
      { ...wholeSpan, filters: { venueId: world.venueIds[1]! } },
      { ...wholeSpan, filters: { facilitator: 'Sam' } },
      { ...wholeSpan, filters: { organisationId: world.organisationIds[2]! } },
      { ...wholeSpan, filters: { sector: 'vcse' } },
      { ...wholeSpan, filters: { sector: 'statutory', courseId: world.courseIds[1]! } },
      { period: { kind: 'custom', from: '2030-01-01', to: '2030-12-31' }, asOf: '2026-12-31', filters: {} },
    ];
    for (const choice of choices) await expectReportsToMatchSql(choice);
    await expectMembershipAttendanceToMatchSql(world);

    // The crafted cases are there: four records of one person at one session count once, the round chain leaves both.
    const day5 = (temp.sqlite.prepare('SELECT starts_at FROM sessions WHERE id = ?').pluck().get(world.sessions[5]) as string).slice(0, 10);
    const session5 = await temp.call('reports.run', { kind: 'training', period: { kind: 'custom', from: day5, to: day5 }, asOf: '2026-12-31' });
    expect(session5.data).toMatchObject({ peopleTrained: 1, attendances: 1, sessions: 1 });
    expect(reportFacts(temp.sqlite).people.root[4]).toBe(4);
  });

  it('are never stale: after each kind of write the report counts it, and still agrees with the SQL', async () => {
    const world = await craftedWorld();
    const whole = { kind: 'training', ...wholeSpan } as ReportChoice;
    const attendances = async () => (await temp.call('reports.run', whole)).data.attendances as number;
    const start = await attendances();
    const sessionId = world.sessions[8]!;
    const newcomer = (await temp.call('people.create', { givenName: 'Newcomer', familyName: 'Test', organisationId: world.organisationIds[0]! })).id;

    // A sign-in (a new fact after the last one read), then its undo, then a sign-in again.
    world.signIn(sessionId, newcomer);
    expect(await attendances()).toBe(start + 1);
    world.signIn(sessionId, newcomer, 'undo');
    expect(await attendances()).toBe(start);
    world.signIn(sessionId, newcomer);
    expect(await attendances()).toBe(start + 1);
    await expectReportsToMatchSql({ ...wholeSpan, filters: {} });
    // Someone who attended before, at two more sessions, one then undone: their person-by-person entries are patched.
    world.signIn(world.sessions[20]!, world.people[150]!);
    world.signIn(world.sessions[21]!, world.people[150]!);
    world.signIn(world.sessions[21]!, world.people[150]!, 'undo');
    await expectReportsToMatchSql({ ...wholeSpan, filters: {} });
    await expectReportsToMatchSql({ ...wholeSpan, filters: { facilitator: 'Priya' } });

    // A membership term added after a membership report was run.
    const schemeId = id('e0000000', 1);
    temp.sqlite
      .prepare("INSERT INTO membership_schemes (id, name, required_course_ids, window_months, year_starts, fee_pence, grace_days) VALUES (?, 'Allies', ?, 6, '05-01', NULL, 30)")
      .run(schemeId, JSON.stringify([world.courseIds[0]]));
    const joined = async () => (await temp.call('reports.run', { kind: 'membership', ...wholeSpan, filters: { schemeId } })).data.joined as number;
    expect(await joined()).toBe(0);
    temp.sqlite
      .prepare(
        "INSERT INTO membership_terms (id, scheme_id, person_id, starts_on, ends_on, origin, organisation_id, created_at) VALUES (?, ?, ?, '2025-06-01', '2026-04-30', 'new', NULL, '2025-06-01T09:00:00.000Z')",
      )
      .run(id('e1000000', 1), schemeId, world.people[100]);
    expect(await joined()).toBe(1);

    // A merge through the procedure: two records at one session become one attendance.
    const twin = (await temp.call('people.create', { givenName: 'Newcomer', familyName: 'Again' })).id;
    const beforeTwin = await attendances();
    world.signIn(sessionId, twin);
    expect(await attendances()).toBe(beforeTwin + 1);
    await temp.call('sync.resolveDuplicate', { keepId: newcomer, otherId: twin, action: 'merge' });
    expect(await attendances()).toBe(beforeTwin);
    await expectReportsToMatchSql({ ...wholeSpan, filters: { organisationId: world.organisationIds[0]! } });

    // A cancelled session drops out; its organisation renamed shows under the new name.
    const cancelledCount = (await temp.call('reports.run', { ...whole, filters: {} })).data.sessions as number;
    temp.sqlite.prepare("UPDATE sessions SET status = 'cancelled' WHERE id = ?").run(sessionId);
    expect((await temp.call('reports.run', whole)).data.sessions).toBe(cancelledCount - 1);
    temp.sqlite.prepare("UPDATE organisations SET name = 'Renamed Trust' WHERE id = ?").run(world.organisationIds[0]);
    const byOrganisation = (await temp.call('reports.run', whole)).data.byOrganisation as { name: string }[];
    expect(byOrganisation.map((row) => row.name)).toContain('Renamed Trust');
    await expectReportsToMatchSql({ ...wholeSpan, filters: {} });

    // An answer given and an equality answer recorded.
    const confidence = async () => (await temp.call('reports.run', { ...whole, kind: 'confidence' })).data.responses as number;
    const responsesBefore = await confidence();
    const template = temp.sqlite.prepare('SELECT id FROM evaluation_templates WHERE course_id = ?').pluck().get(world.courseIds[0]) as string;
    temp.sqlite
      .prepare("INSERT INTO evaluation_responses (id, session_id, template_id, person_id, answers, language, submitted_on) VALUES (?, ?, ?, NULL, '{}', NULL, '2025-05-01')")
      .run(id('90000000', 99999), world.sessions[2], template);
    expect(await confidence()).toBe(responsesBefore + 1);
    temp.sqlite.prepare("INSERT INTO equality_answers (id, person_id, ethnicity, answered_at) VALUES ('eq-new', ?, 'white-irish', '2026-01-01T00:00:00.000Z')").run(newcomer);
    await expectReportsToMatchSql({ ...wholeSpan, filters: {} });

    // A write from another process (an import from the command line): its own connection to the file.
    const other = openDatabaseFileIn(temp.folder);
    try {
      other
        .prepare("INSERT INTO sign_ins (id, session_id, person_id, kind, method, corrects_id, hlc, recorded_at, device_id) VALUES ('other-1', ?, ?, 'sign_in', 'kiosk', NULL, ?, '2025-06-01T10:00:00.000Z', ?)")
        .run(world.sessions[10], world.people[200], encodeHlc({ wallMs: Date.parse('2027-01-01T00:00:00Z'), counter: 0, deviceId: world.deviceId }), world.deviceId);
      other.prepare("UPDATE people SET merged_into = ? WHERE id = ?").run(world.people[201], world.people[202]);
    } finally {
      other.close();
    }
    await expectReportsToMatchSql({ ...wholeSpan, filters: {} });
    await expectMembershipAttendanceToMatchSql(world);

    // An erasure: the person and their sign-ins and answers go, and the figures with them.
    world.signIn(world.sessions[9]!, newcomer);
    const beforeErasure = await attendances();
    await temp.call('erasure.erase', { personIds: [newcomer], reason: 'Asked to be forgotten by email', erasedBy: 'Priya at the office' });
    expect(await attendances()).toBe(beforeErasure - 1);
    await expectReportsToMatchSql({ ...wholeSpan, filters: {} });

    // A write rolled back after a report read it inside the same transaction leaves no trace.
    const beforeRollback = await attendances();
    temp.sqlite.exec('BEGIN');
    world.signIn(world.sessions[12]!, world.people[250]!);
    temp.sqlite.prepare("UPDATE sessions SET status = 'completed' WHERE id = ?").run(sessionId);
    expect(reportFacts(temp.sqlite).attendance.mark.id).not.toBeNull();
    temp.sqlite.exec('ROLLBACK');
    expect(await attendances()).toBe(beforeRollback);
    await expectReportsToMatchSql({ ...wholeSpan, filters: {} });
  });
});
