import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu } from './support/harness';
import { kioskWithRecoveryCode } from './support/kiosk-keyboard';
import { heading, isFocused, press, tabTo, typeInto } from './support/screen';
import { laptopWithMorningSession, seeder } from './support/seed';

/**
 * A facilitator's laptop's Settings, by keyboard alone: rename the computer
 * and see the new name in the header; change the kiosk PIN with the one in
 * use (a wrong one is refused beside the field); then the kiosk is left with
 * the new PIN. No serious axe findings on the way.
 */

const suite = browserSuite();

describe('Settings on a laptop', () => {
  it('renames the computer and changes the kiosk PIN by keyboard, then the new PIN leaves the kiosk', async () => {
    const { laptop, onLaptop, session } = await laptopWithMorningSession(suite, 'Hall laptop');
    await onLaptop('kiosk.start', { sessionId: session.id, pin: '2468' });
    await onLaptop('kiosk.exit', { pin: '2468' });

    const page = await laptop.openPage();
    page.setDefaultTimeout(15_000);
    const findings: string[] = [];
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await clickInMainMenu(page, 'Settings');
    await heading(page, 'Settings').waitFor();
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
    await page.getByText('Check the PIN: that one is not right.').first().waitFor();
    findings.push(...(await seriousAxeFindings(page, 'Settings, wrong PIN in use')));

    await typeInto(page, page.getByLabel('PIN in use'), '2468');
    await page.keyboard.press('Enter');
    await page.getByText('The kiosk PIN is changed.', { exact: false }).waitFor();
    // A fresh form: PINs are not left on screen.
    expect(await page.getByLabel('PIN in use').inputValue()).toBe('');

    await onLaptop('kiosk.start', { sessionId: session.id });
    await page.reload();
    await heading(page, 'Welcome').waitFor();
    await press(page, 'Facilitator');
    await heading(page, 'Leave kiosk mode').waitFor();
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

describe('ways back in when the kiosk PIN is forgotten', () => {
  it('shows a new laptop its recovery code once at setup, and the code resets the PIN in Settings, by keyboard', async () => {
    const app = await suite.startApp();
    const page = await app.openPage();
    page.setDefaultTimeout(15_000);
    const findings: string[] = [];
    await heading(page, 'Set up Fieldbook').waitFor();
    await page.getByRole('radio', { name: "A facilitator's laptop" }).check();
    await page.getByLabel('Name for this computer').fill('Hall laptop');
    await page.getByRole('button', { name: 'Set up this computer' }).click();

    await heading(page, 'Kiosk PIN recovery code').waitFor();
    findings.push(...(await seriousAxeFindings(page, 'Recovery code at setup')));
    await press(page, 'Show the recovery code');
    const shown = page.locator('.recovery-code code');
    await shown.waitFor();
    const code = (await shown.textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expect.poll(() => isFocused(page.getByRole('heading', { name: 'Write down this recovery code' }))).toBe(true);
    findings.push(...(await seriousAxeFindings(page, 'Recovery code shown')));
    await tabTo(page, page.getByRole('link', { name: "I have written it down: go to today's sessions" }));
    await page.keyboard.press('Enter');
    await heading(page, 'Today').waitFor();

    // A forgotten PIN: the code sets a new one, once.
    const seed = seeder(app);
    await clickInMainMenu(page, 'Settings');
    await heading(page, 'Settings').waitFor();
    await typeInto(page, page.getByRole('textbox', { name: 'Recovery code' }), 'AAAA-BBBB-CCCC-DDDD');
    await typeInto(page, page.getByLabel('New PIN', { exact: true }).last(), '1357');
    await typeInto(page, page.getByLabel('New PIN again').last(), '1357');
    await page.keyboard.press('Enter');
    await page.getByText('Check the recovery code: it is not this laptop’s.').first().waitFor();
    await typeInto(page, page.getByRole('textbox', { name: 'Recovery code' }), code.toLowerCase());
    await page.keyboard.press('Enter');
    await page.getByText('The kiosk PIN is reset.', { exact: false }).waitFor();
    const next = (await page.locator('.recovery-code code').textContent())!;
    expect(next).not.toBe(code);
    findings.push(...(await seriousAxeFindings(page, 'Settings, PIN reset with the recovery code')));
    // The new PIN is the one in use now.
    expect((await seed('settings.changePin', { currentPin: '1357', newPin: '2468' })).pinSet).toBe(true);
    expect(findings).toEqual([]);
  });

  it('lets the office set a new PIN for a laptop, which the laptop applies from its next package and says so', async () => {
    const { office, laptop, onLaptop, session, sendPackage } = await laptopWithMorningSession(suite, 'Hall laptop');
    await onLaptop('kiosk.start', { sessionId: session.id, pin: '2468' });
    await onLaptop('kiosk.exit', { pin: '2468' });

    const page = await office.openPage();
    page.setDefaultTimeout(15_000);
    const findings: string[] = [];
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await clickInMainMenu(page, 'Settings');
    await page.getByRole('heading', { name: "Reset a laptop's kiosk PIN" }).waitFor();
    await tabTo(page, page.getByLabel('Laptop', { exact: true }));
    await page.getByLabel('Laptop', { exact: true }).selectOption({ label: 'Hall laptop' });
    await typeInto(page, page.getByLabel('New PIN', { exact: true }).last(), '8642');
    await typeInto(page, page.getByLabel('New PIN again').last(), '8642');
    await page.keyboard.press('Enter');
    await page.getByText('New PIN saved for Hall laptop. It goes in the next package you write for Hall laptop.').waitFor();
    await page.getByText('Hall laptop: new PIN set on', { exact: false }).waitFor();
    findings.push(...(await seriousAxeFindings(page, 'Settings at the office, laptop PIN set')));

    const imported = await sendPackage();
    expect(imported.message).toContain('set a new kiosk PIN for this laptop');
    const onTheLaptop = await laptop.openPage();
    await onTheLaptop.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await clickInMainMenu(onTheLaptop, 'Settings');
    await onTheLaptop.getByText("The office set this laptop's kiosk PIN on", { exact: false }).waitFor();
    await onLaptop('kiosk.start', { sessionId: session.id });
    expect((await onLaptop('kiosk.exit', { pin: '8642' })).active).toBe(false);
    expect(findings).toEqual([]);
  });
});

describe('a forgotten PIN inside the kiosk', () => {
  it('is reset with the recovery code from the Leave kiosk mode screen, which shows the next code and then leaves the kiosk', async () => {
    const { onLaptop, page, recoveryCode } = await kioskWithRecoveryCode(suite);
    const findings: string[] = [];
    await press(page, 'Facilitator');
    await heading(page, 'Leave kiosk mode').waitFor();
    await press(page, 'Forgotten the PIN?');
    await heading(page, 'Reset the kiosk PIN').waitFor();
    findings.push(...(await seriousAxeFindings(page, 'Kiosk, reset the PIN')));

    await typeInto(page, page.getByLabel('Recovery code'), 'AAAA-BBBB-CCCC-DDDD');
    await typeInto(page, page.getByLabel('New PIN', { exact: true }), '1357');
    await typeInto(page, page.getByLabel('New PIN again'), '1357');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Check the recovery code: it is not this laptop’s.' }).waitFor();
    await typeInto(page, page.getByLabel('Recovery code'), recoveryCode);
    await page.keyboard.press('Enter');
    await heading(page, 'Write down the new recovery code').waitFor();
    const next = (await page.locator('.recovery-code code').textContent())!;
    expect(next).not.toBe(recoveryCode);
    findings.push(...(await seriousAxeFindings(page, 'Kiosk, new recovery code')));
    await press(page, 'I have written it down: leave the kiosk');
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect((await onLaptop('kiosk.status', {})).active).toBe(false);
    expect(findings).toEqual([]);
  });
});

describe('Settings at 200% zoom', () => {
  it('fits 683 CSS pixels with no sideways scroll, the recovery code included', async () => {
    const app = await suite.startApp();
    await seeder(app)('device.setUp', { role: 'laptop', name: 'Hall laptop' });
    const context = await suite.browser.newContext({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${app.host.url}#/settings`);
      await heading(page, 'Settings').waitFor();
      await page.getByRole('button', { name: 'Make a recovery code' }).click();
      await page.locator('.recovery-code code').waitFor();
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    } finally {
      await context.close();
    }
  });
});
