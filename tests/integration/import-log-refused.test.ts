import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatedSession, signedInPeople } from '../support/evaluations';
import { asIncoming, enrolLaptop, incomingBytes, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { databaseHash, DAY_MS, tempCore, type TempCore } from '../support/temp-core';
import { cleanUpAfterEachTest } from '../support/each-test';

/**
 * The office's import log lists a file chosen on the Import screen that was
 * refused, with its reason, among the files imported: the refusal changes
 * nothing else, and its note is kept inside the encrypted database, never as
 * a plain file beside it.
 */

let world: SyncWorld | undefined;
let stranger: TempCore | undefined;

const cleanedUpAfterTest = cleanUpAfterEachTest();

describe('the import log', () => {
  it('lists a refused file with its reason beside the files imported, newest first, writing nothing to the database', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const { office, laptops } = world;
    const laptop = laptops[0]!;
    const { session } = await evaluatedSession(office.call);
    await sendPackage(office, laptop);
    await signedInPeople(laptop, session.id, 'Amira');
    await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));

    office.clock.advance(60_000);
    const before = databaseHash(office.sqlite);
    const junk = await office.dispatch('sync.importFile', incomingBytes(new TextEncoder().encode('not a file Fieldbook wrote'), 'holiday-photos.fieldbook'));
    expect(junk.ok).toBe(false);
    expect(databaseHash(office.sqlite)).toBe(before);
    // The note is a row of the encrypted database: no plain file beside it holds the reason.
    expect(office.sqlite.prepare('SELECT file_name FROM refused_imports').pluck().all()).toEqual(['holiday-photos.fieldbook']);
    expect(existsSync(join(office.folder, 'Refused imports'))).toBe(false);

    const log = await office.call('sync.importLog', {});
    expect(log.map((entry) => entry.status)).toEqual(['refused', 'imported']);
    expect(log[0]).toMatchObject({
      fileName: 'holiday-photos.fieldbook',
      senderName: null,
      sequence: null,
      at: office.clock().toISOString(),
      message: junk.ok ? '' : junk.error.message,
    });
    expect(log[1]).toMatchObject({ senderName: 'Hall laptop 2', sequence: 1 });

    // Kept for the inbox retention period (30 days), as the inbox's refused files are.
    office.clock.advance(31 * DAY_MS);
    expect((await office.call('sync.importLog', {})).map((entry) => entry.status)).toEqual(['imported']);
  });

  it('gives the reason for a file from a laptop this office never enrolled', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const otherOffice = await tempCore({ setUp: true });
    stranger = cleanedUpAfterTest(otherOffice);
    const strangersLaptop = await enrolLaptop(otherOffice, 'Someone else’s laptop');
    try {
      await strangersLaptop.call('people.create', { givenName: 'Ola', familyName: 'Nowak' });
      const file = await strangersLaptop.call('sync.exportBundle', {});
      const refused = await world.office.dispatch('sync.importFile', asIncoming(file));
      expect(refused.ok).toBe(false);
      const [entry] = await world.office.call('sync.importLog', {});
      expect(entry).toMatchObject({ status: 'refused', fileName: file.fileName, message: refused.ok ? '' : refused.error.message });
      expect(entry!.message.length).toBeGreaterThan(20);
    } finally {
      await strangersLaptop.cleanup();
    }
  });

  it('does not list a laptop trying to import, which is not about the file', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const laptop = world.laptops[0]!;
    const tried = await laptop.dispatch('sync.importFile', incomingBytes(new TextEncoder().encode('anything'), 'x.fieldbook'));
    expect(tried.ok).toBe(false);
    expect(laptop.sqlite.prepare('SELECT count(*) FROM refused_imports').pluck().get()).toBe(0);
  });
});
