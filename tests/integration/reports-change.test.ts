import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeQuestion, EvaluationTemplate } from '../../shared/contract';
import { questionsAt } from '../../shared/evaluation-moments';
import { runFieldbook } from '../support/cli';
import { answersFor, evaluatedSession, releaseHeldResponses, signedInPeople, type EvaluatedSession } from '../support/evaluations';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * The report "change through the training cycle" on a data set whose answer
 * is known in advance: who answered before and after, how their ratings
 * moved, and no shares for a small anonymous group.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

const march = { kind: 'month', year: 2026, month: 3 } as const;

async function answer(evaluated: EvaluatedSession, form: EvaluationTemplate, personId: string, before: number | null, after: number) {
  if (before !== null) {
    const answers = Object.fromEntries(questionsAt(form.items, 'before').map((item) => [item.id, item.id === 'confidence' ? before : 2]));
    await temp.call('evaluations.submit', { sessionId: evaluated.session.id, personId, templateId: form.id, answers, language: 'en', moment: 'before' });
  }
  await temp.call('evaluations.submit', { sessionId: evaluated.session.id, personId, templateId: form.id, answers: answersFor(form, 4, 1, after), language: 'en' });
}

describe('change through the training cycle for March 2026', () => {
  it('counts each moment, pairs each person’s before with their after, and withholds shares for a small anonymous group', async () => {
    const linked = await evaluatedSession(temp.call, 'linked');
    const linkedForm = await temp.call('evaluations.template', { courseId: linked.course.id });
    const [ana, ben, cy, di, ed] = await signedInPeople(temp, linked.session.id, 'Ana', 'Ben', 'Cy', 'Di', 'Ed');
    await answer(linked, linkedForm, ana!, 2, 4); // confidence higher
    await answer(linked, linkedForm, ben!, 3, 3); // the same
    await answer(linked, linkedForm, cy!, 4, 2); // lower
    await answer(linked, linkedForm, di!, null, 5); // skipped the before questions: counted after, not paired
    void ed; // attended, answered nothing

    const anonymous = await evaluatedSession(temp.call, 'anonymous', 'Mental health first aid');
    const anonymousForm = await temp.call('evaluations.template', { courseId: anonymous.course.id });
    const [fay, gus, hal] = await signedInPeople(temp, anonymous.session.id, 'Fay', 'Gus', 'Hal');
    for (const personId of [fay!, gus!, hal!]) await answer(anonymous, anonymousForm, personId, 1, 3);
    // Fewer than five are held on the laptop until the day's export releases them, pairs together.
    expect(await releaseHeldResponses(temp)).toBe(6);

    const report = await temp.call('reports.run', { kind: 'change', period: march, asOf: '2026-03-31' });
    expect(report.title).toBe('Change through the training cycle');
    expect(report.data).toMatchObject({
      attended: 8,
      answered: { before: 6, after: 7, follow_up: 0 },
      lateBefore: 0,
      paired: { beforeAfter: 6, afterFollowUp: 0, beforeFollowUp: 0 },
    });
    const confidence = (report.data.questions as ChangeQuestion[]).find((question) => question.id === 'confidence')!;
    // Before 2, 3, 4, 1, 1, 1 and after 4, 3, 2, 5, 3, 3, 3: higher for Ana and the three anonymous, the same for Ben, lower for Cy.
    expect(confidence).toMatchObject({
      answered: { before: 6, after: 7, follow_up: 0 },
      median: { before: 1.5, after: 3, follow_up: null },
      pairs: [{ from: 'before', to: 'after', paired: 6, higher: 4, same: 1, lower: 1, withheld: false }, { paired: 0 }, { paired: 0 }],
      retrospective: { paired: 7, higher: 7, same: 0, lower: 0 },
    });
    // Each course's outcomes are its own: every one rose from 2 before to 4 after, for each of its three pairs;
    // the anonymous course's three pairs are too few to show how they moved, the linked course's are shown.
    const outcomes = (report.data.questions as ChangeQuestion[]).filter((question) => question.kind === 'outcome');
    expect(outcomes.map((outcome) => outcome.pairs[0])).toEqual([
      ...Array(3).fill({ from: 'before', to: 'after', paired: 3, higher: 3, same: 0, lower: 0, withheld: false }),
      ...Array(3).fill({ from: 'before', to: 'after', paired: 3, higher: null, same: null, lower: null, withheld: true }),
    ]);

    // By course: the anonymous course has three pairs, too few to show how they moved.
    expect(report.data.byCourse).toEqual([
      { name: 'Working with different communities', answeredBefore: 3, answeredAfter: 4, answeredFollowUp: 0, pairedBeforeAfter: 3, ratingsPaired: 12, higher: 10, same: 1, lower: 1 },
      { name: 'Mental health first aid', answeredBefore: 3, answeredAfter: 3, answeredFollowUp: 0, pairedBeforeAfter: 3, ratingsPaired: 12, higher: '*', same: '*', lower: '*' },
    ]);
    expect(report.tables.map((table) => table.key)).toEqual(['funnel', 'moments', 'change', 'course', 'contract', 'sector']);
    expect(report.tables[0]!.rows).toEqual([
      ['Attended', 8],
      ['Answered before the session', 6],
      ['Answered after the session', 7],
      ['Paired before and after', 6],
      ['Answered the follow-up', 0],
      ['Paired after and at the follow-up', 0],
    ]);
    expect(report.definitions.map((definition) => definition.term)).toEqual(expect.arrayContaining(['Paired answers', 'Retrospective "before"', 'Small anonymous groups']));

    // Filtered by sector, anonymous answers are left out.
    const bySector = await temp.call('reports.run', { kind: 'change', period: march, asOf: '2026-03-31', filters: { sector: 'vcse' } });
    expect(bySector.data).toMatchObject({ answered: { before: 0, after: 0 } });
    expect(bySector.notes).toContain('Filtered by organisation or sector: anonymous answers are not counted.');

    const file = await temp.call('reports.export', { choice: { kind: 'change', period: march, asOf: '2026-03-31' }, format: 'csv' });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('Change for each question');
    expect(text).toContain('Mental health first aid');
  });

  it('says so when a before answer came after the session had started', async () => {
    const linked = await evaluatedSession(temp.call, 'linked');
    const form = await temp.call('evaluations.template', { courseId: linked.course.id });
    const [ana] = await signedInPeople(temp, linked.session.id, 'Ana');
    temp.clock.set('2026-03-12T10:30:00.000Z');
    await answer(linked, form, ana!, 2, 4);
    const report = await temp.call('reports.run', { kind: 'change', period: march, asOf: '2026-03-31' });
    expect(report.data).toMatchObject({ lateBefore: 1, paired: { beforeAfter: 1 } });
    expect(report.notes).toContain('1 of the answers before the session were given after it had started (late); they are counted.');
  });
});

