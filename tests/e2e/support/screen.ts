import type { Locator, Page } from 'playwright-core';

/**
 * How the browser tests find things on a screen and move about it, as a
 * person does: by role and name (never by class), and by keyboard. One copy
 * for every test file; support/roster-page.ts and support/kiosk-keyboard.ts
 * build on these.
 */

export function heading(scope: Page | Locator, name: string, level = 1): Locator {
  return scope.getByRole('heading', { level, name, exact: true });
}

export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/**
 * Whether the control has focus right now. Focus often moves just after a
 * screen renders, so check it with `await expect.poll(() => isFocused(x)).toBe(true)`,
 * never by reading it once.
 */
export async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Waits until the locator is on screen, then gives its whole text. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.textContent()) ?? '';
}

/** Waits for the polite message after an action ("Amira Khan signed in."). */
export async function said(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/**
 * Presses Tab until the control has focus, as a keyboard user would, and
 * gives how many presses that took; fails if `most` presses never reach it.
 */
export async function tabTo(page: Page, control: Locator, most = 40): Promise<number> {
  await control.waitFor();
  for (let presses = 0; presses < most; presses += 1) {
    if (await isFocused(control)) return presses;
    await page.keyboard.press('Tab');
  }
  if (await isFocused(control)) return most;
  throw new Error(`Tab never reached ${control.toString()} in ${most} presses`);
}

/** Tabs to the button of that name and presses Enter. */
export async function press(page: Page, name: string): Promise<void> {
  await tabTo(page, button(page, name));
  await page.keyboard.press('Enter');
}

/** Tabs to a field and types over whatever it holds. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** A report's figure as the screen shows it, by its label ("People trained"). */
export function figure(page: Page, label: string): Locator {
  return page.locator('.report-figure').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
}
