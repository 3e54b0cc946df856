import { z } from 'zod';

/**
 * Spreadsheets typed up from years of paper sign-in sheets and member lists,
 * read into Fieldbook at the office: a preview first (nothing written), then
 * the import in one transaction through the change log.
 */

export const sheetKinds = ['attendance', 'people'] as const;
export const SheetKind = z.enum(sheetKinds, { error: 'Choose what the file holds: attendance or people.' });
export type SheetKind = z.infer<typeof SheetKind>;

/** The columns Fieldbook can read, and 'ignore' for one the office chose to leave out. */
export const sheetFields = ['givenName', 'familyName', 'email', 'organisation', 'sector', 'date', 'course', 'venue', 'attended', 'ignore'] as const;
export const SheetField = z.enum(sheetFields, {
  error: 'Map a column to first name, surname, email, organisation, sector, date, course, venue, attended, or ignore it.',
});
export type SheetField = z.infer<typeof SheetField>;

/** The fields each kind of sheet reads; a recognised column of another field is set aside as ignored. */
export const sheetFieldsOfKind: Record<SheetKind, readonly Exclude<SheetField, 'ignore'>[]> = {
  people: ['givenName', 'familyName', 'email', 'organisation', 'sector'],
  attendance: ['givenName', 'familyName', 'email', 'organisation', 'sector', 'date', 'course', 'venue', 'attended'],
};

/** A column header (or a name) compared with case and spacing set aside, on screen and in the core alike. */
export const sheetHeaderKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** 50 MB, as base64 (four characters for every three bytes), with room for padding. */
export const MAX_SHEET_FILE_BYTES = 50 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_SHEET_FILE_BYTES / 3) * 4;

export const SheetInput = z.strictObject({
  kind: SheetKind,
  fileName: z
    .string({ error: 'Give the file name.' })
    .trim()
    .min(1, { error: 'Give the file name.' })
    .max(255, { error: 'The file name must be 255 characters or fewer.' }),
  contentBase64: z
    .string({ error: 'Choose a file to read.' })
    .min(1, { error: 'The file is empty.' })
    .max(MAX_BASE64_CHARS, { error: 'The file is over 50 MB, so it was not read. Split it into smaller files.' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'The file did not arrive whole; choose it again.' }),
  sheet: z
    .string({ error: 'The sheet name must be text.' })
    .trim()
    .min(1, { error: 'Give the name of the sheet to read, or leave it out to read every sheet.' })
    .max(200, { error: 'The sheet name must be 200 characters or fewer.' })
    .optional(),
  mapping: z
    .record(
      z.string({ error: 'Each mapped column is named by its header.' }).trim().min(1, { error: 'Each mapped column is named by its header.' }).max(200, {
        error: 'A column header must be 200 characters or fewer.',
      }),
      SheetField,
      { error: 'The mapping must pair column headers with fields.' },
    )
    .refine((mapping) => Object.keys(mapping).length <= 100, { error: 'A mapping can name at most 100 columns.' })
    .optional(),
});
export type SheetInput = z.input<typeof SheetInput>;

const count = z.number().int().min(0);
const RefusedRow = z.object({ sheet: z.string(), row: count, reason: z.string() });
const PersonMatch = z.object({ sheet: z.string(), row: count, name: z.string(), matchedBy: z.enum(['email', 'name']), person: z.string() });
const SessionLine = z.object({ course: z.string(), date: z.string(), venue: z.string(), isNew: z.boolean(), signIns: count });

export const SheetPreview = z.object({
  kind: SheetKind,
  fileName: z.string(),
  /** How the text of a CSV was read; null for a spreadsheet. */
  encoding: z.enum(['utf-8', 'windows-1252']).nullable(),
  sheetsRead: z.array(z.string()),
  rowsRead: count,
  people: z.object({ new: count, matched: count, matches: z.array(PersonMatch), newNames: z.array(z.string()) }),
  organisations: z.object({ new: z.array(z.string()) }),
  courses: z.object({ new: z.array(z.string()) }),
  venues: z.object({ new: z.array(z.string()) }),
  sessions: z.object({ new: count, matched: count, list: z.array(SessionLine) }),
  signIns: z.object({ new: count, already: count, duplicateLines: count, notAttended: count }),
  refused: z.array(RefusedRow),
  refusedCount: count,
  ignoredColumns: z.array(z.string()),
  /** True when importing would change nothing (every row already there, or refused). */
  nothingNew: z.boolean(),
  /** Whether the counts were written (sheets.import) or only shown (sheets.preview). */
  imported: z.boolean(),
  message: z.string(),
});
export type SheetPreview = z.infer<typeof SheetPreview>;

export const sheetProcedures = {
  'sheets.preview': { kind: 'query', input: SheetInput, output: SheetPreview },
  'sheets.import': { kind: 'mutation', input: SheetInput, output: SheetPreview },
} as const;
