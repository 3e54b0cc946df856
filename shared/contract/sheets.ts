import { z } from 'zod';
import { tooLongText } from './common';

/**
 * Spreadsheets typed up from years of paper sign-in sheets, member lists and
 * evaluation results, read into Fieldbook at the office: a preview first
 * (nothing written), then the import in one transaction through the change log.
 */

export const sheetKinds = ['attendance', 'people', 'members', 'evaluations'] as const;
export const SheetKind = z.enum(sheetKinds, { error: 'Choose what the file holds: attendance, people, members or evaluations.' });
export type SheetKind = z.infer<typeof SheetKind>;

/** The columns Fieldbook can read, and 'ignore' for one the office chose to leave out. */
export const sheetFields = [
  'givenName',
  'familyName',
  'email',
  'organisation',
  'sector',
  'date',
  'course',
  'venue',
  'attended',
  'contract',
  'joinedOn',
  'renewedOn',
  'feePaid',
  'confidenceBefore',
  'confidenceAfter',
  'comments',
  /** Evaluations: a follow-up's personal code, which says whose answers the row holds and for which session. */
  'followUpCode',
  'ignore',
] as const;
export const SheetField = z.enum(sheetFields, {
  error:
    'Map a column to first name, surname, email, organisation, sector, date, course, venue, attended, contract, date joined, renewal date, fee paid, confidence before, confidence after, comments, follow-up code, or ignore it.',
});
export type SheetField = z.infer<typeof SheetField>;

/** The fields each kind of sheet reads; a recognised column of another field is set aside as ignored. */
export const sheetFieldsOfKind: Record<SheetKind, readonly Exclude<SheetField, 'ignore'>[]> = {
  people: ['givenName', 'familyName', 'email', 'organisation', 'sector'],
  attendance: ['givenName', 'familyName', 'email', 'organisation', 'sector', 'date', 'course', 'venue', 'attended', 'contract'],
  members: ['givenName', 'familyName', 'email', 'organisation', 'sector', 'joinedOn', 'renewedOn', 'feePaid'],
  // Each learning outcome's rating is a column too, recognised by the outcome's text (it differs by course).
  evaluations: ['date', 'course', 'venue', 'email', 'confidenceBefore', 'confidenceAfter', 'comments', 'followUpCode'],
};

/** The columns that make a row the header row: without them no row of the kind can be read (an evaluations sheet with a follow-up code column needs no others, headers.ts). */
export const sheetHeaderFieldsOfKind: Record<SheetKind, readonly Exclude<SheetField, 'ignore'>[]> = {
  people: ['givenName', 'familyName'],
  attendance: ['givenName', 'familyName'],
  members: ['givenName', 'familyName'],
  evaluations: ['course', 'date', 'venue'],
};

/** A column header (or a name) compared with case and spacing set aside, on screen and in the core alike. */
export const sheetHeaderKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** 50 MB, as base64 (four characters for every three bytes), with room for padding. */
export const MAX_SHEET_FILE_BYTES = 50 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_SHEET_FILE_BYTES / 3) * 4;

const ProgressId = z
  .string({ error: 'Start the import again: the progress reference is not text.' })
  .regex(/^[A-Za-z0-9-]{8,64}$/, { error: 'Start the import again: the progress reference is not one Fieldbook made.' });

/**
 * One likely duplicate the office (or --same-person) said is the same person:
 * the row, and the person already in Fieldbook it is. The sheet may be left
 * out when only one sheet is read; the person when the row has only one
 * likely duplicate (the command line's --same-person ROW).
 */
export const SamePerson = z.strictObject({
  sheet: z
    .string({ error: 'Name the sheet the row is on as text.' })
    .trim()
    .min(1, { error: 'Name the sheet the row is on, or leave it out for a file of one sheet.' })
    .max(200, { error: tooLongText('Sheet name', 200) })
    .optional(),
  row: z
    .number({ error: 'Give the row as its number, for example 214.' })
    .int({ error: 'Give the row as a whole number, for example 214.' })
    .min(1, { error: 'Give a row number of 1 or more.' })
    .max(1_000_000, { error: 'Give a row number of 1,000,000 or less.' }),
  personId: z
    .uuid({ error: 'Choose the person again: that person reference is not one Fieldbook made.' })
    .optional(),
});
export type SamePerson = z.infer<typeof SamePerson>;

