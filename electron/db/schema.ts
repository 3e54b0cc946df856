/**
 * Row types as stored. Each table's interface is what kysely checks queries
 * against (shared tables here, local ones in local-tables.ts); the core maps rows to the contract's domain types.
 */
import type {
  CapacityFlagsTable,
  ChangeLogTable,
  ConflictsTable,
  DeviceTable,
  DuplicateDecisionsTable,
  EnrolledDevicesTable,
  HeldBundlesTable,
  ImportLogTable,
  KioskTable,
  LaptopPinResetsTable,
  LocalSettingsTable,
  OutgoingBundlesTable,
  PackageMembershipLinesTable,
  PackageMembershipSchemesTable,
  PairedOfficeTable,
  PendingAnonymousCompletionsTable,
  PendingAnonymousResponsesTable,
  PendingPairingCodesTable,
  PersonSearchKeysTable,
  ReceivedBundlesTable,
  UnappliedRowsTable,
} from './local-tables';

import type { Generated } from 'kysely';
import type { EvaluationMoment } from '../../shared/contract/evaluation';

export type * from './local-tables';

export interface OrganisationsTable {
  id: string;
  name: string;
  sector: 'statutory' | 'vcse' | 'other';
  /** The organisation this one was merged into ("same organisation"), when it was. */
  merged_into: string | null;
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
  /** Set when the office merged this person into another as a duplicate; both histories stay. */
  merged_into: string | null;
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

/** A funding source; its year starts on year_starts (MM-DD) every year. */
export interface ContractsTable {
  id: string;
  name: string;
  funder: string;
  year_starts: string;
  ends_on: string | null;
}

/** A facilitator as a record (0029): kept at the office, read only on a laptop. */
export interface FacilitatorsTable {
  id: string;
  name: string;
}

export interface SessionsTable {
  id: string;
  course_id: string;
  /** The contract the session is delivered under; null for paid-for / other. */
  contract_id: string | null;
  venue_id: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  /** JSON array of facilitator names. */
  facilitators: string;
  /** JSON array beside it: the id of the facilitator record each name is, or null (0029); '[]' before records. */
  facilitator_ids: Generated<string>;
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

/** One version of a course's evaluation; a new version on every edit. */
export interface EvaluationTemplatesTable {
  id: string;
  course_id: string;
  version: number;
  /** JSON array of items (see shared/contract/evaluation.ts). */
  items: string;
  created_at: string;
  /** How many weeks after the session its follow-up questions are due. */
  follow_up_weeks: Generated<number>;
}

/** Immutable. person_id is null when the course's evaluations are anonymous. */
export interface EvaluationResponsesTable {
  id: string;
  session_id: string;
  template_id: string;
  person_id: string | null;
  answers: string;
  /** The kiosk language for a linked answer; null for an anonymous one, where it would point at the person. */
  language: string | null;
  /** The day only, so a time cannot tie an anonymous response to a completion. */
  submitted_on: string;
  /** When in the training cycle it was given; every answer before issue 17 was 'after'. */
  moment: Generated<EvaluationMoment>;
  /** 1 for a before answer given after the session's start time. */
  late: Generated<number>;
  /** Anonymous mode: the random code a person's before and after share; null when linked. */
  pairing_code: Generated<string | null>;
}

/** That a person has responded (for the response rate, once each), never what they answered. */
export interface EvaluationCompletionsTable {
  id: string;
  session_id: string;
  person_id: string;
  /** The moment for a linked course; for an anonymous one the day only, like its answers. */
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

export interface MembershipSchemesTable {
  id: string;
  name: string;
  /** JSON array of course ids: attending any one meets the requirement. */
  required_course_ids: string;
  window_months: number;
  /** MM-DD, or null for rolling 12-month terms. */
  year_starts: string | null;
  fee_pence: number | null;
  grace_days: number;
}

/** One term of one member; a renewal is a new row, so history is kept. */
export interface MembershipTermsTable {
  id: string;
  scheme_id: string;
  person_id: string;
  starts_on: string;
  /** Inclusive. */
  ends_on: string;
  origin: 'new' | 'renewal' | 'rejoin';
  fee_pence: number | null;
  paid_on: string | null;
  organisation_id: string | null;
  notes: string | null;
  cancelled_on: string | null;
  /** On a joining term (new or rejoin) the office exempted from the training requirement. */
  exempt_reason: string | null;
  created_at: string;
}

/** A named set of report choices the office runs again; deleted_at set when deleted. */
export interface SavedReportsTable {
  id: string;
  name: string;
  /** ReportChoice as JSON. */
  choice: string;
  saved_at: string;
  deleted_at: string | null;
}

/** "Wants to join": taken on a laptop at a session, confirmed or declined at the office. */
export interface MembershipRequestsTable {
  id: string;
  /** Not a reference: a laptop holds no schemes, only their names from its package. */
  scheme_id: string;
  scheme_name: string;
  person_id: string;
  session_id: string;
  notes: string | null;
  requested_at: string;
  /** The laptop that took it. */
  device_id: string;
  status: 'open' | 'confirmed' | 'declined';
  decided_at: string | null;
  decline_reason: string | null;
  /** The term the office added when it confirmed. */
  term_id: string | null;
}

/** Tables whose rows travel between devices; every write to them is logged. */
export interface SharedTables {
  organisations: OrganisationsTable;
  people: PeopleTable;
  contracts: ContractsTable;
  courses: CoursesTable;
  venues: VenuesTable;
  facilitators: FacilitatorsTable;
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
  membership_schemes: MembershipSchemesTable;
  membership_terms: MembershipTermsTable;
  membership_requests: MembershipRequestsTable;
  saved_reports: SavedReportsTable;
}
export type SharedTableName = keyof SharedTables;

/** The shared tables at run time, parents before the rows that refer to them. */
export const sharedTableNames = [
  'organisations',
  'people',
  'courses',
  'venues',
  'contracts',
  'facilitators',
  'sessions',
  'group_bookings',
  'bookings',
  'booking_events',
  'sign_ins',
  'consents',
  'equality_answers',
  'organisation_requests',
  'evaluation_templates',
  'evaluation_responses',
  'evaluation_completions',
  'session_notes',
  'membership_schemes',
  'membership_terms',
  'membership_requests',
  'saved_reports',
] as const satisfies readonly SharedTableName[];

export interface Schema extends SharedTables {
  device: DeviceTable;
  change_log: ChangeLogTable;
  kiosk: KioskTable;
  person_search_keys: PersonSearchKeysTable;
  local_settings: LocalSettingsTable;
  pending_anonymous_responses: PendingAnonymousResponsesTable;
  pending_anonymous_completions: PendingAnonymousCompletionsTable;
  pending_pairing_codes: PendingPairingCodesTable;
  paired_office: PairedOfficeTable;
  enrolled_devices: EnrolledDevicesTable;
  outgoing_bundles: OutgoingBundlesTable;
  received_bundles: ReceivedBundlesTable;
  import_log: ImportLogTable;
  held_bundles: HeldBundlesTable;
  conflicts: ConflictsTable;
  unapplied_rows: UnappliedRowsTable;
  capacity_flags: CapacityFlagsTable;
  duplicate_decisions: DuplicateDecisionsTable;
  package_membership_schemes: PackageMembershipSchemesTable;
  package_membership_lines: PackageMembershipLinesTable;
  laptop_pin_resets: LaptopPinResetsTable;
}
