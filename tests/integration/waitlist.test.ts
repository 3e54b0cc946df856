import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/contract';
import { addPeople, bookInTurn, entryFor, inState, queueOf, refusedWritingNothing } from '../support/bookings';
import { seedSession, tempCore, type TempCore } from '../support/temp-core';

/**
 * Bookings before the day: a full session's waitlist, first come first served
 * unless someone's priority is raised with a reason; freed places offered in
 * queue order; capacity changes; and places held for an organisation's staff.
 */

const NEXT_WEEK = '2026-03-19';

let temp: TempCore;
let session: Session;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  session = await seedSession(temp.call, { day: NEXT_WEEK, capacity: 2 });
});

afterEach(async () => {
  await temp.cleanup();
});

/** A full session (Amina and Bob hold its two places) with Chen, Dara and Eve waiting in that order. */
async function fullWithThreeWaiting() {
  const [amina, bob, chen, dara, eve] = await addPeople(temp.call, 'Amina', 'Bob', 'Chen', 'Dara', 'Eve');
  const roster = await bookInTurn(temp, session.id, [amina!, bob!, chen!, dara!, eve!]);
  return { amina: amina!, bob: bob!, chen: chen!, dara: dara!, eve: eve!, roster };
}

const withReason = (personId: string, reason: string) => ({ sessionId: session.id, personId, reason });

describe('joining a full session', () => {
  it('puts the person at the back of the waitlist and shows their position', async () => {
    const { chen, dara, eve, roster } = await fullWithThreeWaiting();
    expect(entryFor(roster, eve)).toMatchObject({ state: 'waitlisted', waitlistPosition: 3, priorityReason: null, present: false });
    expect(queueOf(roster)).toEqual([chen, dara, eve]);
    expect(roster.counts).toMatchObject({ capacity: 2, booked: 2, offered: 0, waiting: 3, seatsLeft: 0 });
  });

  it('serves the waitlist first come, first served', async () => {
    const { amina, chen, dara, eve } = await fullWithThreeWaiting();
    const roster = await temp.call('signIn.cancelBooking', { sessionId: session.id, personId: amina });
    expect(inState(roster, 'offered')).toEqual([chen]);
    expect(queueOf(roster)).toEqual([dara, eve]);
    expect(entryFor(roster, dara).waitlistPosition).toBe(1);
  });

  it('refuses to put someone already waiting on the waitlist a second time', async () => {
    const { chen } = await fullWithThreeWaiting();
    const error = await refusedWritingNothing(temp, 'signIn.book', { sessionId: session.id, personId: chen });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'No need to book them again: this person is already on the waiting list for this session.' });
  });
});

describe('changing someone’s place in the queue', () => {
  it('needs a reason to raise priority, and writes nothing without one', async () => {
    const { eve } = await fullWithThreeWaiting();
    for (const reason of ['', '   ']) {
      const error = await refusedWritingNothing(temp, 'bookings.raisePriority', withReason(eve, reason));
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'Enter the reason.' });
    }
  });

  it('moves a raised person to the front and shows the reason beside them', async () => {
    const { chen, dara, eve } = await fullWithThreeWaiting();
    const reason = 'Membership deadline: must complete the core course within 6 months of joining';
    const roster = await temp.call('bookings.raisePriority', withReason(eve, reason));
    expect(queueOf(roster)).toEqual([eve, chen, dara]);
    expect(entryFor(roster, eve)).toMatchObject({ waitlistPosition: 1, priorityReason: reason });
    expect(entryFor(roster, chen)).toMatchObject({ waitlistPosition: 2, priorityReason: null });
    const history = await temp.call('bookings.history', { sessionId: session.id, personId: eve });
    expect(history.at(-1)).toMatchObject({ event: 'moved to the front of the waitlist', reason, by: 'Central office' });
  });

  it('moves a person up or down one place, swapping with their neighbour', async () => {
    const { chen, dara, eve } = await fullWithThreeWaiting();
    const up = await temp.call('bookings.move', { ...withReason(dara, 'Booked by phone before Chen'), direction: 'up' });
    expect(queueOf(up)).toEqual([dara, chen, eve]);
    const down = await temp.call('bookings.move', { ...withReason(dara, 'Asked to wait for a later date'), direction: 'down' });
    expect(queueOf(down)).toEqual([chen, dara, eve]);
    const last = await temp.call('bookings.move', { ...withReason(chen, 'Cannot come until April'), direction: 'down' });
    expect(queueOf(last)).toEqual([dara, chen, eve]);
  });

  it('refuses to move the first person up or the last one down, or to move anyone without a reason', async () => {
    const { chen, eve } = await fullWithThreeWaiting();
    const first = await refusedWritingNothing(temp, 'bookings.move', { ...withReason(chen, 'Urgent'), direction: 'up' });
    expect(first).toMatchObject({ code: 'CONFLICT', message: 'No need to move them up: this person is already first on the waiting list.' });
    const last = await refusedWritingNothing(temp, 'bookings.move', { ...withReason(eve, 'Later'), direction: 'down' });
    expect(last).toMatchObject({ code: 'CONFLICT', message: 'No need to move them down: this person is already last on the waiting list.' });
    const silent = await refusedWritingNothing(temp, 'bookings.move', { ...withReason(eve, ''), direction: 'up' });
    expect(silent.code).toBe('INVALID_INPUT');
  });

  it('refuses to change the queue place of someone who is not waiting', async () => {
    const { amina } = await fullWithThreeWaiting();
    const error = await refusedWritingNothing(temp, 'bookings.raisePriority', withReason(amina, 'Deadline'));
    expect(error.code).toBe('CONFLICT');
  });

  it('needs a reason to remove someone from the waitlist, and closes the gap', async () => {
    const { chen, dara, eve } = await fullWithThreeWaiting();
    expect((await refusedWritingNothing(temp, 'bookings.removeFromWaitlist', withReason(dara, ' '))).code).toBe('INVALID_INPUT');
    const roster = await temp.call('bookings.removeFromWaitlist', withReason(dara, 'Found a course nearer home'));
    expect(entryFor(roster, dara)).toMatchObject({ state: 'cancelled', waitlistPosition: null });
    expect(queueOf(roster)).toEqual([chen, eve]);
    const history = await temp.call('bookings.history', { sessionId: session.id, personId: dara });
    expect(history.at(-1)).toMatchObject({ event: 'removed from the waitlist', toState: 'cancelled', reason: 'Found a course nearer home' });
  });
});

