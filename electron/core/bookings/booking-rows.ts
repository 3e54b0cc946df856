import type { Selectable } from 'kysely';
import { FieldbookError } from '../../../shared/errors';
import type { BookingsTable } from '../../db/schema';
import { derivedId } from '../derived-id';
import type { WriteScope } from '../write';

export type BookingRow = Selectable<BookingsTable>;
export type BookingState = BookingsTable['state'];

/** Booked and offered places are held; they count against capacity. */
export const LIVE_STATES: readonly BookingState[] = ['booked', 'offered'];

/** One booking per person per session, with the same id on every device. */
export function bookingId(sessionId: string, personId: string): string {
  return derivedId('booking', sessionId, personId);
}

export async function findBooking(scope: WriteScope, sessionId: string, personId: string): Promise<BookingRow | undefined> {
  return scope.trx.selectFrom('bookings').selectAll().where('id', '=', bookingId(sessionId, personId)).executeTakeFirst();
}

export async function requireBooking(scope: WriteScope, sessionId: string, personId: string): Promise<BookingRow> {
  const booking = await findBooking(scope, sessionId, personId);
  if (!booking) throw new FieldbookError('NOT_FOUND', 'Choose someone booked on this session: that person has no booking on it.');
  return booking;
}

export interface BookingChange {
  state: BookingState;
  /** What happened, in the history's words: "booked", "joined the waitlist", "offered a place"… */
  event: string;
  reason?: string | null;
  fields?: Partial<Pick<BookingRow, 'waitlist_position' | 'priority_reason' | 'present_at' | 'walk_in' | 'group_booking_id'>>;
}

/** One line of a booking's history: who, when, from which state to which, and why. */
export function bookingEventRow(scope: WriteScope, booking: { id: string; session_id: string }, from: BookingState | null, change: BookingChange, now: Date) {
  return {
    id: scope.newId(),
    booking_id: booking.id,
    session_id: booking.session_id,
    event: change.event,
    from_state: from,
    to_state: change.state,
    reason: change.reason ?? null,
    device_id: scope.deviceId,
    device_name: scope.deviceName,
    hlc: scope.stamp(),
    recorded_at: now.toISOString(),
  };
}

/** Appends one line to the booking's history. */
async function recordEvent(scope: WriteScope, booking: { id: string; session_id: string }, from: BookingState | null, change: BookingChange, now: Date) {
  await scope.insert('booking_events', bookingEventRow(scope, booking, from, change, now));
}

/** Every change to a booking goes through here, so none escapes its history. */
export async function changeBooking(scope: WriteScope, booking: BookingRow, change: BookingChange, now: Date): Promise<void> {
  // An offer keeps its place in the queue, so an offer not taken up goes back where it was;
  // a place booked, cancelled or missed clears it.
  const queueFields =
    change.state === 'waitlisted' || change.state === 'offered' ? {} : { waitlist_position: null, priority_reason: null };
  await scope.update('bookings', booking.id, { state: change.state, ...queueFields, ...change.fields });
  await recordEvent(scope, booking, booking.state, change, now);
}

/** A new booking's row, before it is inserted. */
export function newBookingRow(sessionId: string, personId: string, change: BookingChange, now: Date) {
  return {
    id: bookingId(sessionId, personId),
    session_id: sessionId,
    person_id: personId,
    state: change.state,
    booked_at: now.toISOString(),
    waitlist_position: null,
    priority_reason: null,
    present_at: null,
    walk_in: 0,
    group_booking_id: null,
    ...change.fields,
  };
}

export async function createBooking(
  scope: WriteScope,
  sessionId: string,
  personId: string,
  change: BookingChange,
  now: Date,
): Promise<void> {
  const row = newBookingRow(sessionId, personId, change, now);
  await scope.insert('bookings', row);
  await recordEvent(scope, row, null, change, now);
}
