import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_TEXT_VERSION, type Session } from '../../shared/contract';
import { countRows, databaseHash, refusal, seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * The kiosk's "I am not on the list" never makes a second person of someone
 * on the list: with their name typed, the names that match are offered
 * (signed-in ones marked), and adding themselves anyway is refused while
 * someone of that whole name is booked or signed in at the session.
 */

const PIN = '4826';
const consent = { textVersion: CONSENT_TEXT_VERSION, language: 'en', agreed: true } as const;

let temp: TempCore;
let session: Session;
let seunId: string;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  session = await seedSession(temp.call, { day: TEST_TODAY });
  const council = await temp.call('organisations.create', { name: 'Leeds City Council', sector: 'statutory' });
  seunId = (await temp.call('people.create', { givenName: 'Seun', familyName: 'Adeyemi', organisationId: council.id })).id;
  await temp.call('signIn.book', { sessionId: session.id, personId: seunId });
  await temp.call('kiosk.start', { sessionId: session.id, pin: PIN });
});
afterEach(async () => temp?.cleanup());

describe('"I am not on the list" at the kiosk', () => {
  it('offers the matching name first, marked once they are signed in', async () => {
    await temp.call('kiosk.signIn', { personId: seunId, consent });
    const found = await temp.call('kiosk.find', { query: 'Seun Adeyemi' });
    expect(found).toMatchObject({ total: 1, more: false, matches: [{ personId: seunId, label: 'Seun A. — Leeds City Council', signedIn: true }] });
  });

  it('does not make a second Seun when Seun is signed in or booked, whatever organisation is chosen, and writes nothing', async () => {
    for (const signedIn of [false, true]) {
      if (signedIn) await temp.call('kiosk.signIn', { personId: seunId, consent });
      const before = databaseHash(temp.sqlite);
      const error = await refusal(temp.dispatch, 'kiosk.addSelf', { givenName: 'seun', familyName: 'ADEYEMI', organisationId: null, consent });
      expect(error.code).toBe('POSSIBLE_DUPLICATE');
      expect(error.message).toBe('Search for your name, or ask the facilitator: you may already be on the list.');
      expect(databaseHash(temp.sqlite)).toBe(before);
    }
    expect(countRows(temp.sqlite, 'people')).toBe(1);
  });

  it('still adds a walk-in whose name nobody at the session has', async () => {
    expect(await temp.call('kiosk.addSelf', { givenName: 'Seun', familyName: 'Okafor', organisationId: null, consent })).toEqual({
      firstName: 'Seun',
      waitlistPosition: null,
      // Who signed in, so the kiosk can go on to their before questions.
      personId: expect.any(String),
    });
    expect(countRows(temp.sqlite, 'people')).toBe(2);
  });
});
