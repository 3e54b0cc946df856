import { describe, expect, it } from 'vitest';
import type { LaptopPin } from '../../shared/contract';
import { asStaff, type StaffCaller } from '../../electron/core/staff/caller';
import { refusedWritingNothing } from '../support/bookings';
import { syncWorldForEachTest } from '../support/each-test';
import { asIncoming } from '../support/sync';

/**
 * Two admins at the office who open the laptops' PINs and both set a new one
 * for the same laptop: the later is told a new PIN was set since, when, and
 * writes nothing, so the PIN the first gave out is the one the laptop gets.
 * A reset of another laptop meanwhile refuses nothing, and the desktop app's
 * one user, resetting at the version just read, is never refused.
 */
const world = syncWorldForEachTest(['Hall laptop', 'Library laptop']);

const priya: StaffCaller = { staffId: 'staff-priya', name: 'Priya Shah', role: 'admin', address: '192.168.1.20' };
const tomasz: StaffCaller = { staffId: 'staff-tomasz', name: 'Tomasz Nowak', role: 'admin', address: '192.168.1.21' };

async function laptopIds(): Promise<[string, string]> {
  const ids = await Promise.all(world.laptops.map(async (laptop) => (await laptop.call('device.status', {})).device!.id));
  return [ids[0]!, ids[1]!];
}

const pinOf = (pins: LaptopPin[], deviceId: string) => pins.find((pin) => pin.deviceId === deviceId)!;

describe('two admins resetting the same laptop’s PIN', () => {
  it('refuses the later reset, writing nothing, saying when the other was set; the laptop gets the first PIN', async () => {
    const [hall] = await laptopIds();
    const opened = await world.office.call('settings.laptopPins', {});
    const saved = await asStaff(priya, () => world.office.call('settings.resetLaptopPin', { deviceId: hall, newPin: '8642', version: pinOf(opened, hall).version }));
    const hers = pinOf(saved, hall);
    expect(hers.version).not.toBe(pinOf(opened, hall).version);

    const refused = await asStaff(tomasz, () =>
      refusedWritingNothing(world.office, 'settings.resetLaptopPin', { deviceId: hall, newPin: '1357', version: pinOf(opened, hall).version }),
    );
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
    expect(refused.message).toMatch(/^Look at the newer values first: a new kiosk PIN was set for Hall laptop today at \d\d:\d\d, since you opened it\. Nothing was saved\.$/);
    expect(refused.current).toEqual(hers);

    // The laptop's next package brings the PIN Priya gave out, not Tomasz's.
    await world.laptops[0]!.call('sync.importPackage', asIncoming(await world.office.call('sync.writePackage', { deviceId: hall })));
    const hash = world.laptops[0]!.sqlite.prepare('SELECT pin_hash FROM kiosk').pluck().get();
    expect(hash).toBe(world.office.sqlite.prepare('SELECT pin_hash FROM laptop_pin_resets WHERE device_id = ?').pluck().get(hall));

    // Having been told, he sets his on purpose, at the newer version.
    const kept = await asStaff(tomasz, () => world.office.call('settings.resetLaptopPin', { deviceId: hall, newPin: '1357', version: hers.version }));
    expect(pinOf(kept, hall).version).not.toBe(hers.version);
  });

  it('does not refuse a reset of another laptop opened at the same time', async () => {
    const [hall, library] = await laptopIds();
    const opened = await world.office.call('settings.laptopPins', {});
    await asStaff(priya, () => world.office.call('settings.resetLaptopPin', { deviceId: hall, newPin: '8642', version: pinOf(opened, hall).version }));
    const other = await asStaff(tomasz, () => world.office.call('settings.resetLaptopPin', { deviceId: library, newPin: '1357', version: pinOf(opened, library).version }));
    expect(pinOf(other, library).resetSetAt).not.toBeNull();
  });
});

describe('the desktop app, with one person', () => {
  it('resets each time from the version it has just read', async () => {
    const [hall] = await laptopIds();
    let pins = await world.office.call('settings.laptopPins', {});
    for (const newPin of ['8642', '1357', '9753']) pins = await world.office.call('settings.resetLaptopPin', { deviceId: hall, newPin, version: pinOf(pins, hall).version });
    expect(pinOf(pins, hall).resetSetAt).not.toBeNull();
  });
});
