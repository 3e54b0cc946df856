import { z } from 'zod';
import { CourseFields, OrganisationFields, PersonFields, SessionFields, VenueFields } from '../../shared/contract/catalogue';
import { RequestFields } from '../../shared/contract/bookings';
import { calendarDate, Id, localDateTime, optionalText, requiredText } from '../../shared/contract/common';
import { Ethnicity } from '../../shared/contract/equality';
import { Answers, EvaluationItem, EvaluationMoment, FollowUpWeeks, PairingCode } from '../../shared/contract/evaluation';
import { ContractFields } from '../../shared/contract/contracts';
import { JoinRequestStatus, JoinRequestValues, SchemeFields, TermValues } from '../../shared/contract/membership';
import { KioskLanguage } from '../../shared/contract/kiosk';
import { ReportChoice } from '../../shared/contract/reports';
import { FacilitatorName } from '../../shared/contract/facilitators';
import { isClockStamp } from '../sync/hlc';
import type { SharedTableName, SharedTables } from './schema';

/**
 * What a stored value of each column of each shared table may be: the same
 * lengths, formats and JSON shapes as the procedures that write them, taken
 * from the contract where it declares them. A row from another device's
 * file passes these before it is stored, so a signed file cannot put into
 * the database what no screen could (a 10 MB name, "not an email", a start
 * time "not a date", facilitators as {"a":1}), which would otherwise break
 * every list that reads the row.
 */

type ColumnChecks<T> = { [K in Exclude<keyof T, 'id'>]-?: z.ZodType };

/** A JSON text column whose parsed value must fit the schema. */
function json(schema: z.ZodType): z.ZodType {
  return z.string().refine((text) => {
    try {
      return schema.safeParse(JSON.parse(text)).success;
    } catch {
      return false;
    }
  });
}

/** A moment written by toISOString(). */
const instant = z.iso.datetime();
const optionalInstant = instant.nullable();
const flag = z.union([z.literal(0), z.literal(1)]);
const optionalId = Id.nullable();
const shortText = (label: string, max: number) => requiredText(label, max);
const person = PersonFields.shape;
const course = CourseFields.shape;
const venue = VenueFields.shape;
const session = SessionFields.shape;
const request = RequestFields.shape;
const contract = ContractFields.shape;
const scheme = SchemeFields.shape;
const term = TermValues.shape;

