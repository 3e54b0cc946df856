import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { newAgeKey } from '../../electron/core/device/device';
import { writeSignedFile } from '../../electron/core/sync/pairing-files';
import { evaluatedSession, signedInPeople } from '../support/evaluations';
import { asIncoming, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { countRows } from '../support/temp-core';

let world: SyncWorld;
afterEach(async () => world?.cleanup());

describe('end of day: laptop bundle to the office', () => {
  it('carries sign-ins to the office, and a second import of the same file changes nothing', async () => {
    world = await syncWorld(['Hall laptop 2']);
    const { office, laptops } = world;
    const laptop = laptops[0]!;
    const { session } = await evaluatedSession(office.call);
    await sendPackage(office, laptop);
    await signedInPeople(laptop, session.id, 'Amira', 'Bogdan');

    const file = await laptop.call('sync.exportBundle', {});
    expect(file.bundle.sequence).toBe(1);
    expect(file.bundle.summary).toMatchObject({ signIns: 2, newPeople: 2, sessions: 1 });

    const outcome = await office.call('sync.importFile', asIncoming(file));
    expect(outcome.status).toBe('imported');
    expect(outcome.message).toContain('Hall laptop 2');
    const roster = await office.call('signIn.roster', { sessionId: session.id });
    expect(roster.entries.filter((entry) => entry.state === 'signed_in').map((entry) => entry.name).sort()).toEqual(['Amira Test', 'Bogdan Test']);

    const again = await office.call('sync.importFile', asIncoming(file));
    expect(again.status).toBe('already_imported');
    expect(again.message).toMatch(/^Already imported on 12 March 2026 from Hall laptop 2/);
    expect((await office.call('sync.manifest', {}))[0]).toMatchObject({ received: [1], missing: [], repeatsSeen: 1 });

    // The next package acknowledges the bundle on the laptop.
    const outcomeOnLaptop = await sendPackage(office, laptop);
    expect(outcomeOnLaptop.acknowledged).toBe(1);
    expect((await laptop.call('sync.outbox', {})).bundles[0]!.acknowledgedAt).not.toBeNull();
    expect(countRows(laptop.sqlite, 'sign_ins')).toBe(2);
  });

  it('counts a sign-in undone the same day as undone, not as one more sign-in', async () => {
    world = await syncWorld(['Hall laptop 2']);
    const { office, laptops } = world;
    const laptop = laptops[0]!;
    const { session } = await evaluatedSession(office.call);
    await sendPackage(office, laptop);
    const [, bogdan] = await signedInPeople(laptop, session.id, 'Amira', 'Bogdan', 'Chen');
    await laptop.call('signIn.undo', { sessionId: session.id, personId: bogdan! });

    const file = await laptop.call('sync.exportBundle', {});
    expect(file.bundle.summary).toMatchObject({ signIns: 2, undone: 1 });
    const outcome = await office.call('sync.importFile', asIncoming(file));
    expect(outcome.message).toContain('2 sign-ins (1 undone)');
    expect(outcome.summary).toMatchObject({ signIns: 2, undone: 1 });
  });

  it('says when there is nothing new to export', async () => {
    world = await syncWorld(['Hall laptop 2']);
    const laptop = world.laptops[0]!;
    const { session } = await evaluatedSession(world.office.call);
    await sendPackage(world.office, laptop);
    await signedInPeople(laptop, session.id, 'Amira');
    await laptop.call('sync.exportBundle', {});
    await expect(laptop.call('sync.exportBundle', {})).rejects.toThrow(/NOTHING_TO_EXPORT: No need to export: nothing is new since end-of-day file 1/);
  });

  it('tells the office a pairing file chosen by mistake is not an end-of-day file', async () => {
    world = await syncWorld(['Hall laptop 2']);
    const request = await world.laptops[0]!.call('pairing.request', {});
    await expect(world.office.call('sync.importFile', asIncoming(request))).rejects.toThrow(/This is a pairing file .* Import it on the Devices screen/);
  });

});

describe('pairing files that name a known device with other keys', () => {
  function attackerKeys() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    return {
      signingPublicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      signingKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
    };
  }

  it('a paired laptop refuses an enrolment naming its office with other keys, and keeps sending to the real office', async () => {
    world = await syncWorld(['Hall laptop 2']);
    const { office, laptops } = world;
    const laptop = laptops[0]!;
    const officeDevice = (await office.call('device.status', {})).device!;
    const keys = attackerKeys();
    const forged = writeSignedFile(
      {
        kind: 'enrolment',
        format: 1,
        office: { deviceId: officeDevice.id, name: officeDevice.name, signingPublicKey: keys.signingPublicKey, ageRecipient: (await newAgeKey()).recipient },
        laptopDeviceId: (await laptop.call('device.status', {})).device!.id,
        team: null,
        facilitators: [],
        enrolledAt: '2026-03-12T09:00:00.000Z',
      },
      keys.signingKey,
    );
    const file = { fileName: 'enrolment.fieldbook-enrolment', contentBase64: Buffer.from(forged).toString('base64') };
    await expect(laptop.call('pairing.acceptEnrolment', file)).rejects.toThrow(/BAD_SIGNATURE: This enrolment file names Central office but carries different keys/);

    const { session } = await evaluatedSession(office.call);
    await sendPackage(office, laptop);
    await signedInPeople(laptop, session.id, 'Amira');
    const bundle = await laptop.call('sync.exportBundle', {});
    expect((await office.call('sync.importFile', asIncoming(bundle))).status).toBe('imported');
  });

  it('the office refuses a request naming an enrolled laptop with other keys', async () => {
    world = await syncWorld(['Hall laptop 2']);
    const { office, laptops } = world;
    const laptopDevice = (await laptops[0]!.call('device.status', {})).device!;
    const keys = attackerKeys();
    const forged = writeSignedFile(
      { kind: 'enrolment-request', format: 1, deviceId: laptopDevice.id, name: laptopDevice.name, signingPublicKey: keys.signingPublicKey, ageRecipient: (await newAgeKey()).recipient },
      keys.signingKey,
    );
    const request = { fileName: 'request.fieldbook-request', contentBase64: Buffer.from(forged).toString('base64') };
    await expect(office.call('pairing.enrol', { request, team: null, facilitators: [] })).rejects.toThrow(/BAD_SIGNATURE: This request names Hall laptop 2, which is already enrolled with different keys/);
  });

});

