import { z } from 'zod';

/** Ids are UUIDv7, made offline on any device, so they never collide. */
export const Id = z.uuid({
  // Left out, the field's own words say what to choose ("Choose the course."); see shared/validation.ts.
  error: (issue) => (issue.input === undefined ? undefined : 'Choose again from the list: that record reference is not one Fieldbook made.'),
});

/**
 * A field's label as it reads inside a sentence that says what to do:
 * "Given name" -> "the given name", "Each tag" -> "each tag", "PIN" stays "PIN".
 * Errors start with the action ("Enter the given name."), as GOV.UK's do.
 */
export function theField(label: string): string {
  if (!/^[A-Za-z]/.test(label)) return label; // a command-line option, "--year-starts"
  const lowered = /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  return /^(each|the|a|an|your) /.test(lowered) ? lowered : `the ${lowered}`;
}

/** "Shorten the given name to 200 characters or fewer." */
export function tooLongText(label: string, max: number): string {
  return `Shorten ${theField(label)} to ${max.toLocaleString('en-GB')} characters or fewer.`;
}

/** Trimmed required text; whitespace alone does not count as an answer. */
export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `Enter ${theField(label)} as text.` })
    .trim()
    .min(1, { error: `Enter ${theField(label)}.` })
    .max(max, { error: tooLongText(label, max) });
}

/** Optional text: empty or whitespace becomes null, so "no value" has one spelling. */
export function optionalText(label: string, max = 2000) {
  return z
    .string({ error: `Enter ${theField(label)} as text.` })
    .trim()
    .max(max, { error: tooLongText(label, max) })
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
    .string({ error: `Enter ${theField(label)} as a date, for example 2026-03-12.` })
    .regex(datePattern, { error: `Enter ${theField(label)} as a date, for example 2026-03-12.` })
    .refine(isRealDate, { error: `Enter a real date for ${theField(label)}, for example 2026-03-12.` });
}

/**
 * A wall-clock time at the venue, "2026-03-12T09:30". Sessions happen in one
 * place, so the venue's local time is what people read and what "today" means.
 */
export function localDateTime(label: string) {
  return z
    .string({ error: `Enter ${theField(label)} as a date and time, for example 2026-03-12T09:30.` })
    .regex(localDateTimePattern, { error: `Enter ${theField(label)} as a date and time, for example 2026-03-12T09:30.` })
    .refine(isRealDate, { error: `Enter a real date for ${theField(label)}, for example 2026-03-12T09:30.` });
}

export const SearchInput = z.strictObject({
  query: z.string({ error: 'Enter the search as text.' }).trim().max(200, { error: tooLongText('Search', 200) }).default(''),
  limit: z
    .number({ error: 'Ask for a whole number of rows, from 1 to 500.' })
    .int({ error: 'Ask for a whole number of rows, from 1 to 500.' })
    .min(1, { error: 'Ask for a whole number of rows, from 1 to 500.' })
    .max(500, { error: 'Ask for a whole number of rows, from 1 to 500.' })
    .default(100),
});

export const GetInput = z.strictObject({ id: Id });

export const Empty = z.strictObject({});

/**
 * The version of an office record as it was read: its newest change-log
 * stamp ('' for a row written before there was a change log). An edit sends
 * back the version it was opened at, and the core refuses it with
 * CHANGED_SINCE_OPENED if the record changed since, so nobody's work is
 * silently replaced (electron/core/record-version.ts).
 */
export const RecordVersion = z
  .string({ error: 'Open the record again before saving: this change did not say which version of it was opened.' })
  .max(100, { error: 'Open the record again before saving: this change did not say which version of it was opened.' });

/** A record as its `get` returns it for editing: with the version to send back. */
export function versioned<Shape extends z.ZodRawShape>(record: z.ZodObject<Shape>) {
  return record.extend({ version: z.string() });
}

/** An edit of an existing record: which one, the version it was opened at, and its new fields. */
export function editOf<S extends z.ZodType>(fields: S) {
  return z.strictObject({ id: Id, version: RecordVersion, fields });
}
