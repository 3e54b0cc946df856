import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../shared/contract';
import { evaluatedSession, outcomeItemIds, signedInPeople } from '../support/evaluations';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * Confidence, learning outcomes and equality monitoring for a month, on a
 * real database: pairs only where both ratings were given, the outcome's
 * distribution, and small counts hidden with a second cell.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

const march = { kind: 'month', year: 2026, month: 3 } as const;

describe('confidence and outcomes for March 2026', () => {
  it('pairs only responses with both ratings, and counts each outcome rating', async () => {
    const { course, session } = await evaluatedSession(temp.call, 'linked');
    const people = await signedInPeople(temp, session.id, 'Ana', 'Ben', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal');
    // Confidence made optional, so a response may carry only one of before and after.
    const stored = await temp.call('evaluations.template', { courseId: course.id });
    const items = stored.items.map((item) => (item.kind === 'confidence_pair' ? { ...item, optional: true } : item));
    const form = await temp.call('evaluations.saveTemplate', { courseId: course.id, items });
    const [first] = outcomeItemIds(form);
    const pairs: Answers['confidence'][] = [{ before: 2, after: 4 }, { before: 3, after: 3 }, { before: 4, after: 2 }, { before: 3 }, { after: 4 }, { before: 'prefer_not_to_say', after: 5 }];
    for (const [index, confidence] of pairs.entries()) {
      const answers: Answers = { ...Object.fromEntries(outcomeItemIds(form).map((id) => [id, 4])), [first!]: index + 1 > 5 ? 'prefer_not_to_say' : index + 1, confidence: confidence! };
      await temp.call('evaluations.submit', { sessionId: session.id, personId: people[index]!, templateId: form.id, answers, language: 'en' });
    }

    const confidence = await temp.call('reports.run', { kind: 'confidence', period: march, asOf: '2026-03-31' });
    expect(confidence.data).toMatchObject({
      attendances: 8,
      responses: 6,
      paired: 3,
      increased: 1,
      same: 1,
      lower: 1,
      percentIncreased: 33.3,
      medianBefore: 3,
      medianAfter: 3,
      funnel: { attended: 8, responded: 6, paired: 3 },
      responseRate: 75,
      retrospectiveBefore: true,
    });
    expect(confidence.data.wilson95).toEqual({ low: 6.1, high: 79.2 });
    expect(confidence.definitions.map((definition) => definition.term)).toContain('Retrospective "before"');

    const outcomes = await temp.call('reports.run', { kind: 'outcomes', period: march, asOf: '2026-03-31' });
    const rated = (outcomes.data.outcomes as { outcome: string; ratings: number; mean: number; distribution: Record<string, number> }[]).find(
      (entry) => entry.outcome === 'I can recognise good practice',
    );
    expect(rated).toEqual({ course: course.title, outcome: 'I can recognise good practice', ratings: 5, mean: 3, distribution: { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 } });
  });
});

describe('equality monitoring', () => {
  it('hides counts of 1 to 7 and a second count, and has rows for prefer not to say and not answered', async () => {
    const { session } = await evaluatedSession(temp.call, 'linked');
    const names = Array.from({ length: 30 }, (_, index) => `Person${index}`);
    const people = await signedInPeople(temp, session.id, ...names);
    const answer = temp.sqlite.prepare("INSERT INTO equality_answers (id, person_id, ethnicity, answered_at) VALUES (?, ?, ?, '2026-03-12T10:00:00.000Z')");
    // 3 Indian, 18 White British, 9 prefer not to say; everyone answered.
    people.forEach((personId, index) => {
      const ethnicity = index < 3 ? 'asian-indian' : index < 21 ? 'white-british' : 'prefer-not-to-say';
      if (ethnicity) answer.run(`eq-${index}`, personId, ethnicity);
    });
    const report = await temp.call('reports.run', { kind: 'equality', period: march, asOf: '2026-03-31' });
    const groups = report.tables.find((table) => table.key === 'groups')!;
    const row = (label: string) => groups.rows.find((cells) => cells[0] === label);
    expect(row('Asian, Asian British or Asian Welsh')).toEqual(['Asian, Asian British or Asian Welsh', '*', null]);
    expect(row('White')).toEqual(['White', 18, 60]);
    // Asian is hidden; the smallest other count above zero (prefer not to say, 9) goes too, so the total cannot give Asian away.
    expect(row('Prefer not to say')).toEqual(['Prefer not to say', '*', null]);
    expect(row('Not answered')).toEqual(['Not answered', 0, 0]);
    expect(row('Black, Black British, Black Welsh, Caribbean or African')).toEqual(['Black, Black British, Black Welsh, Caribbean or African', 0, 0]);
    expect(row('Total')).toEqual(['Total', 30, 100]);
    const categories = report.tables.find((table) => table.key === 'categories')!;
    const indian = categories.rows.find((cells) => String(cells[0]).endsWith(': Indian'))!;
    expect(indian[1]).toBe('*');
    expect(JSON.stringify(report)).not.toContain(people[0]!);
  });
});
