import { z } from 'zod';
import { Id, localDateTime, optionalText, requiredText } from './common';
import { ContractChoice } from './contracts';
import { BookingResult } from './membership';
import { Roster } from './signin';

const SessionPerson = z.strictObject({ sessionId: Id, personId: Id });
const Reason = requiredText('Reason', 300);
const WithReason = SessionPerson.extend({ reason: Reason });

export const BookingEvent = z.object({
  id: z.string(),
  event: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  reason: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});
export type BookingEvent = z.infer<typeof BookingEvent>;

export const GroupBooking = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  places: z.number(),
  named: z.array(z.object({ personId: z.string(), name: z.string() })),
});
export type GroupBooking = z.infer<typeof GroupBooking>;

export const ReleaseResult = z.object({ roster: Roster, noShows: z.number(), seated: z.array(z.string()) });

export const requestStatuses = ['waiting', 'scheduled', 'declined'] as const;
export const OrganisationRequest = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  contactName: z.string(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  staffCount: z.number(),
  preferredDates: z.string().nullable(),
  notes: z.string().nullable(),
  status: z.enum(requestStatuses),
  declineReason: z.string().nullable(),
  sessionId: z.string().nullable(),
  requestedAt: z.string(),
  /** 1 for the oldest request still waiting; null once scheduled or declined. */
  queuePosition: z.number().nullable(),
});
export type OrganisationRequest = z.infer<typeof OrganisationRequest>;

/** A count of places or people, its errors saying what to enter: "Enter the number of places, for example 20." */
const places = (what: string, min: number) =>
  z
    .number({ error: `Enter ${what}, for example 20.` })
    .int({ error: `Enter ${what} as a whole number, for example 20.` })
    .min(min, { error: `Enter ${min} or more for ${what}.` })
    .max(1000, { error: `Enter 1000 or fewer for ${what}.` });

export const RequestFields = z.strictObject({
  organisationId: Id,
  courseId: Id,
  contactName: requiredText('Contact name', 100),
  contactEmail: optionalText('Contact email', 254),
  contactPhone: optionalText('Contact phone', 40),
  staffCount: places('the number of staff', 1),
  preferredDates: optionalText('Preferred dates', 300),
  notes: optionalText('Notes', 2000),
});

export const bookingProcedures = {
  /**
   * Books one or many people (chosen on People or from an organisation's
   * staff) onto a session from today on: a place each while there are
   * places, then the waitlist; anyone already booked or waiting is left so.
   */
  'bookings.bookPeople': {
    kind: 'mutation',
    input: z.strictObject({
      sessionId: Id,
      personIds: z
        .array(Id, { error: 'Choose the people to book.' })
        .min(1, { error: 'Choose at least one person to book.' })
        .max(500, { error: 'Choose 500 people or fewer to book at once.' }),
    }),
    output: BookingResult,
  },
  'bookings.history': { kind: 'query', input: SessionPerson, output: z.array(BookingEvent) },
  'bookings.acceptOffer': { kind: 'mutation', input: SessionPerson, output: Roster },
  'bookings.passOffer': { kind: 'mutation', input: WithReason, output: Roster },
  'bookings.raisePriority': { kind: 'mutation', input: WithReason, output: Roster },
  'bookings.move': {
    kind: 'mutation',
    input: WithReason.extend({ direction: z.enum(['up', 'down'], { error: 'Choose up or down.' }) }),
    output: Roster,
  },
  'bookings.removeFromWaitlist': { kind: 'mutation', input: WithReason, output: Roster },
  'bookings.setCapacity': {
    kind: 'mutation',
    input: z.strictObject({ sessionId: Id, capacity: places('the number of places', 1) }),
    output: Roster,
  },
  'bookings.releaseNoShows': { kind: 'mutation', input: z.strictObject({ sessionId: Id }), output: ReleaseResult },
  'bookings.groups': { kind: 'query', input: z.strictObject({ sessionId: Id }), output: z.array(GroupBooking) },
  'bookings.bookGroup': {
    kind: 'mutation',
    input: z.strictObject({ sessionId: Id, organisationId: Id, places: places('the number of places to hold', 1) }),
    output: Roster,
  },
  'bookings.fillGroupPlace': {
    kind: 'mutation',
    input: z.strictObject({ groupBookingId: Id, personId: Id }),
    output: Roster,
  },

  'requests.list': {
    kind: 'query',
    input: z.strictObject({ status: z.enum(requestStatuses).optional() }),
    output: z.array(OrganisationRequest),
  },
  'requests.create': { kind: 'mutation', input: RequestFields, output: OrganisationRequest },
  'requests.decline': { kind: 'mutation', input: z.strictObject({ id: Id, reason: Reason }), output: OrganisationRequest },
  'requests.schedule': {
    kind: 'mutation',
    input: z
      .strictObject({
        id: Id,
        venueId: Id,
        startsAt: localDateTime('Start'),
        endsAt: localDateTime('End'),
        capacity: places('the number of places', 1),
        facilitators: z.array(requiredText('Each facilitator name', 100)).max(10),
        contractId: ContractChoice,
      })
      .refine((fields) => fields.endsAt > fields.startsAt, { error: 'Enter an end time after the start.', path: ['endsAt'] }),
    output: OrganisationRequest,
  },
} as const;

