import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryKeyStore } from '../../electron/core/keys';
import { DATABASE_KEY_NAME } from '../../electron/db/database-key';
import { databaseFileState, encryptPlainDatabase, type EncryptionStep } from '../../electron/db/encryption';
import { openDatabase } from '../../electron/db/open';
import { KEYS_FOLDER } from '../../electron/host/data-folder';
import { databaseKeyInFolder, openCoreInFolder } from '../../electron/host/open-core';
import { restoreDataFolder } from '../../electron/host/restore';
import { createCore } from '../../electron/core';
import { newUuidV7 } from '../../electron/core/ids';
import { callerFor, openDatabaseFileIn, seedSession, TEST_TODAY, tempCore, testClock, type TempCore } from '../support/temp-core';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { runFieldbook } from '../support/cli';
import { decryptInPlace } from '../support/plain-copy';

/**
 * The database on every computer is encrypted: a laptop left on a train
 * gives whoever finds it no names, in the database file, its write-ahead log
 * or a backup; a wrong or missing key is a plain refusal; and a plain
 * database from an older version is encrypted once, safely, on first start.
 */

const NAME = 'Zebedee';
const person = { givenName: 'Siobhán', familyName: NAME, preferredName: null, email: 'siobhan.zebedee@example.org', phone: null, organisationId: null, membershipJoinedOn: null };
const holdsName = (path: string) => existsSync(path) && readFileSync(path).includes(NAME);

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

/** Decrypts a database file in place: what a file written by the version before encryption looked like. */
function asOlderVersionLeftIt(folder: string): void {
  const path = join(folder, 'fieldbook.sqlite');
  decryptInPlace(path, databaseKeyInFolder(folder));
  rmSync(join(folder, KEYS_FOLDER, `${DATABASE_KEY_NAME}.key`));
  expect(databaseFileState(path)).toBe('plain');
  expect(holdsName(path)).toBe(true);
}

const familyNames = (folder: string) => {
  const sqlite = openDatabaseFileIn(folder, { readonly: true });
  try {
    return sqlite.prepare('SELECT family_name FROM people').pluck().all();
  } finally {
    sqlite.close();
  }
};

