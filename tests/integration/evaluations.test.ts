import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationItem } from '../../shared/contract';
import { refusedWritingNothing } from '../support/bookings';
import { OUTCOMES, answersFor, evaluatedSession, outcomeItemIds, questionsNamed, responseRows, signedInPeople, type EvaluatedSession } from '../support/evaluations';
import { countRows, tempCore, type TempCore } from '../support/temp-core';

/**
 * The evaluation at the end of a session, on the facilitator's laptop: the
 * form a new course gets without setup, its versions, who may answer and how
 * often, what a wrong answer gets back, and what is kept of each answer.
 */

let temp: TempCore;
let anonymous: EvaluatedSession;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  anonymous = await evaluatedSession(temp.call, 'anonymous');
});

afterEach(async () => {
  await temp.cleanup();
});

const template = (courseId = anonymous.course.id) => temp.call('evaluations.template', { courseId });

/** Answers the course's current form for the person: every outcome rated 4, confidence from 2 to 4. */
async function respond(personId: string) {
  const form = await template();
  return temp.call('evaluations.submit', { sessionId: anonymous.session.id, personId, templateId: form.id, answers: answersFor(form), language: 'en' });
}

describe('the form a new course gets', () => {
  it('rates each learning outcome before and after, asks confidence before, after and at the follow-up 12 weeks on, and has optional open questions', async () => {
    const form = await template();
    expect(form).toMatchObject({ courseId: anonymous.course.id, version: 1, stored: false, followUpWeeks: 12 });
    expect(form.items.map((item) => [item.kind, item.optional, item.moments])).toEqual([
      ['outcome_rating', false, ['before', 'after']],
      ['outcome_rating', false, ['before', 'after']],
      ['outcome_rating', false, ['before', 'after']],
      ['confidence_pair', false, ['before', 'after', 'follow_up']],
      ['free_text', true, ['after']],
      ['free_text', true, ['after']],
      ['free_text', true, ['follow_up']],
    ]);
    const outcomes = form.items.filter((item) => item.kind === 'outcome_rating');
    expect(outcomes.map((item) => [item.outcomeId, item.text.en])).toEqual(anonymous.course.learningOutcomes.map((outcome) => [outcome.id, outcome.text]));
    expect(outcomes.map((item) => item.text.en)).toEqual(OUTCOMES);
    expect(form.items.filter((item) => item.kind === 'free_text').map((item) => item.text.en)).toEqual([
      'What will you do differently?',
      'Anything else?',
      'What have you done differently since the course?',
    ]);
  });

  it('asks the fixed questions in Arabic and Polish too', async () => {
    const fixed = (await template()).items.filter((item) => item.kind !== 'outcome_rating');
    const texts = fixed.flatMap((item) => (item.kind === 'confidence_pair' ? [item.before, item.after] : item.kind === 'free_text' ? [item.text] : []));
    expect(texts).toHaveLength(5);
    for (const text of texts) {
      expect(text.ar).toMatch(/[\u0600-\u06FF]/);
      expect(text.pl?.trim()).toBeTruthy();
      expect(text.pl).not.toBe(text.en);
    }
  });

  it('is ready without anyone saving it: looking at it writes nothing', async () => {
    await template();
    expect(countRows(temp.sqlite, 'evaluation_templates')).toBe(0);
  });
});

describe('editing the form', () => {
  const newItems = (outcomeId: string): EvaluationItem[] => [
    { id: 'spot', kind: 'outcome_rating', outcomeId, optional: false, text: { en: 'I can spot good practice', pl: 'Rozpoznaję dobrą praktykę' } },
    { id: 'venue', kind: 'single_choice', optional: true, text: { en: 'Was the venue easy to reach?' }, options: [{ id: 'yes', text: { en: 'Yes' } }, { id: 'no', text: { en: 'No' } }] },
  ];

  it('saves a version 2 and keeps the form it replaced as version 1', async () => {
    const original = await template();
    const saved = await temp.call('evaluations.saveTemplate', { courseId: anonymous.course.id, items: newItems(anonymous.course.learningOutcomes[0]!.id) });
    expect(saved).toMatchObject({ version: 2, stored: true, items: newItems(anonymous.course.learningOutcomes[0]!.id) });
    expect(saved.id).not.toBe(original.id);
    expect(await template()).toEqual(saved);
    const versions = temp.sqlite.prepare('SELECT id, version, items FROM evaluation_templates ORDER BY version').all() as { id: string; version: number; items: string }[];
    expect(versions.map((row) => [row.id, row.version])).toEqual([
      [original.id, 1],
      [saved.id, 2],
    ]);
    expect(JSON.parse(versions[0]!.items)).toEqual(original.items);
  });

  it('refuses two questions with the same id, saving nothing', async () => {
    const [first] = newItems(anonymous.course.learningOutcomes[0]!.id);
    const error = await refusedWritingNothing(temp, 'evaluations.saveTemplate', { courseId: anonymous.course.id, items: [first, { ...first }] });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { items: expect.any(String) } });
  });

  it('keeps each response with the version it answered, even an answer to version 1 after version 2 exists', async () => {
    const [amira, bilal] = await signedInPeople(temp, anonymous.session.id, 'Amira', 'Bilal');
    const v1 = await template();
    await respond(amira!);
    const v2 = await temp.call('evaluations.saveTemplate', { courseId: anonymous.course.id, items: newItems(anonymous.course.learningOutcomes[0]!.id) });
    // Bilal's kiosk screen still shows the form as it was when he started.
    await temp.call('evaluations.submit', { sessionId: anonymous.session.id, personId: bilal!, templateId: v1.id, answers: answersFor(v1, 3), language: 'ar' });
    expect(responseRows(temp, anonymous.session.id).map((row) => row.template_id)).toEqual([v1.id, v1.id]);
    const [chidi] = await signedInPeople(temp, anonymous.session.id, 'Chidi');
    await temp.call('evaluations.submit', { sessionId: anonymous.session.id, personId: chidi!, templateId: v2.id, answers: { spot: 5, venue: 'yes' }, language: 'pl' });
    // Anonymous answers are held in no particular order, and keep no language.
    expect(responseRows(temp, anonymous.session.id).map((row) => [row.template_id, row.language]).sort()).toEqual(
      [
        [v1.id, null],
        [v1.id, null],
        [v2.id, null],
      ].sort(),
    );
  });

  it('refuses a response to a form Fieldbook does not know, writing nothing', async () => {
    const [amira] = await signedInPeople(temp, anonymous.session.id, 'Amira');
    const otherCourse = await evaluatedSession(temp.call, 'anonymous', 'Mental health first aid');
    const forms = [{ id: '0195f0a4-3b2c-7d1e-8f00-00000000dead' }, await template(otherCourse.course.id)];
    for (const form of forms) {
      const input = { sessionId: anonymous.session.id, personId: amira!, templateId: form.id, answers: answersFor(await template()), language: 'en' };
      const error = await refusedWritingNothing(temp, 'evaluations.submit', input);
      expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { templateId: expect.any(String) } });
    }
  });
});

