import { beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/contract';
import { addPeople, bookInTurn, entryFor, inState, localTime, morningBeforeTenOClockSession, queueOf, refusedWritingNothing } from '../support/bookings';
import { countRows, TEST_TODAY } from '../support/temp-core';
import { tempCoreForEachTest } from '../support/each-test';

/**
 * In the room on the day: people waiting who turn up, walk-ins at a full
 * session, and the facilitator releasing the places of booked people who did
 * not come, from the start time (10:00).
 */

const temp = tempCoreForEachTest({ setUp: true });
let session: Session;

beforeEach(async () => {
  session = await morningBeforeTenOClockSession(temp);
});

const at = (personId: string) => ({ sessionId: session.id, personId });

async function walkIn(givenName: string): Promise<string> {
  const roster = await temp.call('signIn.addWalkIn', { sessionId: session.id, person: { givenName, familyName: 'Walkin' } });
  return roster.entries.find((entry) => entry.name === `${givenName} Walkin`)!.personId;
}

/**
 * Four booked (Amina signs in; Bob, Chen and Dara do not come) and three
 * waiting from before the day: Eve, Femi, Gita, with Gita raised to the front.
 * Femi and Gita turn up; Eve does not. Then walk-ins Hana and Ivan arrive.
 */
async function theDay() {
  const [amina, bob, chen, dara, eve, femi, gita] = await addPeople(temp.call, 'Amina', 'Bob', 'Chen', 'Dara', 'Eve', 'Femi', 'Gita');
  await bookInTurn(temp, session.id, [amina!, bob!, chen!, dara!, eve!, femi!, gita!]);
  await temp.call('bookings.raisePriority', { ...at(gita!), reason: 'Membership deadline' });
  await temp.call('signIn.signIn', at(amina!));
  await temp.call('signIn.signIn', at(femi!));
  temp.clock.advance(60_000);
  await temp.call('signIn.signIn', at(gita!));
  temp.clock.advance(60_000);
  const hana = await walkIn('Hana');
  temp.clock.advance(60_000);
  const ivan = await walkIn('Ivan');
  return { amina: amina!, bob: bob!, chen: chen!, dara: dara!, eve: eve!, femi: femi!, gita: gita!, hana, ivan };
}

describe('arriving at a full session', () => {
  it('puts people waiting and walk-ins on the waitlist as present, with their position, not signed in', async () => {
    const { eve, femi, gita, hana, ivan } = await theDay();
    const roster = await temp.call('signIn.roster', { sessionId: session.id });
    expect(queueOf(roster)).toEqual([gita, eve, femi, hana, ivan]);
    expect(entryFor(roster, femi)).toMatchObject({ state: 'waitlisted', present: true, waitlistPosition: 3, signIn: null });
    expect(entryFor(roster, eve)).toMatchObject({ state: 'waitlisted', present: false });
    expect(entryFor(roster, ivan)).toMatchObject({ state: 'waitlisted', present: true, waitlistPosition: 5 });
    expect(roster.counts).toMatchObject({ booked: 4, signedIn: 1, waiting: 5, seatsLeft: 0 });
    expect(countRows(temp.sqlite, 'sign_ins')).toBe(1);
  });

  it('gives someone with an offered place that place and signs them in', async () => {
    const [amina, bob, chen, dara, eve] = await addPeople(temp.call, 'Amina', 'Bob', 'Chen', 'Dara', 'Eve');
    await bookInTurn(temp, session.id, [amina!, bob!, chen!, dara!, eve!]);
    await temp.call('signIn.cancelBooking', at(amina!));
    const roster = await temp.call('signIn.signIn', at(eve!));
    expect(entryFor(roster, eve!)).toMatchObject({ state: 'signed_in', signIn: { method: 'facilitator' } });
    expect(roster.counts).toMatchObject({ booked: 4, offered: 0, signedIn: 1, seatsLeft: 0 });
  });
});

describe('releasing no-shows', () => {
  it('is refused before the start time, writing nothing', async () => {
    await theDay();
    temp.clock.set(localTime(TEST_TODAY, '09:59'));
    const error = await refusedWritingNothing(temp, 'bookings.releaseNoShows', { sessionId: session.id });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'Wait until the session starts (10:00) to release no-shows: not before.' });
  });

  it('marks booked people who did not sign in as no-shows, and keeps those who did', async () => {
    const { amina, bob, chen, dara } = await theDay();
    temp.clock.set(localTime(TEST_TODAY, '10:00'));
    const { roster, noShows } = await temp.call('bookings.releaseNoShows', { sessionId: session.id });
    expect(noShows).toBe(3);
    expect(inState(roster, 'no_show').sort()).toEqual([bob, chen, dara].sort());
    expect(entryFor(roster, amina).state).toBe('signed_in');
    const history = await temp.call('bookings.history', at(bob));
    expect(history.at(-1)).toMatchObject({ event: 'marked as a no-show', fromState: 'booked', toState: 'no_show', by: 'Central office' });
  });

  it('seats people waiting in the room in waitlist order, then walk-ins in arrival order, and signs them in', async () => {
    const { eve, femi, gita, hana, ivan } = await theDay();
    temp.clock.set(localTime(TEST_TODAY, '10:05'));
    const { roster, seated } = await temp.call('bookings.releaseNoShows', { sessionId: session.id });
    // Three places freed: Gita (raised to the front) and Femi were waiting before the day, then Hana walked in first.
    expect(seated).toEqual(['Gita Test', 'Femi Test', 'Hana Walkin']);
    for (const personId of [gita, femi, hana]) expect(entryFor(roster, personId)).toMatchObject({ state: 'signed_in', waitlistPosition: null });
    // Eve waited but is not here; Ivan came too late for a place. Both keep waiting.
    expect(queueOf(roster)).toEqual([eve, ivan]);
    expect(roster.counts).toMatchObject({ capacity: 4, booked: 4, signedIn: 4, noShow: 3, waiting: 2, seatsLeft: 0 });
    expect(await temp.call('signIn.roster', { sessionId: session.id })).toEqual(roster);
  });

  it('leaves free places for later arrivals when fewer people are waiting in the room', async () => {
    const [amina, bob, carl] = await addPeople(temp.call, 'Amina', 'Bob', 'Carl');
    await bookInTurn(temp, session.id, [amina!, bob!]);
    temp.clock.set(localTime(TEST_TODAY, '10:00'));
    const { roster, noShows, seated } = await temp.call('bookings.releaseNoShows', { sessionId: session.id });
    expect({ noShows, seated }).toEqual({ noShows: 2, seated: [] });
    expect(roster.counts).toMatchObject({ booked: 0, noShow: 2, seatsLeft: 4 });
    const late = await temp.call('signIn.signIn', at(carl!));
    expect(entryFor(late, carl!).state).toBe('signed_in');
  });

  it('releases a group’s places not taken up by staff in the room', async () => {
    const council = await temp.call('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
    await temp.call('bookings.bookGroup', { sessionId: session.id, organisationId: council.id, places: 3 });
    const [group] = await temp.call('bookings.groups', { sessionId: session.id });
    const [amina, bob, chen, dara] = await addPeople(temp.call, 'Amina', 'Bob', 'Chen', 'Dara');
    await temp.call('bookings.fillGroupPlace', { groupBookingId: group!.id, personId: amina! });
    await temp.call('bookings.fillGroupPlace', { groupBookingId: group!.id, personId: bob! });
    await bookInTurn(temp, session.id, [chen!, dara!]);
    await temp.call('signIn.signIn', at(amina!));
    await temp.call('signIn.signIn', at(dara!));
    expect(entryFor(await temp.call('signIn.roster', { sessionId: session.id }), dara!)).toMatchObject({ state: 'waitlisted', present: true });

    temp.clock.set(localTime(TEST_TODAY, '10:00'));
    const { roster, seated } = await temp.call('bookings.releaseNoShows', { sessionId: session.id });
    expect(inState(roster, 'no_show').sort()).toEqual([bob!, chen!].sort());
    expect(seated).toEqual(['Dara Test']);
    expect(roster.counts).toMatchObject({ groupPlaces: 1, booked: 1, signedIn: 2, seatsLeft: 2 });
  });

  it('seats walk-ins in arrival order, whether they were found in the search or added new', async () => {
    const [amina, bob, known] = await addPeople(temp.call, 'Amina', 'Bob', 'Kofi');
    await temp.call('bookings.setCapacity', { sessionId: session.id, capacity: 2 });
    await bookInTurn(temp, session.id, [amina!, bob!]);
    await temp.call('signIn.signIn', at(amina!));
    const hana = await walkIn('Hana');
    temp.clock.advance(5 * 60_000);
    await temp.call('signIn.signIn', at(known!));

    temp.clock.set(localTime(TEST_TODAY, '10:00'));
    const { roster, seated } = await temp.call('bookings.releaseNoShows', { sessionId: session.id });
    expect(seated).toEqual(['Hana Walkin']);
    expect(queueOf(roster)).toEqual([known!]);
    expect(entryFor(roster, hana).state).toBe('signed_in');
  });

  /** Amina booked; Bob, Chen and Dara waiting, then offered the three places a capacity rise makes. None of them come. */
  async function offersThatLapse(raiseDara: boolean) {
    const [amina, bob, chen, dara] = await addPeople(temp.call, 'Amina', 'Bob', 'Chen', 'Dara');
    await temp.call('bookings.setCapacity', { sessionId: session.id, capacity: 1 });
    await bookInTurn(temp, session.id, [amina!, bob!, chen!, dara!]);
    if (raiseDara) await temp.call('bookings.raisePriority', { ...at(dara!), reason: 'Membership deadline' });
    const offered = await temp.call('bookings.setCapacity', { sessionId: session.id, capacity: 4 });
    expect(inState(offered, 'offered')).toHaveLength(3);
    await temp.call('signIn.signIn', at(amina!));
    temp.clock.set(localTime(TEST_TODAY, '10:00'));
    const { roster } = await temp.call('bookings.releaseNoShows', { sessionId: session.id });
    return { bob: bob!, chen: chen!, dara: dara!, roster };
  }

  it('puts offers not taken up back at the front of the waitlist, in the order they were offered', async () => {
    const { bob, chen, dara, roster } = await offersThatLapse(true);
    expect(queueOf(roster)).toEqual([dara, bob, chen]);
  });

  it('moves someone whose offer lapsed by one place only', async () => {
    const { bob, chen, dara, roster } = await offersThatLapse(false);
    expect(queueOf(roster)).toEqual([bob, chen, dara]);
    const moved = await temp.call('bookings.move', { ...at(bob), direction: 'down', reason: 'Will arrive late' });
    expect(queueOf(moved)).toEqual([chen, bob, dara]);
  });

  it('is refused on a cancelled session, writing nothing', async () => {
    const { id, courseTitle: _title, venueName: _venue, contractName: _contract, ...fields } = session;
    await temp.call('sessions.update', { id: id, version: (await temp.call('sessions.get', { id: id })).version, fields: { ...fields, status: 'cancelled' } });
    temp.clock.set(localTime(TEST_TODAY, '10:30'));
    const error = await refusedWritingNothing(temp, 'bookings.releaseNoShows', { sessionId: session.id });
    expect(error.code).toBe('CONFLICT');
  });
});
