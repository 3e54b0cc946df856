import { FieldbookError } from '../../../shared/errors';
import type { WriteScope } from '../write';
import { changeBooking } from './booking-rows';
import { countSeats } from './seats';
import type { SessionRef } from './actions';

export interface ReleaseResult {
  noShows: number;
  /** People given a place, in the order they got it. */
  seated: string[];
}

/**
 * At or after the start: booked people who have not signed in become
 * no-shows, offers not taken up by someone in the room go back to waiting,
 * and every free place goes to the people waiting in the room: those on the
 * waitlist before the day in queue order, then walk-ins in arrival order.
 * Seated people are signed in by `signIn` (they are here).
 */
export async function releaseNoShows(
  scope: WriteScope,
  session: SessionRef & { startsAt: string },
  now: Date,
  localNow: string,
  signIn: (personId: string) => Promise<void>,
): Promise<ReleaseResult> {
  if (localNow < session.startsAt) {
    throw new FieldbookError('CONFLICT', `Wait until the session starts (${session.startsAt.slice(11)}) to release no-shows: not before.`);
  }
  // The latest fact per person decides: a sign-in, or an undo correcting it.
  const facts = await scope.trx
    .selectFrom('sign_ins')
    .select(['person_id', 'kind'])
    .where('session_id', '=', session.id)
    .orderBy('hlc')
    .execute();
  const latest = new Map(facts.map((fact) => [fact.person_id, fact.kind]));
  const signedIn = new Set([...latest].filter(([, kind]) => kind === 'sign_in').map(([personId]) => personId));

  const held = await scope.trx
    .selectFrom('bookings')
    .selectAll()
    .where('session_id', '=', session.id)
    .where('state', 'in', ['booked', 'offered'])
    .execute();
  let noShows = 0;
  for (const booking of held) {
    if (signedIn.has(booking.person_id)) continue;
    if (booking.state === 'booked') {
      await changeBooking(scope, booking, { state: 'no_show', event: 'marked as a no-show', reason: 'Not signed in when no-shows were released.' }, now);
      noShows += 1;
    } else if (!booking.present_at) {
      await changeBooking(scope, booking, { state: 'waitlisted', event: 'offer lapsed', reason: 'Not in the room when no-shows were released.' }, now);
    }
  }

  // A group's places not taken up by its staff in the room are released too.
  const groups = await scope.trx.selectFrom('group_bookings').select(['id', 'places']).where('session_id', '=', session.id).execute();
  for (const group of groups) {
    const attending = await scope.trx
      .selectFrom('bookings')
      .select(({ fn }) => fn.countAll<number>().as('count'))
      .where('group_booking_id', '=', group.id)
      .where('state', '=', 'booked')
      .executeTakeFirstOrThrow();
    if (Number(attending.count) < group.places) await scope.update('group_bookings', group.id, { places: Number(attending.count) });
  }

  const present = await scope.trx
    .selectFrom('bookings')
    .selectAll()
    .where('session_id', '=', session.id)
    .where('state', 'in', ['waitlisted', 'offered'])
    .where('present_at', 'is not', null)
    .orderBy('walk_in')
    .orderBy('waitlist_position')
    .orderBy('present_at')
    .execute();
  let { free } = await countSeats(scope, session);
  const seated: string[] = [];
  for (const booking of present) {
    // Someone holding an offer already has a place; they only need signing in.
    if (booking.state === 'waitlisted') {
      if (free === 0) continue;
      free -= 1;
    }
    await changeBooking(scope, booking, { state: 'booked', event: 'given a place released by no-shows' }, now);
    await signIn(booking.person_id);
    seated.push(booking.person_id);
  }
  return { noShows, seated };
}
