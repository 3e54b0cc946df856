import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonFields, Roster, Session } from '../../shared/contract';
import type { z } from 'zod';
import { countRows, databaseHash, DAY_MS, refusal, seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * The facilitator at the venue: today's sessions, the roster, signing people
 * in, undoing a mistake, cancelling, and adding walk-ins.
 */

let temp: TempCore;
let session: Session;
let ageConcern: string;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  session = await seedSession(temp.call, { day: TEST_TODAY, capacity: 5 });
  ageConcern = (await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' })).id;
});

afterEach(async () => {
  await temp.cleanup();
});

async function bookedPerson(givenName: string, familyName: string, fields: Partial<z.input<typeof PersonFields>> = {}, onto = session) {
  const person = await temp.call('people.create', { givenName, familyName, organisationId: ageConcern, ...fields });
  await temp.call('signIn.book', { sessionId: onto.id, personId: person.id });
  return person;
}

function entryFor(roster: Roster, personId: string) {
  const entry = roster.entries.find((candidate) => candidate.personId === personId);
  if (!entry) throw new Error(`${personId} is not on the roster`);
  return entry;
}

/** Calls a procedure expecting a refusal, and checks that nothing at all was written. */
async function refusedWritingNothing(name: Parameters<typeof refusal>[1], input: unknown) {
  const before = databaseHash(temp.sqlite);
  const error = await refusal(temp.dispatch, name, input);
  expect(databaseHash(temp.sqlite)).toBe(before);
  return error;
}

function signInRows(personId: string) {
  return temp.sqlite.prepare('SELECT id, kind, method, corrects_id FROM sign_ins WHERE person_id = ? ORDER BY hlc').all(personId) as {
    id: string;
    kind: string;
    method: string;
    corrects_id: string | null;
  }[];
}

/** Every count at zero; each test sets the ones it expects. */
const noCounts = { capacity: 0, booked: 0, offered: 0, waiting: 0, groupPlaces: 0, signedIn: 0, cancelled: 0, noShow: 0, seatsLeft: 0 };

const walkIn = (person: z.input<typeof PersonFields>, extra: Record<string, unknown> = {}) => ({ sessionId: session.id, person, ...extra });

describe('signing in a booked person', () => {
  it('shows them signed in, by the facilitator, with the counts updated', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    const bob = await bookedPerson('Bob', 'Smith');

    const roster = await temp.call('signIn.signIn', { sessionId: session.id, personId: amina.id });

    expect(entryFor(roster, amina.id)).toMatchObject({
      name: 'Amina Yusuf',
      organisationName: 'Age Concern',
      state: 'signed_in',
      signIn: { method: 'facilitator', signedAt: '2026-03-12T09:00:00.000Z' },
    });
    expect(entryFor(roster, bob.id)).toMatchObject({ state: 'booked', signIn: null });
    expect(roster.counts).toEqual({ ...noCounts, capacity: 5, booked: 2, signedIn: 1, seatsLeft: 3 });
    expect(await temp.call('signIn.roster', { sessionId: session.id })).toEqual(roster);
  });

  it('refuses a second sign-in in plain words and writes nothing', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    await temp.call('signIn.signIn', { sessionId: session.id, personId: amina.id });

    const error = await refusedWritingNothing('signIn.signIn', { sessionId: session.id, personId: amina.id });
    expect(error).toMatchObject({ code: 'ALREADY_SIGNED_IN', message: 'No need to sign Amina Yusuf in again: they are already signed in.' });
    expect(signInRows(amina.id)).toHaveLength(1);
  });

  it('refuses a cancelled session and writes nothing', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    const { id, courseTitle: _title, venueName: _venue, contractName: _contract, ...fields } = session;
    await temp.call('sessions.update', { id: id, version: (await temp.call('sessions.get', { id: id })).version, fields: { ...fields, status: 'cancelled' } });

    const error = await refusedWritingNothing('signIn.signIn', { sessionId: session.id, personId: amina.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/cancelled/);
  });

  it('refuses a session on another day, naming the day, and writes nothing', async () => {
    const tomorrow = await seedSession(temp.call, { day: '2026-03-13' });
    const amina = await bookedPerson('Amina', 'Yusuf', {}, tomorrow);

    const error = await refusedWritingNothing('signIn.signIn', { sessionId: tomorrow.id, personId: amina.id });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Friday,? 13 March 2026/);

    // The laptop left on overnight: yesterday's session is closed too.
    const bob = await bookedPerson('Bob', 'Smith');
    temp.clock.advance(DAY_MS);
    const late = await refusedWritingNothing('signIn.signIn', { sessionId: session.id, personId: bob.id });
    expect(late.message).toMatch(/Thursday,? 12 March 2026/);
  });
});

