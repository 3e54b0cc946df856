import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { arriveAt, heading, kioskWords, kioskWithRecoveryCode, press, typeInto } from './support/kiosk-keyboard';

/**
 * A facilitator shut in the Arabic kiosk with a forgotten PIN: "Forgotten
 * the PIN?" and the screens after it speak the kiosk's language, right to
 * left, the core's refusal of a wrong code included, and the recovery code
 * still leaves the kiosk. By keyboard alone, with no serious axe findings.
 */

const suite = browserSuite();
/** The Arabic catalogue's words for a key under "kiosk". */
const arabic = kioskWords('ar');

describe('a forgotten PIN in the Arabic kiosk', () => {
  it('shows the PIN recovery screens in Arabic, right to left, and the recovery code leaves the kiosk', async () => {
    const { onLaptop, page, recoveryCode } = await kioskWithRecoveryCode(suite);
    const findings: string[] = [];
    await press(page, 'العربية');
    await heading(page, arabic('welcome.title')).waitFor();
    await press(page, arabic('welcome.facilitator'));
    await heading(page, arabic('leave.title')).waitFor();
    await press(page, arabic('recovery.forgotten'));

    await arriveAt(page, arabic('recovery.title'));
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
    await heading(page, arabic('recovery.shown.title')).waitFor();
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
