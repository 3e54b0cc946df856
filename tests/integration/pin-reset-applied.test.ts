import { describe, expect, it } from 'vitest';
import { TEST_TODAY } from '../support/temp-core';
import { localTime } from '../support/bookings';
import { asIncoming, sendPackage, sessionWithKioskPin } from '../support/sync';
import { syncWorldForEachTest } from '../support/each-test';
import { resetLaptopPinAsShown } from '../support/laptop-pins';

/**
 * The office sets a new kiosk PIN for a laptop; it shows, on Devices and in
 * Settings, whether the laptop has applied it, from what the laptop's next
 * end-of-day file says: waiting until then, in use (with the file's number)
 * after, and waiting again once a newer PIN is set.
 */

const world = syncWorldForEachTest(['Hall laptop']);

const laptop = () => world.laptops[0]!;

/** Something for the laptop's end-of-day file to carry: a new person added at the venue. */
async function somethingNew(givenName: string) {
  await laptop().call('people.create', { givenName, familyName: 'Walk-in', email: null, phone: null, organisationId: null });
}

async function officeView(laptopId: string) {
  const devices = await world.office.call('pairing.status', {});
  const pins = await world.office.call('settings.laptopPins', {});
  return { device: devices.laptops.find((one) => one.deviceId === laptopId)!.pinReset, pin: pins.find((one) => one.deviceId === laptopId)! };
}

describe('whether a laptop applied the PIN the office set for it', () => {
  it('shows waiting until an end-of-day file from the laptop says it is in use, and names that file', async () => {
    const office = world.office;
    await sessionWithKioskPin(office, laptop(), '2468');
    const laptopId = (await laptop().call('device.status', {})).device!.id;

    // Before any reset, nothing to show.
    expect((await officeView(laptopId)).device).toBeNull();

    // A file written before the laptop has the new PIN says nothing of it.
    const reset = await resetLaptopPinAsShown(office.call, laptopId, '8642');
    await somethingNew('Early');
    const before = await office.call('sync.importFile', asIncoming(await laptop().call('sync.exportBundle', {})));
    expect(before.message).not.toContain('kiosk PIN');
    expect(await officeView(laptopId)).toEqual({
      device: { setAt: reset[0]!.resetSetAt, applied: null },
      pin: { deviceId: laptopId, name: 'Hall laptop', resetSetAt: reset[0]!.resetSetAt, resetApplied: null, version: reset[0]!.version },
    });

    // The package brings the PIN; the laptop's next file says it is in use, and the import log says so.
    await sendPackage(office, laptop());
    await somethingNew('Later');
    const applied = await laptop().call('sync.exportBundle', {});
    office.clock.set(localTime(TEST_TODAY, '17:30'));
    const outcome = await office.call('sync.importFile', asIncoming(applied));
    expect(outcome.message).toContain('Hall laptop now uses the new kiosk PIN the office set for it.');
    const shown = await officeView(laptopId);
    expect(shown.device).toEqual({ setAt: reset[0]!.resetSetAt, applied: { inFile: applied.bundle.sequence, importedAt: localTime(TEST_TODAY, '17:30').toISOString() } });
    expect(shown.pin.resetApplied).toEqual(shown.device!.applied);

    // Later files say the same; the first one to say so stays named, and the log does not repeat it.
    await somethingNew('Next day');
    const again = await office.call('sync.importFile', asIncoming(await laptop().call('sync.exportBundle', {})));
    expect(again.message).not.toContain('kiosk PIN');
    expect((await officeView(laptopId)).device!.applied!.inFile).toBe(applied.bundle.sequence);

    // A newer PIN waits again, even though the laptop's files still name the one before.
    await resetLaptopPinAsShown(office.call, laptopId, '9753');
    await somethingNew('Before the next package');
    await office.call('sync.importFile', asIncoming(await laptop().call('sync.exportBundle', {})));
    expect((await officeView(laptopId)).device!.applied).toBeNull();
  });
});
