import type { GroupBooking } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { displayName } from '../signin/roster';
import type { WriteScope } from '../write';
import { changeBooking, createBooking, findBooking } from './booking-rows';
import { countSeats } from './seats';

/** Holds places for an organisation's staff; the places count against capacity until released. */
export async function holdGroupPlaces(
  scope: WriteScope,
  session: { id: string; capacity: number },
  organisationId: string,
  places: number,
  now: Date,
): Promise<string> {
  const organisation = await scope.trx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
  if (!organisation) throw new FieldbookError('NOT_FOUND', 'Choose the organisation again: that one could not be found.');
  const { free } = await countSeats(scope, session);
  if (places > free) {
    throw new FieldbookError('CONFLICT', `Hold at most ${free} places for the group: only ${free} are free on this session, so ${places} cannot be held.`, {
      places: `Enter at most ${free} places: no more are free.`,
    });
  }
  const id = scope.newId();
  await scope.insert('group_bookings', { id, session_id: session.id, organisation_id: organisationId, places, created_at: now.toISOString() });
  return id;
}

/** Names one of the group's staff in one of its places. */
export async function fillGroupPlace(scope: WriteScope, groupBookingId: string, personId: string, now: Date): Promise<string> {
  const group = await scope.trx.selectFrom('group_bookings').selectAll().where('id', '=', groupBookingId).executeTakeFirst();
  if (!group) throw new FieldbookError('NOT_FOUND', 'Choose a group from the list: that group booking could not be found.');
  const person = await scope.trx.selectFrom('people').select('id').where('id', '=', personId).executeTakeFirst();
  if (!person) throw new FieldbookError('NOT_FOUND', 'Choose the person again: that one could not be found.');
  const named = await scope.trx
    .selectFrom('bookings')
    .select(({ fn }) => fn.countAll<number>().as('count'))
    .where('group_booking_id', '=', groupBookingId)
    .where('state', '=', 'booked')
    .executeTakeFirstOrThrow();
  if (Number(named.count) >= group.places) {
    throw new FieldbookError('CONFLICT', `Hold more places for the group first: all ${group.places} of its places already have a name.`);
  }
  const existing = await findBooking(scope, group.session_id, personId);
  if (existing && (existing.state === 'booked' || existing.state === 'offered')) {
    throw new FieldbookError('CONFLICT', 'No need to book them again: this person already has a place on this session.');
  }
  const change = { state: 'booked' as const, event: 'named in a group place', fields: { group_booking_id: groupBookingId } };
  if (existing) await changeBooking(scope, existing, change, now);
  else await createBooking(scope, group.session_id, personId, change, now);
  return group.session_id;
}

export async function listGroups(ctx: CoreContext, sessionId: string): Promise<GroupBooking[]> {
  const groups = await ctx.db
    .selectFrom('group_bookings as g')
    .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
    .select(['g.id', 'g.organisation_id', 'o.name as organisation_name', 'g.places'])
    .where('g.session_id', '=', sessionId)
    .orderBy('g.created_at')
    .execute();
  const named = await ctx.db
    .selectFrom('bookings as b')
    .innerJoin('people as p', 'p.id', 'b.person_id')
    .select(['b.group_booking_id', 'b.person_id', 'p.given_name', 'p.family_name', 'p.preferred_name'])
    .where('b.session_id', '=', sessionId)
    .where('b.group_booking_id', 'is not', null)
    .where('b.state', '=', 'booked')
    .execute();
  return groups.map((group) => ({
    id: group.id,
    organisationId: group.organisation_id,
    organisationName: group.organisation_name,
    places: group.places,
    named: named
      .filter((row) => row.group_booking_id === group.id)
      .map((row) => ({ personId: row.person_id, name: displayName(row) })),
  }));
}
