import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COURSE, laptopAndOffice, morningSession } from './support/seed';
import { arriveAt, heading, kioskWords as words, press, tabTo } from './support/kiosk-keyboard';
import { browserSuite } from './support/harness';

/**
 * Change through the training cycle, as a participant and a facilitator meet
 * it: Amira signs in at the kiosk in Arabic and, straight after, answers the
 * before questions there by keyboard; at the end she answers the evaluation;
 * the session's evaluation page then shows her before and after paired.
 */

const PIN = '2468';
const OUTCOMES = ['Explore what we mean by culture', 'Recognise good practice in your own work'];
const suite = browserSuite();


/** Tab into a rating group, Space chooses its first answer, Down arrow moves along to the rating. */
async function rate(page: Page, group: Locator, rating: number): Promise<void> {
  const radios = group.getByRole('radio');
  await tabTo(page, radios.first());
  await page.keyboard.press('Space');
  for (let step = 1; step < rating; step += 1) await page.keyboard.press('ArrowDown');
  expect(await radios.nth(rating - 1).isChecked()).toBe(true);
}

const questions = (page: Page) => page.locator('fieldset.eval-question');
const t = words('ar');
const amiraName = `\u2068Amira\u2069`;

/** From the welcome screen, in Arabic: find Amira among the names and say it is her. */
async function chooseAmira(page: Page, start: string): Promise<void> {
  await press(page, 'العربية');
  await heading(page, t('welcome.title')).waitFor();
  await press(page, start);
  await arriveAt(page, t('find.title'));
  await tabTo(page, page.getByRole('textbox', { name: t('find.label') }));
  await page.keyboard.type('Ami');
  await page.getByRole('button', { name: 'Amira K. — Newcastle City Council', exact: true }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await arriveAt(page, t('confirm.title'));
  await press(page, t('confirm.yes'));
}

describe('change through the training cycle', () => {
  it('asks Amira the before questions in Arabic right after she signs in, and pairs them with her evaluation on the session page', async () => {
    const { laptop: app, onOffice, onLaptop: seed, today, sendPackage } = await laptopAndOffice(suite, 'Hall laptop');
    const { session } = await morningSession(onOffice, today, { outcomes: OUTCOMES, evaluationMode: 'linked' });
    await sendPackage();
    const council = await seed('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
    const amira = await seed('people.create', { givenName: 'Amira', familyName: 'Khan', email: 'amira@example.org', organisationId: council.id });
    await seed('signIn.book', { sessionId: session.id, personId: amira.id });
    await seed('kiosk.start', { sessionId: session.id, pin: PIN });
    const page = await app.openPage();
    page.setDefaultTimeout(10_000);
    await heading(page, 'Welcome').waitFor();

    // Signing in, in Arabic.
    await chooseAmira(page, t('welcome.signIn'));
    await arriveAt(page, t('consent.title'));
    await press(page, t('consent.agree'));
    await arriveAt(page, t('equality.title'));
    await press(page, t('equality.skip'));

    // Signed in, and offered the three questions before the session: two outcome topics and confidence now.
    await arriveAt(page, t('done.title', { name: amiraName }));
    expect(await page.locator('.kiosk-outcome').textContent()).toContain(t('before.offer', { count: 3 }));
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await press(page, t('before.start'));
    for (const number of [1, 2]) {
      await arriveAt(page, t('evaluation.progress', { number, total: 3 }));
      expect(await page.locator('.kiosk-evaluation').textContent()).toContain(t('before.outcomeHint'));
      await rate(page, questions(page).first(), 2);
      await page.keyboard.press('Enter');
    }
    await arriveAt(page, t('evaluation.progress', { number: 3, total: 3 }));
    expect(await page.locator('.kiosk-evaluation').textContent()).toContain('والآن، ما مدى ثقتك في العمل مع مجتمعات مختلفة؟');
    await rate(page, questions(page).first(), 2);
    await page.keyboard.press('Enter');
    await arriveAt(page, t('evaluation.check.title'));
    await press(page, t('evaluation.check.send'));
    await arriveAt(page, t('evaluation.done.title', { name: amiraName }));
    await press(page, t('actions.finish'));
    await arriveAt(page, 'Welcome');

    const sqlite = app.core.database.sqlite;
    const before = sqlite.prepare("SELECT person_id, language, answers FROM evaluation_responses WHERE moment = 'before'").all() as { person_id: string; language: string; answers: string }[];
    expect(before.map((row) => [row.person_id, row.language, Object.values(JSON.parse(row.answers) as Record<string, number>)])).toEqual([[amira.id, 'ar', [2, 2, 2]]]);

    // At the end of the session: the evaluation, in Arabic, two outcomes at 4, confidence before today 1 and now 4, no comments.
    await seed('kiosk.exit', { pin: PIN });
    await seed('kiosk.start', { sessionId: session.id, pin: PIN, mode: 'evaluation' });
    await page.reload();
    await heading(page, 'Welcome').waitFor();
    await chooseAmira(page, t('welcome.evaluate'));
    for (const number of [1, 2]) {
      await arriveAt(page, t('evaluation.progress', { number, total: 5 }));
      await rate(page, questions(page).first(), 4);
      await page.keyboard.press('Enter');
    }
    await arriveAt(page, t('evaluation.progress', { number: 3, total: 5 }));
    await rate(page, questions(page).nth(0), 1);
    await rate(page, questions(page).nth(1), 4);
    await press(page, t('evaluation.next'));
    for (const number of [4, 5]) {
      await arriveAt(page, t('evaluation.progress', { number, total: 5 }));
      await press(page, t('evaluation.skip'));
    }
    await arriveAt(page, t('evaluation.check.title'));
    await press(page, t('evaluation.check.send'));
    await arriveAt(page, t('evaluation.done.title', { name: amiraName }));
    await press(page, t('actions.finish'));
    await arriveAt(page, 'Welcome');

    // The facilitator leaves the kiosk; the session's evaluation page pairs Amira's before (2) with her after (4).
    await seed('kiosk.exit', { pin: PIN });
    await page.goto(`${app.host.url}#/sessions/${session.id}/evaluation`);
    await page.reload();
    await heading(page, `Evaluation: ${COURSE}`).waitFor();
    await heading(page, 'Change through the training cycle', 3).waitFor();
    const confidence = page.locator('[data-change="confidence"]');
    const figure = async (name: string) => ((await confidence.locator(`[data-figure="${name}"]`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
    expect(await figure('median-before')).toBe('2 (1 answer)');
    expect(await figure('median-after')).toBe('4 (1 answer)');
    expect(await figure('pair-before-after')).toBe('1 higher, 0 the same, 0 lower, of 1 pair');
    expect(await figure('retrospective')).toBe('1 higher, 0 the same, 0 lower, of 1 answer');
    const outcome = page.locator('[data-change]').first();
    expect(((await outcome.locator('[data-figure="pair-before-after"]').textContent()) ?? '').trim()).toBe('1 higher, 0 the same, 0 lower, of 1 pair');
  }, 120_000);
});
