import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreDataFolder } from '../../electron/host/restore';
import { openCoreInFolder } from '../../electron/host/open-core';
import { heldDatabaseKey } from '../../electron/db/database-key';
import { openWithKey } from '../../electron/db/encryption';
import { DAY_MS, databaseHash, openDatabaseFileIn, refusal, tempCore, type TempCore } from '../support/temp-core';
import { backupWorldEachTest, officeWithPeopleBooked, startSignInWriter } from '../support/backups';

/**
 * Backups as the office and a facilitator would rely on them: a daily copy
 * in a chosen folder, the newest 14 kept; a copy to a stick; a backup file
 * checked before anything is replaced; and a restore that brings back the
 * day it was taken, over the same computer only.
 */

let temp: TempCore;
let backups: string;
const world = backupWorldEachTest('Backup');
beforeEach(() => void ({ temp, backups } = world));
const { person, addPerson } = world;
/** The backup folder saved as the Backups screen saves it: at the version it has just read. */
const chooseFolder = async (folder: string) => temp.call('backup.setFolder', { folder, version: (await temp.call('backup.status', {})).version });

describe('the daily backup', () => {
  it('is not due until a folder is chosen, and a relative folder is refused', async () => {
    expect(await temp.call('backup.status', {})).toMatchObject({ folder: null, backups: [], due: false, kept: 14 });
    const error = await refusal(temp.dispatch, 'backup.setFolder', { folder: 'backups', version: (await temp.call('backup.status', {})).version });
    expect(error.message).toMatch(/^Enter the whole path/);
    expect((await temp.call('backup.status', {})).folder).toBeNull();
  });

  it('writes one whole database file into the folder, and is not due again for a day', async () => {
    await addPerson('Amara');
    await chooseFolder(backups);
    expect((await temp.call('backup.status', {})).due).toBe(true);

    const taken = await temp.call('backup.now', {});
    expect(taken.fileName).toBe('fieldbook-backup-20260312-090000.sqlite');
    // One self-contained file: nothing beside it that a copy to another disk could leave behind.
    expect(readdirSync(backups)).toEqual([taken.fileName]);
    // Encrypted with this computer's database key, as the database itself is.
    expect(readFileSync(taken.path).includes('Amara')).toBe(false);
    const copy = openWithKey(taken.path, heldDatabaseKey(temp.keyStore), { readonly: true });
    expect(copy.prepare('SELECT given_name FROM people').pluck().all()).toEqual(['Amara']);
    copy.close();

    const status = await temp.call('backup.status', {});
    expect(status.backups.map((backup) => backup.fileName)).toEqual([taken.fileName]);
    expect(status.due).toBe(false);
    temp.clock.advance(DAY_MS);
    expect((await temp.call('backup.status', {})).due).toBe(true);
  });

  it('keeps the newest 14 in its folder and leaves other files there alone', async () => {
    await chooseFolder(backups);
    writeFileSync(join(backups, 'minutes of the meeting.docx'), 'not a backup');
    const taken: string[] = [];
    for (let day = 0; day < 16; day += 1) {
      taken.push((await temp.call('backup.now', {})).fileName);
      temp.clock.advance(DAY_MS);
    }
    const left = readdirSync(backups).sort();
    expect(left).toEqual([...taken.slice(2), 'minutes of the meeting.docx'].sort());
  });

  it('to a stick keeps whatever else is on it, and needs a folder when none is chosen', async () => {
    const error = await refusal(temp.dispatch, 'backup.now', {});
    expect(error.message).toMatch(/^Choose a backup folder first/);
    for (let day = 0; day < 16; day += 1) {
      await temp.call('backup.now', { folder: backups });
      temp.clock.advance(DAY_MS);
    }
    expect(readdirSync(backups)).toHaveLength(16);
  });
});

describe('checking a backup file', () => {
  it('says what a good backup holds', async () => {
    await addPerson('Amara');
    const taken = await temp.call('backup.now', { folder: backups });
    expect(await temp.call('backup.check', { path: taken.path })).toEqual({
      fileName: taken.fileName,
      takenAt: '2026-03-12T09:00:00.000Z',
      deviceName: 'Central office',
      role: 'office',
      schemaVersion: expect.any(Number),
      people: 1,
      sessions: 0,
      signIns: 0,
    });
  });

  it('refuses a missing, damaged, truncated or foreign file, another computer’s backup and one from a newer version', async () => {
    const taken = await temp.call('backup.now', { folder: backups });
    expect((await refusal(temp.dispatch, 'backup.check', { path: join(backups, 'nothing-here.sqlite') })).code).toBe('NOT_FOUND');

    const text = join(backups, 'notes.sqlite');
    writeFileSync(text, 'this is a shopping list, not a database');
    expect(await refusal(temp.dispatch, 'backup.check', { path: text })).toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(/^Choose another file/) });

    const truncated = join(backups, 'truncated.sqlite');
    copyFileSync(taken.path, truncated);
    const bytes = readFileSync(truncated);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await refusal(temp.dispatch, 'backup.check', { path: truncated })).code).toBe('FILE_DAMAGED');

    const other = await tempCore({ setUp: false });
    try {
      await other.setUp('Hall laptop 2');
      const theirs = await other.call('backup.now', { folder: join(backups, 'theirs') });
      // Encrypted with that laptop's own key, so this computer cannot even read it.
      expect(await refusal(temp.dispatch, 'backup.check', { path: theirs.path })).toMatchObject({
        code: 'WRONG_RECIPIENT',
        message: 'Choose a backup of this computer: ' + theirs.fileName + " is encrypted with another computer's key, or it is damaged.",
      });
    } finally {
      await other.cleanup();
    }

    const newer = join(backups, 'newer.sqlite');
    copyFileSync(taken.path, newer);
    const database = openWithKey(newer, heldDatabaseKey(temp.keyStore));
    database.pragma('user_version = 999');
    database.close();
    expect((await refusal(temp.dispatch, 'backup.check', { path: newer })).code).toBe('UNSUPPORTED_VERSION');
  });
});