describe('bundles from fast clocks', () => {
  it('holds a bundle stamped more than 5 minutes ahead of the office whatever arrived before it', async () => {
    for (const order of [[0, 1], [1, 0]]) {
      world = await syncWorld(['Hall laptop 1', 'Hall laptop 2']);
      const { office, laptops } = world;
      const { session } = await evaluatedSession(office.call);
      for (const laptop of laptops) await sendPackage(office, laptop);
      laptops[0]!.clock.advance(4 * 60_000);
      laptops[1]!.clock.advance(8 * 60_000);
      const files = [];
      for (const [index, laptop] of laptops.entries()) {
        await signedInPeople(laptop, session.id, `Walk-in ${index}`);
        files.push(await laptop.call('sync.exportBundle', {}));
      }
      const statuses = [];
      for (const index of order) statuses[index] = (await office.call('sync.importFile', asIncoming(files[index]!))).status;
      expect({ order, statuses }).toEqual({ order, statuses: ['imported', 'held'] });
      await world.cleanup();
    }
  });

});

describe('the package to a laptop', () => {
  it('carries everyone a booked person was merged into, along the whole chain', async () => {
    world = await syncWorld(['Hall laptop 2']);
    const { office, laptops } = world;
    const { session } = await evaluatedSession(office.call);
    const people = [];
    for (const givenName of ['Ada', 'Bea', 'Cai']) people.push(await office.call('people.create', { givenName, familyName: 'Test' }));
    await office.call('signIn.book', { sessionId: session.id, personId: people[0]!.id });
    await office.call('sync.resolveDuplicate', { keepId: people[1]!.id, otherId: people[0]!.id, action: 'merge' });
    await office.call('sync.resolveDuplicate', { keepId: people[2]!.id, otherId: people[1]!.id, action: 'merge' });
    await sendPackage(office, laptops[0]!);
    for (const person of people) expect((await laptops[0]!.call('people.get', { id: person.id })).id).toBe(person.id);
  });
});
