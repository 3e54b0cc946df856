import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { KioskStatus } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { getSession } from '../catalogue/sessions';
import { insertPerson } from '../catalogue/people';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import type { FoundPerson } from '../people/person-finder';
import { sameNameAtSession } from '../people/same-name-here';
import { keyRange } from '../people/search-keys';
import { recordSignIn, sessionOpenToday } from '../signin/sign-in';
import { findSimilarPeople } from '../signin/similar-people';
import { write, type WriteScope } from '../write';
import { requireBooking } from '../bookings/booking-rows';
import { positionOf } from '../bookings/waitlist';
import { recordParticipation } from './participation';
import { hashPin, pinMatches } from './pin';
import { noPinTries, pinLockedUntil, refuseWhileWaiting, refuseWrongPin } from './pin-tries';

async function kioskRow(ctx: CoreContext) {
  return ctx.db.selectFrom('kiosk').selectAll().executeTakeFirstOrThrow();
}

/** Reads the session the kiosk is open for (null when closed) with one prepared statement. */
export function kioskSessionReader(sqlite: Database): () => string | null {
  const read = sqlite.prepare<[], string | null>('SELECT session_id FROM kiosk').pluck();
  return () => read.get() ?? null;
}

export function kioskModeReader(sqlite: Database): () => 'sign_in' | 'evaluation' {
  const read = sqlite.prepare<[], 'sign_in' | 'evaluation'>('SELECT mode FROM kiosk').pluck();
  return () => read.get() ?? 'sign_in';
}

/** The session the kiosk is open for, refusing when it is closed or open for something else. */
/** The session the kiosk is open for, from the two prepared reads alone: a keystroke's search needs nothing more. */
function kioskSessionIdFor(ctx: CoreContext, mode: 'sign_in' | 'evaluation'): string {
  const sessionId = ctx.kioskSessionId();
  if (!sessionId || ctx.kioskMode() !== mode) {
    throw new FieldbookError('KIOSK_CLOSED', mode === 'sign_in' ? 'Ask the facilitator: the kiosk is not open for signing in.' : 'Ask the facilitator: the kiosk is not open for the evaluation.');
  }
  return sessionId;
}

export async function requireKioskFor(ctx: CoreContext, mode: 'sign_in' | 'evaluation') {
  return getSession(ctx, kioskSessionIdFor(ctx, mode));
}

async function requireOpenKiosk(ctx: CoreContext) {
  const session = await requireKioskFor(ctx, 'sign_in');
  return sessionOpenToday(ctx, session.id);
}