describe('restoring', () => {
  let dataFolder: string;
  beforeEach(() => {
    dataFolder = mkdtempSync(join(tmpdir(), 'fieldbook-restore-'));
  });
  afterEach(() => {
    rmSync(dataFolder, { recursive: true, force: true });
  });

  async function officeWithBackup(): Promise<string> {
    const core = openCoreInFolder(dataFolder);
    try {
      await core.handlers['device.setUp']({ role: 'office', name: 'Central office' });
      await core.handlers['people.create'](person('Before'));
      const taken = await core.handlers['backup.now']({ folder: backups });
      await core.handlers['people.create'](person('After'));
      return taken.path;
    } finally {
      await core.close();
    }
  }

  const namesIn = async () => {
    const core = openCoreInFolder(dataFolder);
    try {
      return core.database.sqlite.prepare('SELECT given_name FROM people ORDER BY given_name').pluck().all();
    } finally {
      await core.close();
    }
  };

  it('brings back the data as it was when the backup was taken, and leaves nothing aside', async () => {
    const backup = await officeWithBackup();
    expect(await namesIn()).toEqual(['After', 'Before']);
    const restored = await restoreDataFolder(dataFolder, backup);
    expect(restored).toMatchObject({ deviceName: 'Central office', people: 1 });
    expect(await namesIn()).toEqual(['Before']);
    expect(readdirSync(dataFolder).filter((name) => name.includes('restor'))).toEqual([]);
  });

  it('refuses another computer’s backup and changes nothing', async () => {
    await officeWithBackup();
    const theirs = await temp.call('backup.now', { folder: join(backups, 'theirs') });
    const before = openDatabaseFileIn(dataFolder);
    const hash = databaseHash(before);
    before.close();
    await expect(restoreDataFolder(dataFolder, theirs.path)).rejects.toMatchObject({ code: 'WRONG_RECIPIENT' });
    const after = openDatabaseFileIn(dataFolder);
    expect(databaseHash(after)).toBe(hash);
    after.close();
  });

  it('after a crash between putting the database aside and moving the backup in, the next start has the old database', async () => {
    await officeWithBackup();
    // What a power cut right after the rename leaves: the database aside, a half-copied backup beside it.
    renameSync(join(dataFolder, 'fieldbook.sqlite'), join(dataFolder, 'fieldbook.sqlite.before-restore'));
    writeFileSync(join(dataFolder, 'fieldbook.sqlite.restoring'), 'half a copy');
    expect(await namesIn()).toEqual(['After', 'Before']);
    expect(existsSync(join(dataFolder, 'fieldbook.sqlite.before-restore'))).toBe(false);
    expect(existsSync(join(dataFolder, 'fieldbook.sqlite.restoring'))).toBe(false);
  });

  it('a backup taken while another process keeps signing people in restores whole, with every sign-in confirmed before it began', async () => {
    const setup = openCoreInFolder(dataFolder);
    try {
      await officeWithPeopleBooked(setup);
    } finally {
      await setup.close();
    }

    const writer = startSignInWriter(dataFolder);
    try {
      await writer.confirmedAtLeast(20);
      const office = openCoreInFolder(dataFolder);
      let backupPath: string;
      let confirmedBefore: string[];
      try {
        confirmedBefore = [...writer.confirmed];
        backupPath = (await office.handlers['backup.now']({ folder: backups })).path;
      } finally {
        await office.close();
      }
      // The writer was still writing after the backup: it is mid-write, not after the fact.
      await writer.oneMore();
      await writer.stop();

      await restoreDataFolder(dataFolder, backupPath);
      const restored = openDatabaseFileIn(dataFolder);
      try {
        expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
        const signedIn = new Set(restored.prepare("SELECT person_id FROM sign_ins WHERE kind = 'sign_in'").pluck().all() as string[]);
        expect(confirmedBefore.filter((personId) => !signedIn.has(personId))).toEqual([]);
      } finally {
        restored.close();
      }
    } finally {
      await writer.stop();
    }
  }, 60_000);
});
