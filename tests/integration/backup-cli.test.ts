import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { openCoreInFolder } from '../../electron/host/open-core';
import { restoreArgument, restoreOnStart } from '../../electron/main/restore-argument';
import { safeStorageKeyStore } from '../../electron/main/safe-storage-key-store';
import { runFieldbook } from '../support/cli';
import { callerFor, openDatabaseFileIn, tempCore, type TempCore } from '../support/temp-core';

/**
 * `fieldbook backup` and `fieldbook restore` over an office's data folder, as their own processes;
 * and the desktop app's `--restore`, for a folder whose key only the app's keychain opens.
 */

let office: TempCore;
let stick: string;
const person = (givenName: string) => ({ givenName, familyName: 'Stick', preferredName: null, email: null, phone: null, organisationId: null, membershipJoinedOn: null });
beforeEach(async () => {
  office = await tempCore({ setUp: true });
  await office.call('people.create', person('Before'));
  await office.close();
  stick = mkdtempSync(join(tmpdir(), 'fieldbook-stick-'));
});
afterEach(async () => {
  await office.cleanup();
  rmSync(stick, { recursive: true, force: true });
});

const names = () => {
  const db = openDatabaseFileIn(office.folder, { readonly: true });
  try {
    return db.prepare('SELECT given_name FROM people ORDER BY given_name').pluck().all();
  } finally {
    db.close();
  }
};

describe('fieldbook backup and restore', () => {
  it('backs up to a stick, then restores that backup over later changes', async () => {
    const backedUp = await runFieldbook(office.folder, 'backup', '--to', stick, '--data', office.folder);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    const [fileName] = readdirSync(stick);
    expect(backedUp.stdout).toMatch(new RegExp(`^Backed up to ${join(stick, fileName!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\.\\d MB\\)\\.\\n$`));

    await office.reopen();
    await office.call('people.create', person('After'));
    await office.close();
    expect(names()).toEqual(['After', 'Before']);

    const restored = await runFieldbook(office.folder, 'restore', join(stick, fileName!), '--data', office.folder);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored "Central office" from ${fileName}`);
    expect(restored.stdout).toContain('It holds 1 person, 0 sessions and 0 sign-ins.');
    expect(names()).toEqual(['Before']);
  });

  it('says how to use it, and refuses a file that is not a backup, changing nothing', async () => {
    const usage = await runFieldbook(office.folder, 'restore', '--data', office.folder);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('restore needs a backup file');

    const notes = join(stick, 'notes.txt');
    writeFileSync(notes, 'a shopping list');
    const refused = await runFieldbook(office.folder, 'restore', notes, '--data', office.folder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('Choose another file: notes.txt is not a Fieldbook backup, or it is damaged.\n');
    expect(names()).toEqual(['Before']);
  });
});

describe('a data folder the desktop app set up', () => {
  /** The app's key store: keys sealed by the keychain (here a stand-in that seals reversibly), in keys/*.sealed. */
  const sealed = (folder: string) =>
    safeStorageKeyStore(
      {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptString: (text: string) => Buffer.from(`sealed:${text}`),
        decryptString: (data: Buffer) => data.toString().replace(/^sealed:/, ''),
      },
      join(folder, 'keys'),
      'linux',
    );

  it('is refused by fieldbook restore, which names the app’s way; Fieldbook --restore restores it with the sealed key', async () => {
    const appFolder = mkdtempSync(join(tmpdir(), 'fieldbook-app-data-'));
    try {
      const app = openCoreInFolder(appFolder, sealed(appFolder));
      let backup: string;
      try {
        const call = callerFor(createDispatcher(app.handlers));
        await call('device.setUp', { role: 'laptop', name: 'Hall laptop' });
        await call('people.create', person('Before'));
        backup = (await call('backup.now', { folder: stick })).path;
        await call('people.create', person('After'));
      } finally {
        await app.close();
      }
      const namesInApp = async () => {
        const reopened = openCoreInFolder(appFolder, sealed(appFolder));
        try {
          return (await callerFor(createDispatcher(reopened.handlers))('people.list', {})).map((row) => row.givenName).sort();
        } finally {
          await reopened.close();
        }
      };

      const refused = await runFieldbook(appFolder, 'restore', backup, '--data', appFolder);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^Restore this backup with the Fieldbook app: on its Backups screen, or by starting it with --restore FILE\./);
      expect(await namesInApp()).toEqual(['After', 'Before']);

      expect(restoreArgument(['/opt/Fieldbook/fieldbook', '--restore', backup])).toBe(backup);
      const lines: string[] = [];
      const code = await restoreOnStart(appFolder, backup, sealed(appFolder), { line: (text) => lines.push(text), error: (text) => lines.push(`error: ${text}`) });
      expect(code).toBe(0);
      expect(lines[0]).toMatch(/^Restored "Hall laptop" from fieldbook-backup-\d{8}-\d{6}\.sqlite taken /);
      expect(await namesInApp()).toEqual(['Before']);
    } finally {
      rmSync(appFolder, { recursive: true, force: true });
    }
  }, 60_000);
});
