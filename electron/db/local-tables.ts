import type { Generated } from 'kysely';
import type { EvaluationMoment } from '../../shared/contract/evaluation';

/**
 * Row types of the tables that never travel: this device, its change log and
 * clock, the kiosk, settings and search keys, enrolments and the office's
 * bookkeeping of files and review lists. schema.ts re-exports them beside
 * the shared tables.
 */

export interface DeviceTable {
  id: string;
  singleton: number;
  role: 'laptop' | 'office';
  name: string;
  created_at: string;
  signing_public_key: string;
  clock: string;
  /** The age (X25519) public key files to this device are encrypted to; made at set-up. */
  age_recipient: string | null;
}

export interface ChangeLogTable {
  id: string;
  hlc: string;
  device_id: string;
  table_name: string;
  row_id: string;
  /** JSON object of column name to new value. */
  fields: string;
  /** An edit's JSON object of column name to the id of the change it replaced where it was made; null for an insert. */
  replaces: string | null;
}

export interface KioskTable {
  singleton: number;
  pin_hash: string | null;
  session_id: string | null;
  mode: 'sign_in' | 'evaluation';
  /** Wrong PINs in a row since the last right one; kept here so a restart gives no fresh tries. */
  wrong_pin_tries: number;
  /** When the wait after too many wrong PINs ends (an ISO instant), or null. */
  pin_locked_until: string | null;
  /** The scrypt hash of this laptop's recovery code (the code is shown once, never kept); null once used or before one is made. */
  recovery_code_hash: string | null;
  /** The last PIN reset the office sent in a package, so one package read twice resets it once; and when the office set it. */
  office_pin_reset_id: string | null;
  office_pin_reset_at: string | null;
}

/** At the office: the kiosk PIN reset waiting for a laptop (as a hash), carried in each package written for it. */
export interface LaptopPinResetsTable {
  device_id: string;
  id: string;
  pin_hash: string;
  set_at: string;
  /** The laptop's end-of-day file that said it applied this reset (migration 0023-pin-reset-applied), and when it was imported; null until then. */
  applied_in_sequence: number | null;
  applied_reported_at: string | null;
}

/** Local only: anonymous answers not yet released into evaluation_responses. */
export interface PendingAnonymousResponsesTable {
  id: string;
  session_id: string;
  template_id: string;
  answers: string;
  submitted_on: string;
  moment: Generated<EvaluationMoment>;
  late: Generated<number>;
  pairing_code: Generated<string | null>;
}

/** Local only, on the laptop with the held answers: which person holds which pairing code, until their pair is released. */
export interface PendingPairingCodesTable {
  session_id: string;
  person_id: string;
  code: string;
}

/** Local only: who answered an anonymous evaluation, held until their answers are released with others'. */
export interface PendingAnonymousCompletionsTable {
  /** The completion's own (derived) id, as it will be in evaluation_completions. */
  id: string;
  session_id: string;
  person_id: string;
  completed_on: string;
}

export interface PersonSearchKeysTable {
  key: string;
  person_id: string;
}

export interface LocalSettingsTable {
  key: string;
  value: string;
}

export interface PairedOfficeTable {
  singleton: number;
  device_id: string;
  name: string;
  signing_public_key: string;
  age_recipient: string;
  team: string | null;
  facilitators: string;
  enrolled_at: string;
  /** The office server's addresses, a JSON array, from the enrolment file (0031); null when the office was not a server. */
  server_addresses: string | null;
  /** Base64 SHA-256 of the office server certificate's public key: the only certificate an upload accepts (0031). */
  server_spki_sha256: string | null;
}

export interface EnrolledDevicesTable {
  device_id: string;
  name: string;
  signing_public_key: string;
  age_recipient: string;
  team: string | null;
  facilitators: string;
  enrolled_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}

export interface OutgoingBundlesTable {
  bundle_id: string;
  recipient_device_id: string;
  sequence: number;
  created_at: string;
  created_hlc: string;
  from_hlc: string;
  to_hlc: string;
  summary: string;
  acknowledged_at: string | null;
}

export interface ReceivedBundlesTable {
  bundle_id: string;
  sender_device_id: string;
  sequence: number;
  kind: 'bundle' | 'package';
  created_hlc: string;
  imported_at: string;
  file_name: string;
  summary: string;
  repeats_seen: number;
}

export interface ImportLogTable {
  id: string;
  at: string;
  file_name: string;
  bundle_id: string;
  sender_device_id: string;
  sequence: number;
  status: 'imported' | 'already_imported' | 'held';
  message: string;
  /** The staff member who imported the file on the office server (0031); null otherwise. */
  staff_name: Generated<string | null>;
}

export interface HeldBundlesTable {
  bundle_id: string;
  sender_device_id: string;
  sequence: number;
  created_hlc: string;
  file_name: string;
  file: Buffer;
  reason: string;
  received_at: string;
}

export interface ConflictsTable {
  id: string;
  table_name: string;
  row_id: string;
  field: string;
  lost_change_id: string;
  won_change_id: string;
  status: 'open' | 'accepted' | 'reversed';
  resolved_at: string | null;
  /** The staff member who resolved it on the office server (0031); null otherwise. */
  resolved_by: Generated<string | null>;
}

export interface UnappliedRowsTable {
  table_name: string;
  row_id: string;
  reason: string;
  /** The device whose change left it waiting. */
  device_id: string | null;
  /** The record it waits for, "table:id", when it refers to one not yet here. */
  waits_for: string | null;
}

export interface CapacityFlagsTable {
  session_id: string;
  flagged_at: string;
}

export interface DuplicateDecisionsTable {
  first_person_id: string;
  second_person_id: string;
  decision: 'keep_apart';
  decided_at: string;
}

/** Laptop only, written by a package import alone: a scheme a participant can ask to join (its name, never its fee). */
export interface PackageMembershipSchemesTable {
  id: string;
  name: string;
  /** JSON array of the required courses' titles. */
  required_courses: string;
}

/** Laptop only, written by a package import alone: a booked person's membership of one scheme, as of the package's day. */
export interface PackageMembershipLinesTable {
  person_id: string;
  scheme_id: string;
  status: 'current' | 'in_grace' | 'expired' | 'cancelled';
  outcome: 'trained' | 'due' | 'not_trained' | 'exempt';
  due_by: string;
  as_of: string;
}
