import { describe, expect, it } from 'vitest';
import { databaseHash, refusal } from '../support/temp-core';
import { tempCoreForEachTest } from '../support/each-test';
import { morningBeforeTenOClockSession } from '../support/bookings';

/** This computer's settings: its name, and the kiosk PIN, changed only by someone who knows the one in use. */

const temp = tempCoreForEachTest({ setUp: true });

async function kioskWithPin(pin: string) {
  const session = await morningBeforeTenOClockSession(temp);
  await temp.call('kiosk.start', { sessionId: session.id, pin });
  await temp.call('kiosk.exit', { pin });
  return session;
}

describe('renaming this computer', () => {
  it('shows the new name on the computer and in what it records from now on', async () => {
    expect(await temp.call('settings.get', {})).toMatchObject({ deviceName: 'Central office', role: 'office', pinSet: false });
    const { version } = await temp.call('settings.get', {});
    const renamed = await temp.call('settings.renameDevice', { name: '  Head office  ', version });
    expect(renamed.deviceName).toBe('Head office');
    expect((await temp.call('device.status', {})).device?.name).toBe('Head office');
  });

  it('refuses a blank name in plain words, writing nothing', async () => {
    const before = databaseHash(temp.sqlite);
    const error = await refusal(temp.dispatch, 'settings.renameDevice', { name: '   ', version: (await temp.call('settings.get', {})).version });
    expect(error.message).toMatch(/^Enter the computer name/);
    expect(databaseHash(temp.sqlite)).toBe(before);
  });
});

describe('changing the kiosk PIN', () => {
  it('needs the PIN in use; then the new PIN leaves the kiosk and the old one does not', async () => {
    const session = await kioskWithPin('2468');
    const changed = await temp.call('settings.changePin', { currentPin: '2468', newPin: '1357' });
    expect(changed.pinSet).toBe(true);
    await temp.call('kiosk.start', { sessionId: session.id });
    expect((await refusal(temp.dispatch, 'kiosk.exit', { pin: '2468' })).message).toBe('Check the PIN: that one is not right.');
    expect((await temp.call('kiosk.exit', { pin: '1357' })).active).toBe(false);
  });

  it('refuses a wrong PIN in use and counts it like a wrong PIN at the kiosk', async () => {
    await kioskWithPin('2468');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const error = await refusal(temp.dispatch, 'settings.changePin', { currentPin: '0000', newPin: '1357' });
      expect(error.message).toBe('Check the PIN: that one is not right.');
    }
    // Slowed down now, even for the right PIN: this screen is no way round the kiosk's wait.
    const waiting = await refusal(temp.dispatch, 'settings.changePin', { currentPin: '2468', newPin: '1357' });
    expect(waiting.message).toMatch(/^Wait \d+ seconds, then try again: too many wrong PINs were typed\.$/);
    expect((await temp.call('settings.get', {})).pinLockedUntil).not.toBeNull();
  });

  it('is refused before any PIN was chosen, and for the same PIN again, writing nothing', async () => {
    const before = databaseHash(temp.sqlite);
    const none = await refusal(temp.dispatch, 'settings.changePin', { currentPin: '2468', newPin: '1357' });
    expect(none.message).toMatch(/^Choose a PIN when you first open the kiosk/);
    expect(databaseHash(temp.sqlite)).toBe(before);

    await kioskWithPin('2468');
    const settled = databaseHash(temp.sqlite);
    const same = await refusal(temp.dispatch, 'settings.changePin', { currentPin: '2468', newPin: '2468' });
    expect(same.fields).toMatchObject({ newPin: 'Choose a new PIN that is different from the one in use.' });
    expect(databaseHash(temp.sqlite)).toBe(settled);
  });
});