describe('the database file at rest', () => {
  it('holds no participant’s name in plain bytes, in the file or its write-ahead log, once they are booked and signed in', async () => {
    const session = await seedSession(temp.call, { day: TEST_TODAY });
    const added = await temp.call('people.create', person);
    await temp.call('signIn.book', { sessionId: session.id, personId: added.id });
    await temp.call('signIn.signIn', { sessionId: session.id, personId: added.id });

    // The WAL holds the newest pages until a checkpoint: look at it while the core is open.
    expect(statSync(`${temp.databasePath}-wal`).size).toBeGreaterThan(0);
    expect(holdsName(`${temp.databasePath}-wal`)).toBe(false);
    expect(holdsName(temp.databasePath)).toBe(false);
    expect(readFileSync(temp.databasePath).includes('siobhan.zebedee')).toBe(false);
    await temp.close();
    expect(holdsName(temp.databasePath)).toBe(false);
    expect(databaseFileState(temp.databasePath)).toBe('encrypted');
    // And it is all there for this computer.
    expect(familyNames(temp.folder)).toEqual([NAME]);
  });

  it('keeps full sync, and zeroes deleted rows', () => {
    expect(temp.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(temp.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(temp.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('keeps its key in a file only the owner can read, for the command line and web host', async () => {
    await temp.close();
    const keyFile = join(temp.folder, KEYS_FOLDER, `${DATABASE_KEY_NAME}.key`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile)).toHaveLength(32);
  });
});

describe('a wrong or missing key', () => {
  it('is a plain refusal, never a crash or an empty database, and leaves the file as it was', async () => {
    await temp.call('people.create', person);
    await temp.close();
    const before = readFileSync(temp.databasePath);

    const wrong = memoryKeyStore();
    wrong.set(DATABASE_KEY_NAME, Buffer.alloc(32, 7));
    expect(() => createCore({ databasePath: temp.databasePath, clock: testClock(), newId: newUuidV7, keyStore: wrong })).toThrow(
      expect.objectContaining({
        code: 'WRONG_DATABASE_KEY',
        message: 'Open fieldbook.sqlite on the computer that made it, with its own keys: the key held here does not unlock it.',
      }),
    );
    expect(readFileSync(temp.databasePath).equals(before)).toBe(true);
  });

  it('without its key, refuses rather than making a new key over the encrypted file', async () => {
    await temp.close();
    rmSync(join(temp.folder, KEYS_FOLDER, `${DATABASE_KEY_NAME}.key`));
    expect(() => openCoreInFolder(temp.folder)).toThrow(
      expect.objectContaining({ code: 'WRONG_DATABASE_KEY', message: expect.stringMatching(/^Open this data folder with the Fieldbook app or command that set it up/) }),
    );
    expect(existsSync(join(temp.folder, KEYS_FOLDER, `${DATABASE_KEY_NAME}.key`))).toBe(false);

    // The command line says the same in one line and exits 1.
    const run = await runFieldbook(temp.folder, 'backup', '--to', join(temp.folder, 'stick'), '--data', temp.folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Open this data folder with the Fieldbook app or command that set it up, .* fieldbook\.sqlite is encrypted and its key is not here\.\n$/);
    expect(existsSync(join(temp.folder, 'stick'))).toBe(false);
  });
});

describe('a plain database from the version before', () => {
  it('is encrypted on the first start, keeping everything, and only once', async () => {
    await temp.call('people.create', person);
    await temp.close();
    asOlderVersionLeftIt(temp.folder);

    const first = openCoreInFolder(temp.folder);
    await first.close();
    expect(databaseFileState(temp.databasePath)).toBe('encrypted');
    expect(holdsName(temp.databasePath)).toBe(false);
    expect(familyNames(temp.folder)).toEqual([NAME]);
    expect(readdirSync(temp.folder).filter((name) => name.includes('encrypting'))).toEqual([]);

    // The second start opens it as it is: the same salt, so not encrypted again.
    const salt = readFileSync(temp.databasePath).subarray(0, 16);
    const second = openCoreInFolder(temp.folder);
    expect(await callerFor(createDispatcher(second.handlers))('people.list', {})).toMatchObject([{ familyName: NAME }]);
    await second.close();
    expect(readFileSync(temp.databasePath).subarray(0, 16).equals(salt)).toBe(true);
  });

  const steps: EncryptionStep[] = ['copied', 'encrypted', 'checked', 'renamed'];
  it.each(steps)('after a crash once the copy is %s, has the old or the new file, and the next start finishes', async (step) => {
    await temp.call('people.create', person);
    await temp.close();
    asOlderVersionLeftIt(temp.folder);
    const key = Buffer.alloc(32, 9);
    const crash = new Error('power cut');
    expect(() =>
      encryptPlainDatabase(temp.databasePath, key, (reached) => {
        if (reached === step) throw crash;
      }),
    ).toThrow(crash);

    // Never neither: the file in place is whole, plain before the rename and encrypted after it.
    const state = databaseFileState(temp.databasePath);
    expect(state).toBe(step === 'renamed' ? 'encrypted' : 'plain');
    const database = openDatabase(temp.databasePath, key);
    try {
      expect(database.sqlite.prepare('SELECT family_name FROM people').pluck().all()).toEqual([NAME]);
    } finally {
      await database.close();
    }
    expect(databaseFileState(temp.databasePath)).toBe('encrypted');
    expect(readdirSync(temp.folder).filter((name) => name.includes('encrypting'))).toEqual([]);
  });
});

describe('backups', () => {
  let backups: string;
  beforeEach(() => {
    backups = mkdtempSync(join(tmpdir(), 'fieldbook-encrypted-backups-'));
  });
  afterEach(() => {
    rmSync(backups, { recursive: true, force: true });
  });

  it('are encrypted with the database key, and restore', async () => {
    await temp.call('people.create', person);
    const taken = await temp.call('backup.now', { folder: backups });
    expect(holdsName(taken.path)).toBe(false);
    expect(databaseFileState(taken.path)).toBe('encrypted');
    await temp.call('people.create', { ...person, familyName: 'Later' });
    await temp.close();

    await restoreDataFolder(temp.folder, taken.path);
    expect(familyNames(temp.folder)).toEqual([NAME]);
  });

  it('taken plain by the version before still restore, and are encrypted as they come in', async () => {
    await temp.call('people.create', person);
    const taken = await temp.call('backup.now', { folder: backups });
    await temp.close();
    // The backup as the version before would have written it: plain.
    decryptInPlace(taken.path, databaseKeyInFolder(temp.folder));
    expect(holdsName(taken.path)).toBe(true);

    await restoreDataFolder(temp.folder, taken.path);
    expect(databaseFileState(temp.databasePath)).toBe('encrypted');
    expect(holdsName(temp.databasePath)).toBe(false);
    expect(familyNames(temp.folder)).toEqual([NAME]);
  });
});
