import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusedWritingNothing } from '../support/bookings';
import { OUTCOMES, answersFor, completionRows, evaluatedSession, releaseHeldResponses, responseRows, signedInPeople, type EvaluatedSession } from '../support/evaluations';
import { changeLog, isUuidV7, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * What is kept of an evaluation answer. A course decides whether answers are
 * linked to the person or anonymous; when anonymous, Fieldbook keeps that the
 * person answered (for the response rate) and nothing that ties the answers to
 * them. Either way an answer, once given, is never changed.
 */

let temp: TempCore;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});

afterEach(async () => {
  await temp.cleanup();
});

async function respond(evaluated: EvaluatedSession, personId: string, rating: number, language: 'en' | 'ar' | 'pl' = 'en') {
  const form = await temp.call('evaluations.template', { courseId: evaluated.course.id });
  const answers = answersFor(form, rating, 2, 4, { 'do-differently': `Rated ${rating}` });
  return temp.call('evaluations.submit', { sessionId: evaluated.session.id, personId, templateId: form.id, answers, language });
}

describe('an anonymous course', () => {
  let evaluated: EvaluatedSession;
  let amira: string;

  beforeEach(async () => {
    evaluated = await evaluatedSession(temp.call, 'anonymous');
    amira = (await signedInPeople(temp, evaluated.session.id, 'Amira'))[0]!;
    temp.clock.set('2026-03-12T12:47:31.000Z');
    await respond(evaluated, amira, 5, 'ar');
  });

  it('keeps the answers with no person, no language, only the day, and an id that carries no time', () => {
    const [row] = responseRows(temp, evaluated.session.id);
    expect(row).toMatchObject({ person_id: null, submitted_on: TEST_TODAY, language: null });
    expect(row!.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A UUIDv7 starts with the time it was made; the version nibble says which kind an id is.
    expect(row!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(row!.id[14]).not.toBe('7');
    expect(isUuidV7(row!.id)).toBe(false);
    expect(JSON.stringify(row)).not.toContain(amira);
    expect(JSON.stringify(row)).not.toContain('12:47');
  });

  it('records separately that the person answered, with the day only, so the response rate still counts them', async () => {
    expect(await temp.call('evaluations.respondents', { sessionId: evaluated.session.id })).toEqual([
      expect.objectContaining({ personId: amira, responded: true }),
    ]);
    await releaseHeldResponses(temp);
    expect(completionRows(temp, evaluated.session.id)).toEqual([expect.objectContaining({ person_id: amira, completed_at: TEST_TODAY })]);
    expect((await temp.call('evaluations.summary', { sessionId: evaluated.session.id })).responseRate).toBe(1);
  });

  it('keeps the answers themselves as given', () => {
    const [row] = responseRows(temp, evaluated.session.id);
    const answers = JSON.parse(row!.answers) as Record<string, unknown>;
    expect(Object.values(answers).filter((value) => value === 5)).toHaveLength(OUTCOMES.length);
    expect(answers).toMatchObject({ confidence: { before: 2, after: 4 }, 'do-differently': 'Rated 5' });
  });
});

describe('a linked course', () => {
  it('keeps the answers with the person who gave them', async () => {
    const evaluated = await evaluatedSession(temp.call, 'linked');
    const [amira] = await signedInPeople(temp, evaluated.session.id, 'Amira');
    await respond(evaluated, amira!, 4, 'pl');
    expect(responseRows(temp, evaluated.session.id)).toEqual([expect.objectContaining({ person_id: amira, submitted_on: TEST_TODAY, language: 'pl' })]);
    expect(completionRows(temp, evaluated.session.id)).toEqual([expect.objectContaining({ person_id: amira })]);
  });

  it('follows the course setting at the time of answering, and left out when editing the course it stays as it was', async () => {
    const evaluated = await evaluatedSession(temp.call, 'linked');
    const { title, learningOutcomes } = evaluated.course;
    const fields = { title, durationMinutes: 180, learningOutcomes: learningOutcomes.map((outcome) => outcome.text) };
    await temp.call('courses.update', { id: evaluated.course.id, version: (await temp.call('courses.get', { id: evaluated.course.id })).version, fields });
    expect((await temp.call('courses.get', { id: evaluated.course.id })).evaluationMode).toBe('linked');
    const [amira, bilal] = await signedInPeople(temp, evaluated.session.id, 'Amira', 'Bilal');
    await respond(evaluated, amira!, 4);
    await temp.call('courses.update', { id: evaluated.course.id, version: (await temp.call('courses.get', { id: evaluated.course.id })).version, fields: { ...fields, evaluationMode: 'anonymous' } });
    await respond(evaluated, bilal!, 3);
    expect(responseRows(temp, evaluated.session.id).map((row) => row.person_id)).toEqual([amira, null]);
  });
});

describe('answers once given', () => {
  it('are never changed: after re-answering, editing the form, undoing the sign-in and changing the setting, the change log holds only their insertion', async () => {
    const evaluated = await evaluatedSession(temp.call, 'linked');
    const [amira, bilal] = await signedInPeople(temp, evaluated.session.id, 'Amira', 'Bilal');
    await respond(evaluated, amira!, 5);
    temp.clock.advance(10 * 60_000);
    await respond(evaluated, bilal!, 2, 'pl');
    const before = JSON.stringify(responseRows(temp, evaluated.session.id));

    const form = await temp.call('evaluations.template', { courseId: evaluated.course.id });
    const again = { sessionId: evaluated.session.id, personId: amira!, templateId: form.id, answers: answersFor(form, 1), language: 'en' };
    expect((await refusedWritingNothing(temp, 'evaluations.submit', again)).code).toBe('ALREADY_RESPONDED');
    await temp.call('evaluations.saveTemplate', { courseId: evaluated.course.id, items: form.items.slice(0, 2) });
    await temp.call('signIn.undo', { sessionId: evaluated.session.id, personId: bilal! });
    const { title, learningOutcomes } = evaluated.course;
    await temp.call('courses.update', {
      id: evaluated.course.id,
      version: (await temp.call('courses.get', { id: evaluated.course.id })).version,
      fields: { title, durationMinutes: 180, learningOutcomes: learningOutcomes.map((outcome) => outcome.text), evaluationMode: 'anonymous' },
    });
    await temp.call('evaluations.summary', { sessionId: evaluated.session.id });
    await temp.reopen();

    const rows = responseRows(temp, evaluated.session.id);
    expect(JSON.stringify(rows)).toBe(before);
    const logged = changeLog(temp.sqlite).filter((entry) => entry.table_name === 'evaluation_responses' || entry.table_name === 'evaluation_completions');
    // An insertion logs every field of the row; a change would log a second entry for the same row.
    expect(logged.map((entry) => entry.row_id).sort()).toEqual([...rows.map((row) => row.id), ...completionRows(temp, evaluated.session.id).map((row) => row.id)].sort());
    for (const entry of logged.filter((row) => row.table_name === 'evaluation_responses')) {
      expect(Object.keys(entry.fields).sort()).toEqual(['answers', 'language', 'late', 'moment', 'pairing_code', 'person_id', 'session_id', 'submitted_on', 'template_id']);
    }
  });
});
