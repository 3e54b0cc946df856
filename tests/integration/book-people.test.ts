import { afterEach, describe, expect, it } from 'vitest';
import { countRows, seedSession, tempCore, type TempCore } from '../support/temp-core';

/** The office books one or many people onto a session to come, from People or an organisation's staff. */

let temp: TempCore;
afterEach(async () => temp?.cleanup());

async function officeWithPeople(capacity: number) {
  temp = await tempCore({ setUp: true });
  const session = await seedSession(temp.call, { day: '2026-04-02', capacity });
  const council = await temp.call('organisations.create', { name: 'Leeds City Council', sector: 'statutory' });
  const people = [];
  for (const [givenName, familyName] of [['Amira', 'Khan'], ['Bogdan', 'Nowak'], ['Chidi', 'Okafor']] as const) {
    people.push(await temp.call('people.create', { givenName, familyName, organisationId: council.id }));
  }
  return { session, council, people };
}

describe('booking people onto a session to come', () => {
  it('gives places while there are any, then the waiting list, and says so for each person', async () => {
    const { session, people } = await officeWithPeople(2);
    const result = await temp.call('bookings.bookPeople', { sessionId: session.id, personIds: people.map((person) => person.id) });
    expect(result).toMatchObject({ sessionId: session.id, courseTitle: 'First aid', startsAt: '2026-04-02T10:00' });
    expect(result.people.map((person) => [person.name, person.outcome, person.waitlistPosition]).sort()).toEqual([
      ['Amira Khan', 'booked', null],
      ['Bogdan Nowak', 'booked', null],
      ['Chidi Okafor', 'waitlisted', 1],
    ].sort());

    const roster = await temp.call('signIn.roster', { sessionId: session.id });
    expect(roster.counts).toMatchObject({ booked: 2, waiting: 1, seatsLeft: 0 });
    // The Sessions list says the same: 2 of 2 places taken, 1 waiting.
    const [listed] = await temp.call('sessions.list', { from: '2026-04-01', query: '', limit: 10 });
    expect(listed).toMatchObject({ taken: 2, waiting: 1 });
  });

  it('leaves anyone already booked or waiting as they are, and books a merged person once, as the one kept', async () => {
    const { session, people } = await officeWithPeople(10);
    const [amira, bogdan] = people as [(typeof people)[0], (typeof people)[0]];
    await temp.call('bookings.bookPeople', { sessionId: session.id, personIds: [amira.id] });
    const typedAgain = await temp.call('people.create', { givenName: 'Bogdan', familyName: 'Nowak' });
    await temp.call('people.merge', { keepId: bogdan.id, otherId: typedAgain.id });

    const result = await temp.call('bookings.bookPeople', { sessionId: session.id, personIds: [amira.id, bogdan.id, typedAgain.id] });
    expect(result.people.map((person) => [person.personId, person.outcome]).sort()).toEqual(
      [
        [amira.id, 'already'],
        [bogdan.id, 'booked'],
      ].sort(),
    );
    expect((await temp.call('signIn.roster', { sessionId: session.id })).counts.booked).toBe(2);
  });

  it('refuses a session that has happened or was cancelled, and people who are not there, booking nobody', async () => {
    const { session, people } = await officeWithPeople(10);
    const past = await seedSession(temp.call, { day: '2026-03-01', title: 'Interpreters' });
    const before = countRows(temp.sqlite, 'bookings');
    const refusal = async (input: { sessionId: string; personIds: string[] }) => {
      const result = await temp.dispatch('bookings.bookPeople', input);
      expect(result.ok).toBe(false);
      return result.ok ? null : result.error;
    };
    expect((await refusal({ sessionId: past.id, personIds: [people[0]!.id] }))?.message).toBe('Choose a session still to come: this one has already happened, so nobody can book on to it.');
    const { id: _, courseTitle: __, venueName: ___, contractName: ____, version: _version, ...fields } = await temp.call('sessions.get', { id: session.id });
    await temp.call('sessions.update', { id: session.id, version: (await temp.call('sessions.get', { id: session.id })).version, fields: { ...fields, status: 'cancelled' } });
    expect((await refusal({ sessionId: session.id, personIds: [people[0]!.id] }))?.message).toBe('Choose another session: this one is cancelled, so nobody can book on to it.');
    await temp.call('sessions.update', { id: session.id, version: (await temp.call('sessions.get', { id: session.id })).version, fields: { ...fields, status: 'scheduled' } });
    const missing = await refusal({ sessionId: session.id, personIds: [people[0]!.id, '0190a0a0-0000-7000-8000-000000000000'] });
    expect(missing?.message).toBe('Choose the people again from the list: one of them could not be found.');
    expect((await refusal({ sessionId: session.id, personIds: [] }))?.message).toMatch(/^Choose at least one person to book/);
    expect(countRows(temp.sqlite, 'bookings')).toBe(before);
  });
});

describe("an organisation's staff", () => {
  it('pages through the people who work there in name order with a count, a search narrowing them', async () => {
    const { council, people } = await officeWithPeople(10);
    const other = await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    await temp.call('people.create', { givenName: 'Zofia', familyName: 'Bąk', organisationId: council.id });
    await temp.call('people.create', { givenName: 'Dan', familyName: 'Adams', organisationId: other.id });
    const typedTwice = await temp.call('people.create', { givenName: 'Chidi', familyName: 'Okafor', organisationId: council.id });
    // Chidi typed twice and merged counts once.
    await temp.call('people.merge', { keepId: people[2]!.id, otherId: typedTwice.id });

    const first = await temp.call('people.page', { organisationId: council.id, pageSize: 2 });
    expect(first.rows.map((person) => person.familyName)).toEqual(['Bąk', 'Khan']);
    expect(first).toMatchObject({ total: 4, from: 1, previous: null });
    const second = await temp.call('people.page', { organisationId: council.id, pageSize: 2, after: first.next! });
    expect(second.rows.map((person) => person.familyName)).toEqual(['Nowak', 'Okafor']);
    expect(second).toMatchObject({ total: 4, from: 3, next: null });
    expect((await temp.call('people.page', { organisationId: council.id, query: 'now' })).rows.map((person) => person.givenName)).toEqual(['Bogdan']);
  });
});
