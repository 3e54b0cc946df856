import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { COURSE, laptopAndOffice, morningSession, seeder } from './support/seed';

/**
 * The words a facilitator and a participant read on the everyday screens: a
 * laptop with nothing today says how to get its sessions; the kiosk writes
 * 09:30 in every language and marks the office's English words (course,
 * venue, names) as English inside the Arabic and Polish kiosk; a question
 * with no translation says so, to the facilitator before the evaluation and
 * to the participant on the question.
 */

const suite = browserSuite();
const PIN = '2468';
const root = fileURLToPath(new URL('../..', import.meta.url));

type Catalogue = { [key: string]: string | string[] | Catalogue };

function words(language: string): (key: string) => string {
  const catalogue = JSON.parse(readFileSync(join(root, `renderer/locales/${language}.json`), 'utf8')) as Catalogue;
  return (key) => {
    const text = `kiosk.${key}`.split('.').reduce<unknown>((at, part) => (at as Catalogue | undefined)?.[part], catalogue);
    if (typeof text !== 'string') throw new Error(`No text for kiosk.${key} in ${language}.json`);
    return text;
  };
}

async function axePage(url: string): Promise<{ page: Page; close(): Promise<void> }> {
  const page = await pageForAxe(suite.browser, url, { timeout: 10_000 });
  return { page, close: () => page.context().close() };
}

describe('a laptop with no session today', () => {
  it('says how to get sessions: pair first, then import the office package; once paired, only the package', async () => {
    const app = await suite.startApp();
    await seeder(app)('device.setUp', { role: 'laptop', name: 'Hall laptop' });
    const { page, close } = await axePage(app.host.url);
    try {
      await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
      await page.getByText('There are no sessions on this laptop for today.').waitFor();
      await page.getByRole('heading', { level: 2, name: "How to get this laptop's sessions" }).waitFor();
      const steps = await page.locator('main ol > li').allTextContents();
      expect(steps).toEqual([
        'Pair this laptop with the office: go to Devices.',
        "Ask the office to write this laptop's package and give you the file.",
        'Import the package: go to Send to office, then Package from the office.',
      ]);
      expect(await seriousAxeFindings(page, 'Today, nothing today')).toEqual([]);
      await page.getByRole('link', { name: 'go to Devices' }).click();
      await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
    } finally {
      await close();
    }
  });

  it('leaves out pairing on a paired laptop', async () => {
    const { laptop } = await laptopAndOffice(suite, 'Hall laptop');
    const page = await laptop.openPage();
    page.setDefaultTimeout(10_000);
    await page.getByText('There are no sessions on this laptop for today.').waitFor();
    const steps = await page.locator('main ol > li').allTextContents();
    expect(steps).toEqual([
      "Ask the office to write this laptop's package and give you the file.",
      'Import the package: go to Send to office, then Package from the office.',
    ]);
    await page.getByRole('link', { name: 'go to Send to office' }).click();
    await page.getByRole('heading', { level: 1, name: 'Send to office' }).waitFor();
  });
});

