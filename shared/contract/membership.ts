import { z } from 'zod';
import { Id, RecordVersion, calendarDate, editOf, optionalText, requiredText, versioned } from './common';
import { dayOfYear } from './contracts';

/**
 * Membership schemes: practitioners join for a term (a membership year or a
 * rolling 12 months) and must attend a required course before joining or
 * within a window of calendar months after it. Office data; laptops see only
 * status lines for the people booked on their sessions.
 */

export const termOrigins = ['new', 'renewal', 'rejoin'] as const;
export const TermOrigin = z.enum(termOrigins, { error: 'A term is new, a renewal, or a rejoin.' });
export type TermOrigin = z.infer<typeof TermOrigin>;

/** A fee in pence, recorded only: Fieldbook takes no payments. */
export const feePence = (what: string) =>
  z
    .number({ error: `Enter ${what} as an amount, for example 25.00.` })
    .int({ error: `Enter ${what} in whole pence.` })
    .min(0, { error: `Enter ${what} as £0 or more: it cannot be negative.` })
    .max(100_000_000, { error: `Enter ${what} as £1,000,000 or less.` });

export const SchemeFields = z.strictObject({
  name: requiredText('Scheme name'),
  requiredCourseIds: z
    .array(Id, { error: 'Choose the course members must attend.' })
    .min(1, { error: 'Choose at least one required course.' })
    .max(10, { error: 'A scheme can require at most 10 courses.' }),
  windowMonths: z
    .number({ error: 'Enter the window as a number of months, for example 6.' })
    .int({ error: 'Enter the window in whole months.' })
    .min(1, { error: 'Enter a window of at least 1 month.' })
    .max(60, { error: 'Enter a window of 60 months or fewer.' })
    .default(6),
  /** The membership year's first day, or null for rolling 12-month terms. */
  yearStarts: dayOfYear('The day the membership year starts').nullish().transform((value) => value ?? null),
  feePence: feePence('the fee').nullish().transform((value) => value ?? null),
  graceDays: z
    .number({ error: 'Enter the grace period as a number of days, for example 30.' })
    .int({ error: 'Enter the grace period in whole days.' })
    .min(0, { error: 'Enter a grace period of 0 days or more.' })
    .max(365, { error: 'Enter a grace period of 365 days or fewer.' })
    .default(30),
});
export type SchemeFields = z.input<typeof SchemeFields>;

export const Scheme = z.object({
  id: z.string(),
  name: z.string(),
  requiredCourseIds: z.array(z.string()),
  windowMonths: z.number(),
  yearStarts: z.string().nullable(),
  feePence: z.number().nullable(),
  graceDays: z.number(),
});
export type Scheme = z.infer<typeof Scheme>;

/** What a stored term may hold (the procedures that make terms check more: order, overlaps). */
export const TermValues = z.object({
  startsOn: calendarDate('Start date'),
  endsOn: calendarDate('End date'),
  origin: TermOrigin,
  feePence: feePence('the fee paid').nullable(),
  paidOn: calendarDate('Date paid').nullable(),
  notes: optionalText('Notes', 2000),
  cancelledOn: calendarDate('Cancelled date').nullable(),
  exemptReason: optionalText('Reason for the exemption', 300),
});

// ---- statuses and training ---------------------------------------------------

export const memberStatuses = ['current', 'in_grace', 'expired', 'cancelled'] as const;
export const MemberStatus = z.enum(memberStatuses, { error: 'Choose a status: current, in grace, expired or cancelled.' });
export type MemberStatus = z.infer<typeof MemberStatus>;

export const trainingOutcomes = ['trained', 'due', 'not_trained', 'exempt'] as const;
export const TrainingOutcome = z.enum(trainingOutcomes, { error: 'Choose a training outcome: trained, due, not trained or exempt.' });
export type TrainingOutcome = z.infer<typeof TrainingOutcome>;

/** "Due soon" means the training window closes within this many days of the as-of date. */
export const DUE_SOON_DAYS = 30;

