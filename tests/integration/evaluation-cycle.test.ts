import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationTemplate } from '../../shared/contract';
import { questionsAt } from '../../shared/evaluation-moments';
import { refusedWritingNothing } from '../support/bookings';
import { answersFor, completionRows, evaluatedSession, releaseHeldResponses, signedInPeople, type EvaluatedSession } from '../support/evaluations';
import { changeLog, countRows, TEST_TODAY, tempCore, type TempCore } from '../support/temp-core';

/**
 * Measuring change through the training cycle: the before questions at
 * sign-in, the evaluation at the end, and each person's two answers paired,
 * by the person when linked and by a random pairing code when anonymous.
 */

let temp: TempCore;
let evaluated: EvaluatedSession;
let form: EvaluationTemplate;

/** The before questions all answered `rating` (each outcome's topic and confidence now). */
function beforeAnswers(template: EvaluationTemplate, rating: number) {
  return Object.fromEntries(questionsAt(template.items, 'before').map((item) => [item.id, rating]));
}

async function answerBefore(personId: string, rating: number) {
  return temp.call('evaluations.submit', { sessionId: evaluated.session.id, personId, templateId: form.id, answers: beforeAnswers(form, rating), language: 'ar', moment: 'before' });
}

async function answerAfter(personId: string, before: number, after: number) {
  return temp.call('evaluations.submit', { sessionId: evaluated.session.id, personId, templateId: form.id, answers: answersFor(form, after, before, after), language: 'ar' });
}

const summary = () => temp.call('evaluations.summary', { sessionId: evaluated.session.id });
const confidenceChange = async () => (await summary()).change.find((question) => question.id === 'confidence')!;

async function setUp(mode: 'linked' | 'anonymous') {
  temp = await tempCore({ setUp: true });
  evaluated = await evaluatedSession(temp.call, mode);
  form = await temp.call('evaluations.template', { courseId: evaluated.course.id });
}

afterEach(async () => {
  await temp.cleanup();
});

describe('the before questions', () => {
  beforeEach(() => setUp('linked'));

  it('are each outcome topic and confidence now, as single ratings; the end and follow-up questions are not among them', () => {
    const before = questionsAt(form.items, 'before');
    expect(before.map((item) => [item.kind, item.kind === 'outcome_rating' ? item.text.en : item.id])).toEqual([
      ['outcome_rating', 'I can recognise good practice'],
      ['outcome_rating', 'I know when to book an interpreter'],
      ['outcome_rating', 'I can explain how to register with a GP'],
      ['outcome_rating', 'Now, how confident are you working with different communities?'],
    ]);
    expect(questionsAt(form.items, 'follow_up').map((item) => item.id)).toEqual(['confidence', 'done-differently']);
  });

  it('are answered once, before the end: a second before, or a before after the evaluation, is refused and writes nothing', async () => {
    const [amira, bilal] = await signedInPeople(temp, evaluated.session.id, 'Amira', 'Bilal');
    expect(await answerBefore(amira!, 2)).toEqual({ responses: 1 });
    const again = { sessionId: evaluated.session.id, personId: amira!, templateId: form.id, answers: beforeAnswers(form, 3), language: 'en', moment: 'before' } as const;
    expect((await refusedWritingNothing(temp, 'evaluations.submit', again)).message).toBe('No need to answer the before questions again: this person has already answered them for this session.');
    await answerAfter(bilal!, 2, 4);
    const late = { ...again, personId: bilal! };
    expect((await refusedWritingNothing(temp, 'evaluations.submit', late)).code).toBe('ALREADY_RESPONDED');
    expect((await temp.call('evaluations.respondents', { sessionId: evaluated.session.id })).map((person) => [person.name, person.answeredBefore, person.responded])).toEqual([
      ['Amira Test', true, false],
      ['Bilal Test', false, true],
    ]);
  });

  it('refuses an end-of-session question among the before answers, writing nothing', async () => {
    const [amira] = await signedInPeople(temp, evaluated.session.id, 'Amira');
    const input = {
      sessionId: evaluated.session.id,
      personId: amira!,
      templateId: form.id,
      answers: { ...beforeAnswers(form, 2), 'do-differently': 'Book interpreters' },
      language: 'en',
      moment: 'before',
    } as const;
    const error = await refusedWritingNothing(temp, 'evaluations.submit', input);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'do-differently': 'This question is not on the form.' } });
  });

  it('given after the session has started are kept and marked late, and the summary says how many', async () => {
    const [amira, bilal] = await signedInPeople(temp, evaluated.session.id, 'Amira', 'Bilal');
    temp.clock.set(`${TEST_TODAY}T09:45:00.000Z`);
    await answerBefore(amira!, 2);
    // The session starts at 10:00.
    temp.clock.set(`${TEST_TODAY}T10:20:00.000Z`);
    await answerBefore(bilal!, 3);
    expect(temp.sqlite.prepare("SELECT person_id, late FROM evaluation_responses WHERE moment = 'before' ORDER BY late").all()).toEqual([
      { person_id: amira, late: 0 },
      { person_id: bilal, late: 1 },
    ]);
    expect((await summary()).before).toEqual({ answered: 2, late: 1 });
  });
});

