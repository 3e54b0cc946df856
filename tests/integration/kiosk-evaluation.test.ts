import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationTemplate } from '../../shared/contract';
import { refusedWritingNothing } from '../support/bookings';
import { answersFor, evaluatedSession, responseRows, type EvaluatedSession } from '../support/evaluations';
import { countRows, refusal, tempCore, type TempCore } from '../support/temp-core';

/**
 * The evaluation at the end of a session, with the laptop handed round as a
 * kiosk: a participant finds their name among the people signed in, answers
 * the session's form in their language, and can answer once; the facilitator's
 * screens stay locked until the PIN is given.
 */

const PIN = '55102938';

let temp: TempCore;
let evaluated: EvaluatedSession;
let form: EvaluationTemplate;
const people: Record<'amira' | 'amir' | 'amina' | 'amani' | 'amelia', string> = { amira: '', amir: '', amina: '', amani: '', amelia: '' };

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  evaluated = await evaluatedSession(temp.call, 'anonymous');
  const sessionId = evaluated.session.id;
  const council = await temp.call('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  const add = async (givenName: string, familyName: string, organisationId: string | null = null) =>
    (await temp.call('people.create', { givenName, familyName, organisationId })).id;
  people.amira = await add('Amira', 'Khan', council.id);
  people.amir = await add('Amir', 'Hussain');
  people.amina = await add('Amina', 'Begum', council.id);
  people.amani = await add('Amani', 'Stranger');
  people.amelia = await add('Amelia', 'Undone');
  for (const name of ['amira', 'amir', 'amina', 'amelia'] as const) await temp.call('signIn.book', { sessionId, personId: people[name] });
  // Amina booked but never signed in; Amani is not on this session; Amelia's sign-in was a mistake and was undone.
  for (const name of ['amira', 'amir', 'amelia'] as const) await temp.call('signIn.signIn', { sessionId, personId: people[name] });
  await temp.call('signIn.undo', { sessionId, personId: people.amelia });
  form = await temp.call('evaluations.template', { courseId: evaluated.course.id });
});

afterEach(async () => {
  await temp.cleanup();
});

const openForEvaluation = () => temp.call('kiosk.start', { sessionId: evaluated.session.id, pin: PIN, mode: 'evaluation' });
const submission = (personId: string, language: 'en' | 'ar' | 'pl' = 'ar') => ({ personId, templateId: form.id, answers: answersFor(form, 5, 1, 4), language });

describe('starting the evaluation', () => {
  it('opens the kiosk in evaluation mode for the session, and in sign-in mode when no mode is given', async () => {
    expect(await openForEvaluation()).toMatchObject({ active: true, mode: 'evaluation', session: { id: evaluated.session.id } });
    expect(await temp.call('kiosk.status', {})).toMatchObject({ active: true, mode: 'evaluation' });
    await temp.call('kiosk.exit', { pin: PIN });
    expect(await temp.call('kiosk.start', { sessionId: evaluated.session.id })).toMatchObject({ active: true, mode: 'sign_in' });
  });

  it('answers nothing until the kiosk is open', async () => {
    expect((await refusal(temp.dispatch, 'kioskEvaluation.find', { query: 'am' })).code).toBe('KIOSK_CLOSED');
    expect((await refusal(temp.dispatch, 'kioskEvaluation.template', {})).code).toBe('KIOSK_CLOSED');
    expect((await refusedWritingNothing(temp, 'kioskEvaluation.submit', submission(people.amira))).code).toBe('KIOSK_CLOSED');
  });
});

describe('finding your name', () => {
  beforeEach(openForEvaluation);

  it('lists only the people signed in, as first name, initial and organisation', async () => {
    const found = await temp.call('kioskEvaluation.find', { query: 'am' });
    expect(found.map(({ label, responded }) => ({ label, responded })).sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { label: 'Amir H.', responded: false },
      { label: 'Amira K. — Newcastle City Council', responded: false },
    ]);
    expect(found.map((match) => match.personId).sort()).toEqual([people.amir, people.amira].sort());
  });

  it('needs at least two letters of a name', async () => {
    for (const query of ['a', "a'", ' a ', '']) {
      const error = await refusal(temp.dispatch, 'kioskEvaluation.find', { query });
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/two letters|Type your name/);
    }
  });

  it('shows who has already answered', async () => {
    await temp.call('kioskEvaluation.submit', submission(people.amira));
    expect(await temp.call('kioskEvaluation.find', { query: 'amira' })).toEqual([
      { personId: people.amira, label: 'Amira K. — Newcastle City Council', responded: true },
    ]);
  });
});

