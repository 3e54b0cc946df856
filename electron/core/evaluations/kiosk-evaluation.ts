import type { EvaluationItem } from '../../../shared/contract';
import { questionsAt } from '../../../shared/evaluation-moments';
import { derivedId } from '../derived-id';
import { kioskLabel, requireKioskFor } from '../kiosk/kiosk';
import { answeredBefore, hasCompleted } from './anonymous-release';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { write } from '../write';
import { respondents } from './handlers';
import { recordResponse } from './responses';
import { currentTemplate } from './templates';

/** Whether someone can answer the before questions now: the form has some, they are signed in, and have answered neither before nor after. */
export async function beforeStillOpen(ctx: CoreContext, sessionId: string, personId: string, items: EvaluationItem[]): Promise<boolean> {
  if (questionsAt(items, 'before').length === 0) return false;
  const signedIn = ctx.rosterRows(sessionId).some((row) => row.person_id === personId && row.sign_in_kind === 'sign_in');
  if (!signedIn) return false;
  if (await answeredBefore(ctx.db, sessionId, personId)) return false;
  return !(await hasCompleted(ctx.db, derivedId('evaluation-completion', sessionId, personId)));
}

/** The session the kiosk is open for; the evaluation answers only that session. */
function kioskSession(ctx: CoreContext) {
  return requireKioskFor(ctx, 'evaluation');
}

/**
 * The evaluation in kiosk mode: participants find their own name among the
 * people signed in (shown as at sign-in, "Amira K. — Organisation"), answer
 * in their language, and submit once.
 */
export function kioskEvaluationHandlers(ctx: CoreContext): HandlerGroup<'kioskEvaluation'> {
  return {
    async 'kioskEvaluation.find'({ query }) {
      const session = await kioskSession(ctx);
      const attending = new Map((await respondents(ctx, session.id)).map((person) => [person.personId, person.responded]));
      return ctx.finder
        .find(session.id, query, 50)
        .filter((person) => attending.has(person.personId))
        .slice(0, 10)
        .map((person) => ({ personId: person.personId, label: kioskLabel(person), responded: attending.get(person.personId) ?? false }));
    },

    async 'kioskEvaluation.template'() {
      const session = await kioskSession(ctx);
      return currentTemplate(ctx.db, session.courseId);
    },

    async 'kioskEvaluation.submit'(response) {
      const session = await kioskSession(ctx);
      const firstName = await write(ctx, (scope) => recordResponse(ctx, scope, session, response));
      return { firstName };
    },

    // Before: the kiosk is open for signing in, and the person has just signed in.
    async 'kioskEvaluation.beforeQuestions'({ personId }) {
      const session = await requireKioskFor(ctx, 'sign_in');
      const template = await currentTemplate(ctx.db, session.courseId);
      return { template, open: await beforeStillOpen(ctx, session.id, personId, template.items) };
    },

    async 'kioskEvaluation.submitBefore'(response) {
      const session = await requireKioskFor(ctx, 'sign_in');
      const firstName = await write(ctx, (scope) => recordResponse(ctx, scope, session, { ...response, moment: 'before' }));
      return { firstName };
    },
  };
}