describe('undoing a sign-in', () => {
  it('puts the person back to booked and keeps the original sign-in with a correcting fact', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    const signedIn = await temp.call('signIn.signIn', { sessionId: session.id, personId: amina.id });
    const signInId = entryFor(signedIn, amina.id).signIn!.id;

    const roster = await temp.call('signIn.undo', { sessionId: session.id, personId: amina.id });

    expect(entryFor(roster, amina.id)).toMatchObject({ state: 'booked', signIn: null });
    expect(roster.counts).toMatchObject({ booked: 1, signedIn: 0 });
    expect(signInRows(amina.id)).toEqual([
      { id: signInId, kind: 'sign_in', method: 'facilitator', corrects_id: null },
      { id: expect.any(String), kind: 'undo', method: 'facilitator', corrects_id: signInId },
    ]);

    // Signing in again after an undo is a third fact, not an edit.
    const again = await temp.call('signIn.signIn', { sessionId: session.id, personId: amina.id });
    expect(entryFor(again, amina.id).state).toBe('signed_in');
    expect(signInRows(amina.id).map((row) => row.kind)).toEqual(['sign_in', 'undo', 'sign_in']);
  });

  it('refuses to undo for someone who is not signed in', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    const error = await refusedWritingNothing('signIn.undo', { sessionId: session.id, personId: amina.id });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'No need to undo: Amina Yusuf is not signed in.' });
  });
});

describe('cancelling a booking', () => {
  it('marks the person cancelled and frees their place', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    const roster = await temp.call('signIn.cancelBooking', { sessionId: session.id, personId: amina.id });
    expect(entryFor(roster, amina.id).state).toBe('cancelled');
    expect(roster.counts).toEqual({ ...noCounts, capacity: 5, cancelled: 1, seatsLeft: 5 });
  });

  it('refuses to cancel someone who is signed in', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    await temp.call('signIn.signIn', { sessionId: session.id, personId: amina.id });
    const error = await refusedWritingNothing('signIn.cancelBooking', { sessionId: session.id, personId: amina.id });
    expect(error.code).toBe('CONFLICT');
  });
});

describe('walk-ins', () => {
  it('adds the person and signs them in as a walk-in', async () => {
    const roster = await temp.call('signIn.addWalkIn', walkIn({ givenName: 'Chen', familyName: 'Wei', organisationId: ageConcern }));
    const entry = roster.entries.find((candidate) => candidate.name === 'Chen Wei');
    expect(entry).toMatchObject({ organisationName: 'Age Concern', state: 'signed_in', signIn: { method: 'walk_in' } });
    expect((await temp.call('people.get', { id: entry!.personId })).familyName).toBe('Wei');
  });

  it('warns about someone with the same name (accents aside) at the same organisation, unless confirmed new', async () => {
    await temp.call('people.create', { givenName: 'Siobhán', familyName: "O'Brien", organisationId: ageConcern });
    const lookAlike = walkIn({ givenName: 'siobhan', familyName: 'OBrien', organisationId: ageConcern });

    const error = await refusedWritingNothing('signIn.addWalkIn', lookAlike);
    expect(error.code).toBe('POSSIBLE_DUPLICATE');
    expect(error.message).toContain("Siobhán O'Brien (Age Concern)");

    const roster = await temp.call('signIn.addWalkIn', { ...lookAlike, confirmedNew: true });
    expect(roster.entries.map((entry) => entry.name)).toEqual(['siobhan OBrien']);
    expect(countRows(temp.sqlite, 'people')).toBe(2);
  });

  it('warns about someone with the same name and email, and lets the same name elsewhere through', async () => {
    await temp.call('people.create', { givenName: 'Amina', familyName: 'Yusuf', email: 'amina@example.org' });
    const error = await refusedWritingNothing(
      'signIn.addWalkIn',
      walkIn({ givenName: 'Amina', familyName: 'Yusuf', email: 'Amina@Example.org', organisationId: ageConcern }),
    );
    expect(error.message).toContain('Amina Yusuf');

    const roster = await temp.call('signIn.addWalkIn', walkIn({ givenName: 'Amina', familyName: 'Yusuf', organisationId: ageConcern }));
    expect(roster.counts.signedIn).toBe(1);
  });

  it('creates a new organisation named with the walk-in', async () => {
    const roster = await temp.call(
      'signIn.addWalkIn',
      walkIn({ givenName: 'Dara', familyName: 'Ní Bhriain' }, { newOrganisation: { name: 'Gateshead Carers', sector: 'vcse' } }),
    );
    expect(roster.entries[0]).toMatchObject({ name: 'Dara Ní Bhriain', organisationName: 'Gateshead Carers', state: 'signed_in' });
    expect((await temp.call('organisations.list', { query: 'gateshead' })).map((o) => o.name)).toEqual(['Gateshead Carers']);
  });

  it('takes names with apostrophes, accents, other scripts and 100 characters', async () => {
    const long = 'A'.repeat(100);
    const names: [string, string][] = [
      ["D'Arcy", "O'Neill-Ñúñez"],
      ['Zoë', 'Ågren'],
      ['محمد', 'العلي'],
      ['小明', '王'],
      [long, long],
    ];
    let roster: Roster | undefined;
    for (const [givenName, familyName] of names) roster = await temp.call('signIn.addWalkIn', walkIn({ givenName, familyName }));
    expect(roster!.entries.map((entry) => entry.name).sort()).toEqual(names.map(([given, family]) => `${given} ${family}`).sort());
    expect(roster!.entries.every((entry) => entry.state === 'signed_in')).toBe(true);
    expect((await temp.call('signIn.find', { sessionId: session.id, query: 'محم' })).map((match) => match.name)).toEqual(['محمد العلي']);

    const tooLong = await refusedWritingNothing('signIn.addWalkIn', walkIn({ givenName: `${long}A`, familyName: 'Smith' }));
    expect(tooLong.code).toBe('INVALID_INPUT');
  });

  it('refuses empty or whitespace-only names', async () => {
    for (const [givenName, familyName] of [['', 'Smith'], ['   ', 'Smith'], ['Amina', ' \t ']]) {
      const error = await refusedWritingNothing('signIn.addWalkIn', walkIn({ givenName: givenName!, familyName: familyName! }));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(/Enter the (given|family) name\./);
    }
  });

  it('puts a walk-in at a full session on the waitlist as present, not signed in, and tells their position', async () => {
    const small = await seedSession(temp.call, { day: TEST_TODAY, capacity: 2, title: 'Small group' });
    await bookedPerson('Amina', 'Yusuf', {}, small);
    await bookedPerson('Bob', 'Smith', {}, small);
    const before = await temp.call('people.create', { givenName: 'Dara', familyName: 'Kelly' });
    await temp.call('signIn.book', { sessionId: small.id, personId: before.id });

    const roster = await temp.call('signIn.addWalkIn', { sessionId: small.id, person: { givenName: 'Chen', familyName: 'Wei' } });
    const chen = roster.entries.find((entry) => entry.name === 'Chen Wei');
    expect(chen).toMatchObject({ state: 'waitlisted', present: true, waitlistPosition: 2, signIn: null });
    expect(roster.counts).toMatchObject({ capacity: 2, booked: 2, waiting: 2, signedIn: 0, seatsLeft: 0 });
    expect(countRows(temp.sqlite, 'sign_ins')).toBe(0);
    expect(await temp.call('signIn.roster', { sessionId: small.id })).toEqual(roster);
  });
});

