import { afterEach, describe, expect, it } from 'vitest';
import { asIncoming, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { databaseHash, refusal, seedSession, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * A late arrival whose place was released, at a full session, when the room
 * has space: the facilitator signs them in over capacity with a reason. The
 * reason is in the booking's history, and the office sees the session
 * flagged as over capacity once the laptop's end-of-day file is in.
 */

let world: SyncWorld;
afterEach(async () => world?.cleanup());

const REASON = 'Arrived late, the room has space.';

/** A full session of two on the laptop, with a third person whose place was released as a no-show. */
async function fullSession() {
  world = await syncWorld(['Hall laptop']);
  const { office } = world;
  const laptop = world.laptops[0]!;
  const session = await seedSession(office.call, { day: TEST_TODAY, start: '08:30', capacity: 2 });
  await sendPackage(office, laptop);
  const person = async (givenName: string) => (await laptop.call('people.create', { givenName, familyName: 'Test' })).id;
  const late = await person('Seun');
  await laptop.call('signIn.book', { sessionId: session.id, personId: late });
  const others = [await person('Amira'), await person('Bogdan')];
  await laptop.call('bookings.releaseNoShows', { sessionId: session.id });
  for (const personId of others) await laptop.call('signIn.signIn', { sessionId: session.id, personId });
  return { office, laptop, session, late, others };
}

async function refusedWritingNothing(temp: TempCore, input: unknown) {
  const before = databaseHash(temp.sqlite);
  const error = await refusal(temp.dispatch, 'signIn.signInOverCapacity', input);
  expect(databaseHash(temp.sqlite)).toBe(before);
  return error;
}

describe('signing in over capacity', () => {
  it('signs in a late arrival at a full session, keeps the reason in their history, and flags the session to the office', async () => {
    const { office, laptop, session, late } = await fullSession();
    const before = await laptop.call('signIn.roster', { sessionId: session.id });
    expect(before.counts.seatsLeft).toBe(0);
    // The usual sign-in only puts them on the waiting list.
    await laptop.call('signIn.signIn', { sessionId: session.id, personId: late });
    expect((await laptop.call('signIn.roster', { sessionId: session.id })).entries.find((entry) => entry.personId === late)?.state).toBe('waitlisted');

    const roster = await laptop.call('signIn.signInOverCapacity', { sessionId: session.id, personId: late, reason: `  ${REASON} ` });
    const entry = roster.entries.find((candidate) => candidate.personId === late);
    expect(entry?.state).toBe('signed_in');
    expect(entry?.signIn?.method).toBe('facilitator');
    expect(roster.counts).toMatchObject({ capacity: 2, booked: 3, signedIn: 3, seatsLeft: 0 });
    const history = await laptop.call('bookings.history', { sessionId: session.id, personId: late });
    expect(history.at(-2)).toMatchObject({ event: 'given a place over capacity', reason: REASON, toState: 'booked' });
    expect(history.at(-1)).toMatchObject({ event: 'signed in', toState: 'signed_in' });

    // A second press is refused in words and writes nothing.
    const again = await refusedWritingNothing(laptop, { sessionId: session.id, personId: late, reason: REASON });
    expect(again.message).toBe('No need to sign Seun Test in again: they are already signed in.');

    const outcome = await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
    expect(outcome.capacityFlags).toBe(1);
    const flags = await office.call('sync.capacityFlags', {});
    expect(flags).toMatchObject([{ sessionId: session.id, capacity: 2, held: 3 }]);
    const atOffice = await office.call('bookings.history', { sessionId: session.id, personId: late });
    expect(atOffice.map((event) => event.reason)).toContain(REASON);
  });

  it('is refused without a reason, while a place is free, and for someone who holds a place, writing nothing', async () => {
    const { laptop, session, late, others } = await fullSession();
    const blank = await refusedWritingNothing(laptop, { sessionId: session.id, personId: late, reason: '   ' });
    expect(blank.message).toMatch(/^Write why they can be signed in although the session is full/);

    await laptop.call('signIn.undo', { sessionId: session.id, personId: others[0]! });
    const holder = await refusedWritingNothing(laptop, { sessionId: session.id, personId: others[0]!, reason: REASON });
    expect(holder.message).toBe('Sign them in in the usual way: they already have a place on this session.');

    await laptop.call('signIn.cancelBooking', { sessionId: session.id, personId: others[0]! });
    const free = await refusedWritingNothing(laptop, { sessionId: session.id, personId: late, reason: REASON });
    expect(free.message).toBe('Sign them in in the usual way: there is a place free on this session.');
  });
});
