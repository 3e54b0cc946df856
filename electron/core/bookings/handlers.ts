import { FieldbookError } from '../../../shared/errors';
import { getSession } from '../catalogue/sessions';
import { localMinute, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { getRoster } from '../signin/roster';
import { recordSignIn } from '../signin/sign-in';
import { write, type WriteScope } from '../write';
import { acceptOffer, cancelBooking, changeCapacity, passOffer } from './actions';
import { requireBooking } from './booking-rows';
import { bookingHistory } from './booking-history';
import { bookMany } from './book-many';
import { bookableSession } from './checks';
import { fillGroupPlace, holdGroupPlaces, listGroups } from './groups';
import { releaseNoShows } from './release';
import { moveInQueue, raisePriority } from './waitlist';

export function bookingHandlers(ctx: CoreContext): HandlerGroup<'bookings'> {
  /** Runs one change to a session's bookings, then returns its roster as it now stands. */
  async function onSession(sessionId: string, change: (scope: WriteScope, session: { id: string; capacity: number }) => Promise<void>) {
    const session = await getSession(ctx, sessionId);
    if (session.status === 'cancelled') throw new FieldbookError('CONFLICT', 'Choose a session that is going ahead: this one has been cancelled, so its bookings cannot change.');
    await write(ctx, (scope) => change(scope, session));
    return getRoster(ctx, sessionId);
  }

  return {
    async 'bookings.bookPeople'({ sessionId, personIds }) {
      const session = await bookableSession(ctx, sessionId);
      const people = await write(ctx, (scope) => bookMany(scope, session, personIds, ctx.clock()));
      return { sessionId, courseTitle: session.courseTitle, startsAt: session.startsAt, people };
    },

    'bookings.history': ({ sessionId, personId }) => bookingHistory(ctx, sessionId, personId),

    'bookings.acceptOffer': ({ sessionId, personId }) =>
      onSession(sessionId, (scope, session) => acceptOffer(scope, session, personId, ctx.clock())),

    'bookings.passOffer': ({ sessionId, personId, reason }) =>
      onSession(sessionId, (scope, session) => passOffer(scope, session, personId, reason, ctx.clock())),

    'bookings.raisePriority': ({ sessionId, personId, reason }) =>
      onSession(sessionId, async (scope) => raisePriority(scope, await requireBooking(scope, sessionId, personId), reason, ctx.clock())),

    'bookings.move': ({ sessionId, personId, direction, reason }) =>
      onSession(sessionId, async (scope) => moveInQueue(scope, await requireBooking(scope, sessionId, personId), direction, reason, ctx.clock())),

    'bookings.removeFromWaitlist': ({ sessionId, personId, reason }) =>
      onSession(sessionId, async (scope, session) => {
        const booking = await requireBooking(scope, sessionId, personId);
        if (booking.state !== 'waitlisted') throw new FieldbookError('CONFLICT', 'Choose someone on the waiting list: this person is not on it.');
        await cancelBooking(scope, session, personId, reason, ctx.clock());
      }),

    'bookings.setCapacity': ({ sessionId, capacity }) =>
      onSession(sessionId, (scope, session) => changeCapacity(scope, session, capacity, ctx.clock())),

    async 'bookings.releaseNoShows'({ sessionId }) {
      const session = await getSession(ctx, sessionId);
      if (session.status === 'cancelled') throw new FieldbookError('CONFLICT', 'Choose a session that is going ahead: this one has been cancelled.');
      const now = ctx.clock();
      const result = await write(ctx, (scope) =>
        releaseNoShows(scope, session, now, localMinute(now), async (personId) => {
          await recordSignIn(ctx, scope, session, personId, 'facilitator');
        }),
      );
      const roster = await getRoster(ctx, sessionId);
      const names = new Map(roster.entries.map((entry) => [entry.personId, entry.name]));
      return { roster, noShows: result.noShows, seated: result.seated.map((id) => names.get(id) ?? id) };
    },

    'bookings.groups': ({ sessionId }) => listGroups(ctx, sessionId),

    async 'bookings.bookGroup'({ sessionId, organisationId, places }) {
      const session = await bookableSession(ctx, sessionId);
      await write(ctx, (scope) => holdGroupPlaces(scope, session, organisationId, places, ctx.clock()));
      return getRoster(ctx, sessionId);
    },

    async 'bookings.fillGroupPlace'({ groupBookingId, personId }) {
      const sessionId = await write(ctx, (scope) => fillGroupPlace(scope, groupBookingId, personId, ctx.clock()));
      return getRoster(ctx, sessionId);
    },
  };
}