describe('answering at the kiosk', () => {
  it('shows the form of the session’s own course, as last saved', async () => {
    await evaluatedSession(temp.call, 'anonymous', 'Mental health first aid');
    const outcome = evaluated.course.learningOutcomes[0]!;
    const saved = await temp.call('evaluations.saveTemplate', {
      courseId: evaluated.course.id,
      items: [{ id: 'spot', kind: 'outcome_rating', outcomeId: outcome.id, optional: false, text: { en: 'I can spot good practice', ar: 'أستطيع التعرف على الممارسة الجيدة' } }],
    });
    await openForEvaluation();
    expect(await temp.call('kioskEvaluation.template', {})).toEqual(saved);
    expect(saved).toMatchObject({ courseId: evaluated.course.id, version: 2 });
  });

  it('takes one answer from a signed-in participant and thanks them by first name', async () => {
    await openForEvaluation();
    expect(await temp.call('kioskEvaluation.template', {})).toEqual(form);
    expect(await temp.call('kioskEvaluation.submit', submission(people.amira))).toEqual({ firstName: 'Amira' });
    // Anonymous: no person, and not the language either (it matches the one chosen at sign-in).
    expect(responseRows(temp, evaluated.session.id)).toEqual([expect.objectContaining({ person_id: null, language: null, template_id: form.id })]);
  });

  it('keeps a lone anonymous answer held when the kiosk is closed, still counted and still answered', async () => {
    await openForEvaluation();
    await temp.call('kioskEvaluation.submit', submission(people.amira));
    await temp.call('kiosk.exit', { pin: PIN });
    expect(countRows(temp.sqlite, 'evaluation_responses')).toBe(0);
    expect(countRows(temp.sqlite, 'evaluation_completions')).toBe(0);
    expect(await temp.call('evaluations.summary', { sessionId: evaluated.session.id })).toMatchObject({ signedIn: 2, responses: 1, withheld: true });
    await openForEvaluation();
    expect((await refusedWritingNothing(temp, 'kioskEvaluation.submit', submission(people.amira, 'en'))).code).toBe('ALREADY_RESPONDED');
  });

  it('refuses a second answer from the same person, writing nothing', async () => {
    await openForEvaluation();
    await temp.call('kioskEvaluation.submit', submission(people.amira));
    expect((await refusedWritingNothing(temp, 'kioskEvaluation.submit', submission(people.amira, 'en'))).code).toBe('ALREADY_RESPONDED');
  });

  it('refuses anyone not signed in to the session, writing nothing', async () => {
    await openForEvaluation();
    for (const personId of [people.amina, people.amani, people.amelia]) {
      expect((await refusedWritingNothing(temp, 'kioskEvaluation.submit', submission(personId))).code).toBe('NOT_SIGNED_IN');
    }
  });

  it('refuses a rating out of range, naming the question and writing nothing', async () => {
    await openForEvaluation();
    const input = { ...submission(people.amir), answers: { ...submission(people.amir).answers, confidence: { before: 0, after: 4 } } };
    const error = await refusedWritingNothing(temp, 'kioskEvaluation.submit', input);
    expect(error.code).toBe('INVALID_INPUT');
    expect(Object.keys(error.fields ?? {}).join(' ')).toMatch(/confidence/);
  });
});

describe('while the kiosk is open', () => {
  it('keeps the facilitator’s evaluation and notes screens locked, writing nothing', async () => {
    await openForEvaluation();
    const sessionId = evaluated.session.id;
    const staffCalls = [
      ['evaluations.summary', { sessionId }],
      ['evaluations.respondents', { sessionId }],
      ['evaluations.template', { courseId: evaluated.course.id }],
      ['evaluations.submit', { sessionId, ...submission(people.amir) }],
      ['evaluations.saveTemplate', { courseId: evaluated.course.id, items: form.items }],
      ['notes.add', { sessionId, text: 'Someone asked about GP registration' }],
      ['notes.list', { sessionId }],
      ['kiosk.start', { sessionId, mode: 'sign_in' }],
    ] as const;
    for (const [name, input] of staffCalls) {
      expect({ name, code: (await refusedWritingNothing(temp, name, input)).code }).toEqual({ name, code: 'KIOSK_LOCKED' });
    }
    await temp.call('kiosk.exit', { pin: PIN });
    expect((await temp.call('evaluations.summary', { sessionId })).responses).toBe(0);
  });
});
