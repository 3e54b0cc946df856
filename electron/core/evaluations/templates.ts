import { z } from 'zod';
import { DEFAULT_FOLLOW_UP_WEEKS, EvaluationItem, type EvaluationTemplate, type LearningOutcome } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema';
import { derivedId } from '../derived-id';
import type { WriteScope } from '../write';
import { defaultItems } from './default-template';

const StoredItems = z.array(EvaluationItem);
const StoredOutcomes = z.array(z.object({ id: z.string(), text: z.string() }));

/** The default's id is derived from the course, so two laptops that both use it agree on it. */
export function defaultTemplateId(courseId: string): string {
  return derivedId('evaluation-template', courseId, '1');
}

async function courseOutcomes(db: Kysely<Schema>, courseId: string): Promise<LearningOutcome[]> {
  const course = await db.selectFrom('courses').select('learning_outcomes').where('id', '=', courseId).executeTakeFirst();
  if (!course) throw new FieldbookError('NOT_FOUND', 'Choose the course again: that one could not be found.');
  return StoredOutcomes.parse(JSON.parse(course.learning_outcomes));
}

/** The course's latest template, or the default made from its outcomes when none is stored yet. */
export async function currentTemplate(db: Kysely<Schema>, courseId: string): Promise<EvaluationTemplate> {
  const stored = await db
    .selectFrom('evaluation_templates')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (stored) {
    return storedTemplate(stored, courseId);
  }
  return {
    id: defaultTemplateId(courseId),
    courseId,
    version: 1,
    items: defaultItems(await courseOutcomes(db, courseId)),
    followUpWeeks: DEFAULT_FOLLOW_UP_WEEKS,
    stored: false,
  };
}

/** A template by id: a stored version, or the course's default (stored on first use). */
export async function templateById(scope: WriteScope, courseId: string, templateId: string, now: Date): Promise<EvaluationTemplate> {
  const stored = await scope.trx.selectFrom('evaluation_templates').selectAll().where('id', '=', templateId).executeTakeFirst();
  if (stored && stored.course_id === courseId) return storedTemplate(stored, courseId);
  if (!stored && templateId === defaultTemplateId(courseId)) {
    const template = await currentTemplate(scope.trx, courseId);
    if (template.id === templateId) {
      await storeTemplate(scope, courseId, 1, template.items, template.followUpWeeks, templateId, now);
      return { ...template, stored: true };
    }
  }
  throw new FieldbookError('INVALID_INPUT', 'Start the evaluation again: this evaluation form is not one Fieldbook knows for this course.', {
    templateId: 'Start the evaluation again: this form is not known.',
  });
}

function storedTemplate(row: { id: string; version: number; items: string; follow_up_weeks: number }, courseId: string): EvaluationTemplate {
  return { id: row.id, courseId, version: row.version, items: StoredItems.parse(JSON.parse(row.items)), followUpWeeks: row.follow_up_weeks, stored: true };
}

async function storeTemplate(
  scope: WriteScope,
  courseId: string,
  version: number,
  items: EvaluationItem[],
  followUpWeeks: number,
  id: string,
  now: Date,
): Promise<void> {
  await scope.insert('evaluation_templates', {
    id,
    course_id: courseId,
    version,
    items: JSON.stringify(items),
    follow_up_weeks: followUpWeeks,
    created_at: now.toISOString(),
  });
}

/**
 * Editing makes a new version; responses keep pointing at the version they
 * answered. The default is kept as version 1 (under its derived id), so
 * every version number means the same questions on every device.
 */
export async function saveNewVersion(scope: WriteScope, courseId: string, items: EvaluationItem[], followUpWeeks: number, now: Date): Promise<string> {
  const ids = items.map((item) => item.id);
  if (new Set(ids).size !== ids.length) {
    throw new FieldbookError('INVALID_INPUT', 'Give each question its own id: two questions have the same one.', { items: 'Give each question its own id.' });
  }
  const outcomes = new Set((await courseOutcomes(scope.trx, courseId)).map((outcome) => outcome.id));
  const strayIndex = items.findIndex((item) => item.kind === 'outcome_rating' && !outcomes.has(item.outcomeId));
  if (strayIndex >= 0) {
    throw new FieldbookError('INVALID_INPUT', 'Choose one of the course’s learning outcomes for each rating question: one points at an outcome this course does not have.', {
      [`items.${strayIndex}`]: 'Choose one of the course’s learning outcomes.',
    });
  }
  const current = await currentTemplate(scope.trx, courseId);
  if (!current.stored) await storeTemplate(scope, courseId, 1, current.items, current.followUpWeeks, current.id, now);
  const id = scope.newId();
  await storeTemplate(scope, courseId, current.version + 1, items, followUpWeeks, id, now);
  return id;
}