describe('pairing when answers are linked to people', () => {
  beforeEach(() => setUp('linked'));

  it('pairs each person’s before with their after; someone who skipped the before counts at the end but pairs with nothing', async () => {
    const [amira, bilal, chidi, dana] = await signedInPeople(temp, evaluated.session.id, 'Amira', 'Bilal', 'Chidi', 'Dana');
    await answerBefore(amira!, 2);
    await answerBefore(bilal!, 3);
    await answerBefore(chidi!, 4);
    // Dana skips the before questions.
    await answerAfter(amira!, 1, 4); // higher than before (2)
    await answerAfter(bilal!, 1, 3); // the same
    await answerAfter(chidi!, 1, 2); // lower
    await answerAfter(dana!, 1, 5);
    const confidence = await confidenceChange();
    expect(confidence).toMatchObject({
      answered: { before: 3, after: 4, follow_up: 0 },
      median: { before: 3, after: 3.5, follow_up: null },
      pairs: [
        { from: 'before', to: 'after', paired: 3, higher: 1, same: 1, lower: 1, withheld: false },
        { from: 'after', to: 'follow_up', paired: 0 },
        { from: 'before', to: 'follow_up', paired: 0 },
      ],
      // The retrospective "before today" (1) against now, for all four, counted apart.
      retrospective: { paired: 4, higher: 4, same: 0, lower: 0 },
    });
    // The end-of-session figures count the four after answers only.
    expect((await summary()).responses).toBe(4);
  });
});

