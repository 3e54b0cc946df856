import { PREFER_NOT_TO_SAY, type Answers, type EvaluationItem } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { localDate, localMinute, type CoreContext } from '../deps';
import { derivedId } from '../derived-id';
import { latestSignIn } from '../signin/sign-in';
import type { WriteScope } from '../write';
import { questionsAt } from '../../../shared/evaluation-moments';
import { answeredBefore, hasCompleted, holdAnonymousAnswer } from './anonymous-release';
import { templateById } from './templates';

const isRating = (value: unknown) => value === PREFER_NOT_TO_SAY || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5);

/** What is wrong with an answer for this item, in plain words, or null when it is fine. */
function problemWith(item: EvaluationItem, answer: unknown): string | null {
  if (answer === undefined || answer === '') return item.optional ? null : 'Please answer this question.';
  switch (item.kind) {
    case 'outcome_rating':
      return isRating(answer) ? null : 'Choose a rating from 1 to 5, or "prefer not to say".';
    case 'confidence_pair': {
      if (typeof answer !== 'object' || answer === null) return 'Give a rating for before and for now.';
      const { before, after } = answer as { before?: unknown; after?: unknown };
      if ((before !== undefined && !isRating(before)) || (after !== undefined && !isRating(after))) return 'Ratings go from 1 to 5, or "prefer not to say".';
      return !item.optional && (before === undefined || after === undefined) ? 'Give a rating for before and for now.' : null;
    }
    case 'free_text':
      return typeof answer === 'string' ? null : 'Write your answer as text.';
    case 'single_choice':
      return typeof answer === 'string' && item.options.some((option) => option.id === answer) ? null : 'Choose one of the listed answers.';
  }
}

/** Refuses answers that do not fit the questions asked, naming each problem beside its question. */
export function checkAnswers(items: EvaluationItem[], answers: Answers): void {
  const problems: Record<string, string> = {};
  const known = new Set(items.map((item) => item.id));
  for (const key of Object.keys(answers)) if (!known.has(key)) problems[key] = 'This question is not on the form.';
  for (const item of items) {
    const problem = problemWith(item, answers[item.id]);
    if (problem) problems[item.id] = problem;
  }
  const first = Object.values(problems)[0];
  if (first) throw new FieldbookError('INVALID_INPUT', first, problems);
}

export interface ResponseToRecord {
  personId: string;
  templateId: string;
  answers: Answers;
  /** The language the person answered in; kept only when the course's answers are linked. */
  language: string;
  /** Before (at sign-in) or after (at the end); after unless said. */
  moment?: 'before' | 'after';
}

interface SessionAnswered {
  id: string;
  courseId: string;
  /** Local date and time, "2026-12-02T10:00": a before answer given later than this is late. */
  startsAt: string;
}

/**
 * Records one evaluation response, once per person who signed in and moment.
 * The completion (who responded) and the answers are separate rows. For a
 * linked course both are written at once, with the answer's language, and
 * the person pairs their before and after. For an anonymous one the answers
 * carry no person, no language and only the day, and both are held back
 * until a batch is released (see anonymous-release.ts), so nothing ties the
 * answers back to the completion; a before answer gets a random pairing
 * code, kept on this laptop beside the person until the pair is released,
 * and their after answer carries the same code.
 */
export async function recordResponse(ctx: CoreContext, scope: WriteScope, session: SessionAnswered, response: ResponseToRecord): Promise<string> {
  const moment = response.moment ?? 'after';
  const person = await scope.trx
    .selectFrom('people')
    .select(['given_name', 'preferred_name'])
    .where('id', '=', response.personId)
    .executeTakeFirst();
  if (!person) throw new FieldbookError('NOT_FOUND', 'Choose the person again: that one could not be found.');
  if ((await latestSignIn(scope, session.id, response.personId))?.kind !== 'sign_in') {
    throw new FieldbookError('NOT_SIGNED_IN', 'Sign this person in first: only people signed in to this session can answer its evaluation.');
  }
  const completionId = derivedId('evaluation-completion', session.id, response.personId);
  if (await hasCompleted(scope.trx, completionId)) {
    throw new FieldbookError(
      'ALREADY_RESPONDED',
      moment === 'before'
        ? 'No need to answer the before questions: this person has already answered the evaluation at the end.'
        : 'No need to answer again: this person has already answered the evaluation for this session.',
    );
  }
  const course = await scope.trx.selectFrom('courses').select('evaluation_mode').where('id', '=', session.courseId).executeTakeFirstOrThrow();
  const linked = course.evaluation_mode === 'linked';
  if (moment === 'before' && (await answeredBefore(scope.trx, session.id, response.personId))) {
    throw new FieldbookError('ALREADY_RESPONDED', 'No need to answer the before questions again: this person has already answered them for this session.');
  }
  const now = ctx.clock();
  const template = await templateById(scope, session.courseId, response.templateId, now);
  const asked = questionsAt(template.items, moment);
  if (asked.length === 0) {
    throw new FieldbookError('INVALID_INPUT', 'Choose the questions at the end: this course asks none before the session.', { moment: 'Choose the questions at the end.' });
  }
  checkAnswers(asked, response.answers);
  const late = moment === 'before' && localMinute(now) > session.startsAt ? 1 : 0;

  const answers = JSON.stringify(response.answers);
  if (linked) {
    if (moment === 'after') {
      await scope.insert('evaluation_completions', { id: completionId, session_id: session.id, person_id: response.personId, completed_at: now.toISOString() });
    }
    await scope.insert('evaluation_responses', {
      id: scope.newId(),
      session_id: session.id,
      template_id: template.id,
      person_id: response.personId,
      answers,
      language: response.language,
      submitted_on: localDate(now),
      moment,
      late,
      pairing_code: null,
    });
  } else {
    await holdAnonymousAnswer(scope, {
      completionId: moment === 'after' ? completionId : null,
      sessionId: session.id,
      personId: response.personId,
      templateId: template.id,
      answers,
      day: localDate(now),
      moment,
      late,
    });
  }
  return person.preferred_name ?? person.given_name;
}
