import { afterEach, describe, expect, it } from 'vitest';
import { sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { dumpDatabase, refusal, seedSession, TEST_TODAY } from '../support/temp-core';

/**
 * The write policy as a facilitator meets it through the procedures: the
 * laptop keeps the catalogue it received and says why in plain words, and
 * still does the day's work.
 */

let world: SyncWorld | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function laptopWithASession() {
  world = await syncWorld(['Hall laptop 2']);
  const { office, laptops } = world;
  const laptop = laptops[0]!;
  const session = await seedSession(office.call, { day: TEST_TODAY, capacity: 10 });
  await sendPackage(office, laptop);
  return { office, laptop, session };
}

describe('what a laptop may write', () => {
  it('refuses to add or change the catalogue, saying the office keeps it, and writes nothing', async () => {
    const { laptop, session } = await laptopWithASession();
    const before = dumpDatabase(laptop.sqlite);

    expect(await refusal(laptop.dispatch, 'courses.create', { title: 'Made on a laptop', durationMinutes: 60, learningOutcomes: ['Anything'] })).toEqual({
      code: 'NOT_ALLOWED',
      message: 'Ask the central office to add a course: only it can, and its changes reach this laptop in its next package.',
    });
    expect(await refusal(laptop.dispatch, 'venues.create', { name: 'A kitchen', address: '1 Home Street' })).toMatchObject({ code: 'NOT_ALLOWED' });
    const { id, courseTitle: _, venueName: __, contractName: ___, ...fields } = session;
    expect(await refusal(laptop.dispatch, 'sessions.update', { id, version: (await laptop.call('sessions.get', { id })).version, fields: { ...fields, startsAt: `${TEST_TODAY}T09:00` } })).toEqual({
      code: 'NOT_ALLOWED',
      message: 'Ask the central office to change the start time of a session: only it can, and its changes reach this laptop in its next package.',
    });
    expect(dumpDatabase(laptop.sqlite)).toEqual(before);
  });

  it('still adds people and organisations, books, signs in, changes a session’s capacity and writes notes', async () => {
    const { laptop, session } = await laptopWithASession();
    const organisation = await laptop.call('organisations.create', { name: 'Hope Street Surgery', sector: 'statutory' });
    const person = await laptop.call('people.create', { givenName: 'Amira', familyName: 'Khan', organisationId: organisation.id });
    await laptop.call('signIn.book', { sessionId: session.id, personId: person.id });
    await laptop.call('signIn.signIn', { sessionId: session.id, personId: person.id });
    const roster = await laptop.call('bookings.setCapacity', { sessionId: session.id, capacity: 12 });
    expect(roster.counts).toMatchObject({ capacity: 12, signedIn: 1 });
    const note = await laptop.call('notes.add', { sessionId: session.id, text: 'The hearing loop was off', tags: [], needsResponse: true });

    // Answering the note is the office's.
    expect(await refusal(laptop.dispatch, 'notes.respond', { id: note.id, response: 'Fixed', status: 'responded' })).toEqual({
      code: 'NOT_ALLOWED',
      message: 'Ask the central office to change the response of a session note: only it can, and its changes reach this laptop in its next package.',
    });
  });
});
