import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { laptopAndOffice, morningSession } from './support/seed';

/**
 * A facilitator shut in the Arabic kiosk with a forgotten PIN: "Forgotten
 * the PIN?" and the screens after it speak the kiosk's language, right to
 * left, the core's refusal of a wrong code included, and the recovery code
 * still leaves the kiosk. By keyboard alone, with no serious axe findings.
 */

const suite = browserSuite();
const root = fileURLToPath(new URL('../..', import.meta.url));
type Catalogue = { [key: string]: string | Catalogue };

/** The Arabic catalogue's words for a key under "kiosk.recovery" or elsewhere under "kiosk". */
function arabic(key: string): string {
  const catalogue = JSON.parse(readFileSync(join(root, 'renderer/locales/ar.json'), 'utf8')) as Catalogue;
  const text = `kiosk.${key}`.split('.').reduce<unknown>((at, part) => (at as Catalogue | undefined)?.[part], catalogue);
  if (typeof text !== 'string') throw new Error(`No text for kiosk.${key} in ar.json`);
  return text;
}

async function tabTo(page: Page, control: Locator, most = 30): Promise<void> {
  await control.waitFor();
  for (let presses = 0; presses < most; presses += 1) {
    if (await control.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${control.toString()}`);
}

async function press(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('button', { name, exact: true }));
  await page.keyboard.press('Enter');
}

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

describe('a forgotten PIN in the Arabic kiosk', () => {
  it('shows the PIN recovery screens in Arabic, right to left, and the recovery code leaves the kiosk', async () => {
    const { laptop, onOffice, onLaptop, today, sendPackage } = await laptopAndOffice(suite, 'Hall laptop');
    const { session } = await morningSession(onOffice, today);
    await sendPackage();
    const { recoveryCode } = await onLaptop('settings.makeRecoveryCode', {});
    await onLaptop('kiosk.start', { sessionId: session.id, pin: '2468' });

    const page = await laptop.openPage();
    page.setDefaultTimeout(15_000);
    const findings: string[] = [];
    await page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
    await press(page, 'العربية');
    await page.getByRole('heading', { level: 1, name: arabic('welcome.title') }).waitFor();
    await press(page, arabic('welcome.facilitator'));
    await page.getByRole('heading', { level: 1, name: arabic('leave.title') }).waitFor();
    await press(page, arabic('recovery.forgotten'));

    const title = page.getByRole('heading', { level: 1, name: arabic('recovery.title') });
    await title.waitFor();
    expect(await title.evaluate((element) => element === document.activeElement)).toBe(true);
    const screen = page.locator('.kiosk-screen');
    // Nothing on the screen is marked English any more, and it reads right to left.
    expect(await screen.locator('[lang^="en"]').count()).toBe(0);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    const text = await screen.innerText();
    expect(text).toContain(arabic('recovery.intro'));
    expect(text).not.toMatch(/Recovery code|New PIN|Reset PIN|Back/);
    findings.push(...(await seriousAxeFindings(page, 'Arabic kiosk, reset the PIN')));

    // A PIN typed differently the second time is caught here, in Arabic.
    await typeInto(page, page.getByLabel(arabic('recovery.code'), { exact: true }), 'AAAA-BBBB-CCCC-DDDD');
    await typeInto(page, page.getByLabel(arabic('recovery.newPin'), { exact: true }), '1357');
    await typeInto(page, page.getByLabel(arabic('recovery.repeatPin'), { exact: true }), '1358');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: arabic('recovery.errors.repeat') }).waitFor();

    // The core refuses a code not this laptop's; the kiosk says so in Arabic, beside the code.
    await typeInto(page, page.getByLabel(arabic('recovery.repeatPin'), { exact: true }), '1357');
    await page.keyboard.press('Enter');
    const refusal = page.getByRole('alert').filter({ hasText: arabic('recovery.errors.wrongCode') });
    await refusal.waitFor();
    expect(await page.getByText('Check the recovery code', { exact: false }).count()).toBe(0);
    expect(await page.getByLabel(arabic('recovery.code'), { exact: true }).getAttribute('aria-invalid')).toBe('true');
    findings.push(...(await seriousAxeFindings(page, 'Arabic kiosk, wrong recovery code')));

    // Typing a new code takes the old error away at once.
    await typeInto(page, page.getByLabel(arabic('recovery.code'), { exact: true }), recoveryCode);
    expect(await refusal.count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: arabic('recovery.shown.title') }).waitFor();
    const next = (await page.locator('.recovery-code code').textContent())!;
    expect(next).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(next).not.toBe(recoveryCode);
    expect(await page.locator('.recovery-code').getAttribute('dir')).toBe('ltr');
    expect(await screen.innerText()).toContain(arabic('recovery.shown.intro'));
    findings.push(...(await seriousAxeFindings(page, 'Arabic kiosk, new recovery code')));

    await press(page, arabic('recovery.shown.leave'));
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect((await onLaptop('kiosk.status', {})).active).toBe(false);
    expect(findings).toEqual([]);
  });
});
