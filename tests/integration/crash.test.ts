import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson } from '../../electron/core/catalogue/people';
import { localDate } from '../../electron/core/deps';
import { bookPerson } from '../../electron/core/bookings/actions';
import { write } from '../../electron/core/write';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { openCoreInFolder } from '../../electron/host/open-core';
import { callerFor, seedSession } from '../support/temp-core';

/**
 * The laptop loses power in the middle of a sign-in, again and again. A child
 * process signs people in and says "signed <id>" after each one the app
 * confirmed; it is killed with SIGKILL at a random moment. Every sign-in it
 * confirmed must be there afterwards, and the database file must be sound.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const ROUNDS = 8;
/** Enough booked people that the writer never runs out within the rounds. */
const PEOPLE = 1000;

let dataFolder: string;

beforeAll(async () => {
  dataFolder = mkdtempSync(join(tmpdir(), 'fieldbook-crash-'));
  const core = openCoreInFolder(dataFolder);
  try {
    const call = callerFor(createDispatcher(core.handlers));
    // The office also signs people in (a session in its own building); it can set the session up itself.
    await call('device.setUp', { role: 'office', name: 'Office at the venue' });
    // The child runs on the real clock, so the session is on the real local day.
    const session = await seedSession(call, { day: localDate(new Date()), start: '00:00', end: '23:59', capacity: PEOPLE });
    // Booking a thousand people one durable write at a time is slow and not what is tested here: one transaction.
    await write(core.context, async (scope) => {
      for (let i = 0; i < PEOPLE; i++) {
        const personId = await insertPerson(scope, {
          givenName: `Person${i}`,
          familyName: 'Crashtest',
          preferredName: null,
          email: null,
          phone: null,
          organisationId: null,
          membershipJoinedOn: null,
        });
        await bookPerson(scope, session, personId, new Date());
      }
    });
  } finally {
    await core.close();
  }
});

afterAll(() => {
  rmSync(dataFolder, { recursive: true, force: true });
});

interface Round {
  acknowledged: string[];
  killed: boolean;
  finished: boolean;
  code: number | null;
  stderr: string;
}

/** Runs the writer once, killing it 50–400 ms after its first confirmed sign-in. */
function runWriter(): Promise<Round> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/crash-writer.ts', dataFolder], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acknowledged: string[] = [];
  let finished = false;
  let pending = '';
  let stderr = '';
  let timer: NodeJS.Timeout | undefined;
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  child.stdout.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    // Only whole lines count: a line cut off by the kill was never a confirmation.
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const signed = /^signed (\S+)$/.exec(line);
      if (signed) acknowledged.push(signed[1]!);
      if (line === 'done') finished = true;
    }
    if (acknowledged.length > 0 && !timer) {
      timer = setTimeout(() => child.kill('SIGKILL'), 50 + Math.random() * 350);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ acknowledged, killed: signal === 'SIGKILL', finished, code, stderr });
    });
  });
}

describe('a laptop switched off in the middle of signing people in', () => {
  it(
    'keeps every sign-in it confirmed, and the database stays sound',
    async () => {
      const acknowledged: string[] = [];
      let kills = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const result = await runWriter();
        expect(result.killed || result.code === 0, `writer failed in round ${round + 1}: ${result.stderr}`).toBe(true);
        expect(result.stderr).toBe('');
        acknowledged.push(...result.acknowledged);
        if (result.killed) kills += 1;
        if (result.finished) break;
      }
      expect(kills).toBeGreaterThan(0);
      expect(acknowledged.length).toBeGreaterThan(0);
      // Each round went on with people not yet signed in, so no one was confirmed twice.
      expect(new Set(acknowledged).size).toBe(acknowledged.length);

      const core = openCoreInFolder(dataFolder);
      try {
        const sqlite = core.database.sqlite;
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(sqlite.pragma('foreign_key_check')).toEqual([]);

        const call = callerFor(createDispatcher(core.handlers));
        const [today] = await call('signIn.today', {});
        const roster = await call('signIn.roster', { sessionId: today!.session.id });
        const state = new Map(roster.entries.map((entry) => [entry.personId, entry.state]));
        const missing = acknowledged.filter((personId) => state.get(personId) !== 'signed_in');
        expect(missing, 'confirmed sign-ins missing after a crash').toEqual([]);

        // At most the one sign-in in flight at each kill can have landed without being confirmed.
        const signedIn = roster.entries.filter((entry) => entry.state === 'signed_in').length;
        expect(signedIn).toBeGreaterThanOrEqual(acknowledged.length);
        expect(signedIn).toBeLessThanOrEqual(acknowledged.length + kills);

        // Nobody has two sign-in facts, and every fact that landed landed with its change-log entry.
        const facts = sqlite.prepare("SELECT id, person_id FROM sign_ins WHERE kind = 'sign_in'").all() as { id: string; person_id: string }[];
        expect(facts).toHaveLength(signedIn);
        const logged = new Set(sqlite.prepare("SELECT row_id FROM change_log WHERE table_name = 'sign_ins'").pluck().all() as string[]);
        expect(facts.filter((fact) => !logged.has(fact.id))).toEqual([]);
      } finally {
        await core.close();
      }
    },
    120_000,
  );
});