const checks: { [T in SharedTableName]: ColumnChecks<SharedTables[T]> } = {
  organisations: { name: OrganisationFields.shape.name, sector: OrganisationFields.shape.sector, merged_into: optionalId },
  people: {
    given_name: person.givenName,
    family_name: person.familyName,
    preferred_name: person.preferredName,
    email: person.email,
    phone: person.phone,
    organisation_id: optionalId,
    membership_joined_on: calendarDate('Membership joined date').nullable(),
    merged_into: optionalId,
  },
  courses: {
    title: course.title,
    description: course.description,
    duration_minutes: course.durationMinutes,
    learning_outcomes: json(z.array(z.strictObject({ id: z.string().min(1).max(60), text: requiredText('Learning outcome', 300) })).min(1).max(20)),
    evaluation_mode: z.enum(['anonymous', 'linked']),
  },
  venues: { name: venue.name, address: venue.address, access_notes: venue.accessNotes },
  contracts: { name: contract.name, funder: contract.funder, year_starts: contract.yearStarts, ends_on: contract.endsOn },
  facilitators: { name: FacilitatorName },
  sessions: {
    course_id: Id,
    contract_id: optionalId,
    venue_id: Id,
    starts_at: localDateTime('Start'),
    ends_at: localDateTime('End'),
    capacity: session.capacity,
    facilitators: json(session.facilitators),
    // Beside each name, its record or null; never longer than the names (checked across the row below).
    facilitator_ids: json(z.array(Id.nullable()).max(10)),
    status: session.status,
  },
  group_bookings: {
    session_id: Id,
    organisation_id: Id,
    // A group holds at least one place: a 0-place group could hide an overbooking from the capacity check.
    places: z.number().int().min(1).max(1000),
    created_at: instant,
  },
  bookings: {
    session_id: Id,
    person_id: Id,
    state: z.enum(['booked', 'waitlisted', 'offered', 'cancelled', 'no_show']),
    booked_at: instant,
    waitlist_position: z.number().finite().nullable(),
    priority_reason: optionalText('Reason', 300),
    present_at: optionalInstant,
    walk_in: flag,
    group_booking_id: optionalId,
  },
  booking_events: {
    booking_id: Id,
    session_id: Id,
    event: shortText('Event', 60),
    from_state: z.string().max(20).nullable(),
    to_state: shortText('State', 20),
    reason: optionalText('Reason', 300),
    device_id: Id,
    device_name: shortText('Device name', 200),
    hlc: z.string().refine(isClockStamp),
    recorded_at: instant,
  },
  organisation_requests: {
    organisation_id: Id,
    course_id: Id,
    contact_name: request.contactName,
    contact_email: request.contactEmail,
    contact_phone: request.contactPhone,
    staff_count: request.staffCount,
    preferred_dates: request.preferredDates,
    notes: request.notes,
    status: z.enum(['waiting', 'scheduled', 'declined']),
    decline_reason: optionalText('Reason', 300),
    session_id: optionalId,
    requested_at: instant,
  },
  sign_ins: {
    session_id: Id,
    person_id: Id,
    kind: z.enum(['sign_in', 'undo']),
    method: z.enum(['facilitator', 'kiosk', 'walk_in']),
    corrects_id: optionalId,
    hlc: z.string().refine(isClockStamp),
    recorded_at: instant,
    device_id: Id,
  },
  consents: {
    person_id: Id,
    session_id: Id,
    text_version: shortText('Consent text version', 60),
    language: KioskLanguage,
    agreed_at: instant,
    device_id: Id,
  },
  equality_answers: { person_id: Id, ethnicity: Ethnicity, answered_at: instant },
  evaluation_templates: {
    course_id: Id,
    version: z.number().int().min(1),
    items: json(z.array(EvaluationItem).max(100)),
    created_at: instant,
    follow_up_weeks: FollowUpWeeks,
  },
  evaluation_responses: {
    session_id: Id,
    template_id: Id,
    person_id: optionalId,
    answers: json(Answers),
    language: KioskLanguage.nullable(),
    submitted_on: calendarDate('Submitted on'),
    moment: EvaluationMoment,
    late: flag,
    pairing_code: PairingCode.nullable(),
  },
  evaluation_completions: { session_id: Id, person_id: Id, completed_at: z.union([instant, calendarDate('Completed on')]) },
  session_notes: {
    session_id: Id,
    text: requiredText('Note', 4000),
    tags: json(z.array(requiredText('Each tag', 40)).max(12)),
    needs_response: flag,
    status: z.enum(['open', 'responded', 'closed']),
    response: optionalText('Response', 4000),
    created_at: instant,
    responded_at: optionalInstant,
  },
  membership_schemes: {
    name: scheme.name,
    required_course_ids: json(scheme.requiredCourseIds),
    window_months: scheme.windowMonths,
    year_starts: scheme.yearStarts,
    fee_pence: scheme.feePence,
    grace_days: scheme.graceDays,
  },
  membership_terms: {
    scheme_id: Id,
    person_id: Id,
    starts_on: term.startsOn,
    ends_on: term.endsOn,
    origin: term.origin,
    fee_pence: term.feePence,
    paid_on: term.paidOn,
    organisation_id: optionalId,
    notes: term.notes,
    cancelled_on: term.cancelledOn,
    exempt_reason: term.exemptReason,
    created_at: instant,
  },
  membership_requests: {
    scheme_id: Id,
    scheme_name: JoinRequestValues.shape.schemeName,
    person_id: Id,
    session_id: Id,
    notes: JoinRequestValues.shape.notes,
    requested_at: instant,
    device_id: Id,
    status: JoinRequestStatus,
    decided_at: optionalInstant,
    decline_reason: JoinRequestValues.shape.declineReason,
    term_id: optionalId,
  },
  saved_reports: { name: requiredText('Report name', 120), choice: json(ReportChoice), saved_at: instant, deleted_at: optionalInstant },
};

/** The first column of these fields whose value no procedure would store, or null when all fit. */
export function invalidColumn(table: SharedTableName, fields: Record<string, unknown>): string | null {
  const columns = checks[table] as Record<string, z.ZodType>;
  for (const column in fields) {
    const check = columns[column];
    if (!check || !check.safeParse(fields[column]).success) return column;
  }
  return null;
}

/** Rules that span columns of one whole row. */
export function invalidRow(table: SharedTableName, row: Record<string, unknown>, rowId: string): string | null {
  if (table === 'sign_ins' && (row.kind === 'undo') !== (row.corrects_id !== null && row.corrects_id !== undefined)) {
    return 'an undo that corrects no sign-in, or a sign-in that claims to correct one';
  }
  if (table === 'sign_ins' && row.corrects_id === rowId) return 'an undo that corrects itself';
  if (table === 'sessions' && typeof row.starts_at === 'string' && typeof row.ends_at === 'string' && !(row.ends_at > row.starts_at)) {
    return 'a session that ends before it starts';
  }
  if (table === 'membership_terms' && typeof row.starts_on === 'string' && typeof row.ends_on === 'string' && row.ends_on < row.starts_on) {
    return 'a term that ends before it starts';
  }
  return null;
}