describe('a place that frees up', () => {
  it('is offered to the first person waiting, and both histories say who, when and why', async () => {
    const { amina, chen } = await fullWithThreeWaiting();
    temp.clock.set('2026-03-13T14:30:00.000Z');
    const roster = await temp.call('signIn.cancelBooking', { sessionId: session.id, personId: amina });
    expect(entryFor(roster, chen)).toMatchObject({ state: 'offered', waitlistPosition: null });
    expect(roster.counts).toMatchObject({ booked: 1, offered: 1, waiting: 2, cancelled: 1, seatsLeft: 0 });

    const cancelled = await temp.call('bookings.history', { sessionId: session.id, personId: amina });
    expect(cancelled.map(({ event, fromState, toState, by }) => ({ event, fromState, toState, by }))).toEqual([
      { event: 'booked', fromState: null, toState: 'booked', by: 'Central office' },
      { event: 'cancelled', fromState: 'booked', toState: 'cancelled', by: 'Central office' },
    ]);
    expect(cancelled[1]!.at).toBe('2026-03-13T14:30:00.000Z');

    const offered = await temp.call('bookings.history', { sessionId: session.id, personId: chen });
    expect(offered).toEqual([
      expect.objectContaining({ event: 'joined the waitlist', toState: 'waitlisted', reason: 'The session was full.', by: 'Central office' }),
      expect.objectContaining({ event: 'offered a place', fromState: 'waitlisted', toState: 'offered', reason: 'A place became free.', at: '2026-03-13T14:30:00.000Z' }),
    ]);
  });

  it('becomes the person’s booked place when the offer is accepted', async () => {
    const { amina, chen } = await fullWithThreeWaiting();
    await temp.call('signIn.cancelBooking', { sessionId: session.id, personId: amina });
    const roster = await temp.call('bookings.acceptOffer', { sessionId: session.id, personId: chen });
    expect(entryFor(roster, chen).state).toBe('booked');
    expect(roster.counts).toMatchObject({ booked: 2, offered: 0, waiting: 2, seatsLeft: 0 });
    const again = await refusedWritingNothing(temp, 'bookings.acceptOffer', { sessionId: session.id, personId: chen });
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'Choose someone who has been offered a place: this person has none to confirm.' });
  });

  it('goes to the next person waiting when the offer is passed on', async () => {
    const { amina, chen, dara, eve } = await fullWithThreeWaiting();
    await temp.call('signIn.cancelBooking', { sessionId: session.id, personId: amina });
    expect((await refusedWritingNothing(temp, 'bookings.passOffer', withReason(chen, ''))).code).toBe('INVALID_INPUT');
    const roster = await temp.call('bookings.passOffer', withReason(chen, 'On leave that week'));
    expect(entryFor(roster, chen).state).toBe('cancelled');
    expect(entryFor(roster, dara).state).toBe('offered');
    expect(queueOf(roster)).toEqual([eve]);
    const history = await temp.call('bookings.history', { sessionId: session.id, personId: chen });
    expect(history.at(-1)).toMatchObject({ event: 'passed on the offered place', reason: 'On leave that week' });
  });
});

