import { releaseHeldAnswers } from '../../electron/core/evaluations/anonymous-release';
import { write } from '../../electron/core/write';
import type { Answers, Course, EvaluationTemplate, Session } from '../../shared/contract';
import type { FieldbookErrorPayload } from '../../shared/errors';
import { TEST_TODAY, type Call, type TempCore } from './temp-core';

/** Helpers for evaluation tests: a course with several outcomes running today, people signed in, and answers. */

export const OUTCOMES = ['I can recognise good practice', 'I know when to book an interpreter', 'I can explain how to register with a GP'];

export interface EvaluatedSession {
  course: Course;
  session: Session;
}

/** A course with three learning outcomes and a session of it today at Riverside Hall. */
export async function evaluatedSession(call: Call, evaluationMode: Course['evaluationMode'] = 'anonymous', title = 'Working with different communities'): Promise<EvaluatedSession> {
  const course = await call('courses.create', { title, durationMinutes: 180, learningOutcomes: OUTCOMES, evaluationMode });
  const venue = await call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
  const session = await call('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    startsAt: `${TEST_TODAY}T10:00`,
    endsAt: `${TEST_TODAY}T13:00`,
    capacity: 30,
    facilitators: ['Sam Okafor'],
    status: 'scheduled',
  });
  return { course, session };
}

/** Books people (by given name, family name "Test") on the session and signs each of them in; returns their ids in order. */
export async function signedInPeople(temp: TempCore, sessionId: string, ...givenNames: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const givenName of givenNames) {
    const person = await temp.call('people.create', { givenName, familyName: 'Test' });
    await temp.call('signIn.book', { sessionId, personId: person.id });
    await temp.call('signIn.signIn', { sessionId, personId: person.id });
    ids.push(person.id);
  }
  return ids;
}

/** The ids of a template's outcome ratings, in the template's order. */
export function outcomeItemIds(template: EvaluationTemplate): string[] {
  return template.items.filter((item) => item.kind === 'outcome_rating').map((item) => item.id);
}

/** A full set of answers for a default template: every outcome rated `rating`, confidence before and after as given. */
export function answersFor(template: EvaluationTemplate, rating: number | 'prefer_not_to_say' = 4, before = 2, after = 4, extra: Answers = {}): Answers {
  return { ...Object.fromEntries(outcomeItemIds(template).map((id) => [id, rating])), confidence: { before, after }, ...extra };
}

export interface ResponseRow {
  id: string;
  session_id: string;
  template_id: string;
  person_id: string | null;
  answers: string;
  language: string | null;
  submitted_on: string;
}

/** A session's responses: those released into the shared table (in the order written), then anonymous ones still held back on this laptop. */
export function responseRows(temp: TempCore, sessionId: string): ResponseRow[] {
  return temp.sqlite
    .prepare(
      `SELECT id, session_id, template_id, person_id, answers, language, submitted_on FROM (
         SELECT id, session_id, template_id, person_id, answers, language, submitted_on, 0 AS held, rowid AS position FROM evaluation_responses WHERE session_id = ?
         UNION ALL
         SELECT id, session_id, template_id, NULL, answers, NULL, submitted_on, 1, id FROM pending_anonymous_responses WHERE session_id = ?
       ) ORDER BY held, position`,
    )
    .all(sessionId, sessionId) as ResponseRow[];
}

/** What the end-of-day export does first: every held-back anonymous answer goes into the shared table, shuffled. */
export async function releaseHeldResponses(temp: TempCore): Promise<number> {
  return write(temp.core.context, (scope) => releaseHeldAnswers(scope));
}

export function completionRows(temp: TempCore, sessionId: string): { id: string; person_id: string; completed_at: string }[] {
  return temp.sqlite.prepare('SELECT * FROM evaluation_completions WHERE session_id = ? ORDER BY rowid').all(sessionId) as {
    id: string;
    person_id: string;
    completed_at: string;
  }[];
}

/**
 * The questions an error points at. Ratings the contract refuses come back as
 * "answers.<item>" (or "answers.<item>.after" for half of a pair), answers the
 * form refuses as "<item>"; the screen reads both as the question, so this
 * does too (the ids used in these tests have no dots).
 */
export function questionsNamed(error: FieldbookErrorPayload): string[] {
  return Object.keys(error.fields ?? {}).map((field) => field.replace(/^answers\./, '').split('.')[0]!);
}