describe('pairing when answers are anonymous', () => {
  beforeEach(() => setUp('anonymous'));

  it('holds a before answer on this laptop, even beside five end answers, until the same person answers at the end', async () => {
    const people = await signedInPeople(temp, evaluated.session.id, 'Amira', 'Bilal', 'Chidi', 'Dana', 'Emeka', 'Farah');
    await answerBefore(people[5]!, 2);
    for (const personId of people.slice(0, 5)) await answerAfter(personId, 1, 4);
    // The batch of five went out; Farah's before waits for her own end answer.
    expect(countRows(temp.sqlite, 'evaluation_responses')).toBe(5);
    expect(temp.sqlite.prepare('SELECT moment FROM pending_anonymous_responses').all()).toEqual([{ moment: 'before' }]);
    expect(countRows(temp.sqlite, 'pending_pairing_codes')).toBe(1);
  });

  it('pairs by a random code that goes with the pair and names no one: not in any row or change with a person, nor in the release order', async () => {
    const people = await signedInPeople(temp, evaluated.session.id, 'Amira', 'Bilal', 'Chidi', 'Dana', 'Emeka');
    for (const [index, personId] of people.entries()) await answerBefore(personId, index + 1 > 3 ? 1 : 2);
    // Nothing leaves the laptop for a before answer alone.
    expect(changeLog(temp.sqlite).filter((row) => row.table_name.startsWith('evaluation_') && row.table_name !== 'evaluation_templates')).toEqual([]);
    for (const personId of people) await answerAfter(personId, 1, 4);

    // All ten answers went out together with the five completions, and the codes left this laptop with them.
    expect(countRows(temp.sqlite, 'pending_anonymous_responses') + countRows(temp.sqlite, 'pending_pairing_codes')).toBe(0);
    const released = temp.sqlite.prepare('SELECT person_id, language, moment, pairing_code FROM evaluation_responses').all() as {
      person_id: string | null;
      language: string | null;
      moment: string;
      pairing_code: string;
    }[];
    expect(released).toHaveLength(10);
    for (const row of released) expect(row).toMatchObject({ person_id: null, language: null });
    const codes = new Set(released.map((row) => row.pairing_code));
    expect(codes.size).toBe(5);
    for (const code of codes) expect(released.filter((row) => row.pairing_code === code).map((row) => row.moment).sort()).toEqual(['after', 'before']);

    const log = changeLog(temp.sqlite).filter((row) => ['evaluation_responses', 'evaluation_completions'].includes(row.table_name));
    // Completions first, then every answer, before and after mixed in one shuffled group.
    expect(log.map((row) => row.table_name)).toEqual([...Array<string>(5).fill('evaluation_completions'), ...Array<string>(10).fill('evaluation_responses')]);
    // One batch, one moment: every entry carries the same clock time, so no time pairs a code with a completion.
    const wallTimes = new Set(log.map((row) => row.hlc.slice(0, 12)));
    expect(wallTimes.size).toBe(1);
    // No code appears anywhere a person does.
    const withPerson = JSON.stringify([
      ...log.filter((row) => row.table_name === 'evaluation_completions').map((row) => row.fields),
      completionRows(temp, evaluated.session.id),
      temp.sqlite.prepare('SELECT * FROM people').all(),
    ]);
    for (const code of codes) expect(withPerson).not.toContain(code);
    for (const entry of log.filter((row) => row.table_name === 'evaluation_responses')) {
      expect(entry.fields).toMatchObject({ person_id: null, language: null, submitted_on: TEST_TODAY });
    }

    // Paired by the codes: three rose from 2 to 4 and two from 1 to 4.
    expect(await confidenceChange()).toMatchObject({
      answered: { before: 5, after: 5 },
      median: { before: 2, after: 4 },
      pairs: [{ from: 'before', to: 'after', paired: 5, higher: 5, same: 0, lower: 0, withheld: false }, { paired: 0 }, { paired: 0 }],
    });
  });

  it('shows a count but no shares for fewer than five pairs, and the export sends an unpaired before too, dropping its code', async () => {
    const people = await signedInPeople(temp, evaluated.session.id, 'Amira', 'Bilal', 'Chidi', 'Dana', 'Emeka', 'Farah');
    for (const personId of people.slice(0, 4)) await answerBefore(personId, 2);
    for (const personId of people.slice(0, 5)) await answerAfter(personId, 1, 3);
    // Four pairs: the figure is held back.
    expect((await confidenceChange()).pairs[0]).toEqual({ from: 'before', to: 'after', paired: 4, higher: null, same: null, lower: null, withheld: true });

    await answerBefore(people[5]!, 2);
    expect(await releaseHeldResponses(temp)).toBe(1);
    expect(countRows(temp.sqlite, 'pending_pairing_codes')).toBe(0);
    expect(temp.sqlite.prepare("SELECT COUNT(*) AS n FROM evaluation_responses WHERE moment = 'before'").get()).toEqual({ n: 5 });
  });
});

describe('a form from before moments existed', () => {
  beforeEach(() => setUp('linked'));

  it('asks every question after the session, so old answers stay end-of-session answers and a saved form keeps its moments and weeks', async () => {
    const outcomeId = evaluated.course.learningOutcomes[0]!.id;
    const saved = await temp.call('evaluations.saveTemplate', {
      courseId: evaluated.course.id,
      followUpWeeks: 8,
      items: [
        { id: 'spot', kind: 'outcome_rating', outcomeId, optional: false, text: { en: 'I can spot good practice' } },
        { id: 'since', kind: 'free_text', optional: true, moments: ['follow_up'], text: { en: 'What changed?' } },
      ],
    });
    expect(saved).toMatchObject({ version: 2, followUpWeeks: 8 });
    expect(questionsAt(saved.items, 'after').map((item) => item.id)).toEqual(['spot']);
    expect(questionsAt(saved.items, 'before')).toEqual([]);
    const [amira] = await signedInPeople(temp, evaluated.session.id, 'Amira');
    const input = { sessionId: evaluated.session.id, personId: amira!, templateId: saved.id, answers: { spot: 3 }, language: 'en', moment: 'before' } as const;
    expect((await refusedWritingNothing(temp, 'evaluations.submit', input)).message).toBe('Choose the questions at the end: this course asks none before the session.');
    await temp.call('evaluations.submit', { ...input, moment: undefined });
    expect(temp.sqlite.prepare('SELECT moment, late, pairing_code FROM evaluation_responses').all()).toEqual([{ moment: 'after', late: 0, pairing_code: null }]);
  });
});
