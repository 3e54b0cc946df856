import { z } from 'zod';
import { Id, optionalText, requiredText } from './common';
import { PersonFields, Session, Sector } from './catalogue';

export const signInMethods = ['facilitator', 'kiosk', 'walk_in'] as const;
export const SignInMethod = z.enum(signInMethods);
export type SignInMethod = z.infer<typeof SignInMethod>;

export const rosterStates = ['booked', 'offered', 'waitlisted', 'signed_in', 'cancelled', 'no_show'] as const;
export const RosterState = z.enum(rosterStates);
export type RosterState = z.infer<typeof RosterState>;

export const RosterEntry = z.object({
  personId: z.string(),
  name: z.string(),
  organisationName: z.string().nullable(),
  state: RosterState,
  /** 1 for the first person waiting; null when not on the waitlist. */
  waitlistPosition: z.number().nullable(),
  /** Why they were moved up the waitlist, when they were. */
  priorityReason: z.string().nullable(),
  /** A waiting person who is in the room, so a freed place can go to them. */
  present: z.boolean(),
  /** Arrived on the day without a place: after the people waiting from before, when places are released. */
  walkIn: z.boolean(),
  /** When they booked or joined the waitlist. */
  bookedAt: z.string(),
  /** Set when the place is one of an organisation's group places. */
  groupBookingId: z.string().nullable(),
  /** When signed in: the sign-in fact to undo, and how and when it happened. */
  signIn: z.object({ id: z.string(), method: SignInMethod, signedAt: z.string() }).nullable(),
});
export type RosterEntry = z.infer<typeof RosterEntry>;

export const RosterCounts = z.object({
  capacity: z.number(),
  /** Individually booked places, signed in or not (group places are counted in groupPlaces). */
  booked: z.number(),
  offered: z.number(),
  waiting: z.number(),
  groupPlaces: z.number(),
  signedIn: z.number(),
  cancelled: z.number(),
  noShow: z.number(),
  seatsLeft: z.number(),
});

export const Roster = z.object({ session: Session, counts: RosterCounts, entries: z.array(RosterEntry) });
export type Roster = z.infer<typeof Roster>;

export const TodaySession = z.object({ session: Session, counts: RosterCounts });

const SessionRef = z.strictObject({ sessionId: Id });
const SessionPerson = z.strictObject({ sessionId: Id, personId: Id });

export const PersonMatch = z.object({
  personId: z.string(),
  name: z.string(),
  organisationName: z.string().nullable(),
  bookedHere: z.boolean(),
  signedInHere: z.boolean(),
});
export type PersonMatch = z.infer<typeof PersonMatch>;

export const FindInSessionInput = z.strictObject({
  sessionId: Id,
  query: requiredText('Search', 100),
  limit: z.number().int().min(1).max(50).default(20),
});

/** A walk-in's details: the person fields, with a new organisation named inline when needed. */
export const WalkInInput = z.strictObject({
  sessionId: Id,
  person: PersonFields,
  newOrganisation: z.strictObject({ name: requiredText('Organisation name'), sector: Sector }).nullish(),
  /** The facilitator saw the possible duplicates and chose to add a new person anyway. */
  confirmedNew: z.boolean().default(false),
});

export const SimilarPeopleInput = z.strictObject({
  givenName: requiredText('Given name', 100),
  familyName: requiredText('Family name', 100),
  email: z.string().trim().max(254).nullish(),
  organisationId: Id.nullish(),
});

export const signInProcedures = {
  'signIn.today': { kind: 'query', input: z.strictObject({}), output: z.array(TodaySession) },
  'signIn.roster': { kind: 'query', input: SessionRef, output: Roster },
  'signIn.find': { kind: 'query', input: FindInSessionInput, output: z.array(PersonMatch) },
  'signIn.similarPeople': { kind: 'query', input: SimilarPeopleInput, output: z.array(PersonMatch.omit({ bookedHere: true, signedInHere: true })) },
  'signIn.signIn': { kind: 'mutation', input: SessionPerson, output: Roster },
  'signIn.undo': { kind: 'mutation', input: SessionPerson, output: Roster },
  'signIn.book': { kind: 'mutation', input: SessionPerson, output: Roster },
  'signIn.cancelBooking': {
    kind: 'mutation',
    input: SessionPerson.extend({ reason: optionalText('Reason', 300) }),
    output: Roster,
  },
  'signIn.addWalkIn': { kind: 'mutation', input: WalkInInput, output: Roster },
  /**
   * The facilitator signs in someone the full session has no place for (a
   * late arrival whose place was released, the room has space), giving why:
   * the reason goes in the booking's history and the session is flagged to
   * the office as over capacity.
   */
  'signIn.signInOverCapacity': {
    kind: 'mutation',
    input: SessionPerson.extend({
      reason: z
        .string({ error: 'Write why they can be signed in although the session is full.' })
        .trim()
        .min(1, { error: 'Write why they can be signed in although the session is full, for example “arrived late, the room has space”.' })
        .max(300, { error: 'Write the reason in 300 characters or fewer.' }),
    }),
    output: Roster,
  },
} as const;

