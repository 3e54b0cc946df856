import { FieldbookError } from '../../../shared/errors';
import { derivedId } from '../derived-id';
import type { WriteScope } from '../write';

/** One booking per person per session, with the same id on every device. */
export function bookingId(sessionId: string, personId: string): string {
  return derivedId('booking', sessionId, personId);
}

/** Places taken: live bookings (booked or offered) count against capacity. */
export async function placesTaken(scope: WriteScope, sessionId: string): Promise<number> {
  const row = await scope.trx
    .selectFrom('bookings')
    .select(({ fn }) => fn.countAll<number>().as('taken'))
    .where('session_id', '=', sessionId)
    .where('state', 'in', ['booked', 'offered'])
    .executeTakeFirstOrThrow();
  return Number(row.taken);
}

/**
 * Makes sure the person holds a live booking, booking them in if there is a
 * free place. Refuses, writing nothing, when the session is full.
 */
export async function ensureLiveBooking(
  scope: WriteScope,
  session: { id: string; capacity: number },
  personId: string,
  now: Date,
): Promise<void> {
  const id = bookingId(session.id, personId);
  const existing = await scope.trx.selectFrom('bookings').select('state').where('id', '=', id).executeTakeFirst();
  if (existing && (existing.state === 'booked' || existing.state === 'offered')) {
    if (existing.state === 'offered') await scope.update('bookings', id, { state: 'booked' });
    return;
  }
  const taken = await placesTaken(scope, session.id);
  if (taken >= session.capacity) {
    throw new FieldbookError(
      'CONFLICT',
      `This session is full: all ${session.capacity} places are taken. Nobody was signed in.`,
    );
  }
  if (existing) await scope.update('bookings', id, { state: 'booked' });
  else {
    await scope.insert('bookings', {
      id,
      session_id: session.id,
      person_id: personId,
      state: 'booked',
      booked_at: now.toISOString(),
    });
  }
}
