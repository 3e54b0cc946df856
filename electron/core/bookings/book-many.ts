import type { BookingResult } from '../../../shared/contract/membership';
import { FieldbookError } from '../../../shared/errors';
import { displayName } from '../signin/roster';
import type { WriteScope } from '../write';
import { bookPerson } from './actions';
import { findBooking } from './booking-rows';
import { positionOf, raisePriority } from './waitlist';

/**
 * Books several people onto one session in one write, by the bookings' own
 * rules: a free place, else the back of the waitlist; with a reason for
 * priority, someone who has to wait goes to the front with it beside them.
 * Anyone already booked, offered or waiting there is left as they are and
 * said to be. A person merged into another is booked as the one kept, so
 * they are never counted twice.
 */
export async function bookMany(
  scope: WriteScope,
  session: { id: string; capacity: number },
  personIds: readonly string[],
  now: Date,
  priorityReason: string | null = null,
): Promise<BookingResult['people']> {
  const asked = [...new Set(personIds)];
  const found = await scope.trx
    .selectFrom('people')
    .select(['id', 'merged_into'])
    .where('id', 'in', asked)
    .execute();
  if (found.length !== asked.length) throw new FieldbookError('INVALID_INPUT', 'Choose the people again from the list: one of them could not be found.');
  const kept = [...new Set(found.map((person) => person.merged_into ?? person.id))];
  const people = await scope.trx
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'preferred_name'])
    .where('id', 'in', kept)
    .execute();

  const result: BookingResult['people'] = [];
  for (const person of people) {
    const existing = await findBooking(scope, session.id, person.id);
    const name = displayName(person);
    if (existing && existing.state !== 'cancelled' && existing.state !== 'no_show') {
      result.push({ personId: person.id, name, outcome: 'already', waitlistPosition: await positionOf(scope, existing) });
      continue;
    }
    const booked = await bookPerson(scope, session, person.id, now);
    if (booked.state === 'waitlisted' && priorityReason) {
      await raisePriority(scope, (await findBooking(scope, session.id, person.id))!, priorityReason, now);
    }
    const booking = (await findBooking(scope, session.id, person.id))!;
    result.push({ personId: person.id, name, outcome: booking.state === 'waitlisted' ? 'waitlisted' : 'booked', waitlistPosition: await positionOf(scope, booking) });
  }
  return result;
}
