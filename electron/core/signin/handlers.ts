import { FieldbookError } from '../../../shared/errors';
import { insertPerson } from '../catalogue/people';
import { getSession } from '../catalogue/sessions';
import { localDate, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { write } from '../write';
import { bookingId, ensureLiveBooking } from './bookings';
import { getRoster } from './roster';
import { latestSignIn, recordSignIn, recordUndo, sessionOpenToday } from './sign-in';
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
        name: `${person.preferredName ?? person.givenName} ${person.familyName}`,
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
      return getRoster(ctx, sessionId);
    },

    async 'signIn.undo'({ sessionId, personId }) {
      await sessionOpenToday(ctx, sessionId);
      await write(ctx, (scope) => recordUndo(ctx, scope, sessionId, personId));
      return getRoster(ctx, sessionId);
    },

    async 'signIn.book'({ sessionId, personId }) {
      const session = await getSession(ctx, sessionId);
      if (session.status !== 'scheduled') {
        throw new FieldbookError('CONFLICT', `This session is ${session.status}, so nobody can book on to it.`);
      }
      if (session.startsAt.slice(0, 10) < localDate(ctx.clock())) {
        throw new FieldbookError('CONFLICT', 'This session has already happened, so nobody can book on to it.');
      }
      await write(ctx, async (scope) => {
        const person = await scope.trx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
        if (!person) throw new FieldbookError('NOT_FOUND', 'That person could not be found.');
        const existing = await scope.trx.selectFrom('bookings').select('state').where('id', '=', bookingId(sessionId, personId)).executeTakeFirst();
        if (existing?.state === 'booked' || existing?.state === 'offered') {
          throw new FieldbookError('CONFLICT', 'This person is already booked on this session.');
        }
        await ensureLiveBooking(scope, session, personId, ctx.clock());
      });
      return getRoster(ctx, sessionId);
    },

    async 'signIn.cancelBooking'({ sessionId, personId }) {
      await getSession(ctx, sessionId);
      await write(ctx, async (scope) => {
        const id = bookingId(sessionId, personId);
        const booking = await scope.trx.selectFrom('bookings').select('state').where('id', '=', id).executeTakeFirst();
        if (!booking) throw new FieldbookError('NOT_FOUND', 'That person is not booked on this session.');
        if ((await latestSignIn(scope, sessionId, personId))?.kind === 'sign_in') {
          throw new FieldbookError('CONFLICT', 'This person is signed in. Undo the sign-in first if they have left.');
        }
        if (booking.state === 'cancelled') throw new FieldbookError('CONFLICT', 'This booking is already cancelled.');
        await scope.update('bookings', id, { state: 'cancelled' });
      });
      return getRoster(ctx, sessionId);
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
              'CONFLICT',
              `${first.name}${where} looks like the same person. Choose them from the search, or confirm this is someone new.`,
            );
          }
        }
        const personId = await insertPerson(scope, { ...person, organisationId });
        await recordSignIn(ctx, scope, session, personId, 'walk_in');
      });
      return getRoster(ctx, sessionId);
    },
  };
}
