import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, refusal, seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * Leaving the kiosk needs the facilitator's PIN, and wrong PINs are slowed
 * down. The tries are kept with the kiosk on disk, so quitting and reopening
 * the app (or pulling the plug) gives whoever has the laptop no fresh tries.
 */

const PIN = '90817263';
const WRONG = '0000';

let temp: TempCore;
let sessionId: string;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  sessionId = (await seedSession(temp.call, { day: TEST_TODAY })).id;
  await temp.call('kiosk.start', { sessionId, pin: PIN });
});

afterEach(async () => {
  await temp.cleanup();
});

const tryPin = (pin: string) => refusal(temp.dispatch, 'kiosk.exit', { pin });

async function wrongPins(count: number) {
  for (let i = 0; i < count; i++) expect((await tryPin(WRONG)).message).toBe('Check the PIN: that one is not right.');
}

/** Every table but the kiosk's own row, where the tries are counted. */
function everythingButTheKiosk(): Record<string, unknown> {
  const { kiosk: _kiosk, ...rest } = JSON.parse(dumpDatabase(temp.sqlite)) as Record<string, unknown>;
  return rest;
}

const lockedUntil = async () => (await temp.call('kiosk.status', {})).lockedUntil;

describe('a wrong PIN', () => {
  it('is refused, keeps the kiosk open, and writes nothing but its count (never to the change log)', async () => {
    const before = everythingButTheKiosk();
    const error = await tryPin('1111');
    expect(error).toMatchObject({ code: 'UNAUTHORISED', message: 'Check the PIN: that one is not right.', fields: { pin: 'Check the PIN: that one is not right.' } });
    expect(everythingButTheKiosk()).toEqual(before);
    expect(await temp.call('kiosk.status', {})).toMatchObject({ active: true, lockedUntil: null });
  });

  it('makes the facilitator wait after three in a row, even for the right one', async () => {
    await wrongPins(3);
    const waiting = await tryPin(PIN);
    expect(waiting).toMatchObject({ code: 'UNAUTHORISED', message: 'Wait 30 seconds, then try again: too many wrong PINs were typed.' });
    expect(await lockedUntil()).toBe('2026-03-12T09:00:30.000Z');

    temp.clock.advance(20_000);
    expect((await tryPin(PIN)).message).toBe('Wait 10 seconds, then try again: too many wrong PINs were typed.');

    temp.clock.advance(10_001);
    expect((await temp.call('kiosk.exit', { pin: PIN })).active).toBe(false);
  });

  it('makes the wait longer with each one after that', async () => {
    await wrongPins(3);
    temp.clock.advance(30_001);
    await wrongPins(1);
    expect((await tryPin(PIN)).message).toBe('Wait 60 seconds, then try again: too many wrong PINs were typed.');
  });

  it('never earns a wait longer than the one it set, even when the clock is put back', async () => {
    await wrongPins(3);
    // The laptop's clock was a day fast and is corrected.
    temp.clock.set('2026-03-11T09:00:00.000Z');
    expect((await tryPin(PIN)).message).toBe('Wait 30 seconds, then try again: too many wrong PINs were typed.');
    expect(await lockedUntil()).toBe('2026-03-11T09:00:30.000Z');
  });
});

describe('quitting and reopening the app', () => {
  it('gives no fresh tries: the wait and the count of wrong PINs are still there', async () => {
    await wrongPins(3);
    await temp.reopen();

    expect(await temp.call('kiosk.status', {})).toMatchObject({ active: true, lockedUntil: '2026-03-12T09:00:30.000Z' });
    expect((await tryPin(PIN)).message).toBe('Wait 30 seconds, then try again: too many wrong PINs were typed.');

    // The fourth wrong PIN, after a second restart, doubles the wait: the count survived too.
    temp.clock.advance(30_001);
    await temp.reopen();
    await wrongPins(1);
    await temp.reopen();
    expect((await tryPin(PIN)).message).toBe('Wait 60 seconds, then try again: too many wrong PINs were typed.');
  });

  it('lets the right PIN in once the wait is over, and that clears the count', async () => {
    await wrongPins(3);
    await temp.reopen();
    temp.clock.advance(30_001);
    expect(await temp.call('kiosk.exit', { pin: PIN })).toMatchObject({ active: false, lockedUntil: null });
    expect(temp.sqlite.prepare('SELECT wrong_pin_tries, pin_locked_until FROM kiosk').get()).toEqual({ wrong_pin_tries: 0, pin_locked_until: null });

    // Next time the kiosk opens, the facilitator has their three free tries again.
    await temp.call('kiosk.start', { sessionId });
    await temp.reopen();
    await wrongPins(2);
    expect(await lockedUntil()).toBeNull();
    expect((await temp.call('kiosk.exit', { pin: PIN })).active).toBe(false);
  });
});
