import { FieldbookError } from '../../../shared/errors';
import type { WriteScope } from '../write';
import { changeBooking, createBooking, findBooking, requireBooking, type BookingRow } from './booking-rows';
import { countSeats } from './seats';
import { backOfQueue, offerFreePlaces, positionOf } from './waitlist';

export interface SessionRef {
  id: string;
  capacity: number;
}

export interface BookingOutcome {
  state: BookingRow['state'];
  /** Their place in the queue when they joined the waitlist. */
  waitlistPosition: number | null;
}

async function outcomeOf(scope: WriteScope, sessionId: string, personId: string): Promise<BookingOutcome> {
  const booking = await requireBooking(scope, sessionId, personId);
  return { state: booking.state, waitlistPosition: await positionOf(scope, booking) };
}

/**
 * Books a person on a session: a place if one is free, otherwise the back of
 * the waitlist. A walk-in on the day is marked present, so a place freed by
 * no-shows can go to them.
 */
export async function bookPerson(
  scope: WriteScope,
  session: SessionRef,
  personId: string,
  now: Date,
  options: { walkIn?: boolean; present?: boolean } = {},
): Promise<BookingOutcome> {
  const existing = await findBooking(scope, session.id, personId);
  if (existing && existing.state !== 'cancelled' && existing.state !== 'no_show') {
    throw new FieldbookError('CONFLICT', existing.state === 'waitlisted'
      ? 'No need to book them again: this person is already on the waiting list for this session.'
      : 'No need to book them again: this person already has a place on this session.');
  }
  const { free } = await countSeats(scope, session);
  const presence = {
    walk_in: options.walkIn ? 1 : 0,
    present_at: options.present ? now.toISOString() : null,
  };
  const change =
    free > 0
      ? { state: 'booked' as const, event: 'booked', fields: { ...presence, group_booking_id: null } }
      : {
          state: 'waitlisted' as const,
          event: 'joined the waitlist',
          reason: 'The session was full.',
          fields: { ...presence, group_booking_id: null, waitlist_position: await backOfQueue(scope, session.id) },
        };
  if (existing) await changeBooking(scope, existing, change, now);
  else await createBooking(scope, session.id, personId, change, now);
  return outcomeOf(scope, session.id, personId);
}

/**
 * Makes sure someone in the room holds a place before they are signed in:
 * an offer is taken up, a waiting person gets a free place if there is one.
 * Returns false when they must wait (they are then marked present).
 */
export async function placeForArrival(scope: WriteScope, session: SessionRef, personId: string, now: Date): Promise<boolean> {
  const booking = await findBooking(scope, session.id, personId);
  if (!booking || booking.state === 'cancelled' || booking.state === 'no_show') {
    // Arriving with no place makes them a walk-in, whether found in the search or added new.
    const outcome = await bookPerson(scope, session, personId, now, { walkIn: true, present: true });
    return outcome.state === 'booked';
  }
  if (booking.state === 'booked') return true;
  if (booking.state === 'offered') {
    await changeBooking(scope, booking, { state: 'booked', event: 'took up the offered place', reason: 'Arrived on the day.' }, now);
    return true;
  }
  const { free } = await countSeats(scope, session);
  if (free > 0) {
    await changeBooking(scope, booking, { state: 'booked', event: 'booked', reason: 'Arrived and a place was free.', fields: { present_at: now.toISOString() } }, now);
    return true;
  }
  if (!booking.present_at) await changeBooking(scope, booking, { state: 'waitlisted', event: 'arrived and is waiting', fields: { present_at: now.toISOString() } }, now);
  return false;
}

/**
 * Gives someone a place beyond capacity, because the facilitator says the
 * room has space: the one way past the count every other booking obeys. The
 * reason is kept in the booking's history. Refuses while a place is free (the
 * usual sign-in gives it) and for someone who already holds one.
 */
export async function placeOverCapacity(scope: WriteScope, session: SessionRef, personId: string, reason: string, now: Date): Promise<void> {
  const { free } = await countSeats(scope, session);
  if (free > 0) throw new FieldbookError('CONFLICT', 'Sign them in in the usual way: there is a place free on this session.');
  const booking = await findBooking(scope, session.id, personId);
  if (booking && (booking.state === 'booked' || booking.state === 'offered')) {
    throw new FieldbookError('CONFLICT', 'Sign them in in the usual way: they already have a place on this session.');
  }
  const change = {
    state: 'booked' as const,
    event: 'given a place over capacity',
    reason,
    fields: { present_at: now.toISOString(), group_booking_id: null, walk_in: booking ? booking.walk_in : 1 },
  };
  if (booking) await changeBooking(scope, booking, change, now);
  else await createBooking(scope, session.id, personId, change, now);
}

/** Cancels a booking or waitlist place with a reason; a freed place is offered to the next person waiting. */
export async function cancelBooking(scope: WriteScope, session: SessionRef, personId: string, reason: string | null, now: Date): Promise<void> {
  const booking = await requireBooking(scope, session.id, personId);
  if (booking.state === 'cancelled') throw new FieldbookError('CONFLICT', 'No need to cancel it again: this booking is already cancelled.');
  const event = booking.state === 'waitlisted' ? 'removed from the waitlist' : 'cancelled';
  await changeBooking(scope, booking, { state: 'cancelled', event, reason }, now);
  await offerFreePlaces(scope, session, now);
}

/** The office or facilitator confirms an offered place. */
export async function acceptOffer(scope: WriteScope, session: SessionRef, personId: string, now: Date): Promise<void> {
  const booking = await requireBooking(scope, session.id, personId);
  if (booking.state !== 'offered') throw new FieldbookError('CONFLICT', 'Choose someone who has been offered a place: this person has none to confirm.');
  await changeBooking(scope, booking, { state: 'booked', event: 'accepted the offered place' }, now);
}

/** The person does not take the offered place: it goes to the next person waiting. */
export async function passOffer(scope: WriteScope, session: SessionRef, personId: string, reason: string, now: Date): Promise<void> {
  const booking = await requireBooking(scope, session.id, personId);
  if (booking.state !== 'offered') throw new FieldbookError('CONFLICT', 'Choose someone who has been offered a place: this person has none to pass on.');
  await changeBooking(scope, booking, { state: 'cancelled', event: 'passed on the offered place', reason }, now);
  await offerFreePlaces(scope, session, now);
}

/** Changes capacity: never below the places already held; a rise offers the new places in queue order. */
export async function changeCapacity(scope: WriteScope, session: SessionRef, capacity: number, now: Date): Promise<void> {
  const seats = await countSeats(scope, session);
  if (capacity < seats.taken) {
    throw new FieldbookError(
      'CONFLICT',
      `Enter at least ${seats.taken} places, or cancel bookings first: ${seats.taken} places are already booked, offered or held for groups.`,
      { capacity: `Enter at least ${seats.taken} places: that many are already taken.` },
    );
  }
  await scope.update('sessions', session.id, { capacity });
  await offerFreePlaces(scope, { id: session.id, capacity }, now);
}