/** One joining (a new or rejoin term and the renewals after it) and how it met the training requirement. */
export const Training = z.object({
  joiningTermId: z.string(),
  joinedOn: z.string(),
  /** The window's last day, included. */
  dueBy: z.string(),
  outcome: TrainingOutcome,
  /** The first attendance at a required course, on or before the as-of date; null if none. */
  attendedOn: z.string().nullable(),
  exemptReason: z.string().nullable(),
});
export type Training = z.infer<typeof Training>;

export const Term = z.object({
  id: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  origin: TermOrigin,
  feePence: z.number().nullable(),
  paidOn: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  notes: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  exemptReason: z.string().nullable(),
});
export type Term = z.infer<typeof Term>;

/** A term as a member's page reads it: with the version a change to it sends back (electron/core/record-version.ts). */
export const VersionedTerm = versioned(Term);
export type VersionedTerm = z.infer<typeof VersionedTerm>;

export const SchemeView = Scheme.extend({
  requiredCourses: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type SchemeView = z.infer<typeof SchemeView>;

/** One line of the members list: a person in a scheme, as of a day. */
export const MemberRow = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  schemeId: z.string(),
  schemeName: z.string(),
  status: MemberStatus,
  /** The organisation of their latest term started by the as-of date. */
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  termStartsOn: z.string(),
  termEndsOn: z.string(),
  training: Training,
});
export type MemberRow = z.infer<typeof MemberRow>;

export const Membership = z.object({
  schemeId: z.string(),
  schemeName: z.string(),
  /** Null while their first term has not started yet. */
  status: MemberStatus.nullable(),
  terms: z.array(VersionedTerm),
  /** Each joining started by the as-of date, oldest first. */
  joinings: z.array(Training),
});
export type Membership = z.infer<typeof Membership>;

export const Member = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  asOf: z.string(),
  memberships: z.array(Membership),
});
export type Member = z.infer<typeof Member>;

// ---- inputs ------------------------------------------------------------------

const asOf = calendarDate('The as-of date').optional();
const startsOn = calendarDate('Start date');
/** Left out, the scheme's fee is recorded; null records no fee. */
const termFee = feePence('the fee').nullable().optional();
const paidOn = calendarDate('Date paid').nullish().transform((value) => value ?? null);
const reason = requiredText('Reason for the exemption', 300);

export const MembersListInput = z.strictObject({
  schemeId: Id.optional(),
  asOf,
  status: MemberStatus.optional(),
  organisationId: Id.optional(),
  training: TrainingOutcome.optional(),
  /** Only members whose training is due within DUE_SOON_DAYS of the as-of date. */
  dueSoon: z.boolean({ error: 'Say whether to show only members due soon.' }).default(false),
  query: z.string({ error: 'Enter the search as text.' }).trim().max(200, { error: 'Shorten the search to 200 characters or fewer.' }).default(''),
});
export type MembersListInput = z.input<typeof MembersListInput>;

/**
 * A change to one term: which, and the version of it that was opened (a
 * term's `version` in `members.get`). A change saved on a term that changed
 * since is refused with CHANGED_SINCE_OPENED and the term as it is now.
 */
const TermRef = z.strictObject({ termId: Id, version: RecordVersion });

/** What each change to a term sets, as its form on the member's page checks it. */
export const TermFeeFields = z.strictObject({ feePence: feePence('the fee').nullable(), paidOn });
export const TermCancelFields = z.strictObject({ cancelledOn: calendarDate('Cancelled date') });
export const TermExemptFields = z.strictObject({ reason });

export const bookingOutcomes = ['booked', 'waitlisted', 'already'] as const;
export const BookingResult = z.object({
  sessionId: z.string(),
  courseTitle: z.string(),
  startsAt: z.string(),
  people: z.array(
    z.object({ personId: z.string(), name: z.string(), outcome: z.enum(bookingOutcomes), waitlistPosition: z.number().nullable() }),
  ),
});
export type BookingResult = z.infer<typeof BookingResult>;

// ---- on a laptop: status lines and "wants to join" ----------------------------

/** The most status lines one package carries (its meta part is read whole, and bounded). */
export const MAX_PACKAGE_LINES = 5000;

