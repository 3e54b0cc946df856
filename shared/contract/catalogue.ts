import { z } from 'zod';
import { GetInput, Id, SearchInput, calendarDate, editOf, localDateTime, optionalText, requiredText, tooLongText, versioned } from './common';
import { ContractChoice } from './contracts';

// ---- organisations ---------------------------------------------------------

export const sectors = ['statutory', 'vcse', 'other'] as const;
export const Sector = z.enum(sectors, { error: 'Choose a sector: statutory, voluntary and community (VCSE), or other.' });
export type Sector = z.infer<typeof Sector>;
export const sectorLabels: Record<Sector, string> = {
  statutory: 'Statutory',
  vcse: 'Voluntary and community (VCSE)',
  other: 'Other',
};

export const OrganisationFields = z.strictObject({
  name: requiredText('Organisation name'),
  sector: Sector,
});
export const Organisation = z.object({ id: z.string(), name: z.string(), sector: Sector });
export type Organisation = z.infer<typeof Organisation>;

// ---- people ----------------------------------------------------------------

const email = z
  .string({ error: 'Enter the email address as text.' })
  .trim()
  .max(254, { error: tooLongText('Email address', 254) })
  .refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
    error: 'Enter the email address in the right form, like name@example.org.',
  })
  .nullish()
  .transform((value) => (value ? value : null));

export const PersonFields = z.strictObject({
  givenName: requiredText('Given name', 100),
  familyName: requiredText('Family name', 100),
  preferredName: optionalText('Preferred name', 100),
  email,
  phone: optionalText('Phone', 40),
  organisationId: Id.nullish().transform((value) => value ?? null),
  membershipJoinedOn: calendarDate('Membership joined date').nullish().transform((value) => value ?? null),
});
export const Person = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  membershipJoinedOn: z.string().nullable(),
});
export type Person = z.infer<typeof Person>;

// ---- courses ---------------------------------------------------------------

export const LearningOutcome = z.object({ id: z.string(), text: z.string() });
export type LearningOutcome = z.infer<typeof LearningOutcome>;

export const CourseFields = z.strictObject({
  title: requiredText('Title'),
  description: optionalText('Description', 4000),
  durationMinutes: z
    .number({ error: 'Enter the duration in minutes, for example 90.' })
    .int({ error: 'Enter the duration as a whole number of minutes, for example 90.' })
    .min(15, { error: 'Enter a duration of at least 15 minutes.' })
    .max(24 * 60, { error: 'Enter a duration of 24 hours (1,440 minutes) or less.' }),
  learningOutcomes: z
    .array(requiredText('Each learning outcome', 300), { error: 'Add the learning outcomes as a list.' })
    .min(1, { error: 'Add at least one learning outcome.' })
    .max(20, { error: 'Keep to 20 learning outcomes or fewer.' }),
  /** Whether evaluation answers are kept with the person or anonymous; left out, it stays as it is (anonymous for a new course). */
  evaluationMode: z.enum(['anonymous', 'linked'], { error: 'Choose whether evaluations are anonymous or linked to the person.' }).optional(),
});
export const Course = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  durationMinutes: z.number(),
  learningOutcomes: z.array(LearningOutcome),
  evaluationMode: z.enum(['anonymous', 'linked']),
});
export type Course = z.infer<typeof Course>;

// ---- venues ----------------------------------------------------------------

export const VenueFields = z.strictObject({
  name: requiredText('Venue name'),
  address: requiredText('Address', 500),
  accessNotes: optionalText('Access notes', 2000),
});
export const Venue = z.object({ id: z.string(), name: z.string(), address: z.string(), accessNotes: z.string().nullable() });
export type Venue = z.infer<typeof Venue>;

// ---- sessions --------------------------------------------------------------

export const sessionStatuses = ['scheduled', 'cancelled', 'completed'] as const;
export const SessionStatus = z.enum(sessionStatuses, { error: 'Choose a status: scheduled, cancelled or completed.' });
export type SessionStatus = z.infer<typeof SessionStatus>;

