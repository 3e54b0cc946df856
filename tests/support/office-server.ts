import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { StaffRole } from '../../shared/contract/staff';
import type { Core } from '../../electron/core';
import { addStaff } from '../../electron/core/staff/accounts';
import { StaffSignIn } from '../../electron/core/staff/sign-in';
import { openCoreInFolder } from '../../electron/host/open-core';
import { serverCertificate } from '../../electron/server/certificate';
import { startOfficeServer, type OfficeServer } from '../../electron/server/office-server';
import { runFieldbook } from './cli';
import { StaffSignIns, type SignInDetails, type StaffClient } from './staff-client';
import { tempCore, type TempCore, type TestClock } from './temp-core';

const repo = resolve(import.meta.dirname, '../..');
const rendererFolder = resolve(repo, 'out/renderer');

export interface ServeProcess {
  child: ChildProcess;
  /** Everything it printed so far, line by line. */
  lines: string[];
  /** The printed address ("https://127.0.0.1:PORT/"). */
  url: string;
  origin: string;
  /** The printed SHA-256 fingerprint of its certificate. */
  fingerprint: string;
  /** The printed base64 SHA-256 of its public key, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  /** A staff member signed in to it (checked), whose connection closes when it stops. */
  signedIn(staff: SignInDetails): Promise<StaffClient>;
  /** Sends SIGTERM, waits for the exit code, then closes the connections of those it signed in. */
  stop(): Promise<number | null>;
  /** Waits until a printed line matches. */
  waitForLine(pattern: RegExp): Promise<string>;
}

function spawnServe(dataFolder: string, extra: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'serve', '--listen', '127.0.0.1:0', '--data', dataFolder, ...extra], {
    cwd: repo,
    env: { ...process.env, HOME: dataFolder, XDG_CONFIG_HOME: dataFolder },
  });
}

/** `fieldbook serve --listen 127.0.0.1:0 --data FOLDER` as its own process, as an office would run it. */
export function startServeProcess(dataFolder: string, ...extra: string[]): Promise<ServeProcess> {
  const child = spawnServe(dataFolder, extra);
  const lines: string[] = [];
  const waiting: { pattern: RegExp; found(line: string): void }[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const wait of [...waiting]) {
        if (wait.pattern.test(line)) {
          waiting.splice(waiting.indexOf(wait), 1);
          wait.found(line);
        }
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const waitForLine = (pattern: RegExp) =>
    new Promise<string>((found, fail) => {
      const already = lines.find((line) => pattern.test(line));
      if (already) return found(already);
      waiting.push({ pattern, found });
      void exited.then((code) => fail(new Error(`serve exited with ${code} before printing ${pattern}:\n${lines.join('\n')}\n${stderr}`)));
    });
  return waitForLine(/ Staff open https:/).then((openLine) => {
    const url = /https:\/\/\S+/.exec(openLine)![0];
    const parsed = new URL(url);
    const fingerprint = /fingerprint ([0-9A-F:]+)/.exec(lines.join('\n'))![1]!;
    const spki = /\(SPKI, base64\): (\S+)/.exec(lines.join('\n'))![1]!;
    const signIns = new StaffSignIns({ origin: parsed.origin, fingerprint });
    return {
      child,
      lines,
      url,
      origin: parsed.origin,
      fingerprint,
      spki,
      waitForLine,
      signedIn: (staff) => signIns.signedIn(staff),
      stop: async () => {
        child.kill('SIGTERM');
        const code = await exited;
        signIns.closeAll();
        return code;
      },
    };
  });
}

/** Runs `fieldbook serve` expecting a refusal: its exit code and what it wrote. */
export function refusedServe(dataFolder: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawnServe(dataFolder);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

/** A staff account as a test adds it and signs in with it. */
export interface StaffAccount extends SignInDetails {
  name: string;
  role: StaffRole;
}

/** Adds the accounts as `fieldbook staff add` does (no password change asked for); their ids, in order. */
async function addAccounts(core: Core, staff: StaffAccount[]): Promise<string[]> {
  const ids: string[] = [];
  for (const account of staff) ids.push((await core.exclusive(() => addStaff(core.context, { ...account, mustChangePassword: false }))).id);
  return ids;
}

/** Adds staff accounts to a temp core's database; their ids, in order. */
export function addStaffAccounts(temp: TempCore, staff: StaffAccount[]): Promise<string[]> {
  return addAccounts(temp.core, staff);
}

/** Opens the core over a data folder for `use`, then closes it. */
async function withCoreInFolder(dataFolder: string, use: (core: Core) => Promise<void>): Promise<void> {
  const core = openCoreInFolder(dataFolder);
  try {
    await use(core);
  } finally {
    await core.close();
  }
}

/** Adds one staff account straight into a data folder's database, as `fieldbook staff add` does. */
export function addStaffToFolder(dataFolder: string, staff: StaffAccount): Promise<void> {
  return withCoreInFolder(dataFolder, async (core) => void (await addAccounts(core, [staff])));
}

/**
 * A new temp data folder set up as an office (`fieldbook setup --role
 * office`) with these staff accounts: what `fieldbook serve` runs over.
 * `seed` writes its records first, as the desktop app would have before the
 * folder became a server. The test removes it.
 */
export async function officeFolderWithStaff(
  staff: StaffAccount[],
  { name = 'Central office', seed }: { name?: string; seed?: (core: Core) => Promise<void> } = {},
): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'fieldbook-office-'));
  const setUp = await runFieldbook(folder, 'setup', '--role', 'office', '--name', name, '--data', folder);
  expect(setUp.code, setUp.stderr).toBe(0);
  await withCoreInFolder(folder, async (core) => {
    await addAccounts(core, staff);
    await seed?.(core);
  });
  return folder;
}

