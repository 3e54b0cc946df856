import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/contract';
import { addPeople, bookInTurn, localTime } from '../support/bookings';
import { seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/** A booking's history is every event of it: the booking's own, and each sign-in and undo at the session. */

let temp: TempCore;
let session: Session;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  temp.clock.set(localTime(TEST_TODAY, '09:00'));
  session = await seedSession(temp.call, { day: TEST_TODAY, start: '10:00', capacity: 4 });
});

afterEach(async () => {
  await temp.cleanup();
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
});
