import { derivedId } from '../core/derived-id';
import type { DeviceTable, SharedTableName, SharedTables } from './schema';

/**
 * Who may write what, declared once for every shared table. The procedures
 * (core/write.ts) and the merge of other devices' files (core/sync/merge.ts)
 * both obey it, so a laptop's bundle can carry only the kinds of change the
 * laptop's own procedures make, and an office's package only what an office
 * may send. Tables not listed here (the device, enrolments, the change log,
 * settings, review lists) are local bookkeeping and never travel at all.
 *
 * The office owns the catalogue (courses, venues, evaluation templates,
 * sessions), requests' outcomes and duplicate decisions (`merged_into`). A
 * laptop adds people and organisations (walk-ins), corrects a person's
 * details, manages bookings, waitlists and the capacity of the sessions it
 * runs, takes requests, writes notes, and records facts.
 */

export type DeviceRole = DeviceTable['role'];

type Column<T extends SharedTableName> = Exclude<keyof SharedTables[T], 'id'> & string;

export interface TablePolicy<T extends SharedTableName> {
  /** Roles whose devices may create rows of this table. */
  create: readonly DeviceRole[];
  /** Where a laptop may create only some rows of a table the office otherwise keeps: which. */
  laptopCreatesOnly?: (row: Partial<Record<Column<T>, unknown>>, rowId: string) => boolean;
  /** Fields a laptop may not set to anything but null when it creates a row (the office's decisions). */
  officeOnlyOnCreate?: readonly Column<T>[];
  /** Fields each role may change in an existing row; a fact has none. */
  edit: { [R in DeviceRole]?: readonly Column<T>[] };
  /**
   * Append-only facts: each row is one change, made once by the device that
   * saw it, never edited afterwards by anyone. A row with a derived id
   * (the same completion seen on two laptops) may arrive once from each device.
   */
  fact?: true;
  /** Columns naming the device that wrote the row: they must name the change's author. */
  authorColumns?: readonly Column<T>[];
  /** Columns holding a clock stamp: its device must be the change's author. */
  stampColumns?: readonly Column<T>[];
  /**
   * For rows whose id is derived from what they are about: the id their
   * content derives, or null for a row of this table whose id is not derived
   * (a template's later versions). Such rows may be made on several devices.
   */
  derivedId?: (row: Partial<Record<Column<T>, unknown>>) => string | null;
}

const both = ['laptop', 'office'] as const;
const officeOnly = ['office'] as const;

const text = (value: unknown) => (typeof value === 'string' ? value : null);
const derivedFrom =
  (kind: string, ...columns: string[]) =>
  (row: Record<string, unknown>): string | null => {
    const parts = columns.map((column) => text(row[column]));
    return parts.every((part) => part !== null) ? derivedId(kind, ...(parts as string[])) : null;
  };

export const writePolicy: { [T in SharedTableName]: TablePolicy<T> } = {
  organisations: { create: both, officeOnlyOnCreate: ['merged_into'], edit: { laptop: ['name', 'sector'], office: ['name', 'sector', 'merged_into'] } },
  people: {
    create: both,
    officeOnlyOnCreate: ['merged_into'],
    edit: {
      laptop: ['given_name', 'family_name', 'preferred_name', 'email', 'phone', 'organisation_id', 'membership_joined_on'],
      office: ['given_name', 'family_name', 'preferred_name', 'email', 'phone', 'organisation_id', 'membership_joined_on', 'merged_into'],
    },
  },
  courses: { create: officeOnly, edit: { office: ['title', 'description', 'duration_minutes', 'learning_outcomes', 'evaluation_mode'] } },
  venues: { create: officeOnly, edit: { office: ['name', 'address', 'access_notes'] } },
  contracts: { create: officeOnly, edit: { office: ['name', 'funder', 'year_starts', 'ends_on'] } },
  // The office's facilitator records; a laptop's package brings them, to read.
  facilitators: { create: officeOnly, edit: { office: ['name'] } },
  sessions: {
    create: officeOnly,
    // A laptop may change the capacity of a session it runs (checked by the merge against its enrolment).
    edit: {
      laptop: ['capacity'],
      office: ['course_id', 'contract_id', 'venue_id', 'starts_at', 'ends_at', 'capacity', 'facilitators', 'facilitator_ids', 'status'],
    },
  },
  group_bookings: { create: both, edit: { laptop: ['places'], office: ['places'] } },
  bookings: {
    create: both,
    edit: {
      laptop: ['state', 'waitlist_position', 'priority_reason', 'present_at', 'walk_in', 'group_booking_id'],
      // The office may also put back an overwritten booked_at from the conflict log.
      office: ['state', 'booked_at', 'waitlist_position', 'priority_reason', 'present_at', 'walk_in', 'group_booking_id'],
    },
    derivedId: derivedFrom('booking', 'session_id', 'person_id'),
  },
  booking_events: { create: both, edit: {}, fact: true, authorColumns: ['device_id'], stampColumns: ['hlc'] },
  sign_ins: { create: both, edit: {}, fact: true, authorColumns: ['device_id'], stampColumns: ['hlc'] },
  consents: { create: both, edit: {}, fact: true, authorColumns: ['device_id'] },
  equality_answers: {
    // One answer per person, whichever laptop asked: the latest answer stands.
    create: both,
    edit: { laptop: ['ethnicity', 'answered_at'], office: ['ethnicity', 'answered_at'] },
    derivedId: derivedFrom('equality-answer', 'person_id'),
  },
  organisation_requests: {
    create: both,
    officeOnlyOnCreate: ['session_id', 'decline_reason'],
    edit: { office: ['status', 'decline_reason', 'session_id', 'contact_name', 'contact_email', 'contact_phone', 'staff_count', 'preferred_dates', 'notes'] },
  },
  evaluation_templates: {
    // A laptop stores a course's default questions (version 1, under the id derived from the course) when the first answer is given.
    create: both,
    laptopCreatesOnly: (row, rowId) => row.version === 1 && typeof row.course_id === 'string' && rowId === derivedId('evaluation-template', row.course_id, '1'),
    edit: {},
    // Only the default (version 1) has a derived id: every device that stores it makes the same row.
    derivedId: (row) => (row.version === 1 && typeof row.course_id === 'string' ? derivedId('evaluation-template', row.course_id, '1') : null),
  },
  evaluation_responses: { create: both, edit: {}, fact: true },
  evaluation_completions: { create: both, edit: {}, fact: true, derivedId: derivedFrom('evaluation-completion', 'session_id', 'person_id') },
  session_notes: {
    create: both,
    officeOnlyOnCreate: ['response', 'responded_at'],
    edit: { laptop: ['text', 'tags', 'needs_response'], office: ['text', 'tags', 'needs_response', 'status', 'response', 'responded_at'] },
  },
  // Memberships are the office's: a laptop sees status lines in its package, never these rows.
  membership_schemes: {
    create: officeOnly,
    edit: { office: ['name', 'required_course_ids', 'window_months', 'year_starts', 'fee_pence', 'grace_days'] },
  },
  membership_terms: {
    create: officeOnly,
    edit: { office: ['ends_on', 'fee_pence', 'paid_on', 'organisation_id', 'notes', 'cancelled_on', 'exempt_reason'] },
  },
  // The one membership record a laptop makes: "wants to join", taken open; the office decides it.
  membership_requests: {
    create: ['laptop'],
    laptopCreatesOnly: (row) => row.status === 'open',
    officeOnlyOnCreate: ['decided_at', 'decline_reason', 'term_id'],
    edit: { office: ['status', 'decided_at', 'decline_reason', 'term_id'] },
    authorColumns: ['device_id'],
  },
  // The office's own saved report choices; no package carries them.
  saved_reports: { create: officeOnly, edit: { office: ['name', 'choice', 'deleted_at'] } },
};

