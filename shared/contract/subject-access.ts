import { z } from 'zod';
import { Id } from './common';
import { OutgoingFile } from './pairing';

/**
 * Subject access (UK GDPR Article 15), at the office: "Everything we hold
 * about this person". Every row about them (the same rows an erasure would
 * remove: the person, the records merged with them, and everything that
 * points at them), the history of each field with the computer that changed
 * it, the consent text they agreed to, and which laptops were sent their
 * data in which package. One answer, shown on screen (and printed) and
 * written as a spreadsheet with a sheet per part.
 */

/** One value, with its kind, so the screen and the spreadsheet show a date as a date. */
export const SubjectAccessCell = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), value: z.string() }),
  z.object({ kind: z.literal('number'), value: z.number() }),
  /** A calendar day, "2026-03-12". */
  z.object({ kind: z.literal('day'), value: z.string() }),
  /** A wall-clock time at the venue, "2026-03-12T09:30". */
  z.object({ kind: z.literal('wallClock'), value: z.string() }),
  /** A moment stamped in UTC, shown in this computer's time. */
  z.object({ kind: z.literal('instant'), value: z.string() }),
  z.object({ kind: z.literal('empty') }),
]);
export type SubjectAccessCell = z.infer<typeof SubjectAccessCell>;

/** One part of the answer: a table on screen, a sheet in the spreadsheet. */
export const SubjectAccessPart = z.object({
  /** Stable, for a machine: "consents". */
  key: z.string(),
  /** "Consents"; the sheet's name too. */
  title: z.string(),
  /** What the part holds, in a sentence, printed above it. */
  about: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(SubjectAccessCell)),
});
export type SubjectAccessPart = z.infer<typeof SubjectAccessPart>;

export const SubjectAccessReport = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('held'),
    /** The person's name as their record reads now. */
    name: z.string(),
    /** When this answer was put together, and by which computer. */
    preparedAt: z.string(),
    preparedBy: z.string(),
    /** What the answer leaves out and why, in sentences. */
    notes: z.array(z.string()),
    parts: z.array(SubjectAccessPart),
  }),
  z.object({
    status: z.literal('erased'),
    erasedAt: z.string(),
    /** "This person was erased on 2 December 2026; nothing is held." */
    message: z.string(),
  }),
]);
export type SubjectAccessReport = z.infer<typeof SubjectAccessReport>;

const PersonInput = z.strictObject({ personId: Id });

export const subjectAccessProcedures = {
  'subjectAccess.report': { kind: 'query', input: PersonInput, output: SubjectAccessReport },
  /** The same answer as an XLSX file, one sheet per part. */
  'subjectAccess.spreadsheet': { kind: 'query', input: PersonInput, output: OutgoingFile },
} as const;
