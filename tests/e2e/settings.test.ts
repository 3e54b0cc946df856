import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu } from './support/harness';
import { laptopAndOffice, morningSession } from './support/seed';

/**
 * A facilitator's laptop's Settings, by keyboard alone: rename the computer
 * and see the new name in the header; change the kiosk PIN with the one in
 * use (a wrong one is refused beside the field); then the kiosk is left with
 * the new PIN. No serious axe findings on the way.
 */

const suite = browserSuite();

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

/** Presses Tab until the control has focus, as a keyboard user would. */
async function tabTo(page: Page, control: Locator, most = 40): Promise<void> {
  await control.waitFor();
  for (let presses = 0; presses < most; presses += 1) {
    if (await isFocused(control)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${control.toString()}`);
}

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('Settings on a laptop', () => {
  it('renames the computer and changes the kiosk PIN by keyboard, then the new PIN leaves the kiosk', async () => {
    const { laptop, onOffice, onLaptop, today, sendPackage } = await laptopAndOffice(suite, 'Hall laptop');
    const { session } = await morningSession(onOffice, today);
    await sendPackage();
    await onLaptop('kiosk.start', { sessionId: session.id, pin: '2468' });
    await onLaptop('kiosk.exit', { pin: '2468' });

    const page = await laptop.openPage();
    page.setDefaultTimeout(15_000);
    const findings: string[] = [];
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await clickInMainMenu(page, 'Settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    findings.push(...(await seriousAxeFindings(page, 'Settings')));

    await typeInto(page, page.getByLabel('Computer name'), 'Hall laptop 2');
    await page.keyboard.press('Enter');
    await page.getByText('This computer is now called Hall laptop 2.').waitFor();
    await page.locator('.app-header__device').getByText('Hall laptop 2').waitFor();
    expect((await onLaptop('device.status', {})).device?.name).toBe('Hall laptop 2');

    await typeInto(page, page.getByLabel('PIN in use'), '0000');
    await typeInto(page, page.getByLabel('New PIN', { exact: true }), '1357');
    await typeInto(page, page.getByLabel('New PIN again'), '1357');
    await page.keyboard.press('Enter');
    await page.getByText('That PIN is not right.').first().waitFor();
    findings.push(...(await seriousAxeFindings(page, 'Settings, wrong PIN in use')));

    await typeInto(page, page.getByLabel('PIN in use'), '2468');
    await page.keyboard.press('Enter');
    await page.getByText('The kiosk PIN is changed.', { exact: false }).waitFor();
    // A fresh form: PINs are not left on screen.
    expect(await page.getByLabel('PIN in use').inputValue()).toBe('');

    await onLaptop('kiosk.start', { sessionId: session.id });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
    await tabTo(page, page.getByRole('button', { name: 'Facilitator', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Leave kiosk mode' }).waitFor();
    await typeInto(page, page.getByLabel('PIN', { exact: true }), '2468');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'That PIN is not right.' }).waitFor();
    await page.keyboard.type('1357');
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect((await onLaptop('kiosk.status', {})).active).toBe(false);
    expect(findings).toEqual([]);
  });
});