/** A scheme as a laptop knows it from its package: the name and the required courses' titles, never the fee. */
export const PackageScheme = z.strictObject({
  id: Id,
  name: requiredText('Scheme name'),
  requiredCourses: z.array(requiredText('Course title')).max(10),
});

/** One booked person's membership of one scheme as of the package's day, as the package carries it. */
export const PackageLine = z.strictObject({
  personId: Id,
  schemeId: Id,
  status: MemberStatus,
  outcome: TrainingOutcome,
  /** The training window's last day (of their latest joining). */
  dueBy: calendarDate('Training due date'),
});
export type PackageLine = z.infer<typeof PackageLine>;

/** The membership part of an office's package: every scheme's name, and lines for the people booked on its sessions only. */
export const PackageMembership = z.strictObject({
  asOf: calendarDate('The package day'),
  schemes: z.array(PackageScheme).max(1000),
  lines: z.array(PackageLine).max(MAX_PACKAGE_LINES),
});
export type PackageMembership = z.infer<typeof PackageMembership>;

/** One line beside a person on the roster: "Allies — Core training due by 28 Feb". */
export const MemberLine = z.object({
  personId: z.string(),
  schemeId: z.string(),
  schemeName: z.string(),
  requiredCourses: z.array(z.string()),
  status: MemberStatus,
  outcome: TrainingOutcome,
  dueBy: z.string(),
});
export type MemberLine = z.infer<typeof MemberLine>;

export const SessionMembership = z.object({
  /** The day the lines are as of (the package's day on a laptop, today at the office); null when no package brought any. */
  asOf: z.string().nullable(),
  /** Whether "wants to join" can be recorded here: on a laptop, with schemes from its package. */
  canRequest: z.boolean(),
  schemes: z.array(z.object({ id: z.string(), name: z.string() })),
  lines: z.array(MemberLine),
  /** "Wants to join" requests recorded at this session. */
  requests: z.array(z.object({ id: z.string(), personId: z.string(), schemeId: z.string(), schemeName: z.string(), requestedAt: z.string() })),
});
export type SessionMembership = z.infer<typeof SessionMembership>;

export const joinRequestStatuses = ['open', 'confirmed', 'declined'] as const;
export const JoinRequestStatus = z.enum(joinRequestStatuses, { error: 'Choose open, confirmed or declined requests.' });
export type JoinRequestStatus = z.infer<typeof JoinRequestStatus>;

/** What a stored request may hold (the same rules a laptop's bundle is checked by). */
export const JoinRequestValues = z.object({
  schemeName: requiredText('Scheme name'),
  notes: optionalText('Notes', 500),
  declineReason: optionalText('Reason for declining', 300),
});

/** A "wants to join" request as the office sees it. */
export const MemberRequest = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  organisationName: z.string().nullable(),
  schemeId: z.string(),
  schemeName: z.string(),
  /** False when the office holds no scheme with this id (it cannot be confirmed). */
  schemeKnown: z.boolean(),
  sessionId: z.string(),
  courseTitle: z.string(),
  sessionStartsAt: z.string(),
  /** The laptop that took it. */
  laptopName: z.string(),
  requestedAt: z.string(),
  notes: z.string().nullable(),
  status: JoinRequestStatus,
  decidedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  termId: z.string().nullable(),
});
export type MemberRequest = z.infer<typeof MemberRequest>;

export const membershipRequestProcedures = {
  /** The membership lines of the people on a session's roster: from the package on a laptop, worked out at the office. */
  'memberLines.forSession': { kind: 'query', input: z.strictObject({ sessionId: Id }), output: SessionMembership },
  /** On a laptop: a participant at this session wants to join a scheme; the request travels in the next bundle. */
  'memberRequests.record': {
    kind: 'mutation',
    input: z.strictObject({ sessionId: Id, personId: Id, schemeId: Id, notes: JoinRequestValues.shape.notes }),
    output: SessionMembership,
  },
  'memberRequests.list': { kind: 'query', input: z.strictObject({ status: JoinRequestStatus.default('open') }), output: z.array(MemberRequest) },
  /** Adds their term (a join, or a renewal or rejoin when they were a member before; the origin is worked out). */
  'memberRequests.confirm': {
    kind: 'mutation',
    input: z.strictObject({ id: Id, startsOn: startsOn.optional(), feePence: termFee, paidOn }),
    output: MemberRequest,
  },
  'memberRequests.decline': { kind: 'mutation', input: z.strictObject({ id: Id, reason: JoinRequestValues.shape.declineReason }), output: MemberRequest },
} as const;

