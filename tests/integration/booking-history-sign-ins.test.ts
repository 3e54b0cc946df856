import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/contract';
import { addPeople, bookInTurn, localTime, morningBeforeTenOClockSession } from '../support/bookings';
import { seedSession, TEST_TODAY } from '../support/temp-core';
import { tempCoreForEachTest } from '../support/each-test';

/** A booking's history is every event of it: the booking's own, and each sign-in and undo at the session. */

const temp = tempCoreForEachTest({ setUp: true });
let session: Session;

beforeEach(async () => {
  session = await morningBeforeTenOClockSession(temp);
});

describe("a booking's history", () => {
  it('shows the booking, a sign-in, its undo and the sign-in again, in the order they happened, with the computer', async () => {
    const [amina] = await addPeople(temp.call, 'Amina');
    await bookInTurn(temp, session.id, [amina!]);
    const at = { sessionId: session.id, personId: amina! };
    temp.clock.advance(60_000);
    await temp.call('signIn.signIn', at);
    temp.clock.advance(60_000);
    await temp.call('signIn.undo', at);
    temp.clock.advance(60_000);
    await temp.call('signIn.signIn', at);

    const history = await temp.call('bookings.history', at);
    expect(history.map((event) => event.event)).toEqual([history[0]!.event, 'signed in', 'sign-in undone', 'signed in']);
    expect(history[0]!.toState).toBe('booked');
    expect(history[2]).toMatchObject({ fromState: 'signed_in', toState: 'booked', by: 'Central office' });
    const times = history.map((event) => event.at);
    expect([...times].sort()).toEqual(times);
  });

  it("names a walk-in's sign-in as such", async () => {
    const roster = await temp.call('signIn.addWalkIn', { sessionId: session.id, person: { givenName: 'Hana', familyName: 'Walkin' } });
    const hana = roster.entries.find((entry) => entry.name === 'Hana Walkin')!.personId;
    const history = await temp.call('bookings.history', { sessionId: session.id, personId: hana });
    expect(history.map((event) => event.event)).toContain('signed in as a walk-in');
  });

  it('shows a place taken from the waiting list: joined, offered, accepted, then signed in, oldest first', async () => {
    const small = await seedSession(temp.call, { day: TEST_TODAY, start: '11:00', capacity: 1 });
    const [first, second] = await addPeople(temp.call, 'Ola', 'Bea');
    await bookInTurn(temp, small.id, [first!, second!]);
    await temp.call('signIn.cancelBooking', { sessionId: small.id, personId: first!, reason: 'Cannot come after all' });
    temp.clock.advance(60_000);
    await temp.call('bookings.acceptOffer', { sessionId: small.id, personId: second! });
    temp.clock.advance(60_000);
    await temp.call('signIn.signIn', { sessionId: small.id, personId: second! });

    const history = await temp.call('bookings.history', { sessionId: small.id, personId: second! });
    expect(history.map((event) => event.event)).toEqual(['joined the waitlist', 'offered a place', 'accepted the offered place', 'signed in']);
    expect(history[1]).toMatchObject({ fromState: 'waitlisted', toState: 'offered', reason: 'A place became free.', by: 'Central office' });
  });

  it('shows places released by no-shows: the no-show on one booking, the place given on the other', async () => {
    const small = await seedSession(temp.call, { day: TEST_TODAY, start: '09:30', capacity: 1 });
    const [absent, waiting] = await addPeople(temp.call, 'Nia', 'Kofi');
    await bookInTurn(temp, small.id, [absent!, waiting!]);
    temp.clock.set(localTime(TEST_TODAY, '09:40'));
    await temp.call('signIn.signIn', { sessionId: small.id, personId: waiting! });
    await temp.call('bookings.releaseNoShows', { sessionId: small.id });

    const gone = await temp.call('bookings.history', { sessionId: small.id, personId: absent! });
    expect(gone.at(-1)).toMatchObject({ event: 'marked as a no-show', toState: 'no_show' });
    const given = await temp.call('bookings.history', { sessionId: small.id, personId: waiting! });
    const words = given.map((event) => event.event);
    expect(words.slice(0, 2)).toEqual(['joined the waitlist', 'arrived and is waiting']);
    expect(words).toContain('given a place released by no-shows');
    expect(words.at(-1)).toBe('signed in');
  });

  it("shows a merge of the person's record with another, on both records' bookings, with the computer", async () => {
    const [kept, other] = await addPeople(temp.call, 'Seun', 'Seun');
    await temp.call('people.update', { id: other!, version: (await temp.call('people.get', { id: other! })).version, fields: { givenName: 'Seun', familyName: 'A.' } });
    await bookInTurn(temp, session.id, [other!]);
    await temp.call('signIn.signIn', { sessionId: session.id, personId: other! });
    temp.clock.advance(60_000);
    await temp.call('people.merge', { keepId: kept!, otherId: other! });

    const history = await temp.call('bookings.history', { sessionId: session.id, personId: other! });
    expect(history.map((event) => event.event)).toEqual(['booked', 'signed in', "record merged into Seun Test's, which is kept"]);
    expect(history.at(-1)).toMatchObject({ fromState: null, toState: 'booked', reason: null, by: 'Central office' });
    // The kept record's own booking on another session names the one merged into it.
    const later = await seedSession(temp.call, { day: '2026-04-20', start: '10:00', capacity: 4 });
    await temp.call('signIn.book', { sessionId: later.id, personId: kept! });
    const keptHistory = await temp.call('bookings.history', { sessionId: later.id, personId: kept! });
    expect(keptHistory.map((event) => event.event)).toContain("Seun A.'s record merged into this one");
  });
});
