import type { BookingEvent } from '../../../shared/contract';
import type { CoreContext } from '../deps';
import { deviceNamer } from '../people/person-history';

/** A history line with the clock stamp it sorts by, so booking events and sign-ins interleave as they happened. */
export interface StampedEvent {
  hlc: string;
  event: BookingEvent;
}

const signedInWords: Record<string, string> = {
  facilitator: 'signed in',
  kiosk: 'signed in at the kiosk',
  walk_in: 'signed in as a walk-in',
};

/**
 * A person's sign-ins and undone sign-ins at a session, as lines of their
 * booking's history. Sign-ins are facts of their own (sign_ins), not booking
 * events, so without these the history would leave out the day itself.
 */
export function signInEvents(ctx: CoreContext, sessionId: string, personId: string): StampedEvent[] {
  const rows = ctx.sqlite
    .prepare('SELECT id, kind, method, hlc, recorded_at, device_id FROM sign_ins WHERE session_id = ? AND person_id = ? ORDER BY hlc')
    .all(sessionId, personId) as { id: string; kind: 'sign_in' | 'undo'; method: string; hlc: string; recorded_at: string; device_id: string }[];
  const device = deviceNamer(ctx);
  return rows.map((row) => ({
    hlc: row.hlc,
    event: {
      id: row.id,
      event: row.kind === 'undo' ? 'sign-in undone' : (signedInWords[row.method] ?? 'signed in'),
      fromState: row.kind === 'undo' ? 'signed_in' : null,
      toState: row.kind === 'undo' ? 'booked' : 'signed_in',
      reason: null,
      by: device(row.device_id),
      at: row.recorded_at,
    },
  }));
}

/** Booking events and sign-ins in the order they happened (by clock stamp). */
export function inClockOrder(...lists: StampedEvent[][]): BookingEvent[] {
  return lists
    .flat()
    .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
    .map((stamped) => stamped.event);
}
