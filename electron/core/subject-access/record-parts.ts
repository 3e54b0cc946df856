import type { SubjectAccessPart } from '../../../shared/contract';
import { rosterStateLabels, sessionStatusLabels, signInMethodLabels } from '../../../shared/labels';
import type { BookingEventsTable, BookingsTable, PeopleTable, SignInsTable } from '../../db/schema';
import { cell } from '../exports/table';
import { partOf, type AccessContext } from './context';

/** Their records, bookings, the history of each booking and their sign-ins (undone ones included). */

export function personPart(access: AccessContext, askedId: string): SubjectAccessPart {
  const rows = access.stored<PeopleTable>('people', 'family_name, given_name, id');
  return partOf(
    'person',
    'Their record',
    'Their details as held now: the record asked about and every record merged with it (two records the office found were one person).',
    [
      ['Record', (row) => cell.text(row.id === askedId ? 'The record asked about' : 'Merged with it')],
      ['Given name', (row) => cell.text(row.given_name)],
      ['Family name', (row) => cell.text(row.family_name)],
      ['Preferred name', (row) => cell.text(row.preferred_name)],
      ['Email', (row) => cell.text(row.email)],
      ['Phone', (row) => cell.text(row.phone)],
      ['Organisation', (row) => access.organisationName(row.organisation_id)],
      ['Membership joined on', (row) => cell.day(row.membership_joined_on)],
      ['Merged into', (row) => cell.text(row.merged_into ? access.personName(row.merged_into) : null)],
      ['Record reference', (row) => cell.text(row.id)],
    ],
    rows,
  );
}

export function bookingsPart(access: AccessContext): SubjectAccessPart {
  const rows = access.stored<BookingsTable>('bookings', 'booked_at, id');
  const sessionStatus = access.sqlite.prepare('SELECT status FROM sessions WHERE id = ?').pluck();
  return partOf(
    'bookings',
    'Bookings',
    'Every session they were booked on or waited for, with where they stand now.',
    [
      ['Session', (row) => access.sessionName(row.session_id)],
      ['Starts', (row) => access.sessionStart(row.session_id)],
      ['Session status', (row) => {
        const status = sessionStatus.get(row.session_id) as keyof typeof sessionStatusLabels | undefined;
        return cell.text(status ? sessionStatusLabels[status] : null);
      }],
      ['Booking', (row) => cell.text(rosterStateLabels[row.state])],
      ['Booked at', (row) => cell.instant(row.booked_at)],
      ['Place on the waiting list', (row) => cell.number(row.waitlist_position)],
      ['Why moved up the waiting list', (row) => cell.text(row.priority_reason)],
      ['Seen in the room at', (row) => cell.instant(row.present_at)],
      ['Walk-in', (row) => cell.yesNo(row.walk_in === 1)],
      ['Part of a group booking', (row) => cell.yesNo(row.group_booking_id !== null)],
    ],
    rows,
  );
}

export function bookingHistoryPart(access: AccessContext): SubjectAccessPart {
  const rows = access.stored<BookingEventsTable>('booking_events', 'hlc, id');
  const state = (value: string | null) => cell.text(value ? (rosterStateLabels[value as keyof typeof rosterStateLabels] ?? value) : null);
  return partOf(
    'booking-history',
    'Booking history',
    'Every change to each of their bookings: when, on which computer, and why when a reason was given.',
    [
      ['When', (row) => cell.instant(row.recorded_at)],
      ['Session', (row) => access.sessionName(row.session_id)],
      ['Starts', (row) => access.sessionStart(row.session_id)],
      ['What happened', (row) => cell.text(row.event)],
      ['From', (row) => state(row.from_state)],
      ['To', (row) => state(row.to_state)],
      ['Reason', (row) => cell.text(row.reason)],
      ['Computer', (row) => cell.text(row.device_name)],
    ],
    rows,
  );
}

export function signInsPart(access: AccessContext): SubjectAccessPart {
  const rows = access.stored<SignInsTable>('sign_ins', 'hlc, id');
  return partOf(
    'sign-ins',
    'Sign-ins',
    'Every time they were signed in, and every sign-in undone as a mistake (an undo is kept beside the sign-in it corrects).',
    [
      ['When', (row) => cell.instant(row.recorded_at)],
      ['Session', (row) => access.sessionName(row.session_id)],
      ['Starts', (row) => access.sessionStart(row.session_id)],
      ['What', (row) => cell.text(row.kind === 'undo' ? 'Sign-in undone' : 'Signed in')],
      ['How', (row) => cell.text(signInMethodLabels[row.method])],
      ['Computer', (row) => cell.text(access.deviceName(row.device_id))],
    ],
    rows,
  );
}