describe('capacity', () => {
  it('offers new places to the people waiting, in queue order', async () => {
    const { chen, dara, eve } = await fullWithThreeWaiting();
    await temp.call('bookings.raisePriority', withReason(eve, 'Membership deadline'));
    const roster = await temp.call('bookings.setCapacity', { sessionId: session.id, capacity: 4 });
    expect(inState(roster, 'offered').sort()).toEqual([eve, chen].sort());
    expect(queueOf(roster)).toEqual([dara]);
    expect(entryFor(roster, dara).waitlistPosition).toBe(1);
    expect(roster.counts).toMatchObject({ capacity: 4, booked: 2, offered: 2, waiting: 1, seatsLeft: 0 });
  });

  it('refuses to go below the places already held, in plain words, writing nothing', async () => {
    const { amina } = await fullWithThreeWaiting();
    await temp.call('signIn.cancelBooking', { sessionId: session.id, personId: amina });
    const error = await refusedWritingNothing(temp, 'bookings.setCapacity', { sessionId: session.id, capacity: 1 });
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: 'Enter at least 2 places, or cancel bookings first: 2 places are already booked, offered or held for groups.',
    });

    // Editing the session's details goes through the same rule.
    const { id, courseTitle: _title, venueName: _venue, contractName: _contract, ...fields } = session;
    const edit = await refusedWritingNothing(temp, 'sessions.update', { id: id, version: (await temp.call('sessions.get', { id: id })).version, fields: { ...fields, capacity: 1 } });
    expect(edit.code).toBe('CONFLICT');
    expect((await temp.call('sessions.get', { id })).capacity).toBe(2);
  });

  it('refuses zero or negative capacity as bad input', async () => {
    for (const capacity of [0, -1, -20]) {
      const error = await refusedWritingNothing(temp, 'bookings.setCapacity', { sessionId: session.id, capacity });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'Enter 1 or more for the number of places.' });
    }
  });
});

describe('group bookings', () => {
  async function councilGroup(places: number) {
    const council = await temp.call('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
    await temp.call('bookings.setCapacity', { sessionId: session.id, capacity: 5 });
    const roster = await temp.call('bookings.bookGroup', { sessionId: session.id, organisationId: council.id, places });
    const [group] = await temp.call('bookings.groups', { sessionId: session.id });
    return { council, group: group!, roster };
  }

  it('holds places for an organisation, counted against capacity before anyone is named', async () => {
    const { council, group, roster } = await councilGroup(3);
    expect(roster.counts).toMatchObject({ capacity: 5, groupPlaces: 3, booked: 0, seatsLeft: 2 });
    expect(group).toMatchObject({ organisationId: council.id, organisationName: 'Newcastle City Council', places: 3, named: [] });

    const [amina, bob, chen] = await addPeople(temp.call, 'Amina', 'Bob', 'Chen');
    const after = await bookInTurn(temp, session.id, [amina!, bob!, chen!]);
    expect(entryFor(after, chen!)).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 });
    expect(after.counts).toMatchObject({ booked: 2, groupPlaces: 3, seatsLeft: 0 });
  });

  it('names staff in the group’s places up to the number held, then refuses', async () => {
    const { group } = await councilGroup(2);
    const [amina, bob, chen] = await addPeople(temp.call, 'Amina', 'Bob', 'Chen');
    await temp.call('bookings.fillGroupPlace', { groupBookingId: group.id, personId: amina! });
    const roster = await temp.call('bookings.fillGroupPlace', { groupBookingId: group.id, personId: bob! });
    expect(entryFor(roster, bob!)).toMatchObject({ state: 'booked', groupBookingId: group.id });
    // Named staff sit inside the group's places, not on top of them.
    expect(roster.counts).toMatchObject({ groupPlaces: 2, booked: 0, seatsLeft: 3 });
    expect((await temp.call('bookings.groups', { sessionId: session.id }))[0]!.named.map((person) => person.name)).toEqual(['Amina Test', 'Bob Test']);

    const error = await refusedWritingNothing(temp, 'bookings.fillGroupPlace', { groupBookingId: group.id, personId: chen! });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'Hold more places for the group first: all 2 of its places already have a name.' });
  });

  it('refuses to hold more places than are free', async () => {
    const council = await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    const error = await refusedWritingNothing(temp, 'bookings.bookGroup', { sessionId: session.id, organisationId: council.id, places: 3 });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/only 2 are free on this session/);
  });
});

describe('sessions nobody can book on to', () => {
  it('refuses bookings and group places on a cancelled or past session, writing nothing', async () => {
    const [amina] = await addPeople(temp.call, 'Amina');
    const council = await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    const past = await seedSession(temp.call, { day: '2026-03-10' });
    const cancelled = await seedSession(temp.call, { day: NEXT_WEEK, status: 'cancelled' });
    for (const closed of [past, cancelled]) {
      const booking = await refusedWritingNothing(temp, 'signIn.book', { sessionId: closed.id, personId: amina });
      expect(booking).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/nobody can book on to it/) });
      const group = await refusedWritingNothing(temp, 'bookings.bookGroup', { sessionId: closed.id, organisationId: council.id, places: 1 });
      expect(group.code).toBe('CONFLICT');
    }
  });
});