export const SheetInput = z.strictObject({
  kind: SheetKind,
  fileName: z
    .string({ error: 'Give the file name.' })
    .trim()
    .min(1, { error: 'Give the file name.' })
    .max(255, { error: tooLongText('File name', 255) }),
  contentBase64: z
    .string({ error: 'Choose a file to read.' })
    .min(1, { error: 'Choose another file: that one is empty.' })
    .max(MAX_BASE64_CHARS, { error: 'The file is over 50 MB, so it was not read. Split it into smaller files.' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Choose the file again: it did not arrive whole.' }),
  sheet: z
    .string({ error: 'Enter the sheet name as text.' })
    .trim()
    .min(1, { error: 'Give the name of the sheet to read, or leave it out to read every sheet.' })
    .max(200, { error: tooLongText('Sheet name', 200) })
    .optional(),
  mapping: z
    .record(
      z.string({ error: 'Name each mapped column by its header.' }).trim().min(1, { error: 'Name each mapped column by its header.' }).max(200, {
        error: tooLongText('Each column header', 200),
      }),
      SheetField,
      { error: 'Pair each column header with a field.' },
    )
    .refine((mapping) => Object.keys(mapping).length <= 100, { error: 'Map 100 columns or fewer.' })
    .optional(),
  /** Members only: the membership scheme the list is for, by name. */
  scheme: z
    .string({ error: 'Choose the membership scheme by its name.' })
    .trim()
    .min(1, { error: 'Choose the membership scheme the list is for.' })
    .max(200, { error: tooLongText('Scheme name', 200) })
    .optional(),
  /**
   * The new courses the office confirmed it means to create (sheets.import):
   * a misspelt course in a sheet would otherwise become a course of its own.
   * A file that would create a course not listed (none, when left out) is refused, and nothing is written.
   */
  confirmedCourses: z
    .array(z.string({ error: 'Name each confirmed course by its title.' }).trim().max(200, { error: tooLongText('Each course title', 200) }), {
      error: 'Confirm the new courses as a list of titles.',
    })
    .max(500, { error: 'Confirm 500 new courses or fewer at once.' })
    .optional(),
  /**
   * Likely duplicates the office said are the same person: the row's person
   * is the one already in Fieldbook, and no one is added for it. Every other
   * likely duplicate the preview lists is added as a different person. A
   * choice naming a row that is not a likely duplicate of that person refuses
   * the file, and nothing is written.
   */
  samePeople: z
    .array(SamePerson, { error: 'Give the people who are the same as a list of rows.' })
    .max(500, { error: 'Choose the same person for 500 rows or fewer at once.' })
    .optional(),
  /** Chosen by the screen, so that it can ask sheets.progress how far this call has got. */
  progressId: ProgressId.optional(),
});
export type SheetInput = z.input<typeof SheetInput>;

const count = z.number().int().min(0);
const RefusedRow = z.object({ sheet: z.string(), row: count, reason: z.string() });
/** How a row found its person: by email, by name at the organisation, or because the office chose them as the same (a likely duplicate). */
const PersonMatch = z.object({ sheet: z.string(), row: count, name: z.string(), matchedBy: z.enum(['email', 'name', 'chosen']), person: z.string() });
/**
 * A row that none of the matching rules tie to anyone, but that looks like
 * someone already in Fieldbook by the rule every way of adding a person
 * uses: the same name (accents, case and punctuation set aside) at the same
 * organisation, or neither with an organisation, and not two different
 * emails with no organisation. Listed once, at the row that would add them.
 */
const LikelyDuplicate = z.object({
  sheet: z.string(),
  row: count,
  /** The row's person, as the file has them. */
  name: z.string(),
  email: z.string().nullable(),
  organisation: z.string().nullable(),
  /** The person already in Fieldbook. */
  personId: z.string(),
  person: z.string(),
  personEmail: z.string().nullable(),
  personOrganisation: z.string().nullable(),
  why: z.enum(['email', 'organisation', 'no_organisation']),
  /** What is done with the pair: same (the row is that person, as the office chose) or different (a new person is added). */
  decision: z.enum(['same', 'different']),
});
export type SheetLikelyDuplicate = z.infer<typeof LikelyDuplicate>;
const SessionLine = z.object({
  course: z.string(),
  date: z.string(),
  venue: z.string(),
  isNew: z.boolean(),
  signIns: count,
  /** The contract the sheet names for the session, or null. */
  contract: z.string().nullable(),
});
/** A session already in Fieldbook under another contract than the sheet names: it is left as it is. */
const ContractDiffers = z.object({ course: z.string(), date: z.string(), venue: z.string(), inFile: z.string(), inFieldbook: z.string().nullable() });

export const SheetPreview = z.object({
  kind: SheetKind,
  fileName: z.string(),
  /** How the text of a CSV was read; null for a spreadsheet. */
  encoding: z.enum(['utf-8', 'windows-1252']).nullable(),
  sheetsRead: z.array(z.string()),
  rowsRead: count,
  people: z.object({
    new: count,
    matched: count,
    matches: z.array(PersonMatch),
    newNames: z.array(z.string()),
    /** Likely duplicates: the first 500 pairs listed; the count is of rows (a row may look like two people). */
    likelyDuplicates: z.array(LikelyDuplicate),
    likelyDuplicateCount: count,
  }),
  organisations: z.object({ new: z.array(z.string()) }),
  courses: z.object({ new: z.array(z.string()) }),
  venues: z.object({ new: z.array(z.string()) }),
  contracts: z.object({ new: z.array(z.string()), differing: z.array(ContractDiffers) }),
  sessions: z.object({ new: count, matched: count, list: z.array(SessionLine) }),
  signIns: z.object({ new: count, already: count, duplicateLines: count, notAttended: count }),
  /** Evaluations: responses new and already there; linked: tied to a person found by email (a linked course's). */
  responses: z.object({ new: count, already: count, linked: count }),
  /** Members: people given their first term in the scheme, terms added, and terms already there. */
  members: z.object({ scheme: z.string().nullable(), new: count, termsAdded: count, already: count }),
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

export const sheetStages = ['reading', 'matching', 'writing'] as const;

/** How far a running preview or import has got, by rows; null when no call with that reference is running. */
export const SheetProgress = z
  .object({
    stage: z.enum(sheetStages),
    rowsDone: count,
    /** Null while the file is still being read. */
    rowsTotal: count.nullable(),
  })
  .nullable();
export type SheetProgress = z.infer<typeof SheetProgress>;

export const sheetProcedures = {
  'sheets.preview': { kind: 'query', input: SheetInput, output: SheetPreview },
  'sheets.import': { kind: 'mutation', input: SheetInput, output: SheetPreview },
  /**
   * Read while a preview or import is under way. It reads a record kept in
   * memory and never the database, so it does not wait for the write path
   * (see write-path.ts): otherwise it would be answered only after the
   * import it reports on.
   */
  'sheets.progress': { kind: 'query', beside: 'write-path', input: z.strictObject({ progressId: ProgressId }), output: SheetProgress },
} as const;
