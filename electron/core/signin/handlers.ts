import { FieldbookError } from '../../../shared/errors';
import { insertPerson } from '../catalogue/people';
import { getSession } from '../catalogue/sessions';
import { localDate, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { write } from '../write';
import { bookPerson, cancelBooking } from '../bookings/actions';
import { bookableSession, requirePerson } from '../bookings/checks';
import { displayName, getRoster } from './roster';
import { flagOverCapacity } from '../sync/capacity-flags';
import { latestSignIn, recordOverCapacitySignIn, recordSignIn, recordUndo, sessionOpenToday } from './sign-in';
import { findSimilarPeople } from './similar-people';

export function signInHandlers(ctx: CoreContext): HandlerGroup<'signIn'> {
  return {
    async 'signIn.today'() {
      const today = localDate(ctx.clock());
      const sessions = await ctx.db
        .selectFrom('sessions')
        .select('id')
        .where('starts_at', '>=', today)
        .where('starts_at', '<', `${today}T99`)
        .orderBy('starts_at')
        .execute();
      return Promise.all(
        sessions.map(async ({ id }) => {
          const { session, counts } = await getRoster(ctx, id);
          return { session, counts };
        }),
      );
    },

    'signIn.roster': ({ sessionId }) => getRoster(ctx, sessionId),

    async 'signIn.find'({ sessionId, query, limit }) {
      return ctx.finder.find(sessionId, query, limit).map((person) => ({
        personId: person.personId,
        name: displayName({ given_name: person.givenName, family_name: person.familyName, preferred_name: person.preferredName }),
        organisationName: person.organisationName,
        bookedHere: person.bookingState === 'booked' || person.bookingState === 'offered',
        signedInHere: person.latestSignIn === 'sign_in',
      }));
    },

    async 'signIn.similarPeople'(input) {
      return findSimilarPeople(ctx.db, input);
    },

    async 'signIn.signIn'({ sessionId, personId }) {
      const session = await sessionOpenToday(ctx, sessionId);
      await write(ctx, (scope) => recordSignIn(ctx, scope, session, personId, 'facilitator'));
      return getRoster(ctx, sessionId, session);
    },

    async 'signIn.signInOverCapacity'({ sessionId, personId, reason }) {
      const session = await sessionOpenToday(ctx, sessionId);
      await write(ctx, async (scope) => {
        await requirePerson(scope, personId);
        await recordOverCapacitySignIn(ctx, scope, session, personId, reason);
      });
      // Flagged here for the office's own review; a laptop's booking row flags it at the office when its
      // end-of-day file is imported, as every overrun found in a merge is.
      flagOverCapacity(ctx.sqlite, [sessionId], ctx.clock().toISOString());
      return getRoster(ctx, sessionId, session);
    },

    async 'signIn.undo'({ sessionId, personId }) {
      const session = await sessionOpenToday(ctx, sessionId);
      await write(ctx, (scope) => recordUndo(ctx, scope, sessionId, personId));
      return getRoster(ctx, sessionId, session);
    },

    async 'signIn.book'({ sessionId, personId }) {
      const session = await bookableSession(ctx, sessionId);
      await write(ctx, async (scope) => {
        await requirePerson(scope, personId);
        await bookPerson(scope, session, personId, ctx.clock());
      });
      return getRoster(ctx, sessionId, session);
    },

    async 'signIn.cancelBooking'({ sessionId, personId, reason }) {
      const session = await getSession(ctx, sessionId);
      await write(ctx, async (scope) => {
        if ((await latestSignIn(scope, sessionId, personId))?.kind === 'sign_in') {
          throw new FieldbookError('CONFLICT', 'Undo the sign-in first if they have left: this person is signed in.');
        }
        await cancelBooking(scope, session, personId, reason ?? 'Cancelled on the roster.', ctx.clock());
      });
      return getRoster(ctx, sessionId, session);
    },

    async 'signIn.addWalkIn'({ sessionId, person, newOrganisation, confirmedNew }) {
      const session = await sessionOpenToday(ctx, sessionId);
      await write(ctx, async (scope) => {
        let organisationId = person.organisationId;
        if (newOrganisation) {
          organisationId = scope.newId();
          await scope.insert('organisations', { id: organisationId, name: newOrganisation.name, sector: newOrganisation.sector });
        }
        if (!confirmedNew) {
          const similar = await findSimilarPeople(scope.trx, { ...person, organisationId });
          const first = similar[0];
          if (first) {
            const where = first.organisationName ? ` (${first.organisationName})` : '';
            throw new FieldbookError(
              'POSSIBLE_DUPLICATE',
              `Choose ${first.name}${where} from the search, or confirm this is someone new: they look like the same person.`,
            );
          }
        }
        const personId = await insertPerson(scope, { ...person, organisationId });
        await recordSignIn(ctx, scope, session, personId, 'walk_in');
      });
      return getRoster(ctx, sessionId, session);
    },
  };
}
