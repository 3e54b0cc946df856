import { z } from 'zod';

/** Ids are UUIDv7, made offline on any device, so they never collide. */
export const Id = z.uuid({ error: 'That record reference is not valid.' });

/** Trimmed required text; whitespace alone does not count as an answer. */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} must be ${max} characters or fewer.` });
}

/** Optional text: empty or whitespace becomes null, so "no value" has one spelling. */
export function optionalText(label: string, max = 2000) {
  return z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer.` })
    .nullish()
    .transform((value) => (value ? value : null));
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;

function isRealDate(value: string): boolean {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.slice(0, 10);
}

/** A calendar day, "2026-03-12". */
export function calendarDate(label: string) {
  return z
    .string({ error: `${label} must be a date.` })
    .regex(datePattern, { error: `${label} must be a date like 2026-03-12.` })
    .refine(isRealDate, { error: `${label} is not a real date.` });
}

/**
 * A wall-clock time at the venue, "2026-03-12T09:30". Sessions happen in one
 * place, so the venue's local time is what people read and what "today" means.
 */
export function localDateTime(label: string) {
  return z
    .string({ error: `${label} must be a date and time.` })
    .regex(localDateTimePattern, { error: `${label} must be a date and time like 2026-03-12T09:30.` })
    .refine(isRealDate, { error: `${label} is not a real date.` });
}

export const SearchInput = z.strictObject({
  query: z.string({ error: 'Search must be text.' }).trim().max(200, { error: 'Search must be 200 characters or fewer.' }).default(''),
  limit: z
    .number({ error: 'Limit must be a number.' })
    .int({ error: 'Limit must be a whole number.' })
    .min(1, { error: 'Limit must be at least 1.' })
    .max(500, { error: 'Limit must be 500 or fewer.' })
    .default(100),
});

export const GetInput = z.strictObject({ id: Id });

export const Empty = z.strictObject({});
