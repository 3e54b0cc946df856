import type { SignInMethod } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { getSession } from '../catalogue/sessions';
import { localDate, type CoreContext } from '../deps';
import type { WriteScope } from '../write';
import { placeForArrival, placeOverCapacity } from '../bookings/actions';
import { bookingEventRow, newBookingRow, type BookingChange } from '../bookings/booking-rows';
import { displayName } from './roster';

function longDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The session, checked to be one people can sign in to today. */
export async function sessionOpenToday(ctx: CoreContext, sessionId: string) {
  const session = await getSession(ctx, sessionId);
  if (session.status === 'cancelled') {
    throw new FieldbookError('CONFLICT', 'Choose a session that is going ahead: this one has been cancelled, so nobody can sign in to it.');
  }
  const day = session.startsAt.slice(0, 10);
  if (day !== localDate(ctx.clock())) {
    throw new FieldbookError('CONFLICT', `Sign people in on the day: this session is on ${longDate(day)}, not today, so nobody can sign in to it yet.`);
  }
  return session;
}

/** The latest sign-in fact for a person at a session: signed in when it is a sign-in. */
export async function latestSignIn(scope: WriteScope, sessionId: string, personId: string) {
  return scope.trx
    .selectFrom('sign_ins')
    .select(['id', 'kind'])
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .orderBy('hlc', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function personName(scope: WriteScope, personId: string): Promise<string> {
  const person = await scope.trx
    .selectFrom('people')
    .select(['given_name', 'family_name', 'preferred_name'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new FieldbookError('NOT_FOUND', 'Choose the person again: that one could not be found.');
  return displayName(person);
}

/**
 * Records that a person is here: one append-only fact, in the same
 * transaction as any booking it needs, so it is all there after a power cut
 * or none of it is. When the session is full and they hold no place, they
 * join the waitlist as present instead and null is returned.
 */
export async function recordSignIn(
  ctx: CoreContext,
  scope: WriteScope,
  session: { id: string; capacity: number },
  personId: string,
  method: SignInMethod,
): Promise<string | null> {
  const name = await personName(scope, personId);
  const latest = await latestSignIn(scope, session.id, personId);
  if (latest?.kind === 'sign_in') {
    throw new FieldbookError('ALREADY_SIGNED_IN', `No need to sign ${name} in again: they are already signed in.`);
  }
  const now = ctx.clock();
  if (!(await placeForArrival(scope, session, personId, now))) return null;
  return insertSignIn(scope, session.id, personId, method, now);
}

/**
 * Signs in someone the full session has no place for, with the facilitator's
 * reason: a place over capacity, then the sign-in, in one transaction.
 */
export async function recordOverCapacitySignIn(
  ctx: CoreContext,
  scope: WriteScope,
  session: { id: string; capacity: number },
  personId: string,
  reason: string,
): Promise<string> {
  const name = await personName(scope, personId);
  if ((await latestSignIn(scope, session.id, personId))?.kind === 'sign_in') {
    throw new FieldbookError('ALREADY_SIGNED_IN', `No need to sign ${name} in again: they are already signed in.`);
  }
  const now = ctx.clock();
  await placeOverCapacity(scope, session, personId, reason, now);
  return insertSignIn(scope, session.id, personId, 'facilitator', now);
}

async function insertSignIn(scope: WriteScope, sessionId: string, personId: string, method: SignInMethod, now: Date): Promise<string> {
  const row = signInRow(scope, sessionId, personId, method, now);
  await scope.insert('sign_ins', row);
  return row.id;
}

function signInRow(scope: WriteScope, sessionId: string, personId: string, method: SignInMethod, now: Date) {
  return {
    id: scope.newId(),
    session_id: sessionId,
    person_id: personId,
    kind: 'sign_in' as const,
    method,
    corrects_id: null,
    hlc: scope.stamp(),
    recorded_at: now.toISOString(),
    device_id: scope.deviceId,
  };
}

/** The people who came to one session, for recordPastAttendance. */
export interface PastAttendance {
  sessionId: string;
  personIds: readonly string[];
}

const IMPORTED: BookingChange = { state: 'booked', event: 'booked', reason: 'Attendance imported from a spreadsheet.' };

/**
 * Past attendance at sessions made in this same transaction (days typed
 * up from paper sign-in sheets): each person gets the booking and the
 * sign-in a facilitator's "Sign in" would have given them, with the same
 * rows and history, without asking the database what it cannot yet hold,
 * since nobody has a booking or a sign-in on a session that did not exist,
 * and the caller made each capacity fit them. The rows go in table by
 * table (every booking, then every booking's history line, then every
 * sign-in), which SQLite writes faster than the three rows of each person
 * in turn; each row is still stamped after those it refers to.
 */
export async function recordPastAttendance(scope: WriteScope, attendances: readonly PastAttendance[], now: Date): Promise<number> {
  const bookings = attendances.flatMap(({ sessionId, personIds }) => personIds.map((personId) => newBookingRow(sessionId, personId, IMPORTED, now)));
  await scope.insertMany('bookings', bookings);
  await scope.insertMany(
    'booking_events',
    bookings.map((booking) => bookingEventRow(scope, booking, null, IMPORTED, now)),
  );
  await scope.insertMany(
    'sign_ins',
    bookings.map((booking) => signInRow(scope, booking.session_id, booking.person_id, 'facilitator', now)),
  );
  return bookings.length;
}

/** Undoes a mistaken sign-in with a correcting fact; the original stays on record. */
export async function recordUndo(ctx: CoreContext, scope: WriteScope, sessionId: string, personId: string): Promise<void> {
  const name = await personName(scope, personId);
  const latest = await latestSignIn(scope, sessionId, personId);
  if (latest?.kind !== 'sign_in') {
    throw new FieldbookError('CONFLICT', `No need to undo: ${name} is not signed in.`);
  }
  await scope.insert('sign_ins', {
    id: scope.newId(),
    session_id: sessionId,
    person_id: personId,
    kind: 'undo',
    method: 'facilitator',
    corrects_id: latest.id,
    hlc: scope.stamp(),
    recorded_at: ctx.clock().toISOString(),
    device_id: scope.deviceId,
  });
}
