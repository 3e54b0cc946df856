import { kioskLabel, requireKioskFor } from '../kiosk/kiosk';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { write } from '../write';
import { respondents } from './handlers';
import { recordResponse } from './responses';
import { currentTemplate } from './templates';

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
  };
}
