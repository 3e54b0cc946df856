import { z } from 'zod';
import { Id, SearchInput } from './common';
import { Organisation, OrganisationFields, Person, PersonFields } from './catalogue';

/**
 * The people and organisations lists page by page, a person's own page and
 * its history, the check for someone already there before a new record is
 * saved, and the office's merge of two records that are one.
 */

// ---- paging ----------------------------------------------------------------

/**
 * Where a page starts or ends: the row's place in the sort order and its id.
 * Keyset paging, so a page deep in 100,000 people costs what the first does.
 */
export const PageCursor = z.strictObject({
  key: z.string({ error: 'Go back to the first page: the page reference was not text.' }).max(1000, { error: 'Go back to the first page: the page reference is too long.' }),
  id: Id,
  /** The row's position in the list, counting from 1, so the next page can say where it starts without counting. */
  position: z
    .number({ error: 'Go back to the first page: the page position was not a number.' })
    .int({ error: 'Go back to the first page: the page position was not a whole number.' })
    .min(1, { error: 'Go back to the first page: the page position was below 1.' })
    .max(10_000_000, { error: 'Go back to the first page: the page position is too large.' }),
});
export type PageCursor = z.infer<typeof PageCursor>;

const PageFields = z.strictObject({
  query: SearchInput.shape.query,
  /** The page after this row; left out with `before`, the first page. */
  after: PageCursor.optional(),
  /** The page before this row. */
  before: PageCursor.optional(),
  pageSize: z
    .number({ error: 'Ask for a page size as a number, for example 50.' })
    .int({ error: 'Ask for a page size as a whole number, for example 50.' })
    .min(1, { error: 'Ask for a page size of 1 or more.' })
    .max(200, { error: 'Ask for a page size of 200 or fewer.' })
    .default(50),
});
const oneWay = <T extends { after?: unknown; before?: unknown }>(input: T) => !(input.after && input.before);
const oneWayError = { error: 'Ask for the page after a row or before it, not both.', path: ['before'] };
export const PageInput = PageFields.refine(oneWay, oneWayError);

/** The people list, or one organisation's staff (the people who work there), a page at a time. */
export const PeoplePageInput = PageFields.extend({ organisationId: Id.optional() }).refine(oneWay, oneWayError);

function pageOf<T extends z.ZodType>(row: T) {
  return z.object({
    rows: z.array(row),
    /** How many rows match, on every page. */
    total: z.number(),
    /** The position of the first row, counting from 1; 0 when there are none. */
    from: z.number(),
    next: PageCursor.nullable(),
    previous: PageCursor.nullable(),
  });
}
export const PeoplePage = pageOf(Person);
export type PeoplePage = z.infer<typeof PeoplePage>;
export const OrganisationsPage = pageOf(Organisation);
export type OrganisationsPage = z.infer<typeof OrganisationsPage>;

// ---- a person's page -------------------------------------------------------

const PersonRef = z.object({ id: z.string(), name: z.string() });

export const PersonBooking = z.object({
  id: z.string(),
  sessionId: z.string(),
  courseTitle: z.string(),
  venueName: z.string(),
  startsAt: z.string(),
  sessionStatus: z.string(),
  state: z.string(),
  /** Whether their latest sign-in at the session stands (not undone). */
  signedIn: z.boolean(),
});

export const PersonRecord = z.object({
  person: Person,
  /** The person this one was merged into, when it was. */
  mergedInto: PersonRef.nullable(),
  /** People merged into this one: their bookings and history are shown here too. */
  merged: z.array(PersonRef),
  bookings: z.array(PersonBooking),
  attended: z.number(),
  /** Evaluations kept with the person (linked courses only; anonymous ones never name anyone). */
  evaluations: z.array(z.object({ id: z.string(), sessionId: z.string(), courseTitle: z.string(), startsAt: z.string(), submittedOn: z.string() })),
  consents: z.array(z.object({ id: z.string(), version: z.string(), language: z.string(), agreedAt: z.string(), courseTitle: z.string() })),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

export const HistoryEntry = z.object({
  id: z.string(),
  /** When, as an ISO instant from the change's clock stamp. */
  at: z.string(),
  /** The computer the change was made on. */
  deviceName: z.string(),
  /** On the office server, the staff member who made it; null in the desktop app, on laptops and for laptops' files. */
  staffName: z.string().nullable(),
  /** What happened, in plain words: "Email changed to …", "Signed in". */
  what: z.string(),
  /** The session it happened at, when it belongs to one. */
  where: z.object({ sessionId: z.string(), courseTitle: z.string(), venueName: z.string(), startsAt: z.string() }).nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

// ---- duplicates and merges -------------------------------------------------

export const SimilarPerson = z.object({ personId: z.string(), name: z.string(), organisationName: z.string().nullable() });
export type SimilarPerson = z.infer<typeof SimilarPerson>;

const MergeInput = z
  .strictObject({ keepId: Id, otherId: Id })
  .refine((input) => input.keepId !== input.otherId, { error: 'Choose two different records to merge.', path: ['otherId'] });

export const peopleProcedures = {
  'people.page': { kind: 'query', input: PeoplePageInput, output: PeoplePage },
  'people.record': { kind: 'query', input: z.strictObject({ id: Id }), output: PersonRecord },
  'people.history': { kind: 'query', input: z.strictObject({ id: Id }), output: z.array(HistoryEntry) },
  /** People already here who are probably the one about to be saved. */
  'people.similar': { kind: 'query', input: PersonFields.extend({ exceptId: Id.optional() }), output: z.array(SimilarPerson) },
  /** The other person becomes part of the one kept; both keep every booking, sign-in and change. */
  'people.merge': { kind: 'mutation', input: MergeInput, output: Person },

  /** Facilitators to choose from for a session: the staff laptops were enrolled for, and the names already on sessions. */
  'people.facilitatorNames': { kind: 'query', input: z.strictObject({}), output: z.array(z.string()) },

  'organisations.page': { kind: 'query', input: PageInput, output: OrganisationsPage },
  'organisations.similar': { kind: 'query', input: OrganisationFields.extend({ exceptId: Id.optional() }), output: z.array(Organisation) },
  /** "Same organisation": the other becomes part of the one kept, its people moved there; both histories stay. The office's alone. */
  'organisations.merge': {
    kind: 'mutation',
    input: z
      .strictObject({ keepId: Id, otherId: Id })
      .refine((input) => input.keepId !== input.otherId, { error: 'Choose two different organisations to merge.', path: ['otherId'] }),
    output: Organisation,
  },
} as const;
