import type { Kysely } from 'kysely';
import { FieldbookError } from '../../../shared/errors';
import type { Schema } from '../../db/schema';
import type { WriteScope } from '../write';
import { changeBooking, type BookingRow } from './booking-rows';
import { countSeats } from './seats';

/** Waiting bookings of a session in queue order: first come, first served, unless moved with a reason. */
export async function waitingInOrder(scope: { trx: Kysely<Schema> }, sessionId: string): Promise<BookingRow[]> {
  return scope.trx
    .selectFrom('bookings')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('state', '=', 'waitlisted')
    .orderBy('waitlist_position')
    .orderBy('booked_at')
    .orderBy('id')
    .execute();
}

/** The place at the back of the queue. Positions are numbers with room between them, so moves touch one row. */
export async function backOfQueue(scope: WriteScope, sessionId: string): Promise<number> {
  const last = await scope.trx
    .selectFrom('bookings')
    .select(({ fn }) => fn.max('waitlist_position').as('last'))
    .where('session_id', '=', sessionId)
    .where('state', '=', 'waitlisted')
    .executeTakeFirst();
  return (last?.last ?? 0) + 1;
}

/** 1 for the first person waiting; null when not waiting. */
export async function positionOf(scope: { trx: Kysely<Schema> }, booking: BookingRow): Promise<number | null> {
  if (booking.state !== 'waitlisted') return null;
  const queue = await waitingInOrder(scope, booking.session_id);
  return queue.findIndex((entry) => entry.id === booking.id) + 1 || null;
}

/**
 * Offers each free place to the first person waiting, in queue order. An
 * offer holds the place until the office or facilitator confirms it or the
 * person passes it on.
 */
export async function offerFreePlaces(scope: WriteScope, session: { id: string; capacity: number }, now: Date): Promise<number> {
  let offered = 0;
  let { free } = await countSeats(scope, session);
  if (free === 0) return 0;
  for (const next of await waitingInOrder(scope, session.id)) {
    if (free === 0) break;
    await changeBooking(scope, next, { state: 'offered', event: 'offered a place', reason: 'A place became free.' }, now);
    free -= 1;
    offered += 1;
  }
  return offered;
}

function requireWaiting(booking: BookingRow): void {
  if (booking.state !== 'waitlisted') {
    throw new FieldbookError('CONFLICT', 'Choose someone on the waiting list: this person is not on it, so they have no place there to change.');
  }
}

/** Moves a person to the front of the queue with the reason shown beside them. */
export async function raisePriority(scope: WriteScope, booking: BookingRow, reason: string, now: Date): Promise<void> {
  requireWaiting(booking);
  const queue = await waitingInOrder(scope, booking.session_id);
  const front = queue[0];
  if (front?.id === booking.id && booking.priority_reason === reason) return;
  const position = front && front.id !== booking.id ? (front.waitlist_position ?? 1) - 1 : (booking.waitlist_position ?? 1);
  await changeBooking(
    scope,
    booking,
    { state: 'waitlisted', event: 'moved to the front of the waitlist', reason, fields: { waitlist_position: position, priority_reason: reason } },
    now,
  );
}

/** Swaps a person with the one above or below them; the reason is kept in the history. */
export async function moveInQueue(scope: WriteScope, booking: BookingRow, direction: 'up' | 'down', reason: string, now: Date): Promise<void> {
  requireWaiting(booking);
  const queue = await waitingInOrder(scope, booking.session_id);
  const index = queue.findIndex((entry) => entry.id === booking.id);
  const otherIndex = direction === 'up' ? index - 1 : index + 1;
  const neighbour = queue[otherIndex];
  if (!neighbour) {
    throw new FieldbookError('CONFLICT', direction === 'up' ? 'No need to move them up: this person is already first on the waiting list.' : 'No need to move them down: this person is already last on the waiting list.');
  }
  const event = direction === 'up' ? 'moved up the waitlist' : 'moved down the waitlist';
  const priorityReason = direction === 'up' ? reason : booking.priority_reason;
  const mine = booking.waitlist_position ?? 0;
  const theirs = neighbour.waitlist_position ?? 0;
  if (mine !== theirs) {
    await changeBooking(scope, booking, { state: 'waitlisted', event, reason, fields: { waitlist_position: theirs, priority_reason: priorityReason } }, now);
    await changeBooking(scope, neighbour, { state: 'waitlisted', event: 'place changed by a move', reason, fields: { waitlist_position: mine } }, now);
    return;
  }
  // Equal positions (from a merge of two laptops' queues): number the queue afresh in its new order.
  const reordered = [...queue];
  [reordered[index], reordered[otherIndex]] = [neighbour, booking];
  for (const [place, entry] of reordered.entries()) {
    const isMoved = entry.id === booking.id;
    if (!isMoved && entry.waitlist_position === place + 1) continue;
    await changeBooking(
      scope,
      entry,
      isMoved
        ? { state: 'waitlisted', event, reason, fields: { waitlist_position: place + 1, priority_reason: priorityReason } }
        : { state: 'waitlisted', event: 'place changed by a move', reason, fields: { waitlist_position: place + 1 } },
      now,
    );
  }
}
