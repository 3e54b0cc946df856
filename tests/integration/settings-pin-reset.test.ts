import { describe, expect, it } from 'vitest';
import { databaseHash, refusal } from '../support/temp-core';
import { asIncoming, sendPackage, sessionWithKioskPin } from '../support/sync';
import { syncWorldForEachTest } from '../support/each-test';
import { resetLaptopPinAsShown } from '../support/laptop-pins';

/**
 * Ways back in when the kiosk PIN is forgotten: the laptop's recovery code
 * (shown once, kept as a hash, good for one reset), and the office setting a
 * new PIN that travels in the laptop's next package, applied there once.
 */

const world = syncWorldForEachTest(['Hall laptop']);

const laptop = () => world.laptops[0]!;

const sessionWithPin = (pin: string) => sessionWithKioskPin(world.office, laptop(), pin);

describe('the recovery code', () => {
  it('is shown once and kept only as a hash; it resets the PIN once, from inside the kiosk, and a new one takes its place', async () => {
    const session = await sessionWithPin('2468');
    const made = await laptop().call('settings.makeRecoveryCode', {});
    expect(made.recoveryCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(made.settings.recoveryCodeSet).toBe(true);
    const stored = laptop().sqlite.prepare('SELECT recovery_code_hash FROM kiosk').pluck().get() as string;
    expect(stored).toMatch(/^scrypt:/);
    expect(stored).not.toContain(made.recoveryCode.replaceAll('-', ''));

    // The facilitator forgets the PIN while the kiosk is open, and is slowed down by wrong ones.
    await laptop().call('kiosk.start', { sessionId: session.id });
    for (let attempt = 0; attempt < 3; attempt += 1) await refusal(laptop().dispatch, 'kiosk.exit', { pin: '0000' });
    expect((await laptop().call('kiosk.status', {})).lockedUntil).not.toBeNull();

    const before = databaseHash(laptop().sqlite);
    const wrong = await refusal(laptop().dispatch, 'settings.resetPinWithRecoveryCode', { recoveryCode: 'AAAA-BBBB-CCCC-DDDD', newPin: '1357' });
    expect(wrong.fields).toEqual({ recoveryCode: 'Check the recovery code: it is not this laptop’s.' });
    expect(databaseHash(laptop().sqlite)).toBe(before);

    // Typed in small letters without the dashes, it still works, and the PIN's wait ends with it.
    const typed = made.recoveryCode.replaceAll('-', '').toLowerCase();
    const reset = await laptop().call('settings.resetPinWithRecoveryCode', { recoveryCode: typed, newPin: '1357' });
    expect(reset.recoveryCode).not.toBe(made.recoveryCode);
    expect(reset.settings).toMatchObject({ pinSet: true, pinLockedUntil: null, recoveryCodeSet: true });
    expect((await refusal(laptop().dispatch, 'kiosk.exit', { pin: '2468' })).message).toBe('Check the PIN: that one is not right.');
    expect((await laptop().call('kiosk.exit', { pin: '1357' })).active).toBe(false);

    // Used once: the same code again is refused; the new one works.
    const again = await refusal(laptop().dispatch, 'settings.resetPinWithRecoveryCode', { recoveryCode: made.recoveryCode, newPin: '9753' });
    expect(again.message).toBe('Check the recovery code: it is not this laptop’s.');
    await laptop().call('settings.resetPinWithRecoveryCode', { recoveryCode: reset.recoveryCode, newPin: '9753' });
    await laptop().call('kiosk.start', { sessionId: session.id });
    expect((await laptop().call('kiosk.exit', { pin: '9753' })).active).toBe(false);
  });

  it('a new code replaces the one before, and a laptop without one is told to ask the office', async () => {
    await sessionWithPin('2468');
    const none = await refusal(laptop().dispatch, 'settings.resetPinWithRecoveryCode', { recoveryCode: 'AAAA-BBBB-CCCC-DDDD', newPin: '1357' });
    expect(none.message).toMatch(/^Ask the office to set a new PIN for this laptop/);
    const first = await laptop().call('settings.makeRecoveryCode', {});
    const second = await laptop().call('settings.makeRecoveryCode', {});
    const old = await refusal(laptop().dispatch, 'settings.resetPinWithRecoveryCode', { recoveryCode: first.recoveryCode, newPin: '1357' });
    expect(old.code).toBe('UNAUTHORISED');
    await laptop().call('settings.resetPinWithRecoveryCode', { recoveryCode: second.recoveryCode, newPin: '1357' });
  });
});

describe('the office resetting a laptop’s PIN', () => {
  it('travels in the laptop’s next package, is applied there once, and the import says so', async () => {
    const session = await sessionWithPin('2468');
    const laptopId = (await laptop().call('device.status', {})).device!.id;
    expect(await world.office.call('settings.laptopPins', {})).toEqual([{ deviceId: laptopId, name: 'Hall laptop', resetSetAt: null, resetApplied: null, version: expect.any(String) }]);

    const waiting = await resetLaptopPinAsShown(world.office.call, laptopId, '8642');
    expect(waiting[0]!.resetSetAt).not.toBeNull();
    // Only a hash is kept at the office, and only a hash travels.
    const officeRow = world.office.sqlite.prepare('SELECT pin_hash FROM laptop_pin_resets').pluck().get() as string;
    expect(officeRow).toMatch(/^scrypt:16384:/);

    const file = await world.office.call('sync.writePackage', { deviceId: laptopId });
    const imported = await laptop().call('sync.importPackage', asIncoming(file));
    expect(imported.message).toContain('Central office set a new kiosk PIN for this laptop: use it to leave the kiosk from now on.');
    expect((await laptop().call('settings.get', {})).officePinResetAt).toBe(waiting[0]!.resetSetAt);
    await laptop().call('kiosk.start', { sessionId: session.id });
    expect((await refusal(laptop().dispatch, 'kiosk.exit', { pin: '2468' })).message).toBe('Check the PIN: that one is not right.');
    expect((await laptop().call('kiosk.exit', { pin: '8642' })).active).toBe(false);

    // The facilitator changes it on the laptop; the office's next package carries the same reset and changes nothing.
    await laptop().call('settings.changePin', { currentPin: '8642', newPin: '1111' });
    const next = await sendPackage(world.office, laptop());
    expect(next.message).not.toContain('kiosk PIN');
    await laptop().call('kiosk.start', { sessionId: session.id });
    expect((await laptop().call('kiosk.exit', { pin: '1111' })).active).toBe(false);
  });

  it('is refused on a laptop, and for a laptop the office never paired, writing nothing', async () => {
    const onLaptop = await refusal(laptop().dispatch, 'settings.resetLaptopPin', { deviceId: '0190d6a8-0000-7000-8000-000000000000', newPin: '8642', version: '' });
    expect(onLaptop.message).toMatch(/^Reset a laptop's PIN at the office/);
    const before = databaseHash(world.office.sqlite);
    const unknown = await refusal(world.office.dispatch, 'settings.resetLaptopPin', { deviceId: '0190d6a8-0000-7000-8000-000000000000', newPin: '8642', version: '' });
    expect(unknown.message).toBe('Choose one of the laptops paired with this office.');
    expect(databaseHash(world.office.sqlite)).toBe(before);
  });
});