async function status(ctx: CoreContext): Promise<KioskStatus> {
  const row = await kioskRow(ctx);
  const locked = pinLockedUntil(row, ctx.clock())?.toISOString() ?? null;
  const session = row.session_id ? await getSession(ctx, row.session_id) : null;
  return {
    active: session !== null,
    mode: row.mode,
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
export function kioskLabel(person: FoundPerson): string {
  const initial = Array.from(person.familyName.trim())[0] ?? '';
  const name = `${person.preferredName ?? person.givenName} ${initial}.`;
  return person.organisationName ? `${name} — ${person.organisationName}` : name;
}

async function waitlistPositionOf(scope: WriteScope, sessionId: string, personId: string): Promise<number | null> {
  return positionOf(scope, await requireBooking(scope, sessionId, personId));
}

/**
 * A keystroke's search counts no further than this: a full count of everyone
 * whose name starts "ma" among 100,000 people (8,226 of them) takes 10 to 25 ms, and a
 * keystroke's search has half a millisecond. Past it, the kiosk asks for the
 * whole count once the typing pauses (kiosk.countMatches), so what it says
 * is true ("8,226 names match") without slowing the next letter.
 */
const COUNT_UP_TO = 200;

/**
 * How many people's names start with the text, each person once whichever of
 * their names matched: one count over the same index range the search reads,
 * prepared once, up to `limit` when one is given.
 */
function matchCounter(sqlite: Database): (query: string, limit?: number) => number {
  const upTo = sqlite
    .prepare<[string, string, number], number>('SELECT count(*) FROM (SELECT DISTINCT person_id FROM person_search_keys WHERE key >= ? AND key < ? LIMIT ?)')
    .pluck();
  const all = sqlite.prepare<[string, string], number>('SELECT count(DISTINCT person_id) FROM person_search_keys WHERE key >= ? AND key < ?').pluck();
  return (query, limit) => {
    const range = keyRange(query);
    if (!range) return 0;
    return (limit === undefined ? all.get(range.from, range.to) : upTo.get(range.from, range.to, limit)) ?? 0;
  };
}

/** The kiosk shows this many names; the count says how many more there are. */
const KIOSK_NAMES_SHOWN = 10;

export function kioskHandlers(ctx: CoreContext): HandlerGroup<'kiosk'> {
  const countMatches = matchCounter(ctx.sqlite);
  return {
    'kiosk.status': () => status(ctx),

    async 'kiosk.start'({ sessionId, pin, mode }) {
      await sessionOpenToday(ctx, sessionId);
      const row = await kioskRow(ctx);
      if (!row.pin_hash && !pin) {
        throw new FieldbookError('INVALID_INPUT', 'Choose a PIN first: it is needed to leave kiosk mode.', {
          pin: 'Choose a PIN of 4 to 8 digits.',
        });
      }
      await ctx.db
        .updateTable('kiosk')
        .set({ session_id: sessionId, mode, ...(row.pin_hash ? {} : { pin_hash: hashPin(pin!) }) })
        .execute();
      return status(ctx);
    },

    async 'kiosk.exit'({ pin }) {
      const row = await kioskRow(ctx);
      const now = ctx.clock();
      if (!row.session_id) return status(ctx);
      refuseWhileWaiting(row, now);
      if (!row.pin_hash || !pinMatches(pin, row.pin_hash)) await refuseWrongPin(ctx, row, now);
      // Held-back anonymous answers stay held: they go out in batches of five or with the export, never one by one at closing.
      await ctx.db.updateTable('kiosk').set({ session_id: null, ...noPinTries }).execute();
      return status(ctx);
    },

    async 'kiosk.find'({ query }) {
      const sessionId = kioskSessionIdFor(ctx, 'sign_in');
      const matches = ctx.finder.find(sessionId, query, KIOSK_NAMES_SHOWN).map((person) => ({
        personId: person.personId,
        label: kioskLabel(person),
        firstName: person.preferredName ?? person.givenName,
        signedIn: person.latestSignIn === 'sign_in',
      }));
      // Fewer than a screenful found means those are all of them; only a full screen needs the count.
      const counted = matches.length < KIOSK_NAMES_SHOWN ? matches.length : Math.max(matches.length, countMatches(query, COUNT_UP_TO + 1));
      return { matches, total: Math.min(counted, COUNT_UP_TO), more: counted > COUNT_UP_TO };
    },

    async 'kiosk.countMatches'({ query }) {
      kioskSessionIdFor(ctx, 'sign_in');
      return { query, total: countMatches(query) };
    },

    async 'kiosk.organisations'() {
      await requireOpenKiosk(ctx);
      return ctx.db.selectFrom('organisations').select(['id', 'name']).where('merged_into', 'is', null).orderBy(({ fn }) => fn('lower', ['name'])).execute();
    },

    async 'kiosk.signIn'({ personId, consent, ethnicity }) {
      const session = await requireOpenKiosk(ctx);
      return write(ctx, async (scope) => {
        const firstName = await recordParticipation(ctx, scope, session.id, personId, consent, ethnicity);
        const signedIn = await recordSignIn(ctx, scope, session, personId, 'kiosk');
        return { firstName, personId, waitlistPosition: signedIn ? null : await waitlistPositionOf(scope, session.id, personId) };
      });
    },

    async 'kiosk.addSelf'({ givenName, familyName, organisationId, consent, ethnicity }) {
      const session = await requireOpenKiosk(ctx);
      return write(ctx, async (scope) => {
        const similar = await findSimilarPeople(scope.trx, { givenName, familyName, organisationId });
        if (similar.length > 0 || (await sameNameAtSession(scope.trx, session.id, givenName, familyName))) {
          throw new FieldbookError('POSSIBLE_DUPLICATE', 'Search for your name, or ask the facilitator: you may already be on the list.');
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
        const signedIn = await recordSignIn(ctx, scope, session, personId, 'walk_in');
        return { firstName, personId, waitlistPosition: signedIn ? null : await waitlistPositionOf(scope, session.id, personId) };
      });
    },
  };
}
