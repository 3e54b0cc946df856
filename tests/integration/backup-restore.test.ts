import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { openCoreInFolder } from '../../electron/host/open-core';
import { TEST_TODAY, callerFor, databaseHash, refusal, seedSession, tempCore, type TempCore } from '../support/temp-core';
import { backupWorldEachTest, officeWithPeopleBooked, startSignInWriter } from '../support/backups';
import { localTime } from '../support/bookings';

/**
 * "Restore from backup" in the running app (`backup.restore`): the file is
 * checked before anything is replaced, the current database is kept aside
 * until the restored one has opened, and the same handlers (the screens',
 * the inbox watcher's) then read and write the restored database.
 */

let temp: TempCore;
let backups: string;
const world = backupWorldEachTest('Restore');
beforeEach(() => void ({ temp, backups } = world));
const { person, addPerson } = world;
const names = async () => (await temp.call('people.list', {})).map((row) => row.givenName).sort();

describe('restoring from the Backups screen', () => {
  it('brings back the data as it was, through the same handlers, and leaves nothing aside', async () => {
    await addPerson('Before');
    const backup = await temp.call('backup.now', { folder: backups });
    await addPerson('After');
    expect(await names()).toEqual(['After', 'Before']);

    const restored = await temp.call('backup.restore', { path: backup.path });
    expect(restored).toMatchObject({ deviceName: 'Central office', people: 1, fileName: backup.fileName });
    expect(await names()).toEqual(['Before']);
    expect(readdirSync(temp.folder).filter((name) => name.includes('restor'))).toEqual([]);

    // The restored database takes new work, and keeps it over a restart.
    await addPerson('Later');
    await temp.reopen();
    expect(await names()).toEqual(['Before', 'Later']);
  });

  it('holds calls made while it runs, and answers them from the restored database', async () => {
    await addPerson('Before');
    const backup = await temp.call('backup.now', { folder: backups });
    await addPerson('After');
    const restoring = temp.call('backup.restore', { path: backup.path });
    const listedMeanwhile = temp.call('people.list', {});
    await restoring;
    expect((await listedMeanwhile).map((row) => row.givenName)).toEqual(['Before']);
  });

  it('refuses another computer’s backup, a damaged file and a missing one, and changes nothing', async () => {
    await addPerson('Kept');
    const other = await tempCore({ setUp: true });
    try {
      const theirs = await other.call('backup.now', { folder: join(backups, 'theirs') });
      const ours = await temp.call('backup.now', { folder: backups });
      const damaged = join(backups, 'fieldbook-backup-20261202-153000.sqlite');
      const bytes = readFileSync(ours.path);
      writeFileSync(damaged, bytes.subarray(0, bytes.length - 4096 * 2));
      const hash = databaseHash(temp.sqlite);

      const foreign = await refusal(temp.dispatch, 'backup.restore', { path: theirs.path });
      expect(foreign.message).toMatch(/^Choose a backup of this computer/);
      const cut = await refusal(temp.dispatch, 'backup.restore', { path: damaged });
      expect(cut.message).toMatch(/^Choose another file: fieldbook-backup-20261202-153000.sqlite is not a Fieldbook backup, or it is damaged\.$/);
      const missing = await refusal(temp.dispatch, 'backup.restore', { path: join(backups, 'nothing-here.sqlite') });
      expect(missing.message).toMatch(/^Check the file's name/);
      const relative = await refusal(temp.dispatch, 'backup.restore', { path: 'backup.sqlite' });
      expect(relative.message).toMatch(/^Enter the whole path/);

      expect(databaseHash(temp.sqlite)).toBe(hash);
      expect(await names()).toEqual(['Kept']);
      expect(readdirSync(temp.folder).filter((name) => name.includes('restor'))).toEqual([]);
    } finally {
      await other.cleanup();
    }
  });

  it('is refused while the kiosk is open', async () => {
    temp.clock.set(localTime(TEST_TODAY, '09:00'));
    const session = await seedSession(temp.call, { day: TEST_TODAY, start: '10:00', capacity: 4 });
    const backup = await temp.call('backup.now', { folder: backups });
    await temp.call('kiosk.start', { sessionId: session.id, pin: '2468' });
    const error = await refusal(temp.dispatch, 'backup.restore', { path: backup.path });
    expect(error.code).toBe('KIOSK_LOCKED');
  });
});

describe('restoring in the app a backup taken mid-write', () => {
  let dataFolder: string;
  beforeEach(() => {
    dataFolder = mkdtempSync(join(tmpdir(), 'fieldbook-restore-'));
  });
  afterEach(() => {
    rmSync(dataFolder, { recursive: true, force: true });
  });

  it('restores whole, with every sign-in confirmed before the backup began', async () => {
    const app = openCoreInFolder(dataFolder);
    const call = callerFor(createDispatcher(app.handlers));
    try {
      await officeWithPeopleBooked(app);

      // Another process signs people in while the app, open on the same folder, takes its backup.
      const writer = startSignInWriter(dataFolder);
      let backupPath: string;
      let confirmedBefore: string[];
      try {
        await writer.confirmedAtLeast(20);
        confirmedBefore = [...writer.confirmed];
        backupPath = (await call('backup.now', { folder: backups })).path;
        await writer.oneMore();
      } finally {
        await writer.stop();
      }
      const signedAtTheEnd = app.database.sqlite.prepare("SELECT COUNT(*) FROM sign_ins WHERE kind = 'sign_in'").pluck().get() as number;

      const restored = await call('backup.restore', { path: backupPath });
      expect(restored.signIns).toBeGreaterThanOrEqual(confirmedBefore.length);
      expect(restored.signIns).toBeLessThan(signedAtTheEnd);
      expect(app.database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const signedIn = new Set(app.database.sqlite.prepare("SELECT person_id FROM sign_ins WHERE kind = 'sign_in'").pluck().all() as string[]);
      expect(confirmedBefore.filter((personId) => !signedIn.has(personId))).toEqual([]);
      expect(signedIn.size).toBe(restored.signIns);
    } finally {
      await app.close();
    }
  }, 60_000);
});
