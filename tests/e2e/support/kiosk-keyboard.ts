import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppUnderTest, BrowserSuite } from './harness';
import { heading, isFocused } from './screen';
import { laptopWithMorningSession, type Seed } from './seed';

/**
 * The kiosk as a keyboard user meets it, for the kiosk and evaluation tests:
 * its words read from the app's own catalogues, a page open at its Welcome
 * screen, and a check that each new screen puts focus on its heading.
 */

// The kiosk tests' usual steps, kept once in screen.ts and offered here beside the kiosk's own.
export { heading, isFocused, press, tabTo, typeInto } from './screen';

const root = fileURLToPath(new URL('../../..', import.meta.url));

type Catalogue = { [key: string]: string | string[] | Catalogue };

/** The catalogue's words for a key under "kiosk", with {{placeholders}} filled in. */
export function kioskWords(language: string): (key: string, values?: Record<string, string | number>) => string {
  const catalogue = JSON.parse(readFileSync(join(root, `renderer/locales/${language}.json`), 'utf8')) as Catalogue;
  return (key, values = {}) => {
    const text = `kiosk.${key}`.split('.').reduce<unknown>((at, part) => (at as Catalogue | undefined)?.[part], catalogue);
    if (typeof text !== 'string') throw new Error(`No text for kiosk.${key} in ${language}.json`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
  };
}

/** Waits for a kiosk screen and checks that focus moved to its heading. */
export async function arriveAt(page: Page, name: string): Promise<void> {
  const title = heading(page, name);
  await title.waitFor();
  // The screen moves focus to its heading just after it renders, so under load the heading can
  // be on screen a moment before it has focus: wait for the focus, do not sample it once.
  await expect.poll(() => isFocused(title), { message: `focus on the heading "${name}"` }).toBe(true);
}

/** A fresh page on the app's kiosk, once its Welcome screen (in English, as every visit starts) shows. */
export async function openKioskPage(app: AppUnderTest, timeout = 15_000): Promise<Page> {
  const page = await app.openPage();
  page.setDefaultTimeout(timeout);
  await heading(page, 'Welcome').waitFor();
  return page;
}

/**
 * A facilitator's laptop shut in its kiosk for this morning's session (PIN
 * 2468), its recovery code made beforehand in Settings, and a page at the
 * kiosk's Welcome screen: where the forgotten-PIN tests start.
 */
export async function kioskWithRecoveryCode(
  suite: Pick<BrowserSuite, 'startApp'>,
): Promise<{ laptop: AppUnderTest; onLaptop: Seed; page: Page; recoveryCode: string }> {
  const { laptop, onLaptop, session } = await laptopWithMorningSession(suite, 'Hall laptop');
  const { recoveryCode } = await onLaptop('settings.makeRecoveryCode', {});
  await onLaptop('kiosk.start', { sessionId: session.id, pin: '2468' });
  return { laptop, onLaptop, page: await openKioskPage(laptop), recoveryCode };
}
