import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServeProcess, startTestOfficeServer, type ServeProcess, type TestOfficeServer } from '../../support/office-server';
import type { TempCore } from '../../support/temp-core';
import { launchChromiumTrusting } from './harness';

/** An office server a test file started, with how to end it. */
export interface StartedOffice<Server> {
  server: Server;
  /** Stops the server and removes what was made for it (its data folder or temp core). */
  stop(): Promise<void>;
}

export interface OfficeInChromium<Server> {
  /** The office server, started before the file's first test. */
  readonly server: Server;
  /** The file's one Chromium, trusting only the key the server's certificate has. */
  readonly browser: Browser;
}

/**
 * Registers the hooks of a file whose tests meet one office server in
 * Chromium, as staff at the office do: before the first test `start` makes
 * the office and starts its server, then Chromium is launched trusting the
 * server's self-signed certificate only by the public key's hash (as a person
 * compares the fingerprint the first time); after the last test the browser
 * closes, then the office is stopped.
 */
export function officeInChromium<Server extends { spki: string }>(start: () => Promise<StartedOffice<Server>>): OfficeInChromium<Server> {
  let started: StartedOffice<Server> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    started = await start();
    browser = await launchChromiumTrusting(started.server.spki);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await started?.stop();
  });
  return {
    get server() {
      if (!started) throw new Error('The office server has not started yet.');
      return started.server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium has not started yet.');
      return browser;
    },
  };
}

/** `fieldbook serve` over an office data folder, as an office runs it; stopping it removes the folder. */
export async function servedFolder(folder: string): Promise<StartedOffice<ServeProcess>> {
  const server = await startServeProcess(folder);
  return {
    server,
    async stop() {
      await server.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * The office server in this process over a temp core (whose clock the test
 * sets), taking as many sign-ins a minute as a walk needs; stopping it closes
 * the server, then removes that core and any others the walk made.
 */
export async function servedCore(office: TempCore, ...alsoRemoved: TempCore[]): Promise<StartedOffice<TestOfficeServer>> {
  const server = await startTestOfficeServer(office, { signInsPerMinute: 1000 });
  return {
    server,
    async stop() {
      await server.close();
      for (const temp of [...alsoRemoved, office]) await temp.cleanup();
    },
  };
}