/** A temp core set up as the office, with these staff accounts: what startTestOfficeServer serves. */
export async function officeCoreWithStaff(staff: StaffAccount[], { clock }: { clock?: TestClock } = {}): Promise<TempCore> {
  const temp = await tempCore({ setUp: true, clock });
  await addStaffAccounts(temp, staff);
  return temp;
}

export interface TestOfficeServer {
  server: OfficeServer;
  origin: string;
  fingerprint: string;
  /** Base64 SHA-256 of the certificate's public key: what a paired laptop pins. */
  spki: string;
  /** Every line the server logged. */
  lines: string[];
  /** A staff member signed in to it (checked), whose connection closes with it. */
  signedIn(staff: SignInDetails): Promise<StaffClient>;
  /** Closes the connections of those it signed in, then the server. */
  close(): Promise<void>;
}

export interface TestOfficeServerOptions {
  signInsPerMinute?: number;
  uploadBytesLimit?: number;
  deviceCallsPerMinute?: number;
}

/** The office server in this process over a temp core (whose clock the test sets), on a free port on 127.0.0.1. */
export async function startTestOfficeServer(temp: TempCore, options: TestOfficeServerOptions = {}): Promise<TestOfficeServer> {
  const certificate = await serverCertificate(temp.folder);
  const lines: string[] = [];
  const server = await startOfficeServer({
    dispatch: temp.dispatch,
    staticFolder: rendererFolder,
    host: '127.0.0.1',
    port: 0,
    certificate,
    signIn: new StaffSignIn(temp.core),
    signInsPerMinute: options.signInsPerMinute,
    uploadBytesLimit: options.uploadBytesLimit,
    deviceCallsPerMinute: options.deviceCallsPerMinute,
    log: (line) => lines.push(line),
  });
  const origin = `https://127.0.0.1:${server.port}`;
  const signIns = new StaffSignIns({ origin, fingerprint: certificate.fingerprint });
  return {
    server,
    origin,
    fingerprint: certificate.fingerprint,
    spki: certificate.spkiSha256,
    lines,
    signedIn: (staff) => signIns.signedIn(staff),
    close: () => {
      signIns.closeAll();
      return server.close();
    },
  };
}