export const membershipProcedures = {
  'schemes.list': { kind: 'query', input: z.strictObject({}), output: z.array(SchemeView) },
  'schemes.get': { kind: 'query', input: z.strictObject({ id: Id }), output: versioned(SchemeView) },
  'schemes.create': { kind: 'mutation', input: SchemeFields, output: SchemeView },
  'schemes.update': { kind: 'mutation', input: editOf(SchemeFields), output: versioned(SchemeView) },

  'members.list': { kind: 'query', input: MembersListInput, output: z.array(MemberRow) },
  'members.get': { kind: 'query', input: z.strictObject({ personId: Id, asOf }), output: Member },
  'members.join': {
    kind: 'mutation',
    input: z.strictObject({
      schemeId: Id,
      personId: Id,
      startsOn,
      feePence: termFee,
      paidOn,
      /** Left out, the person's organisation now. */
      organisationId: Id.nullable().optional(),
      notes: optionalText('Notes', 2000),
    }),
    output: Member,
  },
  /** The next term: from the day after their latest term ends, or a given day; renewal or rejoin is worked out. */
  'members.renew': {
    kind: 'mutation',
    input: z.strictObject({ schemeId: Id, personId: Id, startsOn: startsOn.optional(), feePence: termFee, paidOn, notes: optionalText('Notes', 2000) }),
    output: Member,
  },
  'members.recordFee': { kind: 'mutation', input: TermRef.extend(TermFeeFields.shape), output: Member },
  'members.cancel': { kind: 'mutation', input: TermRef.extend(TermCancelFields.shape), output: Member },
  /**
   * Books members onto the next session of the scheme's required course, by
   * the normal rules: a place if one is free, else the back of the waitlist,
   * moved to its front when a reason for priority is given.
   */
  'members.book': {
    kind: 'mutation',
    input: z.strictObject({
      schemeId: Id,
      personIds: z.array(Id, { error: 'Choose the members to book.' }).min(1, { error: 'Choose at least one member to book.' }).max(500, { error: 'Book at most 500 members at once.' }),
      priorityReason: optionalText('Reason for priority', 300),
    }),
    output: BookingResult,
  },
  /**
   * Exempts the joining a term belongs to from the training requirement. The
   * reason is kept on the joining's first term (its training's
   * `joiningTermId`), so the version sent is that term's.
   */
  'members.exempt': { kind: 'mutation', input: TermRef.extend(TermExemptFields.shape), output: Member },
  ...membershipRequestProcedures,
} as const;

/**
 * The membership year starting on MM-DD in that year: its first and last days,
 * both counted (from 1 May 2025: to 30 April 2026). The report screen offers it
 * as the membership report's period of joining dates.
 */
export function membershipYearSpan(startYear: number, yearStarts: string): { from: string; to: string } {
  const [month, day] = yearStarts.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(startYear + 1, month - 1, day - 1));
  return { from: `${startYear}-${yearStarts}`, to: lastDay.toISOString().slice(0, 10) };
}

/** The words the screens and downloads use for statuses and outcomes. */
export const memberStatusLabels: Record<MemberStatus, string> = {
  current: 'Current',
  in_grace: 'In grace period',
  expired: 'Expired',
  cancelled: 'Cancelled',
};
export const trainingOutcomeLabels: Record<TrainingOutcome, string> = {
  trained: 'Trained',
  due: 'Due',
  not_trained: 'Not trained',
  exempt: 'Exempt',
};
export const termOriginLabels: Record<TermOrigin, string> = { new: 'New', renewal: 'Renewal', rejoin: 'Rejoin' };
