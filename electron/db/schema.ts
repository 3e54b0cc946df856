/**
 * Row types as stored. Each table's interface is what kysely checks queries
 * against; the core maps rows to the contract's domain types.
 */
export interface DeviceTable {
  id: string;
  singleton: number;
  role: 'laptop' | 'office';
  name: string;
  created_at: string;
  signing_public_key: string;
  clock: string;
}

export interface ChangeLogTable {
  id: string;
  hlc: string;
  device_id: string;
  table_name: string;
  row_id: string;
  /** JSON object of column name to new value. */
  fields: string;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  sector: 'statutory' | 'vcse' | 'other';
}

export interface PeopleTable {
  id: string;
  given_name: string;
  family_name: string;
  preferred_name: string | null;
  email: string | null;
  phone: string | null;
  organisation_id: string | null;
  membership_joined_on: string | null;
}

export interface CoursesTable {
  id: string;
  title: string;
  description: string | null;
  duration_minutes: number;
  /** JSON array of { id, text }, in teaching order. */
  learning_outcomes: string;
  /** Whether evaluation answers are kept with the person or anonymous. */
  evaluation_mode: 'anonymous' | 'linked';
}

export interface VenuesTable {
  id: string;
  name: string;
  address: string;
  access_notes: string | null;
}

export interface SessionsTable {
  id: string;
  course_id: string;
  venue_id: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  /** JSON array of facilitator names. */
  facilitators: string;
  status: 'scheduled' | 'cancelled' | 'completed';
}

export interface BookingsTable {
  /** Derived from session and person, so the same booking made on two laptops is one row. */
  id: string;
  session_id: string;
  person_id: string;
  state: 'booked' | 'waitlisted' | 'offered' | 'cancelled' | 'no_show';
  booked_at: string;
  /** Order on the waitlist: lower goes first. Null when not waiting. */
  waitlist_position: number | null;
  /** Why this person was moved up the waitlist, shown beside them. */
  priority_reason: string | null;
  /** When a waiting person was seen in the room on the day. */
  present_at: string | null;
  /** 1 when they joined on the day as a walk-in. */
  walk_in: number;
  group_booking_id: string | null;
}

/** Places an organisation holds for its staff, named now or later. */
export interface GroupBookingsTable {
  id: string;
  session_id: string;
  organisation_id: string;
  places: number;
  created_at: string;
}

/** Append-only: every change to a booking, who made it, when and why. */
export interface BookingEventsTable {
  id: string;
  booking_id: string;
  session_id: string;
  event: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  device_id: string;
  device_name: string;
  hlc: string;
  recorded_at: string;
}

export interface OrganisationRequestsTable {
  id: string;
  organisation_id: string;
  course_id: string;
  contact_name: string;
  contact_email: string | null;
  contact_phone: string | null;
  staff_count: number;
  preferred_dates: string | null;
  notes: string | null;
  status: 'waiting' | 'scheduled' | 'declined';
  decline_reason: string | null;
  session_id: string | null;
  requested_at: string;
}

/** Append-only facts: a sign-in, or an undo that corrects an earlier sign-in. */
export interface SignInsTable {
  id: string;
  session_id: string;
  person_id: string;
  kind: 'sign_in' | 'undo';
  method: 'facilitator' | 'kiosk' | 'walk_in';
  corrects_id: string | null;
  hlc: string;
  recorded_at: string;
  device_id: string;
}

export interface ConsentsTable {
  id: string;
  person_id: string;
  session_id: string;
  text_version: string;
  language: string;
  agreed_at: string;
  device_id: string;
}

/** Special-category data: kept apart from people and only ever reported in aggregate. */
export interface EqualityAnswersTable {
  /** Derived from the person: one answer per person, on every device. */
  id: string;
  person_id: string;
  ethnicity: string;
  answered_at: string;
}

export interface KioskTable {
  singleton: number;
  pin_hash: string | null;
  session_id: string | null;
  mode: 'sign_in' | 'evaluation';
}

/** One version of a course's evaluation; a new version on every edit. */
export interface EvaluationTemplatesTable {
  id: string;
  course_id: string;
  version: number;
  /** JSON array of items (see shared/contract/evaluation.ts). */
  items: string;
  created_at: string;
}

/** Immutable. person_id is null when the course's evaluations are anonymous. */
export interface EvaluationResponsesTable {
  id: string;
  session_id: string;
  template_id: string;
  person_id: string | null;
  answers: string;
  language: string;
  /** The day only, so a time cannot tie an anonymous response to a completion. */
  submitted_on: string;
}

/** Local only: anonymous answers not yet released into evaluation_responses. */
export interface PendingAnonymousResponsesTable {
  id: string;
  session_id: string;
  template_id: string;
  answers: string;
  language: string;
  submitted_on: string;
}

/** That a person has responded (for the response rate, once each), never what they answered. */
export interface EvaluationCompletionsTable {
  id: string;
  session_id: string;
  person_id: string;
  completed_at: string;
}

export interface SessionNotesTable {
  id: string;
  session_id: string;
  text: string;
  tags: string;
  needs_response: number;
  status: 'open' | 'responded' | 'closed';
  response: string | null;
  created_at: string;
  responded_at: string | null;
}

export interface PersonSearchKeysTable {
  key: string;
  person_id: string;
}

export interface LocalSettingsTable {
  key: string;
  value: string;
}

/** Tables whose rows travel between devices; every write to them is logged. */
export interface SharedTables {
  organisations: OrganisationsTable;
  people: PeopleTable;
  courses: CoursesTable;
  venues: VenuesTable;
  sessions: SessionsTable;
  bookings: BookingsTable;
  sign_ins: SignInsTable;
  consents: ConsentsTable;
  equality_answers: EqualityAnswersTable;
  group_bookings: GroupBookingsTable;
  booking_events: BookingEventsTable;
  organisation_requests: OrganisationRequestsTable;
  evaluation_templates: EvaluationTemplatesTable;
  evaluation_responses: EvaluationResponsesTable;
  evaluation_completions: EvaluationCompletionsTable;
  session_notes: SessionNotesTable;
}
export type SharedTableName = keyof SharedTables;

export interface Schema extends SharedTables {
  device: DeviceTable;
  change_log: ChangeLogTable;
  kiosk: KioskTable;
  person_search_keys: PersonSearchKeysTable;
  local_settings: LocalSettingsTable;
  pending_anonymous_responses: PendingAnonymousResponsesTable;
}
