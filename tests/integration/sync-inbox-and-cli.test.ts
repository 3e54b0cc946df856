import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runFieldbook } from '../support/cli';
import type { Core } from '../../electron/core';
import { createCore } from '../../electron/core';
import { newUuidV7 } from '../../electron/core/ids';
import { fileKeyStore } from '../../electron/core/keys';
import { DATABASE_FILE, KEYS_FOLDER } from '../../electron/host/data-folder';
import type { OutgoingFile } from '../../shared/contract';
import { evaluatedSession, signedInPeople } from '../support/evaluations';
import { bytesOf, enrolLaptop, sendPackage } from '../support/sync';
import { callerFor, testClock, type TempCore } from '../support/temp-core';
import { createDispatcher } from '../../electron/dispatch/dispatcher';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An office in a real data folder (keys in files, as the CLI and web host keep them) with one laptop that has exported two bundles. */
async function officeWithTwoBundles(): Promise<{ folder: string; office: Core; bundles: OutgoingFile[] }> {
  const folder = mkdtempSync(join(tmpdir(), 'fieldbook-office-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  mkdirSync(join(folder, 'data'));
  // The office's own clock agrees with the test laptop's day; the CLI later runs on the real clock, months on.
  const office = createCore({
    databasePath: join(folder, 'data', DATABASE_FILE),
    clock: testClock(),
    newId: newUuidV7,
    keyStore: fileKeyStore(join(folder, 'data', KEYS_FOLDER)),
  });
  cleanups.push(() => office.close());
  const call = callerFor(createDispatcher(office.handlers));
  await call('device.setUp', { role: 'office', name: 'Central office' });
  const officeTemp = { call } as unknown as TempCore;
  const laptop = await enrolLaptop(officeTemp, 'Hall laptop 2');
  cleanups.push(() => laptop.cleanup());
  const { session } = await evaluatedSession(call);
  await sendPackage(officeTemp, laptop);
  await signedInPeople(laptop, session.id, 'Amira');
  const first = await laptop.call('sync.exportBundle', {});
  await signedInPeople(laptop, session.id, 'Bogdan');
  const second = await laptop.call('sync.exportBundle', {});
  return { folder, office, bundles: [first, second] };
}

const fieldbook = runFieldbook;

describe('the office inbox folder', () => {
  it('imports every bundle in it, moves each into Imported, and moves a refused file into Refused, its reason kept only in the database', async () => {
    const { folder, office, bundles } = await officeWithTwoBundles();
    const inbox = join(folder, 'inbox');
    const call = callerFor(createDispatcher(office.handlers));
    await call('sync.saveSettings', { inboxFolder: inbox, retentionDays: 30, version: (await call('sync.settings', {})).version });
    // The folder does not exist yet: a plain refusal, nothing imported.
    await expect(call('sync.importInbox', {})).rejects.toThrow(/cannot be read/);

    for (const bundle of bundles) {
      mkdirSync(inbox, { recursive: true });
      writeFileSync(join(inbox, bundle.fileName), bytesOf(bundle));
    }
    writeFileSync(join(inbox, 'holiday-photos.fieldbook'), 'not a bundle');
    // Half of a bundle that is still being copied in: left alone, not refused.
    writeFileSync(join(inbox, 'arriving.fieldbook'), bytesOf(bundles[0]!).subarray(0, 300));
    // Unchanged for two minutes: damaged, not arriving.
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(join(inbox, 'holiday-photos.fieldbook'), twoMinutesAgo, twoMinutesAgo);
    const result = await call('sync.importInbox', {});
    expect(result.files.map((file) => [file.fileName, file.outcome?.status ?? file.refusal])).toEqual([
      ['arriving.fieldbook', 'arriving.fieldbook looks incomplete; it may still be copying. Fieldbook will look at it again.'],
      [bundles[0]!.fileName, 'imported'],
      [bundles[1]!.fileName, 'imported'],
      ['holiday-photos.fieldbook', expect.stringMatching(/damaged or incomplete/)],
    ]);
    expect(existsSync(join(inbox, 'arriving.fieldbook'))).toBe(true);
    expect(existsSync(join(inbox, 'Imported', bundles[0]!.fileName))).toBe(true);
    expect(existsSync(join(inbox, bundles[0]!.fileName))).toBe(false);
    // The refused file lies in Refused as it came, with no plain note beside it: the reason may name someone.
    expect(readdirSync(join(inbox, 'Refused'))).toEqual(['holiday-photos.fieldbook']);
    expect(readFileSync(join(inbox, 'Refused', 'holiday-photos.fieldbook'), 'utf8')).toBe('not a bundle');
    expect((await call('sync.manifest', {}))[0]).toMatchObject({ name: 'Hall laptop 2', received: [1, 2], missing: [] });
    // The import log shows the refused file, with its reason, beside the two imported.
    const log = await call('sync.importLog', {});
    expect(log.map((entry) => entry.status).sort()).toEqual(['imported', 'imported', 'refused']);
    expect(log.find((entry) => entry.status === 'refused')).toMatchObject({
      fileName: 'holiday-photos.fieldbook',
      senderName: null,
      message: expect.stringMatching(/damaged or incomplete/),
    });
  });
});

describe('fieldbook import', () => {
  it('imports files in any order, reports a repeat as already imported, and exits 1 when a file is refused', async () => {
    const { folder, office, bundles } = await officeWithTwoBundles();
    await office.close();
    const paths = bundles.map((bundle) => join(folder, bundle.fileName));
    bundles.forEach((bundle, index) => writeFileSync(paths[index]!, bytesOf(bundle)));

    const second = await fieldbook(folder, 'import', paths[1]!, '--data', join(folder, 'data'));
    expect(second.stdout).toContain('Imported end-of-day file 2 from Hall laptop 2: 1 session, 1 sign-in');
    expect(second.code).toBe(0);

    const both = await fieldbook(folder, 'import', paths[0]!, paths[1]!, '--data', join(folder, 'data'));
    expect(both.stdout).toContain('[1/2]');
    expect(both.stdout).toContain('Imported end-of-day file 1 from Hall laptop 2');
    expect(both.stdout).toMatch(/\[2\/2\].*Already imported on .* from Hall laptop 2/);
    expect(both.code).toBe(0);

    writeFileSync(join(folder, 'cut.fieldbook'), bytesOf(bundles[0]!).subarray(0, 200));
    const cut = await fieldbook(folder, 'import', join(folder, 'cut.fieldbook'), '--data', join(folder, 'data'));
    expect(cut.stdout).toMatch(/cut\.fieldbook: refused\. This file is damaged or incomplete/);
    expect(cut.code).toBe(1);
  });
});

