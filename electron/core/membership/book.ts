import type { BookingResult } from '../../../shared/contract/membership';
import { FieldbookError } from '../../../shared/errors';
import { bookPerson } from '../bookings/actions';
import { findBooking } from '../bookings/booking-rows';
import { positionOf, raisePriority } from '../bookings/waitlist';
import { localMinute, type CoreContext } from '../deps';
import { displayName } from '../signin/roster';
import type { WriteScope } from '../write';
import { courseIdsOf } from './schemes';

/**
 * Books members onto the next scheduled session of any of the scheme's
 * required courses, through the bookings' own rules: a free place, else the
 * back of the waitlist; with a reason for priority, a member who has to wait
 * is moved to the front with that reason beside them. Someone already booked
 * or waiting there is left as they are.
 */
export async function bookOntoNextSession(
  ctx: CoreContext,
  scope: WriteScope,
  input: { schemeId: string; personIds: readonly string[]; priorityReason: string | null },
): Promise<BookingResult> {
  const scheme = await scope.trx.selectFrom('membership_schemes').selectAll().where('id', '=', input.schemeId).executeTakeFirst();
  if (!scheme) throw new FieldbookError('INVALID_INPUT', 'That membership scheme could not be found.', { schemeId: 'Choose a scheme from the list.' });
  const now = ctx.clock();
  const session = await scope.trx
    .selectFrom('sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['s.id', 's.capacity', 's.starts_at', 'c.title'])
    .where('s.course_id', 'in', courseIdsOf(scheme))
    .where('s.status', '=', 'scheduled')
    .where('s.starts_at', '>', localMinute(now))
    .orderBy('s.starts_at')
    .executeTakeFirst();
  if (!session) {
    throw new FieldbookError('CONFLICT', `There is no session of the required course for ${scheme.name} coming up. Schedule one, then book them.`);
  }
  const people = await scope.trx
    .selectFrom('people')
    .select(['id', 'given_name', 'family_name', 'preferred_name'])
    .where('id', 'in', [...new Set(input.personIds)])
    .execute();
  if (people.length !== new Set(input.personIds).size) throw new FieldbookError('INVALID_INPUT', 'One of those people could not be found.');

  const result: BookingResult = { sessionId: session.id, courseTitle: session.title, startsAt: session.starts_at, people: [] };
  for (const person of people) {
    const existing = await findBooking(scope, session.id, person.id);
    const name = displayName(person);
    if (existing && existing.state !== 'cancelled' && existing.state !== 'no_show') {
      result.people.push({ personId: person.id, name, outcome: 'already', waitlistPosition: await positionOf(scope, existing) });
      continue;
    }
    const booked = await bookPerson(scope, session, person.id, now);
    if (booked.state === 'waitlisted' && input.priorityReason) {
      await raisePriority(scope, (await findBooking(scope, session.id, person.id))!, input.priorityReason, now);
    }
    const booking = (await findBooking(scope, session.id, person.id))!;
    result.people.push({ personId: person.id, name, outcome: booking.state === 'waitlisted' ? 'waitlisted' : 'booked', waitlistPosition: await positionOf(scope, booking) });
  }
  return result;
}