describe('who can answer', () => {
  it('takes one response from each person signed in, and shows who has answered', async () => {
    const [amira, bilal] = await signedInPeople(temp, anonymous.session.id, 'Amira', 'Bilal');
    expect(await respond(amira!)).toEqual({ responses: 1 });
    expect(await temp.call('evaluations.respondents', { sessionId: anonymous.session.id })).toEqual([
      { personId: amira, name: 'Amira Test', responded: true, answeredBefore: false },
      { personId: bilal, name: 'Bilal Test', responded: false, answeredBefore: false },
    ]);
  });

  it('refuses someone booked who did not sign in, or who is not on the session at all, writing nothing', async () => {
    const booked = await temp.call('people.create', { givenName: 'Dorota', familyName: 'Nowak' });
    await temp.call('signIn.book', { sessionId: anonymous.session.id, personId: booked.id });
    const stranger = await temp.call('people.create', { givenName: 'Emeka', familyName: 'Obi' });
    const form = await template();
    for (const personId of [booked.id, stranger.id]) {
      const input = { sessionId: anonymous.session.id, personId, templateId: form.id, answers: answersFor(form), language: 'en' };
      expect((await refusedWritingNothing(temp, 'evaluations.submit', input)).code).toBe('NOT_SIGNED_IN');
    }
  });

  it('refuses someone whose sign-in was undone', async () => {
    const [amira] = await signedInPeople(temp, anonymous.session.id, 'Amira');
    await temp.call('signIn.undo', { sessionId: anonymous.session.id, personId: amira! });
    const form = await template();
    const input = { sessionId: anonymous.session.id, personId: amira!, templateId: form.id, answers: answersFor(form), language: 'en' };
    expect((await refusedWritingNothing(temp, 'evaluations.submit', input)).code).toBe('NOT_SIGNED_IN');
    expect(await temp.call('evaluations.respondents', { sessionId: anonymous.session.id })).toEqual([]);
  });

  it('refuses a second response from the same person, writing nothing', async () => {
    const [amira] = await signedInPeople(temp, anonymous.session.id, 'Amira');
    await respond(amira!);
    const form = await template();
    const again = { sessionId: anonymous.session.id, personId: amira!, templateId: form.id, answers: answersFor(form, 1), language: 'pl' };
    expect((await refusedWritingNothing(temp, 'evaluations.submit', again)).code).toBe('ALREADY_RESPONDED');
  });
});

describe('answers the form cannot take', () => {
  it('names the question for a rating out of range, a missing required answer, or an unknown question, writing nothing', async () => {
    const [amira] = await signedInPeople(temp, anonymous.session.id, 'Amira');
    const form = await template();
    const [first, second] = outcomeItemIds(form);
    const good = answersFor(form);
    const { [second!]: _skipped, ...missingOne } = good;
    const cases: [string, Record<string, unknown>][] = [
      [first!, { ...good, [first!]: 6 }],
      [first!, { ...good, [first!]: 0 }],
      ['confidence', { ...good, confidence: { before: 2, after: 7 } }],
      [second!, missingOne],
      ['confidence', { ...good, confidence: { before: 3 } }],
      ['favourite-colour', { ...good, 'favourite-colour': 'green' }],
    ];
    for (const [question, answers] of cases) {
      const error = await refusedWritingNothing(temp, 'evaluations.submit', { sessionId: anonymous.session.id, personId: amira!, templateId: form.id, answers, language: 'en' });
      expect({ question, code: error.code }).toEqual({ question, code: 'INVALID_INPUT' });
      expect(questionsNamed(error)).toContain(question);
    }
    // Still free to answer properly afterwards.
    expect(await respond(amira!)).toEqual({ responses: 1 });
  });
});