export const SessionFields = z
  .strictObject({
    courseId: Id,
    venueId: Id,
    startsAt: localDateTime('Start'),
    endsAt: localDateTime('End'),
    capacity: z
      .number({ error: 'Enter the number of places, for example 20.' })
      .int({ error: 'Enter the number of places as a whole number, for example 20.' })
      .min(1, { error: 'Enter at least 1 place.' })
      .max(1000, { error: 'Enter 1,000 places or fewer.' }),
    facilitators: z
      .array(requiredText('Each facilitator name', 100), { error: 'Add the facilitators as a list of names.' })
      .max(10, { error: 'Keep to 10 facilitators or fewer.' }),
    status: SessionStatus.default('scheduled'),
    /** The funding contract; null for paid-for / other. */
    contractId: ContractChoice,
  })
  .refine((session) => session.endsAt > session.startsAt, {
    error: 'Enter an end time after the start.',
    path: ['endsAt'],
  });
export const Session = z.object({
  id: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  facilitators: z.array(z.string()),
  status: SessionStatus,
  /** The contract the session is delivered under; both null for paid-for / other. */
  contractId: z.string().nullable(),
  contractName: z.string().nullable(),
});
export type Session = z.infer<typeof Session>;

/** A session as the schedule lists it: with how many places are taken and how many wait. */
export const SessionListItem = Session.extend({
  /** Places booked, offered or held for a group: what counts against capacity. */
  taken: z.number(),
  waiting: z.number(),
});
export type SessionListItem = z.infer<typeof SessionListItem>;

export const ListSessionsInput = z.strictObject({
  from: calendarDate('First day').optional(),
  query: SearchInput.shape.query,
  limit: z
    .number({ error: 'Ask for a whole number of rows, from 1 to 1,000.' })
    .int({ error: 'Ask for a whole number of rows, from 1 to 1,000.' })
    .min(1, { error: 'Ask for a whole number of rows, from 1 to 1,000.' })
    .max(1000, { error: 'Ask for a whole number of rows, from 1 to 1,000.' })
    .default(300),
});

// ---- procedures ------------------------------------------------------------

/** Each record as opened for editing, with the version its edit sends back. */
export const VersionedOrganisation = versioned(Organisation);
export const VersionedPerson = versioned(Person);
export const VersionedCourse = versioned(Course);
export const VersionedVenue = versioned(Venue);
export const VersionedSession = versioned(Session);

export const catalogueProcedures = {
  'organisations.list': { kind: 'query', input: SearchInput, output: z.array(Organisation) },
  'organisations.get': { kind: 'query', input: GetInput, output: VersionedOrganisation },
  'organisations.create': { kind: 'mutation', input: OrganisationFields, output: Organisation },
  'organisations.update': { kind: 'mutation', input: editOf(OrganisationFields), output: VersionedOrganisation },

  'people.list': { kind: 'query', input: SearchInput, output: z.array(Person) },
  'people.get': { kind: 'query', input: GetInput, output: VersionedPerson },
  'people.create': { kind: 'mutation', input: PersonFields, output: Person },
  'people.update': { kind: 'mutation', input: editOf(PersonFields), output: VersionedPerson },

  'courses.list': { kind: 'query', input: SearchInput, output: z.array(Course) },
  'courses.get': { kind: 'query', input: GetInput, output: VersionedCourse },
  'courses.create': { kind: 'mutation', input: CourseFields, output: Course },
  'courses.update': { kind: 'mutation', input: editOf(CourseFields), output: VersionedCourse },

  'venues.list': { kind: 'query', input: SearchInput, output: z.array(Venue) },
  'venues.get': { kind: 'query', input: GetInput, output: VersionedVenue },
  'venues.create': { kind: 'mutation', input: VenueFields, output: Venue },
  'venues.update': { kind: 'mutation', input: editOf(VenueFields), output: VersionedVenue },

  'sessions.list': { kind: 'query', input: ListSessionsInput, output: z.array(SessionListItem) },
  'sessions.get': { kind: 'query', input: GetInput, output: VersionedSession },
  'sessions.create': { kind: 'mutation', input: SessionFields, output: Session },
  'sessions.update': { kind: 'mutation', input: editOf(SessionFields), output: VersionedSession },
} as const;
