import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Core } from '../../../electron/core';
import { createDispatcher } from '../../../electron/dispatch/dispatcher';
import { openCoreInFolder } from '../../../electron/host/open-core';
import { startWebHost, type WebHost } from '../../../electron/web/server';
import { findChromium } from '../../support/find-chromium';

export const rendererFolder = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

/** Flags for Chromium or Chrome on a machine with no network and no GPU. */
export const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(extraFlags: string[] = []): Promise<Browser> {
  const search = findChromium();
  if (!search.found) throw withoutStack(search.message);
  return chromium.launch({ executablePath: search.path, args: [...chromiumFlags, ...extraFlags], headless: true });
}

/**
 * Chromium as staff at the office use it against `fieldbook serve`: it
 * trusts the server's self-signed certificate only by the public key's
 * hash the server printed (as a person compares the fingerprint the first
 * time), and nothing else.
 */
export function launchChromiumTrusting(spkiSha256: string): Promise<Browser> {
  return launchChromium([`--ignore-certificate-errors-spki-list=${spkiSha256}`]);
}

/** Types a staff member's email and password on the office server's sign-in screen and presses Sign in. */
export async function fillSignIn(page: Page, staff: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email address').fill(staff.email);
  await page.getByLabel('Password', { exact: true }).fill(staff.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the office server's address and signs in as that staff member, on the sign-in screen they meet. */
export async function signInAtServer(page: Page, url: string, staff: { email: string; password: string }): Promise<void> {
  await page.goto(url);
  await fillSignIn(page, staff);
}

/** A new page in this browser context (one staff member's browser), signed in at the office server and on the screen they land on. */
export async function signedInPageAtServer(context: BrowserContext, url: string, staff: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await signInAtServer(page, url, staff);
  await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
  return page;
}

/** Opens one of the office server's screens by its address, once its heading shows. */
export async function openAtServer(page: Page, url: string, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${url}#${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** An error that is only its sentence: where it was thrown would not help anyone install a browser. */
function withoutStack(message: string): Error {
  const error = new Error(message);
  error.stack = message;
  return error;
}

export interface AppUnderTest {
  host: WebHost;
  core: Core;
  dataFolder: string;
  /** A fresh page open at the app's address (token included). */
  openPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The real app as a facilitator would meet it in a browser: the web host over
 * a real SQLite file in a temp folder, serving the built renderer.
 */
export async function startApp(browser: Browser): Promise<AppUnderTest> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-'));
  const core = openCoreInFolder(dataFolder);
  const host = await startWebHost({ dispatch: createDispatcher(core.handlers), staticFolder: rendererFolder });
  const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
  return {
    host,
    core,
    dataFolder,
    async openPage() {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(host.url);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close();
      await host.close();
      await core.close();
      rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}

export interface BrowserSuite {
  /** The file's one Chromium, started before its first test. */
  readonly browser: Browser;
  /**
   * A fresh app over a new database in its own data folder; closed after the
   * test that started it. A test may start several (a laptop and the office).
   */
  startApp(): Promise<AppUnderTest>;
}

/** Registers the hooks every browser test file needs: one Chromium per file, fresh apps per test. */
export function browserSuite(): BrowserSuite {
  let browser: Browser | undefined;
  let apps: AppUnderTest[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    const started = apps;
    apps = [];
    for (const app of started) await app.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium has not started yet.');
      return browser;
    },
    async startApp() {
      const app = await startApp(this.browser);
      apps.push(app);
      return app;
    },
  };
}

/**
 * Clicks a screen in the main menu as a person would: straight away when it
 * is on the top row, or after opening the group it sits in (Catalogue,
 * Files) when it is not.
 */
export async function clickInMainMenu(page: Page, label: string, { exact = true }: { exact?: boolean } = {}): Promise<void> {
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  const link = menu.getByRole('link', { name: label, exact, includeHidden: true });
  await link.waitFor({ state: 'attached' });
  // Inside filter({ has }), a locator is looked for within each group, so it starts from the page, not the menu.
  const inGroup = page.getByRole('link', { name: label, exact, includeHidden: true });
  if (!(await link.isVisible())) await menu.locator('.app-nav__group').filter({ has: inGroup }).getByRole('button').click();
  await menu.getByRole('link', { name: label, exact }).click();
}

/** The names of every screen in the main menu, those inside its closed groups too. */
export async function mainMenuScreens(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { includeHidden: true }).allTextContents();
}
