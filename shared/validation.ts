import type { z } from 'zod';
import { theField } from './contract/common';
import { FieldbookError } from './errors';

const fieldLabels: Record<string, string> = {
  givenName: 'Given name',
  familyName: 'Family name',
  preferredName: 'Preferred name',
  organisationId: 'Organisation',
  membershipJoinedOn: 'Membership joined date',
  durationMinutes: 'Duration',
  learningOutcomes: 'Learning outcomes',
  accessNotes: 'Access notes',
  courseId: 'Course',
  venueId: 'Venue',
  startsAt: 'Start',
  endsAt: 'End',
};

function labelFor(path: PropertyKey[]): string {
  const key = String(path[0] ?? 'input');
  const label = fieldLabels[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
  return path.length > 1 && typeof path[1] === 'number' ? `${label} ${path[1] + 1}` : label;
}

/**
 * Zod's default messages are written for developers ("Expected string,
 * received number"). Schemas in the contract carry their own plain-words
 * messages; this gives every other issue a sentence a person can act on.
 */
function plainMessage(issue: z.core.$ZodIssue): string {
  const field = theField(labelFor(issue.path));
  // A missing reference is something chosen from a list, not typed.
  const chosen = /Id$/.test(String(issue.path.at(-1) ?? ''));
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return chosen ? `Choose ${field}.` : `Enter ${field}.`;
      return `Check ${field}: it is not in the right form.`;
    case 'too_small':
      return `Check ${field}: it is too short or too small.`;
    case 'too_big':
      return `Check ${field}: it is too long or too large.`;
    case 'invalid_format':
      return `Check ${field}: it is not in the right format.`;
    case 'invalid_value':
      return `Choose ${field} from the listed choices.`;
    case 'unrecognized_keys':
      return 'Try again from the screen: some unexpected information was sent with this request.';
    default:
      return `Check ${field}.`;
  }
}

function messageFor(issue: z.core.$ZodIssue): string {
  // Messages we wrote in the schemas end with a full stop; zod's own do not.
  return issue.message.endsWith('.') ? issue.message : plainMessage(issue);
}

/** Field errors for a form as the person types: field path -> plain words. */
export function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    fields[key] ??= messageFor(issue);
  }
  return fields;
}

/** Parse or throw a FieldbookError whose fields map each bad field to plain words. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = fieldErrors(schema, value);
  const messages = Object.values(fields);
  const first = messages[0] ?? 'Check the form: something in it is not right.';
  const message = messages.length > 1 ? `Please check ${messages.length} fields. ${first}` : first;
  throw new FieldbookError('INVALID_INPUT', message, fields);
}