/** What each table's rows are, in words, for refusals: "tried to change a course". */
export const recordInWords: { [T in SharedTableName]: string } = {
  organisations: 'an organisation',
  people: 'a person',
  courses: 'a course',
  venues: 'a venue',
  contracts: 'a contract',
  facilitators: 'a facilitator',
  sessions: 'a session',
  group_bookings: "an organisation's group places",
  bookings: 'a booking',
  booking_events: "a booking's history",
  sign_ins: 'a sign-in',
  consents: 'a consent',
  equality_answers: 'an equality answer',
  organisation_requests: "an organisation's request",
  evaluation_templates: 'an evaluation template',
  evaluation_responses: 'an evaluation answer',
  evaluation_completions: 'an evaluation completion',
  session_notes: 'a session note',
  membership_schemes: 'a membership scheme',
  membership_terms: "a member's term",
  membership_requests: 'a request to join a membership scheme',
  saved_reports: 'a saved report',
};

/** Columns whose name alone would not say what they are. */
const columnWords: Record<string, string> = {
  merged_into: 'duplicate merge (which person it was merged into)',
  evaluation_mode: 'evaluation setting (anonymous or linked)',
  corrects_id: 'sign-in it corrects',
  booked_at: 'booking time',
  walk_in: 'walk-in mark',
  needs_response: 'request for a response',
  starts_at: 'start time',
  ends_at: 'end time',
  year_starts: 'first day of the year',
  exempt_reason: 'training exemption',
  facilitator_ids: 'facilitator records',
};

/** A column as a refusal names it: "given_name" → "given name". */
export const fieldInWords = (column: string) => columnWords[column] ?? column.replace(/_(id|at|on)$/, '').replace(/_/g, ' ');

/** The first field of an edit this role may not make, or null. */
export function fieldNotEditable(role: DeviceRole, table: SharedTableName, fields: Iterable<string>): string | null {
  const allowed = (writePolicy[table].edit as Partial<Record<DeviceRole, readonly string[]>>)[role] ?? [];
  for (const field of fields) if (!allowed.includes(field)) return field;
  return null;
}

/** Whether a device of this role may create this row (including fields only the office decides). */
export function mayCreate(role: DeviceRole, table: SharedTableName, fields: Record<string, unknown>, rowId: string): boolean {
  const policy = writePolicy[table] as TablePolicy<SharedTableName>;
  if (!policy.create.includes(role)) return false;
  if (role === 'office') return true;
  if (policy.laptopCreatesOnly && !policy.laptopCreatesOnly(fields, rowId)) return false;
  return (policy.officeOnlyOnCreate ?? []).every((field) => fields[field] === undefined || fields[field] === null);
}

/** The first field only the office may set that a laptop's new row sets, or null. */
export function officeOnlyFieldSet(table: SharedTableName, fields: Record<string, unknown>): string | null {
  const policy = writePolicy[table] as TablePolicy<SharedTableName>;
  return (policy.officeOnlyOnCreate ?? []).find((field) => fields[field] !== undefined && fields[field] !== null) ?? null;
}
