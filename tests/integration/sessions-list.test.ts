import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_TODAY, seedSession, tempCore, type TempCore } from '../support/temp-core';

/** The schedule says how full each session is, counted as the roster counts it. */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

describe('the sessions list', () => {
  it('gives each session its places taken and its waiting list, a cancelled booking not counted', async () => {
    const session = await seedSession(temp.call, { day: TEST_TODAY, capacity: 2 });
    const people = [];
    for (const givenName of ['Amara', 'Bilal', 'Chloe', 'Dariusz']) people.push(await temp.call('people.create', { givenName, familyName: 'Listed' }));
    for (const person of people) await temp.call('signIn.book', { sessionId: session.id, personId: person.id });
    await temp.call('signIn.cancelBooking', { sessionId: session.id, personId: people[3]!.id, reason: 'Cannot come' });

    const [listed] = await temp.call('sessions.list', { from: TEST_TODAY });
    expect(listed).toMatchObject({ id: session.id, capacity: 2, taken: 2, waiting: 1 });
    const roster = await temp.call('signIn.roster', { sessionId: session.id });
    expect(roster.entries.filter((entry) => entry.state === 'waitlisted')).toHaveLength(1);
  });
});
