import type { BookingEvent } from '../../../shared/contract';
import { decodeHlc } from '../../sync/hlc';
import type { CoreContext } from '../deps';
import { deviceNamer, personNamer } from '../people/person-history';
import { inClockOrder, signInEvents, type StampedEvent } from '../signin/booking-sign-ins';
import { bookingId } from './booking-rows';
import { staffWhoWrote } from '../staff/change-staff';

/**
 * Every event of one person's booking on a session, oldest first: the
 * booking's own (booked, waiting, offered, released, given a place over
 * capacity with its reason…), each sign-in and undone sign-in at the
 * session, and the merges of the person's record with another, each with
 * when and on which computer.
 */
export async function bookingHistory(ctx: CoreContext, sessionId: string, personId: string): Promise<BookingEvent[]> {
  const id = bookingId(sessionId, personId);
  const events = await ctx.db.selectFrom('booking_events').selectAll().where('booking_id', '=', id).orderBy('hlc').execute();
  const booking = events.map((event) => {
    // On the office server, the staff member too: "on Central office, by Priya Shah".
    const staff = staffWhoWrote(ctx.sqlite, 'booking_events', event.id);
    return {
      hlc: event.hlc,
      event: {
        id: event.id,
        event: event.event,
        fromState: event.from_state,
        toState: event.to_state,
        reason: event.reason,
        by: staff ? `${event.device_name}, by ${staff}` : event.device_name,
        at: event.recorded_at,
      },
    };
  });
  const state = (ctx.sqlite.prepare('SELECT state FROM bookings WHERE id = ?').pluck().get(id) as string | undefined) ?? events.at(-1)?.to_state ?? 'booked';
  return inClockOrder(booking, signInEvents(ctx, sessionId, personId), mergeEvents(ctx, personId, state));
}

/**
 * The merges that make this person's record one with another: this record
 * merged into the one kept, or another merged into this one. A merge moves
 * no booking and changes no state (the booking stays as it is, `state`), so
 * it is a line with no change of state. Read from the change log, where
 * each merge is one change to `merged_into`, along the people_merged index
 * and change_log_by_row.
 */
function mergeEvents(ctx: CoreContext, personId: string, state: string): StampedEvent[] {
  const mergedHere = ctx.sqlite.prepare('SELECT id FROM people WHERE merged_into = ?').pluck().all(personId) as string[];
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, hlc, device_id, row_id, json_extract(fields, '$.merged_into') AS kept
       FROM change_log
       WHERE table_name = 'people' AND row_id IN (SELECT value FROM json_each(?)) AND json_type(fields, '$.merged_into') = 'text'`,
    )
    .all(JSON.stringify([personId, ...mergedHere])) as { id: string; hlc: string; device_id: string; row_id: string; kept: string }[];
  const device = deviceNamer(ctx);
  const person = personNamer(ctx);
  return rows.map((row) => ({
    hlc: row.hlc,
    event: {
      id: row.id,
      event: row.row_id === personId ? `record merged into ${person(row.kept)}'s, which is kept` : `${person(row.row_id)}'s record merged into this one`,
      fromState: null,
      toState: state,
      reason: null,
      by: device(row.device_id),
      at: new Date(decodeHlc(row.hlc).wallMs).toISOString(),
    },
  }));
}
