import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { SchemeFields, SchemeView } from '../../../shared/contract/membership';
import { FieldbookError } from '../../../shared/errors';
import type { MembershipSchemesTable, Schema } from '../../db/schema';
import type { WriteScope } from '../write';

type Reader = Kysely<Schema> | Transaction<Schema>;

export const courseIdsOf = (row: Pick<MembershipSchemesTable, 'required_course_ids'>) => JSON.parse(row.required_course_ids) as string[];

async function toViews(db: Reader, rows: MembershipSchemesTable[]): Promise<SchemeView[]> {
  const ids = [...new Set(rows.flatMap(courseIdsOf))];
  const courses = ids.length ? await db.selectFrom('courses').select(['id', 'title']).where('id', 'in', ids).execute() : [];
  const titles = new Map(courses.map((course) => [course.id, course.title]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    requiredCourseIds: courseIdsOf(row),
    windowMonths: row.window_months,
    yearStarts: row.year_starts,
    feePence: row.fee_pence,
    graceDays: row.grace_days,
    requiredCourses: courseIdsOf(row).map((id) => ({ id, title: titles.get(id) ?? 'A course no longer in the catalogue' })),
  }));
}

export async function listSchemes(db: Reader): Promise<SchemeView[]> {
  return toViews(db, await db.selectFrom('membership_schemes').selectAll().orderBy('name').execute());
}

export async function getScheme(db: Reader, id: string): Promise<SchemeView> {
  const row = await db.selectFrom('membership_schemes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', 'Choose the membership scheme again: that one could not be found.');
  return (await toViews(db, [row]))[0]!;
}

/** The scheme of that name, however it is capitalised. */
export async function schemeNamed(db: Reader, name: string): Promise<MembershipSchemesTable | undefined> {
  return db.selectFrom('membership_schemes').selectAll().where(sql<boolean>`name = ${name.trim()} COLLATE NOCASE`).executeTakeFirst();
}

/**
 * Adds a scheme, or changes one. A change applies to terms added from then
 * on and to the training rule as read from then on; the ends of terms
 * already made stay as they were, so history is not rewritten.
 */
export async function saveScheme(scope: WriteScope, parsed: z.output<typeof SchemeFields>, id: string | null): Promise<string> {
  const ids = [...new Set(parsed.requiredCourseIds)];
  const found = await scope.trx.selectFrom('courses').select('id').where('id', 'in', ids).execute();
  if (found.length !== ids.length) {
    throw new FieldbookError('INVALID_INPUT', 'Choose the required courses again: one of them could not be found.', { requiredCourseIds: 'Choose courses from the catalogue.' });
  }
  const clash = await schemeNamed(scope.trx, parsed.name);
  if (clash && clash.id !== id) {
    throw new FieldbookError('CONFLICT', `Choose another name: there is already a scheme called ${clash.name}.`, { name: 'Choose another name, or change that scheme.' });
  }
  const row = {
    name: parsed.name,
    required_course_ids: JSON.stringify(ids),
    window_months: parsed.windowMonths,
    year_starts: parsed.yearStarts,
    fee_pence: parsed.feePence,
    grace_days: parsed.graceDays,
  };
  if (id === null) {
    const newId = scope.newId();
    await scope.insert('membership_schemes', { id: newId, ...row });
    return newId;
  }
  const existing = await scope.trx.selectFrom('membership_schemes').select('id').where('id', '=', id).executeTakeFirst();
  if (!existing) throw new FieldbookError('NOT_FOUND', 'Choose the membership scheme again: that one could not be found.');
  await scope.update('membership_schemes', id, row);
  return id;
}