describe('each sign-in is one durable change', () => {
  it('logs the sign-in for syncing along with the sign-in itself', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    const roster = await temp.call('signIn.signIn', { sessionId: session.id, personId: amina.id });
    const signInId = entryFor(roster, amina.id).signIn!.id;
    const logged = temp.sqlite.prepare("SELECT fields FROM change_log WHERE table_name = 'sign_ins' AND row_id = ?").pluck().all(signInId);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] as string)).toMatchObject({ person_id: amina.id, session_id: session.id, kind: 'sign_in' });
  });

  it('saves no sign-in when its change-log entry cannot be written', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    temp.sqlite.exec(`CREATE TEMP TRIGGER refuse_sign_in_log BEFORE INSERT ON main.change_log WHEN NEW.table_name = 'sign_ins'
      BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const error = await refusedWritingNothing('signIn.signIn', { sessionId: session.id, personId: amina.id });
    expect(error.code).toBe('INTERNAL');
    expect(countRows(temp.sqlite, 'sign_ins')).toBe(0);
    temp.sqlite.exec('DROP TRIGGER temp.refuse_sign_in_log');
    expect(entryFor(await temp.call('signIn.signIn', { sessionId: session.id, personId: amina.id }), amina.id).state).toBe('signed_in');
  });
});

describe("today's sessions and booking", () => {
  it("lists only today's sessions, earliest first, with their counts", async () => {
    await seedSession(temp.call, { day: '2026-03-11', title: 'Yesterday' });
    await seedSession(temp.call, { day: '2026-03-13', title: 'Tomorrow' });
    const early = await seedSession(temp.call, { day: TEST_TODAY, start: '08:30', end: '09:30', title: 'Early' });
    const amina = await bookedPerson('Amina', 'Yusuf');
    await temp.call('signIn.signIn', { sessionId: session.id, personId: amina.id });

    const today = await temp.call('signIn.today', {});
    expect(today.map((item) => item.session.id)).toEqual([early.id, session.id]);
    expect(today[1]!.counts).toEqual({ ...noCounts, capacity: 5, booked: 1, signedIn: 1, seatsLeft: 4 });
    expect(today[0]!.counts).toEqual({ ...noCounts, capacity: 20, seatsLeft: 20 });
  });

  it('refuses to book on to a past or cancelled session, writing nothing', async () => {
    const amina = await temp.call('people.create', { givenName: 'Amina', familyName: 'Yusuf' });
    const past = await seedSession(temp.call, { day: '2026-03-11' });
    const cancelled = await seedSession(temp.call, { day: '2026-03-20', status: 'cancelled' });

    const pastError = await refusedWritingNothing('signIn.book', { sessionId: past.id, personId: amina.id });
    expect(pastError).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already happened/) });
    const cancelledError = await refusedWritingNothing('signIn.book', { sessionId: cancelled.id, personId: amina.id });
    expect(cancelledError).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/cancelled/) });
  });

  it('refuses to book the same person twice', async () => {
    const amina = await bookedPerson('Amina', 'Yusuf');
    const error = await refusedWritingNothing('signIn.book', { sessionId: session.id, personId: amina.id });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'No need to book them again: this person already has a place on this session.' });
  });
});
