import type { SignInMethod } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { getSession } from '../catalogue/sessions';
import { localDate, type CoreContext } from '../deps';
import type { WriteScope } from '../write';
import { placeForArrival, placeOverCapacity } from '../bookings/actions';
import { createBooking } from '../bookings/booking-rows';
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
  const id = scope.newId();
  await scope.insert('sign_ins', {
    id,
    session_id: sessionId,
    person_id: personId,
    kind: 'sign_in',
    method,
    corrects_id: null,
    hlc: scope.stamp(),
    recorded_at: now.toISOString(),
    device_id: scope.deviceId,
  });
  return id;
}

/**
 * Past attendance at a session made in this same transaction (a day typed
 * up from a paper sign-in sheet): each person gets the booking and the
 * sign-in a facilitator's "Sign in" would have given them, with the same
 * rows and history, without asking the database what it cannot yet hold,
 * since nobody has a booking or a sign-in on a session that did not exist,
 * and the caller made its capacity fit them.
 */
export async function recordPastAttendance(scope: WriteScope, sessionId: string, personIds: Iterable<string>, now: Date): Promise<number> {
  let signedIn = 0;
  for (const personId of personIds) {
    await createBooking(scope, sessionId, personId, { state: 'booked', event: 'booked', reason: 'Attendance imported from a spreadsheet.' }, now);
    await insertSignIn(scope, sessionId, personId, 'facilitator', now);
    signedIn += 1;
  }
  return signedIn;
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
