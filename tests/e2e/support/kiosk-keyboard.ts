import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The kiosk as a keyboard user meets it, for the kiosk and evaluation tests:
 * its words read from the app's own catalogues, Tab until a control has
 * focus, and a check that each new screen puts focus on its heading.
 */

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

export function heading(page: Page, name: string, level = 1): Locator {
  return page.getByRole('heading', { level, name, exact: true });
}

export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Presses Tab until the control has focus, as a keyboard user would; fails if it is never reached. */
export async function tabTo(page: Page, control: Locator, most = 40): Promise<void> {
  await control.waitFor();
  for (let presses = 0; presses < most; presses += 1) {
    if (await isFocused(control)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${control.toString()}`);
}

/** Tabs to the button and presses Enter. */
export async function press(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

/** Waits for a kiosk screen and checks that focus moved to its heading. */
export async function arriveAt(page: Page, name: string): Promise<void> {
  const title = heading(page, name);
  await title.waitFor();
  // The screen moves focus to its heading just after it renders, so under load the heading can
  // be on screen a moment before it has focus: wait for the focus, do not sample it once.
  await expect.poll(() => isFocused(title), { message: `focus on the heading "${name}"` }).toBe(true);
}
