import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationTemplate } from '../../shared/contract';
import { decodeHlc } from '../../electron/sync/hlc';
import { refusedWritingNothing } from '../support/bookings';
import { answersFor, completionRows, evaluatedSession, responseRows, signedInPeople, type EvaluatedSession } from '../support/evaluations';
import { asIncoming, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { changeLog, countRows, TEST_TODAY, tempCore, type TempCore } from '../support/temp-core';

/**
 * When anonymous answers reach the shared tables, and so the change log that
 * travels to the office. Written one at a time, the log would read
 * completion, answer, completion, answer: each answer beside the person who
 * gave it. So answers and their completions are held on the laptop and
 * released only as a batch of at least five for the session, or all at once
 * by the end-of-day export, completions apart from answers, each shuffled.
 */

const EVALUATION_TABLES = ['evaluation_responses', 'evaluation_completions'];
const evaluationLog = (temp: TempCore) => changeLog(temp.sqlite).filter((row) => EVALUATION_TABLES.includes(row.table_name));

/** A moment on the test day, one minute per participant, so each answer's time is distinct. */
const minute = (index: number) => `${TEST_TODAY}T12:${String(10 + index).padStart(2, '0')}:00.000Z`;

async function answerInTurn(temp: TempCore, evaluated: EvaluatedSession, form: EvaluationTemplate, personIds: string[]) {
  for (const [index, personId] of personIds.entries()) {
    temp.clock.set(minute(index));
    const answers = answersFor(form, (index % 5) + 1, 2, 4, { 'do-differently': `Answer ${index + 1}` });
    await temp.call('evaluations.submit', { sessionId: evaluated.session.id, personId, templateId: form.id, answers, language: 'ar' });
  }
}

describe('an anonymous course on one laptop', () => {
  let temp: TempCore;
  let evaluated: EvaluatedSession;
  let form: EvaluationTemplate;
  let people: string[];

  beforeEach(async () => {
    temp = await tempCore({ setUp: true });
    evaluated = await evaluatedSession(temp.call, 'anonymous');
    people = await signedInPeople(temp, evaluated.session.id, 'Amira', 'Bilal', 'Chidi', 'Dana', 'Emeka', 'Farah');
    form = await temp.call('evaluations.template', { courseId: evaluated.course.id });
  });

  afterEach(async () => {
    await temp.cleanup();
  });

  it('holds four answers back: nothing in the shared tables or the change log, yet they are counted and cannot be given twice', async () => {
    await answerInTurn(temp, evaluated, form, people.slice(0, 4));
    expect(countRows(temp.sqlite, 'evaluation_responses')).toBe(0);
    expect(countRows(temp.sqlite, 'evaluation_completions')).toBe(0);
    expect(evaluationLog(temp)).toEqual([]);

    const respondents = await temp.call('evaluations.respondents', { sessionId: evaluated.session.id });
    expect(respondents.filter((person) => person.responded).map((person) => person.personId).sort()).toEqual(people.slice(0, 4).sort());
    expect(await temp.call('evaluations.summary', { sessionId: evaluated.session.id })).toMatchObject({ signedIn: 6, responses: 4, withheld: true });
    const again = { sessionId: evaluated.session.id, personId: people[0]!, templateId: form.id, answers: answersFor(form, 1), language: 'en' };
    expect((await refusedWritingNothing(temp, 'evaluations.submit', again)).code).toBe('ALREADY_RESPONDED');
  });

  it('releases all five with the fifth: every completion, then every answer, none with a language or a time finer than the day', async () => {
    await answerInTurn(temp, evaluated, form, people.slice(0, 5));
    const responses = responseRows(temp, evaluated.session.id);
    expect(responses).toHaveLength(5);
    for (const response of responses) expect(response).toMatchObject({ person_id: null, language: null, submitted_on: TEST_TODAY });
    expect(completionRows(temp, evaluated.session.id).map((row) => [row.person_id, row.completed_at]).sort()).toEqual(
      people.slice(0, 5).map((personId) => [personId, TEST_TODAY]).sort(),
    );
    expect(countRows(temp.sqlite, 'pending_anonymous_responses') + countRows(temp.sqlite, 'pending_anonymous_completions')).toBe(0);

    const log = evaluationLog(temp);
    expect(log.map((row) => row.table_name)).toEqual([...Array<string>(5).fill('evaluation_completions'), ...Array<string>(5).fill('evaluation_responses')]);
    // Every entry is stamped when the batch went out, not when any of the first four people answered.
    const answeredAt = new Set([0, 1, 2, 3].map((index) => new Date(minute(index)).getTime()));
    expect(log.filter((row) => answeredAt.has(decodeHlc(row.hlc).wallMs))).toEqual([]);
    expect(JSON.stringify(log.map((row) => row.fields))).not.toMatch(/T\d\d:\d\d/);
  });

  it('holds a sixth answer again until another batch is complete or the day is exported', async () => {
    await answerInTurn(temp, evaluated, form, people);
    expect(countRows(temp.sqlite, 'evaluation_responses')).toBe(5);
    expect(countRows(temp.sqlite, 'evaluation_completions')).toBe(5);
    expect((await temp.call('evaluations.summary', { sessionId: evaluated.session.id })).responses).toBe(6);
  });

  it('counts each session on its own: five answers over two sessions release nothing', async () => {
    const other = await evaluatedSession(temp.call, 'anonymous', 'Mental health first aid');
    const otherPeople = await signedInPeople(temp, other.session.id, 'Gita', 'Hamid');
    const otherForm = await temp.call('evaluations.template', { courseId: other.course.id });
    await answerInTurn(temp, evaluated, form, people.slice(0, 3));
    await answerInTurn(temp, other, otherForm, otherPeople);
    expect(evaluationLog(temp)).toEqual([]);
  });
});

describe('the end-of-day export', () => {
  let world: SyncWorld;
  afterEach(async () => {
    await world.cleanup();
  });

  it('releases a batch smaller than five, shuffled, and the office receives it with no person or language on the answers', async () => {
    world = await syncWorld(['Hall laptop 1']);
    const { office } = world;
    const laptop = world.laptops[0]!;
    const evaluated = await evaluatedSession(office.call, 'anonymous');
    const people: string[] = [];
    for (const givenName of ['Amira', 'Bilal', 'Chidi']) {
      const person = await office.call('people.create', { givenName, familyName: 'Test' });
      await office.call('signIn.book', { sessionId: evaluated.session.id, personId: person.id });
      people.push(person.id);
    }
    // The office makes the course's form, and it reaches the laptop in the package.
    const form = await office.call('evaluations.template', { courseId: evaluated.course.id });
    await sendPackage(office, laptop);
    for (const personId of people) await laptop.call('signIn.signIn', { sessionId: evaluated.session.id, personId });
    await answerInTurn(laptop, evaluated, form, people);
    expect(evaluationLog(laptop)).toEqual([]);

    const bundle = await laptop.call('sync.exportBundle', {});
    expect(bundle.bundle.summary.evaluations).toBe(3);
    expect(evaluationLog(laptop).map((row) => row.table_name)).toEqual([
      ...Array<string>(3).fill('evaluation_completions'),
      ...Array<string>(3).fill('evaluation_responses'),
    ]);
    expect(countRows(laptop.sqlite, 'pending_anonymous_responses') + countRows(laptop.sqlite, 'pending_anonymous_completions')).toBe(0);

    office.clock.set(`${TEST_TODAY}T18:00:00.000Z`);
    await office.call('sync.importFile', asIncoming(bundle));
    const received = responseRows(office, evaluated.session.id);
    expect(received).toHaveLength(3);
    for (const response of received) expect(response).toMatchObject({ person_id: null, language: null, submitted_on: TEST_TODAY });
    expect(completionRows(office, evaluated.session.id).map((row) => row.person_id).sort()).toEqual([...people].sort());
    expect((await office.call('evaluations.summary', { sessionId: evaluated.session.id })).responses).toBe(3);
  });
});