/** Today's session on a paired laptop, one person booked, and the kiosk open in `mode`. */
async function kioskFor(mode: 'sign_in' | 'evaluation') {
  const paired = await laptopAndOffice(suite, 'Hall laptop');
  const { session, course } = await morningSession(paired.onOffice, paired.today);
  await paired.sendPackage();
  const council = await paired.onLaptop('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  const amira = await paired.onLaptop('people.create', { givenName: 'Amira', familyName: 'Khan', organisationId: council.id });
  await paired.onLaptop('signIn.book', { sessionId: session.id, personId: amira.id });
  if (mode === 'evaluation') await paired.onLaptop('signIn.signIn', { sessionId: session.id, personId: amira.id });
  return { ...paired, session, course, amira };
}

/** `lang` of the nearest element that says one, from the element holding `text`. */
async function langOf(page: Page, text: string): Promise<string | null> {
  return page.getByText(text, { exact: true }).first().evaluate((element) => element.closest('[lang]')?.getAttribute('lang') ?? null);
}

describe('the kiosk in Arabic and Polish', () => {
  it('writes the session time as 09:30 and marks the course, venue and names as English', async () => {
    const { laptop, onLaptop, session } = await kioskFor('sign_in');
    await onLaptop('kiosk.start', { sessionId: session.id, pin: PIN });
    const { page, close } = await axePage(laptop.host.url);
    try {
      await page.getByRole('heading', { level: 1, name: words('en')('welcome.title') }).waitFor();
      const time = (t: (key: string) => string) => t('welcome.time').replace('{{start}}', '09:30').replace('{{end}}', '12:30');
      await page.getByText(time(words('en')), { exact: true }).waitFor();
      // In English the page is English already: nothing needs marking.
      expect(await langOf(page, COURSE)).toBe('en-GB');

      for (const [button, code] of [['العربية', 'ar'], ['Polski', 'pl']] as const) {
        await page.getByRole('button', { name: button, exact: true }).click();
        await page.getByText(time(words(code)), { exact: true }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(code);
        expect(await langOf(page, COURSE)).toBe('en-GB');
        expect(await langOf(page, "St Mark's Church Hall")).toBe('en-GB');
        // The kiosk's own words are in the chosen language.
        expect(await langOf(page, words(code)('welcome.title'))).toBe(code);
      }

      // Finding a name in Arabic: the office's spelling of the name and organisation is English.
      await page.getByRole('button', { name: 'العربية', exact: true }).click();
      const ar = words('ar');
      await page.getByRole('button', { name: ar('welcome.signIn'), exact: true }).click();
      await page.getByRole('textbox', { name: ar('find.label') }).fill('Amira');
      const label = 'Amira K. — Newcastle City Council';
      await page.getByRole('button', { name: label }).waitFor();
      expect(await langOf(page, label)).toBe('en-GB');
      expect(await seriousAxeFindings(page, 'Kiosk find, Arabic')).toEqual([]);
    } finally {
      await close();
    }
  }, 60_000);

  it("tells the facilitator which languages the questions lack, and the participant on a question that is in English", async () => {
    const { laptop, onLaptop, session } = await kioskFor('evaluation');
    const { page, close } = await axePage(`${laptop.host.url}#/sessions/${session.id}/evaluation`);
    try {
      // The default questions: the course's one learning outcome is in English only; the fixed four (the follow-up's included) are translated.
      const notice = page.getByRole('note', { name: 'Some questions are not translated' });
      await notice.waitFor();
      expect(await notice.getByRole('listitem').allTextContents()).toEqual(['Arabic: 1 of 5 questions is not translated.', 'Polish: 1 of 5 questions is not translated.']);
      expect(await notice.textContent()).toContain('The central office can add the translations.');
      expect(await seriousAxeFindings(page, 'Session evaluation, translation notice')).toEqual([]);

      await onLaptop('kiosk.start', { sessionId: session.id, pin: PIN, mode: 'evaluation' });
      await page.reload();
      const pl = words('pl');
      await page.getByRole('button', { name: 'Polski', exact: true }).click();
      await page.getByRole('button', { name: pl('welcome.evaluate'), exact: true }).click();
      await page.getByRole('textbox', { name: pl('find.label') }).fill('Amira');
      await page.getByRole('button', { name: 'Amira K. — Newcastle City Council' }).click();
      await page.getByRole('button', { name: pl('confirm.yes'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: pl('evaluation.progress').replace('{{number}}', '1').replace('{{total}}', '4') }).waitFor();
      // The outcome is in English, said so in Polish first, and marked English.
      await page.getByText(pl('evaluation.notTranslated'), { exact: true }).waitFor();
      expect(await langOf(page, 'Explore what we mean by culture')).toBe('en-GB');
      expect(await seriousAxeFindings(page, 'Kiosk question in English, Polish kiosk')).toEqual([]);
      // The translated confidence question has no such note.
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: pl('evaluation.next'), exact: true }).click();
      await page.getByRole('heading', { level: 1, name: pl('evaluation.progress').replace('{{number}}', '2').replace('{{total}}', '4') }).waitFor();
      expect(await page.getByText(pl('evaluation.notTranslated'), { exact: true }).count()).toBe(0);
    } finally {
      await close();
    }
  }, 60_000);
});
