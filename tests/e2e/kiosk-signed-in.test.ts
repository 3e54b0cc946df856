import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { hallMorning, type HallMorning } from './support/roster-page';

/**
 * The kiosk and people who are on the list already: someone signed in is
 * marked in the names and stopped at the first step, before the consent and
 * the equality question; "I am not on the list" shows the names already
 * listed under the typed name first, so nobody makes a second "Seun A.";
 * and the count says how many names match in all, not just those shown.
 */

const suite = browserSuite();
const PIN = '2468';

/** Seun, booked and signed in by the facilitator, and the kiosk opened for the session. */
async function kioskWithSeunSignedIn(extra: string[] = []): Promise<HallMorning> {
  const morning = await hallMorning(suite, { booked: ['Seun Adeyemi', 'Amira Khan'], known: extra });
  await morning.seed('signIn.signIn', { sessionId: morning.sessionId, personId: morning.people['Seun Adeyemi']! });
  await morning.seed('kiosk.start', { sessionId: morning.sessionId, pin: PIN });
  return morning;
}

async function openKiosk(morning: HallMorning, page?: Page): Promise<Page> {
  const opened = page ?? (await morning.app.openPage());
  opened.setDefaultTimeout(10_000);
  if (page) await opened.goto(morning.app.host.url);
  await heading(opened, 'Welcome').waitFor();
  return opened;
}

function heading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name });
}

/** Tab to a control, as a keyboard user does, then Enter. */
async function press(page: Page, control: Locator): Promise<void> {
  await control.waitFor();
  for (let presses = 0; presses < 30; presses += 1) {
    if (await control.evaluate((element) => element === document.activeElement)) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${control.toString()}`);
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const rows = (morning: HallMorning, sql: string) => morning.app.core.database.sqlite.prepare(sql).pluck().get() as number;
/** Names are wrapped in direction isolates (U+2068…U+2069) on the kiosk's screens. */
const alreadySignedIn = /^You are already signed in, \u2068?Seun\u2069?$/;

describe('the kiosk and people already on the list', () => {
  it('marks Seun as signed in among the names and stops her at the first step, by keyboard alone', async () => {
    const morning = await kioskWithSeunSignedIn();
    const page = await openKiosk(morning);
    await press(page, button(page, 'Sign in'));
    await heading(page, 'Find your name').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('seu');
    const seun = button(page, 'Seun A. — Newcastle City Council Signed in');
    await seun.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await heading(page, alreadySignedIn).waitFor();
    expect(await page.getByText('You do not need to do anything else. Please take a seat.').isVisible()).toBe(true);
    // Nothing asked, nothing stored: no consent, no second sign-in.
    expect(rows(morning, 'SELECT count(*) FROM consents')).toBe(0);
    expect(rows(morning, "SELECT count(*) FROM sign_ins WHERE kind = 'sign_in'")).toBe(1);
    await press(page, button(page, 'Finish'));
    await heading(page, 'Welcome').waitFor();
  });

  it('shows the names already listed before adding someone, so Seun does not make a second Seun A.', async () => {
    const morning = await kioskWithSeunSignedIn();
    const page = await openKiosk(morning);
    await press(page, button(page, 'Sign in'));
    await press(page, button(page, 'I am not on the list'));
    await heading(page, 'Add your name').waitFor();
    await page.getByRole('textbox', { name: 'First name' }).fill('Seun');
    await page.getByRole('textbox', { name: 'Family name' }).fill('adeyemi');
    await press(page, button(page, 'Continue'));
    await heading(page, 'Are you one of these people?').waitFor();
    await press(page, button(page, 'Seun A. — Newcastle City Council Signed in'));
    await heading(page, alreadySignedIn).waitFor();
    expect(rows(morning, "SELECT count(*) FROM people WHERE given_name = 'Seun'")).toBe(1);

    // Someone new with the same first name and another family name goes straight on to the consent.
    await press(page, button(page, 'Finish'));
    await press(page, button(page, 'Sign in'));
    await press(page, button(page, 'I am not on the list'));
    await page.getByRole('textbox', { name: 'First name' }).fill('Seun');
    await page.getByRole('textbox', { name: 'Family name' }).fill('Bello');
    await press(page, button(page, 'Continue'));
    await heading(page, 'How we use your information').waitFor();
  });

  it('says how many names match in all when more match than are shown', async () => {
    const olas = Array.from({ length: 30 }, (_, index) => `Ola Nowak${String(index).padStart(2, '0')}`);
    const morning = await kioskWithSeunSignedIn(olas);
    const page = await openKiosk(morning);
    await press(page, button(page, 'Sign in'));
    await page.getByRole('textbox', { name: 'Your name' }).fill('ola');
    const status = page.getByRole('status').filter({ hasText: 'names match' });
    expect(await status.textContent()).toBe('30 names match. The first 10 are shown: type more of your name to find yours.');
    expect(await page.getByRole('list').getByRole('button').count()).toBe(10);
    await page.getByRole('textbox', { name: 'Your name' }).fill('ola nowak0');
    await page.getByRole('status').filter({ hasText: '10 names found. Choose yours.' }).waitFor();
  });

  it('has no serious or critical axe-core findings on the marked names, the names already listed and "already signed in"', async () => {
    const morning = await kioskWithSeunSignedIn();
    const context = await suite.browser.newContext({ bypassCSP: true });
    try {
      const page = await openKiosk(morning, await context.newPage());
      await press(page, button(page, 'Sign in'));
      await page.getByRole('textbox', { name: 'Your name' }).fill('seun');
      await button(page, 'Seun A. — Newcastle City Council Signed in').waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
      await press(page, button(page, 'I am not on the list'));
      await page.getByRole('textbox', { name: 'First name' }).fill('Seun');
      await page.getByRole('textbox', { name: 'Family name' }).fill('Adeyemi');
      await press(page, button(page, 'Continue'));
      await heading(page, 'Are you one of these people?').waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
      await press(page, button(page, 'Seun A. — Newcastle City Council Signed in'));
      await heading(page, alreadySignedIn).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
