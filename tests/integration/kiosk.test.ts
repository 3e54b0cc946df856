import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_TEXT_VERSION, type Person, type Session } from '../../shared/contract';
import { countRows, databaseHash, dumpDatabase, refusal, seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * The laptop handed over as a kiosk: participants find themselves, consent,
 * optionally answer the equality question and sign in, and can reach nothing
 * else until the facilitator leaves with the PIN.
 */

const PIN = '90817263';
const consent = { textVersion: CONSENT_TEXT_VERSION, language: 'ar', agreed: true } as const;

let temp: TempCore;
let session: Session;
let councilId: string;
let amira: Person;
let amir: Person;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  session = await seedSession(temp.call, { day: TEST_TODAY, capacity: 30 });
  councilId = (await temp.call('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' })).id;
  amira = await temp.call('people.create', {
    givenName: 'Amira',
    familyName: 'Khan',
    email: 'amira.khan@example.org',
    phone: '07700 900123',
    organisationId: councilId,
  });
  amir = await temp.call('people.create', { givenName: 'Amir', familyName: 'Hussain', email: 'amir.h@example.net', phone: '0191 498 0000' });
  await temp.call('signIn.book', { sessionId: session.id, personId: amira.id });
});

afterEach(async () => {
  await temp.cleanup();
});

async function openKiosk() {
  return temp.call('kiosk.start', { sessionId: session.id, pin: PIN });
}

/** Calls a procedure expecting a refusal, and checks that nothing at all was written. */
async function refusedWritingNothing(name: Parameters<typeof refusal>[1], input: unknown) {
  const before = databaseHash(temp.sqlite);
  const error = await refusal(temp.dispatch, name, input);
  expect(databaseHash(temp.sqlite)).toBe(before);
  return error;
}

function rowsFor(table: 'consents' | 'equality_answers' | 'sign_ins', personId: string) {
  return temp.sqlite.prepare(`SELECT * FROM ${table} WHERE person_id = ?`).all(personId) as Record<string, unknown>[];
}

describe('starting the kiosk', () => {
  it('asks for a PIN the first time, and starts nothing without one', async () => {
    const error = await refusedWritingNothing('kiosk.start', { sessionId: session.id });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(/PIN/);
    expect(error.fields).toHaveProperty('pin');
    expect((await temp.call('kiosk.status', {})).active).toBe(false);
  });

  it('starts for the session with a PIN, and next time needs no new PIN', async () => {
    const status = await openKiosk();
    expect(status).toMatchObject({ active: true, pinSet: true, lockedUntil: null, session: { id: session.id } });
    await temp.call('kiosk.exit', { pin: PIN });
    expect((await temp.call('kiosk.start', { sessionId: session.id })).active).toBe(true);
  });

  it('keeps the PIN only as a hash', async () => {
    await openKiosk();
    const stored = temp.sqlite.prepare('SELECT pin_hash FROM kiosk').pluck().get() as string;
    expect(stored).toBeTruthy();
    expect(stored).not.toContain(PIN);
    expect(dumpDatabase(temp.sqlite)).not.toContain(PIN);
  });
});

describe('with no kiosk open', () => {
  it('refuses what only a participant at an open kiosk may do, writing nothing', async () => {
    expect((await refusedWritingNothing('kiosk.find', { query: 'amira' })).code).toBe('KIOSK_CLOSED');
    expect((await refusedWritingNothing('kiosk.signIn', { personId: amira.id, consent })).code).toBe('KIOSK_CLOSED');
  });
});

