import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import type { ParsedInput, ProcedureOutput } from '../../shared/contract';
import { bookPerson } from '../../electron/core/bookings/actions';
import { insertPerson } from '../../electron/core/catalogue/people';
import type { Core } from '../../electron/core';
import { localDate } from '../../electron/core/deps';
import { write } from '../../electron/core/write';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { callerFor, seedSession, tempCore, type TempCore } from './temp-core';

/**
 * What the backup tests (backup.test.ts, backup-restore.test.ts) share: an
 * office with a folder for its backups, made before each test and removed
 * after; people to tell one day's data from another's; and a backup taken
 * while another process keeps signing people in (tests/support/crash-writer.ts).
 */

export interface BackupWorld {
  /** The office, set up. */
  readonly temp: TempCore;
  /** An empty folder for backups, removed after the test. */
  readonly backups: string;
  /** A person with this given name and the world's family name, as people.create takes them. */
  person(givenName: string): ParsedInput<'people.create'>;
  addPerson(givenName: string): Promise<ProcedureOutput<'people.create'>>;
}

/** Makes a new office and backups folder before each test of the file (and removes them after); read them inside a test. */
export function backupWorldEachTest(familyName: string): BackupWorld {
  let temp: TempCore | undefined;
  let backups: string | undefined;
  beforeEach(async () => {
    temp = await tempCore({ setUp: true });
    backups = mkdtempSync(join(tmpdir(), 'fieldbook-backups-'));
  });
  afterEach(async () => {
    await temp?.cleanup();
    if (backups) rmSync(backups, { recursive: true, force: true });
    temp = undefined;
    backups = undefined;
  });
  const person = (givenName: string): ParsedInput<'people.create'> => ({
    givenName,
    familyName,
    preferredName: null,
    email: null,
    phone: null,
    organisationId: null,
    membershipJoinedOn: null,
  });
  return {
    get temp() {
      return temp!;
    },
    get backups() {
      return backups!;
    },
    person,
    addPerson: (givenName) => temp!.call('people.create', person(givenName)),
  };
}

/**
 * Sets a fresh core up as the office with a session today (on the real
 * clock, which the sign-in writer runs on) and 300 people booked on it, for
 * the writer to sign in.
 */
export async function officeWithPeopleBooked(core: Core): Promise<void> {
  const call = callerFor(createDispatcher(core.handlers));
  await call('device.setUp', { role: 'office', name: 'Office at the venue' });
  const session = await seedSession(call, { day: localDate(new Date()), start: '00:00', end: '23:59', capacity: 400 });
  await write(core.context, async (scope) => {
    for (let i = 0; i < 300; i += 1) {
      const someone = { givenName: `Person${i}`, familyName: 'Midwrite', preferredName: null, email: null, phone: null, organisationId: null, membershipJoinedOn: null };
      await bookPerson(scope, session, await insertPerson(scope, someone), new Date());
    }
  });
}

export interface SignInWriter {
  /** The people whose sign-in the writer has confirmed as durable, in order. */
  readonly confirmed: string[];
  /** Waits until at least `count` sign-ins are confirmed; throws with what the writer said if it stops first. */
  confirmedAtLeast(count: number): Promise<void>;
  /** Waits until one more sign-in than now is confirmed, or the writer ends. */
  oneMore(): Promise<void>;
  /** Kills the writer and waits for it to end. */
  stop(): Promise<void>;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Another process signing the booked people in, one durable sign-in at a time, on the database in `dataFolder`. */
export function startSignInWriter(dataFolder: string): SignInWriter {
  const writer = spawn(process.execPath, ['--import', 'tsx', 'tests/support/crash-writer.ts', dataFolder], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const confirmed: string[] = [];
  let pending = '';
  writer.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) if (line.startsWith('signed ')) confirmed.push(line.slice('signed '.length));
  });
  let failure = '';
  writer.stderr.on('data', (chunk: Buffer) => void (failure += chunk.toString()));
  let exited = false;
  const ended = new Promise((resolve) => writer.once('exit', () => resolve((exited = true))));
  return {
    confirmed,
    async confirmedAtLeast(count) {
      while (confirmed.length < count) {
        if (exited) throw new Error(`The writer stopped: ${failure}`);
        await pause();
      }
    },
    async oneMore() {
      const now = confirmed.length;
      while (confirmed.length === now && !exited) await pause();
    },
    async stop() {
      if (!exited) writer.kill('SIGKILL');
      await ended;
    },
  };
}
