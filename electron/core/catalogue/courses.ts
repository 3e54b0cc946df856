import { z } from 'zod';
import { LearningOutcome, type Course } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoursesTable } from '../../db/schema';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { contains } from '../text-search';
import { write } from '../write';
import { refuseIfChangedSinceOpened, withVersion } from '../record-version';

const StoredOutcomes = z.array(LearningOutcome);

function toCourse(row: CoursesTable): Course {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    durationMinutes: row.duration_minutes,
    learningOutcomes: StoredOutcomes.parse(JSON.parse(row.learning_outcomes)),
    evaluationMode: row.evaluation_mode,
  };
}

async function getCourse(ctx: CoreContext, id: string): Promise<Course> {
  const row = await ctx.db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the course again: that one could not be found.');
  return toCourse(row);
}

/**
 * Outcomes keep their id while their wording is unchanged, so evaluations that
 * rate "Recognise good practice" still point at it after the list is reordered.
 */
function withOutcomeIds(texts: string[], previous: LearningOutcome[], newId: () => string): LearningOutcome[] {
  const unused = [...previous];
  return texts.map((text) => {
    const index = unused.findIndex((outcome) => outcome.text === text);
    const reused = index >= 0 ? unused.splice(index, 1)[0] : undefined;
    return { id: reused?.id ?? newId(), text };
  });
}

export function courseHandlers(ctx: CoreContext): HandlerGroup<'courses'> {
  return {
    async 'courses.list'({ query, limit }) {
      let select = ctx.db.selectFrom('courses').selectAll();
      if (query) select = select.where(contains('title', query));
      const rows = await select.orderBy(({ fn }) => fn('lower', ['title'])).limit(limit).execute();
      return rows.map(toCourse);
    },

    'courses.get': async ({ id }) => withVersion(ctx.sqlite, 'courses', id, await getCourse(ctx, id)),

    async 'courses.create'(fields) {
      const id = await write(ctx, async (scope) => {
        const id = scope.newId();
        await scope.insert('courses', {
          id,
          title: fields.title,
          description: fields.description,
          duration_minutes: fields.durationMinutes,
          learning_outcomes: JSON.stringify(withOutcomeIds(fields.learningOutcomes, [], scope.newId)),
          evaluation_mode: fields.evaluationMode ?? 'anonymous',
        });
        return id;
      });
      return getCourse(ctx, id);
    },

    async 'courses.update'({ id, version, fields }) {
      await refuseIfChangedSinceOpened(ctx, 'courses', id, version, () => getCourse(ctx, id));
      const existing = await getCourse(ctx, id);
      await write(ctx, (scope) =>
        scope.update('courses', id, {
          title: fields.title,
          description: fields.description,
          duration_minutes: fields.durationMinutes,
          learning_outcomes: JSON.stringify(withOutcomeIds(fields.learningOutcomes, existing.learningOutcomes, scope.newId)),
          evaluation_mode: fields.evaluationMode ?? existing.evaluationMode,
        }),
      );
      return withVersion(ctx.sqlite, 'courses', id, await getCourse(ctx, id));
    },
  };
}
