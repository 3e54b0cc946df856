import { z } from 'zod';
import { Answers, EvaluationItem } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { getSession } from '../catalogue/sessions';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { displayName } from '../signin/roster';
import { write } from '../write';
import { peopleWhoAnswered, peopleWhoAnsweredBefore } from './anonymous-release';
import { recordResponse } from './responses';
import { pairedChange } from './paired-change';
import { summarise } from './summary';
import { currentTemplate, saveNewVersion } from './templates';

const StoredItems = z.array(EvaluationItem);

/** People signed in to a session (latest fact a sign-in), with whether they have answered. */
export async function respondents(ctx: CoreContext, sessionId: string) {
  const roster = ctx.rosterRows(sessionId).filter((row) => row.sign_in_kind === 'sign_in');
  const [done, before] = await Promise.all([peopleWhoAnswered(ctx.db, sessionId), peopleWhoAnsweredBefore(ctx.db, sessionId)]);
  return roster.map((row) => ({
    personId: row.person_id,
    name: displayName(row),
    responded: done.has(row.person_id),
    answeredBefore: before.has(row.person_id),
  }));
}

/** A session's responses, including anonymous ones still held on this laptop. */
async function responsesOf(ctx: CoreContext, sessionId: string) {
  const [released, pending] = await Promise.all([
    ctx.db
      .selectFrom('evaluation_responses')
      .select(['template_id', 'answers', 'person_id', 'moment', 'late', 'pairing_code'])
      .where('session_id', '=', sessionId)
      .execute(),
    ctx.db.selectFrom('pending_anonymous_responses').select(['template_id', 'answers', 'moment', 'late', 'pairing_code']).where('session_id', '=', sessionId).execute(),
  ]);
  return [...released, ...pending.map((row) => ({ ...row, person_id: null }))];
}

export function evaluationHandlers(ctx: CoreContext): HandlerGroup<'evaluations'> {
  return {
    'evaluations.template': ({ courseId }) => currentTemplate(ctx.db, courseId),

    async 'evaluations.saveTemplate'({ courseId, items, followUpWeeks }) {
      await currentTemplate(ctx.db, courseId);
      await write(ctx, (scope) => saveNewVersion(scope, courseId, items, followUpWeeks, ctx.clock()));
      return currentTemplate(ctx.db, courseId);
    },

    'evaluations.respondents': async ({ sessionId }) => {
      await getSession(ctx, sessionId);
      return respondents(ctx, sessionId);
    },

    async 'evaluations.submit'({ sessionId, personId, templateId, answers, language, moment }) {
      const session = await getSession(ctx, sessionId);
      if (session.status === 'cancelled') throw new FieldbookError('CONFLICT', 'Choose another session: this one was cancelled, so it has no evaluation.');
      await write(ctx, (scope) => recordResponse(ctx, scope, session, { personId, templateId, answers, language, moment }));
      return { responses: (await responsesOf(ctx, sessionId)).filter((row) => row.moment === (moment ?? 'after')).length };
    },

    async 'evaluations.summary'({ sessionId }) {
      await getSession(ctx, sessionId);
      const rows = await responsesOf(ctx, sessionId);
      const templateIds = [...new Set(rows.map((row) => row.template_id))];
      const templates = templateIds.length
        ? await ctx.db.selectFrom('evaluation_templates').select(['id', 'items']).where('id', 'in', templateIds).execute()
        : [];
      // Everyone who attended: signed in now, or answered before a sign-in was undone.
      const attended = new Set(ctx.rosterRows(sessionId).filter((row) => row.sign_in_kind === 'sign_in').map((row) => row.person_id));
      for (const personId of await peopleWhoAnswered(ctx.db, sessionId)) attended.add(personId);
      const signedIn = attended.size;
      const anonymous = rows.some((row) => row.person_id === null);
      const itemsByTemplate = new Map(templates.map((template) => [template.id, StoredItems.parse(JSON.parse(template.items))]));
      const responses = rows.map((row) => ({
        templateId: row.template_id,
        answers: Answers.parse(JSON.parse(row.answers)),
        moment: row.moment,
        late: row.late === 1,
        // Who answered, to pair the moments: the person when linked, the pairing code when anonymous.
        pairKey: row.person_id ?? row.pairing_code,
      }));
      const before = responses.filter((row) => row.moment === 'before');
      // Withheld for a small group if any answer is anonymous, whatever the course's setting now.
      const summary = summarise(itemsByTemplate, responses.filter((row) => row.moment === 'after'), signedIn, anonymous);
      return {
        ...summary,
        before: { answered: before.length, late: before.filter((row) => row.late).length },
        change: summary.withheld ? [] : pairedChange(itemsByTemplate, responses, anonymous),
      };
    },
  };
}
