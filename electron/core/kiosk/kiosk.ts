import type { KioskStatus } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { getSession } from '../catalogue/sessions';
import { insertPerson } from '../catalogue/people';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { matchingPersonIds } from '../people/find-people';
import { recordSignIn, sessionOpenToday } from '../signin/sign-in';
import { findSimilarPeople } from '../signin/similar-people';
import { write } from '../write';
import { recordParticipation } from './participation';
import { hashPin, lockoutMs, pinMatches } from './pin';

async function kioskRow(ctx: CoreContext) {
  return ctx.db.selectFrom('kiosk').selectAll().executeTakeFirstOrThrow();
}

/** The session the kiosk is open for; kiosk procedures refuse when it is closed. */
export async function activeKioskSessionId(ctx: CoreContext): Promise<string | null> {
  return (await kioskRow(ctx)).session_id;
}

async function requireOpenKiosk(ctx: CoreContext) {
  const sessionId = await activeKioskSessionId(ctx);
  if (!sessionId) throw new FieldbookError('CONFLICT', 'The kiosk is not open. Ask the facilitator.');
  return sessionOpenToday(ctx, sessionId);
}

/**
 * Wrong PINs are counted in memory, not in the database: a refused call
 * writes nothing, and a participant cannot restart the app from the kiosk.
 */
interface PinAttempts {
  failed: number;
  lockedUntilMs: number;
}

async function status(ctx: CoreContext, attempts: PinAttempts): Promise<KioskStatus> {
  const row = await kioskRow(ctx);
  const locked = attempts.lockedUntilMs > ctx.clock().getTime() ? new Date(attempts.lockedUntilMs).toISOString() : null;
  const session = row.session_id ? await getSession(ctx, row.session_id) : null;
  return {
    active: session !== null,
    pinSet: row.pin_hash !== null,
    lockedUntil: locked,
    session: session && {
      id: session.id,
      courseTitle: session.courseTitle,
      venueName: session.venueName,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    },
  };
}

/** "Amira K. — Newcastle City Council": enough to find yourself, not enough to learn about others. */
function kioskLabel(person: { given_name: string; family_name: string; preferred_name: string | null; organisation_name: string | null }) {
  const initial = Array.from(person.family_name.trim())[0] ?? '';
  const name = `${person.preferred_name ?? person.given_name} ${initial}.`;
  return person.organisation_name ? `${name} — ${person.organisation_name}` : name;
}

export function kioskHandlers(ctx: CoreContext): HandlerGroup<'kiosk'> {
  const attempts: PinAttempts = { failed: 0, lockedUntilMs: 0 };
  return {
    'kiosk.status': () => status(ctx, attempts),

    async 'kiosk.start'({ sessionId, pin }) {
      await sessionOpenToday(ctx, sessionId);
      const row = await kioskRow(ctx);
      if (!row.pin_hash && !pin) {
        throw new FieldbookError('INVALID_INPUT', 'Choose a PIN first: it is needed to leave kiosk mode.', {
          pin: 'Choose a PIN of 4 to 8 digits.',
        });
      }
      await ctx.db
        .updateTable('kiosk')
        .set({ session_id: sessionId, ...(row.pin_hash ? {} : { pin_hash: hashPin(pin!) }) })
        .execute();
      return status(ctx, attempts);
    },

    async 'kiosk.exit'({ pin }) {
      const row = await kioskRow(ctx);
      const now = ctx.clock().getTime();
      if (!row.session_id) return status(ctx, attempts);
      if (attempts.lockedUntilMs > now) {
        const seconds = Math.ceil((attempts.lockedUntilMs - now) / 1000);
        throw new FieldbookError('UNAUTHORISED', `Too many wrong PINs. Try again in ${seconds} seconds.`);
      }
      if (!row.pin_hash || !pinMatches(pin, row.pin_hash)) {
        attempts.failed += 1;
        attempts.lockedUntilMs = now + lockoutMs(attempts.failed);
        throw new FieldbookError('UNAUTHORISED', 'That PIN is not right.', { pin: 'That PIN is not right.' });
      }
      attempts.failed = 0;
      attempts.lockedUntilMs = 0;
      await ctx.db.updateTable('kiosk').set({ session_id: null }).execute();
      return status(ctx, attempts);
    },

    async 'kiosk.find'({ query }) {
      const session = await requireOpenKiosk(ctx);
      const booked = await matchingPersonIds(ctx.db, query, 10, { sessionId: session.id });
      const others = await matchingPersonIds(ctx.db, query, 10 + booked.length);
      const ids = [...new Set([...booked, ...others])].slice(0, 10);
      if (ids.length === 0) return [];
      const people = await ctx.db
        .selectFrom('people')
        .leftJoin('organisations', 'organisations.id', 'people.organisation_id')
        .select(['people.id', 'people.given_name', 'people.family_name', 'people.preferred_name', 'organisations.name as organisation_name'])
        .where('people.id', 'in', ids)
        .execute();
      const byId = new Map(people.map((person) => [person.id, person]));
      return ids.flatMap((id) => {
        const person = byId.get(id);
        return person ? [{ personId: id, label: kioskLabel(person) }] : [];
      });
    },

    async 'kiosk.organisations'() {
      await requireOpenKiosk(ctx);
      return ctx.db.selectFrom('organisations').select(['id', 'name']).orderBy(({ fn }) => fn('lower', ['name'])).execute();
    },

    async 'kiosk.signIn'({ personId, consent, ethnicity }) {
      const session = await requireOpenKiosk(ctx);
      return write(ctx, async (scope) => {
        const firstName = await recordParticipation(ctx, scope, session.id, personId, consent, ethnicity);
        await recordSignIn(ctx, scope, session, personId, 'kiosk');
        return { firstName };
      });
    },

    async 'kiosk.addSelf'({ givenName, familyName, organisationId, consent, ethnicity }) {
      const session = await requireOpenKiosk(ctx);
      return write(ctx, async (scope) => {
        const similar = await findSimilarPeople(scope.trx, { givenName, familyName, organisationId });
        if (similar.length > 0) {
          throw new FieldbookError('CONFLICT', 'You may already be on the list. Search for your name, or ask the facilitator.');
        }
        const personId = await insertPerson(scope, {
          givenName,
          familyName,
          preferredName: null,
          email: null,
          phone: null,
          organisationId,
          membershipJoinedOn: null,
        });
        const firstName = await recordParticipation(ctx, scope, session.id, personId, consent, ethnicity);
        await recordSignIn(ctx, scope, session, personId, 'walk_in');
        return { firstName };
      });
    },
  };
}