describe('while the kiosk is open', () => {
  beforeEach(openKiosk);

  it('refuses every staff procedure and writes nothing', async () => {
    const calls: [Parameters<typeof refusal>[1], unknown][] = [
      ['people.list', {}],
      ['people.get', { id: amira.id }],
      ['signIn.roster', { sessionId: session.id }],
      ['signIn.find', { sessionId: session.id, query: 'am' }],
      ['signIn.signIn', { sessionId: session.id, personId: amir.id }],
      ['courses.create', { title: 'Sneaky', durationMinutes: 60, learningOutcomes: ['x'] }],
      ['kiosk.start', { sessionId: session.id, pin: '1234' }],
    ];
    for (const [name, input] of calls) {
      const error = await refusedWritingNothing(name, input);
      expect(error.code, name).toBe('KIOSK_LOCKED');
    }
  });

  it('shows matches as first name, initial and organisation, never emails or phone numbers', async () => {
    const { matches, total } = await temp.call('kiosk.find', { query: 'ami' });
    expect(matches).toEqual([
      { personId: amira.id, label: 'Amira K. — Newcastle City Council', firstName: 'Amira', signedIn: false },
      { personId: amir.id, label: 'Amir H.', firstName: 'Amir', signedIn: false },
    ]);
    expect(total).toBe(2);
    const shown = JSON.stringify(matches);
    for (const secret of ['amira.khan@example.org', 'amir.h@example.net', '@', '07700', '0191', 'Khan', 'Hussain']) {
      expect(shown).not.toContain(secret);
    }
  });

  it('shows at most ten matches, and says how many match in all', async () => {
    // People are added by staff, so add them with the kiosk briefly closed.
    await temp.call('kiosk.exit', { pin: PIN });
    for (let i = 0; i < 12; i++) await temp.call('people.create', { givenName: 'Ola', familyName: `Nowak${i}` });
    await openKiosk();
    const found = await temp.call('kiosk.find', { query: 'ola' });
    expect(found.matches).toHaveLength(10);
    expect(found).toMatchObject({ total: 12, more: false });
    // Their family names match too: each person is counted once, whichever of their names matched.
    expect((await temp.call('kiosk.find', { query: 'nowak' })).total).toBe(12);
  });

  it('counts up to 200 on each keystroke, and every match, however many, when asked: 377 match, the first 10 are shown', async () => {
    await temp.call('kiosk.exit', { pin: PIN });
    for (let i = 0; i < 377; i++) await temp.call('people.create', { givenName: 'Mo', familyName: `Farah${i}` });
    await openKiosk();
    const found = await temp.call('kiosk.find', { query: 'mo' });
    expect(found.matches).toHaveLength(10);
    expect(found).toMatchObject({ total: 200, more: true });
    expect(await temp.call('kiosk.countMatches', { query: ' mo ' })).toEqual({ query: 'mo', total: 377 });
    // Each person once, whichever of their names matched.
    expect((await temp.call('kiosk.countMatches', { query: 'farah1' })).total).toBe(1 + 10 + 100);
  });

  it('counts only while the kiosk is open for signing in', async () => {
    await temp.call('kiosk.exit', { pin: PIN });
    expect(await refusal(temp.dispatch, 'kiosk.countMatches', { query: 'mo' })).toMatchObject({ code: 'KIOSK_CLOSED' });
  });

  it('needs at least two letters before showing anyone', async () => {
    for (const query of ['a', ' a ', '']) {
      const error = await refusal(temp.dispatch, 'kiosk.find', { query });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', message: 'Type at least two letters of your name.' });
    }
  });

  it('needs two letters, not one letter and a punctuation mark', async () => {
    for (const query of ["a'", 'a.', 'a-']) {
      const error = await refusal(temp.dispatch, 'kiosk.find', { query });
      expect(error.code).toBe('INVALID_INPUT');
    }
  });

  it('signs a participant in with their consent, and keeps their equality answer apart', async () => {
    const result = await temp.call('kiosk.signIn', { personId: amira.id, consent, ethnicity: 'asian-pakistani' });
    expect(result).toEqual({ firstName: 'Amira', personId: amira.id, waitlistPosition: null });

    expect(rowsFor('consents', amira.id)).toEqual([
      expect.objectContaining({ session_id: session.id, text_version: CONSENT_TEXT_VERSION, language: 'ar', agreed_at: '2026-03-12T09:00:00.000Z' }),
    ]);
    expect(rowsFor('sign_ins', amira.id)).toEqual([expect.objectContaining({ session_id: session.id, kind: 'sign_in', method: 'kiosk' })]);
    expect(rowsFor('equality_answers', amira.id)).toEqual([expect.objectContaining({ ethnicity: 'asian-pakistani' })]);
    const personColumns = temp.sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('people') as string[];
    expect(personColumns.some((column) => /ethnic|equality/i.test(column))).toBe(false);

    await temp.call('kiosk.exit', { pin: PIN });
    const roster = await temp.call('signIn.roster', { sessionId: session.id });
    expect(roster.entries.find((entry) => entry.personId === amira.id)).toMatchObject({ state: 'signed_in', signIn: { method: 'kiosk' } });
  });

  it('stores no equality answer when the question is skipped', async () => {
    await temp.call('kiosk.signIn', { personId: amira.id, consent, ethnicity: null });
    await temp.call('kiosk.signIn', { personId: amir.id, consent });
    expect(countRows(temp.sqlite, 'equality_answers')).toBe(0);
    expect(countRows(temp.sqlite, 'consents')).toBe(2);
  });

  it('stores "prefer not to say" as an answer of its own', async () => {
    await temp.call('kiosk.signIn', { personId: amira.id, consent, ethnicity: 'prefer-not-to-say' });
    expect(rowsFor('equality_answers', amira.id)).toEqual([expect.objectContaining({ ethnicity: 'prefer-not-to-say' })]);
  });

  it('refuses without consent to the current text, storing nothing about the person', async () => {
    const oldText = await refusedWritingNothing('kiosk.signIn', { personId: amira.id, consent: { ...consent, textVersion: 'consent-2020-v0' } });
    expect(oldText).toMatchObject({ code: 'INVALID_INPUT', message: 'Read the consent text again: it has changed.' });
    const refused = await refusedWritingNothing('kiosk.signIn', {
      personId: amira.id,
      consent: { ...consent, agreed: false },
      ethnicity: 'white-irish',
    });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: 'Agree to the consent text to sign in.' });
  });

  it('refuses a second sign-in without storing a second consent', async () => {
    await temp.call('kiosk.signIn', { personId: amira.id, consent });
    const error = await refusedWritingNothing('kiosk.signIn', { personId: amira.id, consent, ethnicity: 'black-african' });
    expect(error.code).toBe('ALREADY_SIGNED_IN');
  });

  it('lets a participant add themselves as a walk-in', async () => {
    const result = await temp.call('kiosk.addSelf', { givenName: 'Łucja', familyName: 'Wiśniewska', organisationId: councilId, consent, ethnicity: 'white-other' });
    expect(result).toMatchObject({ firstName: 'Łucja', waitlistPosition: null });
    const person = temp.sqlite.prepare("SELECT * FROM people WHERE given_name = 'Łucja'").get() as Record<string, unknown>;
    expect(person).toMatchObject({ family_name: 'Wiśniewska', organisation_id: councilId, email: null, phone: null });
    const id = person.id as string;
    expect(rowsFor('consents', id)).toHaveLength(1);
    expect(rowsFor('sign_ins', id)).toEqual([expect.objectContaining({ method: 'walk_in', kind: 'sign_in' })]);
    expect(rowsFor('equality_answers', id)).toEqual([expect.objectContaining({ ethnicity: 'white-other' })]);
  });

  it('tells a participant at a full session their place on the waitlist, without signing them in', async () => {
    // The facilitator makes the session full: Amira holds its one place.
    await temp.call('kiosk.exit', { pin: PIN });
    await temp.call('bookings.setCapacity', { sessionId: session.id, capacity: 1 });
    await openKiosk();

    expect(await temp.call('kiosk.signIn', { personId: amir.id, consent })).toEqual({ firstName: 'Amir', personId: amir.id, waitlistPosition: 1 });
    const added = await temp.call('kiosk.addSelf', { givenName: 'Łucja', familyName: 'Wiśniewska', organisationId: null, consent });
    expect(added).toMatchObject({ firstName: 'Łucja', waitlistPosition: 2 });
    expect(rowsFor('sign_ins', amir.id)).toEqual([]);
    expect(countRows(temp.sqlite, 'sign_ins')).toBe(0);

    await temp.call('kiosk.exit', { pin: PIN });
    const roster = await temp.call('signIn.roster', { sessionId: session.id });
    expect(roster.entries.find((entry) => entry.personId === amir.id)).toMatchObject({ state: 'waitlisted', present: true, waitlistPosition: 1 });
    expect(roster.counts).toMatchObject({ capacity: 1, booked: 1, waiting: 2, signedIn: 0, seatsLeft: 0 });
  });

  it('refuses to add someone who looks like a person already known, writing nothing', async () => {
    const error = await refusedWritingNothing('kiosk.addSelf', { givenName: 'AMIRA', familyName: 'khan', organisationId: councilId, consent });
    expect(error.code).toBe('POSSIBLE_DUPLICATE');
    expect(error.message).not.toContain('Khan');
  });
});

describe('leaving the kiosk', () => {
  // Wrong PINs and the wait they earn: kiosk-pin-tries.test.ts.
  beforeEach(openKiosk);

  it('with the right PIN, gives the facilitator their procedures back', async () => {
    const status = await temp.call('kiosk.exit', { pin: PIN });
    expect(status).toMatchObject({ active: false, session: null });
    expect((await temp.call('people.list', {})).length).toBe(2);
    const roster = await temp.call('signIn.signIn', { sessionId: session.id, personId: amira.id });
    expect(roster.counts.signedIn).toBe(1);
  });
});
