import { z } from 'zod';
import { EvaluationItem, followUpCodeForReading, type Answers } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { questionsAt } from '../../../shared/evaluation-moments';
import { longDate } from '../../../shared/words-for-days';
import { localDate, type CoreContext } from '../deps';
import { derivedId } from '../derived-id';
import { checkAnswers } from '../evaluations/responses';
import { displayName } from '../signin/roster';
import type { WriteScope } from '../write';
import { codeRow, markAnswered, type CodeRow } from './codes';
import { PERSON_ROOT } from './person-root';

const StoredItems = z.array(EvaluationItem);

/** A code's person (the record kept, after merges), session and follow-up questions. */
export interface CodeOpened {
  row: CodeRow;
  personId: string;
  name: string;
  courseTitle: string;
  startsAt: string;
  venueName: string;
  questions: EvaluationItem[];
}

/** The one response a code's answers become: derived from the session and code, so the same answers imported twice are one. */
export const followUpResponseId = (row: CodeRow) => derivedId('follow-up-response', row.session_id, row.code);

/** Why a code cannot be used, in words that fit after "row 5: " as well as on their own (the caller adds the action). */
export function codeProblem(ctx: CoreContext, code: string): { row: CodeRow } | { problem: 'unknown' | 'used'; text: string } {
  const row = codeRow(ctx.sqlite, code);
  const reading = followUpCodeForReading(code);
  if (!row) return { problem: 'unknown', text: `no follow-up was sent with the code ${reading}` };
  if (row.answered_at) return { problem: 'used', text: `the code ${reading} has already been used, on ${longDate(localDate(new Date(row.answered_at)))}` };
  return { row };
}

/** A code's person and questions; refuses an unknown or used code. */
export function openCode(ctx: CoreContext, code: string): CodeOpened {
  const found = codeProblem(ctx, code);
  if ('problem' in found) {
    throw new FieldbookError(found.problem === 'unknown' ? 'NOT_FOUND' : 'ALREADY_RESPONDED', `Check the code and enter it again: ${found.text}.`, { code: `Check the code: ${found.text}.` });
  }
  return opened(ctx, found.row);
}

export function opened(ctx: CoreContext, row: CodeRow): CodeOpened {
  const about = ctx.sqlite
    .prepare(
      `WITH RECURSIVE ${PERSON_ROOT}
       SELECT p.id, p.given_name, p.family_name, p.preferred_name, c.title, s.starts_at, v.name AS venue_name, t.items
       FROM root r JOIN people p ON p.id = r.root, sessions s JOIN courses c ON c.id = s.course_id JOIN venues v ON v.id = s.venue_id, evaluation_templates t
       WHERE r.id = @person AND s.id = @session AND t.id = @template`,
    )
    .get({ person: row.person_id, session: row.session_id, template: row.template_id }) as
    | { id: string; given_name: string; family_name: string; preferred_name: string | null; title: string; starts_at: string; venue_name: string; items: string }
    | undefined;
  // The code's person, session and form are kept while the code is (erasing the person takes the code with them).
  if (!about) throw new FieldbookError('NOT_FOUND', 'Check the code and enter it again: the person or session it was sent for is no longer in Fieldbook.');
  return {
    row,
    personId: about.id,
    name: displayName(about),
    courseTitle: about.title,
    startsAt: about.starts_at,
    venueName: about.venue_name,
    questions: questionsAt(StoredItems.parse(JSON.parse(about.items)), 'follow_up'),
  };
}

/**
 * Stores a code's answers as the person's follow-up answers for the session
 * (moment follow_up, linked to them, as the change report reads them) and
 * uses the code up. The answers are checked against the follow-up questions
 * the person was sent, as the kiosk checks its own.
 */
export async function recordFollowUp(ctx: CoreContext, scope: WriteScope, code: CodeOpened, answers: Answers, day: string): Promise<string> {
  checkAnswers(code.questions, answers);
  const id = followUpResponseId(code.row);
  await scope.insert('evaluation_responses', {
    id,
    session_id: code.row.session_id,
    template_id: code.row.template_id,
    person_id: code.personId,
    answers: JSON.stringify(answers),
    // Typed in or imported at the office, in English.
    language: 'en',
    submitted_on: day,
    moment: 'follow_up',
    late: 0,
    pairing_code: null,
  });
  markAnswered(ctx.sqlite, code.row.code, id, ctx.clock().toISOString());
  return id;
}

/** How many follow-up answers a session has: what the coordinator sees counted. */
export function followUpAnswersAt(ctx: CoreContext, sessionId: string): number {
  return (ctx.sqlite.prepare("SELECT count(*) AS n FROM evaluation_responses WHERE session_id = ? AND moment = 'follow_up'").get(sessionId) as { n: number }).n;
}