describe('fieldbook report change', () => {
  it('prints the change report as JSON with the documented keys, and writes it as XLSX', async () => {
    const linked = await evaluatedSession(temp.call, 'linked');
    const form = await temp.call('evaluations.template', { courseId: linked.course.id });
    const [ana, ben] = await signedInPeople(temp, linked.session.id, 'Ana', 'Ben');
    await answer(linked, form, ana!, 2, 4);
    await answer(linked, form, ben!, 3, 3);
    await temp.close();
    const home = mkdtempSync(join(tmpdir(), 'fieldbook-home-'));
    try {
      const run = await runFieldbook(home, 'report', 'change', '--from', '2026-03-01', '--to', '2026-03-31', '--as-of', '2026-03-31', '--data', temp.folder);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout) as Record<string, unknown>;
      expect(json).toMatchObject({ report: 'change', attended: 2, answered: { before: 2, after: 2, follow_up: 0 }, paired: { beforeAfter: 2 } });
      expect(Object.keys(json)).toEqual(expect.arrayContaining(['funnel', 'questions', 'byCourse', 'byContract', 'bySector', 'lateBefore']));
      const out = join(home, 'change.xlsx');
      const written = await runFieldbook(home, 'report', 'change', '--from', '2026-03-01', '--to', '2026-03-31', '--format', 'xlsx', '--out', out, '--data', temp.folder);
      expect(written.code).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});
