import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isProcedureName } from '../../shared/contract';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { COURSE, laptopAndOffice, morningSession } from './support/seed';
import { arriveAt, heading, isFocused, kioskWords as words, press, tabTo } from './support/kiosk-keyboard';
import { browserSuite, type AppUnderTest } from './support/harness';

/**
 * The evaluation at the end of a session, used the way participants and
 * facilitators use it: the facilitator starts it on the laptop; participants
 * who signed in answer by keyboard alone, each in their language; someone who
 * did not sign in cannot; the facilitator leaves with the PIN and reads the
 * summary (the same after a reload); a small anonymous group's results are
 * withheld; notes reach the office's "You said, we did" in the laptop's file;
 * the office edits a course's questions into a new version, which reaches
 * the laptop in its package. No screen has serious accessibility faults.
 */

const PIN = '2468';
const OUTCOMES = ['Explore what we mean by culture', 'Recognise good practice in your own work'];
const root = fileURLToPath(new URL('../..', import.meta.url));
const suite = browserSuite();

/**
 * Today's session with four people booked; Amira, Bogdan and Chen signed in,
 * Dana not. The office keeps the course (and how it is evaluated), the venue
 * and the session, and sends them to the laptop in its package; the people,
 * bookings and sign-ins are the laptop's.
 */
async function sessionToday(evaluationMode: 'anonymous' | 'linked') {
  const paired = await laptopAndOffice(suite, 'Hall laptop');
  const { laptop: app, onOffice, onLaptop: seed, today } = paired;
  const { course, session } = await morningSession(onOffice, today, { outcomes: OUTCOMES, evaluationMode });
  await paired.sendPackage();
  const council = await seed('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  const mind = await seed('organisations.create', { name: 'Leeds Mind', sector: 'vcse' });
  const person = (givenName: string, familyName: string, organisationId: string | null) =>
    seed('people.create', { givenName, familyName, email: `${givenName.toLowerCase()}@example.org`, phone: '07700 900123', organisationId });
  const people = {
    amira: await person('Amira', 'Khan', council.id),
    bogdan: await person('Bogdan', 'Nowak', mind.id),
    chen: await person('Chen', 'Wei', null),
    dana: await person('Dana', 'Osei', mind.id),
  };
  for (const { id } of Object.values(people)) await seed('signIn.book', { sessionId: session.id, personId: id });
  for (const { id } of [people.amira, people.bogdan, people.chen]) await seed('signIn.signIn', { sessionId: session.id, personId: id });
  return { ...paired, app, seed, session, course, people };
}

type Rating = 1 | 2 | 3 | 4 | 5 | 'none';

/** Tab into a rating group (it comes in at its first answer), Space chooses, Down arrow moves along. */
async function rate(page: Page, group: Locator, rating: Rating): Promise<void> {
  const radios = group.getByRole('radio');
  await tabTo(page, radios.first());
  await page.keyboard.press('Space');
  const at = rating === 'none' ? 5 : rating - 1;
  for (let step = 0; step < at; step += 1) await page.keyboard.press('ArrowDown');
  expect(await radios.nth(at).isChecked()).toBe(true);
}

interface Participant {
  language: string;
  query: string;
  label: string;
  firstName: string;
  outcomes: [Rating, Rating];
  confidence: [Rating, Rating];
  comment?: string;
}

const questions = (page: Page) => page.locator('fieldset.eval-question');

/** One participant's whole evaluation at the kiosk, by keyboard, from the welcome screen back to it. */
async function answerAtKiosk(page: Page, who: Participant): Promise<void> {
  const t = words(who.language);
  if (who.language !== 'en') {
    await press(page, { ar: 'العربية', pl: 'Polski' }[who.language]!);
    await heading(page, t('welcome.title')).waitFor();
  }
  await press(page, t('welcome.evaluate'));
  await arriveAt(page, t('find.title'));
  await tabTo(page, page.getByRole('textbox', { name: t('find.label') }));
  await page.keyboard.type(who.query);
  const match = page.getByRole('button', { name: who.label, exact: true });
  await match.waitFor();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => isFocused(match)).toBe(true);
  await page.keyboard.press('Enter');
  await arriveAt(page, t('confirm.title'));
  await press(page, t('confirm.yes'));

  for (const [index, rating] of who.outcomes.entries()) {
    await arriveAt(page, t('evaluation.progress', { number: index + 1, total: 5 }));
    await rate(page, questions(page).first(), rating);
    // Enter on the chosen answer goes on, as "Next" does.
    await page.keyboard.press('Enter');
  }
  await arriveAt(page, t('evaluation.progress', { number: 3, total: 5 }));
  await rate(page, questions(page).nth(0), who.confidence[0]);
  await rate(page, questions(page).nth(1), who.confidence[1]);
  await press(page, t('evaluation.next'));

  await arriveAt(page, t('evaluation.progress', { number: 4, total: 5 }));
  if (who.comment) {
    await tabTo(page, page.getByRole('textbox'));
    await page.keyboard.type(who.comment);
    await press(page, t('evaluation.next'));
  } else {
    await press(page, t('evaluation.skip'));
  }
  await arriveAt(page, t('evaluation.progress', { number: 5, total: 5 }));
  await press(page, t('evaluation.skip'));

  await arriveAt(page, t('evaluation.check.title'));
  if (who.comment) expect(await page.locator('.eval-check').textContent()).toContain(who.comment);
  await press(page, t('evaluation.check.send'));
  await arriveAt(page, t('evaluation.done.title', { name: `\u2068${who.firstName}\u2069` }));
  await press(page, t('actions.finish'));
  await arriveAt(page, 'Welcome');
}

function count(app: AppUnderTest, sql: string, ...values: unknown[]): number {
  return app.core.database.sqlite.prepare(sql).pluck().get(...values) as number;
}

async function openEvaluationPage(page: Page, app: AppUnderTest, sessionId: string): Promise<void> {
  await page.goto(`${app.host.url}#/sessions/${sessionId}/evaluation`);
  await heading(page, `Evaluation: ${COURSE}`).waitFor();
}

async function figure(page: Page, name: string): Promise<string> {
  const element = page.locator(`[data-figure="${name}"]`);
  await element.waitFor();
  return ((await element.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

describe('the evaluation at the kiosk', () => {
  it('is answered by the people signed in, by keyboard and in their language, and the summary adds them up', async () => {
    const { app, session, people } = await sessionToday('linked');
    const page = await app.openPage();
    page.setDefaultTimeout(10_000);

    // The facilitator starts it from the session's evaluation page, choosing the kiosk PIN.
    await openEvaluationPage(page, app, session.id);
    expect(await figure(page, 'responses')).toBe('0 of 3 people signed in answered (0% response rate).');
    await page.getByRole('button', { name: 'Start the evaluation on this laptop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start the evaluation on this laptop?' });
    await dialog.getByLabel('Kiosk PIN').fill(PIN);
    await dialog.getByLabel('Type the PIN again').fill(PIN);
    await dialog.getByRole('button', { name: 'Start the evaluation', exact: true }).click();
    await heading(page, 'Welcome').waitFor();
    expect((await app.core.handlers['kiosk.status']({})).mode).toBe('evaluation');
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);

    // A required question cannot be left empty: the message says so, and focus goes to the answers.
    const en = words('en');
    await press(page, en('welcome.evaluate'));
    await tabTo(page, page.getByRole('textbox', { name: en('find.label') }));
    await page.keyboard.type('Khan');
    await page.getByRole('button', { name: 'Amira K. — Newcastle City Council' }).press('Enter');
    await press(page, en('confirm.yes'));
    await arriveAt(page, en('evaluation.progress', { number: 1, total: 5 }));
    expect(await questions(page).first().getByRole('radio').count()).toBe(6);
    expect(await page.getByRole('group', { name: OUTCOMES[0] }).getByRole('radio', { name: '1 Not at all' }).count()).toBe(1);
    await press(page, en('evaluation.next'));
    await page.getByText(en('evaluation.errors.choose')).waitFor();
    await expect.poll(() => isFocused(page.getByRole('radio', { name: '1 Not at all' }))).toBe(true);
    // Going back to the start stores nothing.
    await press(page, en('actions.back'));
    await press(page, en('confirm.no'));
    await press(page, en('actions.back'));
    await arriveAt(page, 'Welcome');
    expect(count(app, 'SELECT count(*) FROM evaluation_responses')).toBe(0);

    await answerAtKiosk(page, {
      language: 'en',
      query: 'Ami',
      label: 'Amira K. — Newcastle City Council',
      firstName: 'Amira',
      outcomes: [4, 2],
      confidence: [2, 4],
      comment: 'Ask about interpreters before the session.',
    });
    await answerAtKiosk(page, {
      language: 'ar',
      query: 'Bog',
      label: 'Bogdan N. — Leeds Mind',
      firstName: 'Bogdan',
      outcomes: [5, 'none'],
      confidence: [3, 3],
    });
    await answerAtKiosk(page, { language: 'pl', query: 'Chen', label: 'Chen W.', firstName: 'Chen', outcomes: [3, 4], confidence: [1, 4] });

    // Arabic mirrored the whole page, and the next person found it back in English.
    const ar = words('ar');
    await press(page, 'العربية');
    await press(page, ar('welcome.evaluate'));
    await arriveAt(page, ar('find.title'));
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    expect(await page.locator('.kiosk').getAttribute('dir')).toBe('rtl');
    // Someone who has answered is listed as done, and cannot be chosen again.
    await tabTo(page, page.getByRole('textbox', { name: ar('find.label') }));
    await page.keyboard.type('Ami');
    const done = page.locator('.kiosk-done');
    await done.waitFor();
    expect(await done.textContent()).toContain(ar('evaluation.find.answered'));
    expect(await page.getByRole('button', { name: /Amira/ }).count()).toBe(0);
    // Dana booked but did not sign in: her name is not there.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Dana');
    await page.getByText(ar('evaluation.find.none')).waitFor();
    expect(await page.getByRole('button', { name: /Dana/ }).count()).toBe(0);
    await press(page, ar('actions.back'));

    // Only the PIN leads back to the facilitator's screens.
    await press(page, ar('welcome.facilitator'));
    await tabTo(page, page.getByLabel(ar('leave.pin'), { exact: true }));
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();

    expect(count(app, 'SELECT count(*) FROM evaluation_responses WHERE person_id IS NOT NULL')).toBe(3);
    expect(count(app, "SELECT count(*) FROM evaluation_responses WHERE language IN ('en', 'ar', 'pl')")).toBe(3);
    expect(count(app, 'SELECT count(*) FROM evaluation_completions WHERE person_id = ?', people.dana.id)).toBe(0);

    for (const visit of ['first', 'after a reload']) {
      if (visit === 'first') await openEvaluationPage(page, app, session.id);
      else {
        await page.reload();
        await heading(page, `Evaluation: ${COURSE}`).waitFor();
      }
      expect(await figure(page, 'responses'), visit).toBe('3 of 3 people signed in answered (100% response rate).');
      const outcomes = page.getByRole('region', { name: 'Learning outcomes' });
      const row = (text: string) => outcomes.getByRole('listitem').filter({ hasText: text });
      expect(await row(OUTCOMES[0]!).textContent()).toContain('4.0 out of 5 (3 ratings)');
      // "Prefer not to say" is left out of the mean: (2 + 4) / 2.
      expect(await row(OUTCOMES[1]!).textContent()).toContain('3.0 out of 5 (2 ratings)');
      // Confidence rose for Amira (2 → 4) and Chen (1 → 4), not Bogdan (3 → 3): 2 of 3, mean change 5 / 3.
      expect(await figure(page, 'confidence-share')).toBe('2 of 3 (67%)');
      expect(await figure(page, 'confidence-change')).toBe('+1.7 points');
      expect(await page.getByRole('region', { name: 'Comments' }).textContent()).toContain('Ask about interpreters before the session.');
      const table = page.getByRole('table', { name: 'People signed in, and whether they have answered' });
      expect(await table.getByRole('row').filter({ hasText: 'Answered' }).count()).toBe(3);
    }
  }, 120_000);

  it('clears a half-finished evaluation when the kiosk is left alone, storing nothing', async () => {
    const { app, seed, session } = await sessionToday('linked');
    await seed('kiosk.start', { sessionId: session.id, pin: PIN, mode: 'evaluation' });
    const page = await app.openPage();
    page.setDefaultTimeout(10_000);
    await page.evaluate(() => sessionStorage.setItem('fieldbook-kiosk-idle-ms', '3000'));
    await page.reload();
    const en = words('en');
    await press(page, en('welcome.evaluate'));
    await tabTo(page, page.getByRole('textbox', { name: en('find.label') }));
    await page.keyboard.type('Chen');
    await page.getByRole('button', { name: 'Chen W.' }).press('Enter');
    await press(page, en('confirm.yes'));
    await rate(page, questions(page).first(), 5);
    await page.keyboard.press('Enter');
    await arriveAt(page, en('evaluation.progress', { number: 2, total: 5 }));

    await page.getByRole('alertdialog').waitFor();
    await heading(page, 'Welcome').waitFor();
    expect(await page.evaluate(() => document.body.innerText)).not.toContain('Chen');
    expect(count(app, 'SELECT count(*) FROM evaluation_responses')).toBe(0);
    expect(count(app, 'SELECT count(*) FROM evaluation_completions')).toBe(0);
    // Chen starts again from nothing.
    await press(page, en('welcome.evaluate'));
    await tabTo(page, page.getByRole('textbox', { name: en('find.label') }));
    await page.keyboard.type('Chen');
    await page.getByRole('button', { name: 'Chen W.' }).press('Enter');
    await press(page, en('confirm.yes'));
    await arriveAt(page, en('evaluation.progress', { number: 1, total: 5 }));
    expect(await questions(page).first().locator('input:checked').count()).toBe(0);
  }, 60_000);

  it('says in the participant’s language why answers were refused, and stores nothing more', async () => {
    const { app, seed, session, people } = await sessionToday('linked');
    await seed('kiosk.start', { sessionId: session.id, pin: PIN, mode: 'evaluation' });
    const page = await app.openPage();
    page.setDefaultTimeout(10_000);
    await heading(page, 'Welcome').waitFor();

    /** Up to "Check your answers", every required question answered and the rest skipped. */
    const upToCheck = async (language: 'ar' | 'pl', query: string, label: string) => {
      const t = words(language);
      await press(page, { ar: 'العربية', pl: 'Polski' }[language]);
      await press(page, t('welcome.evaluate'));
      await tabTo(page, page.getByRole('textbox', { name: t('find.label') }));
      await page.keyboard.type(query);
      await page.getByRole('button', { name: label, exact: true }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await press(page, t('confirm.yes'));
      for (const group of [0, 0]) {
        await rate(page, questions(page).nth(group), 3);
        await page.keyboard.press('Enter');
      }
      await rate(page, questions(page).nth(0), 3);
      await rate(page, questions(page).nth(1), 4);
      await press(page, t('evaluation.next'));
      await press(page, t('evaluation.skip'));
      await press(page, t('evaluation.skip'));
      await arriveAt(page, t('evaluation.check.title'));
      return t;
    };

    /** The facilitator steps in with the PIN (staff changes wait until the kiosk is left), then reopens it. */
    const meanwhile = async (change: () => Promise<unknown>) => {
      await seed('kiosk.exit', { pin: PIN });
      await change();
      await seed('kiosk.start', { sessionId: session.id, mode: 'evaluation' });
    };

    // Chen's sign-in is undone (a mistake at the door) while he answers.
    let t = await upToCheck('pl', 'Chen', 'Chen W.');
    await meanwhile(() => seed('signIn.undo', { sessionId: session.id, personId: people.chen.id }));
    await press(page, t('evaluation.check.send'));
    await arriveAt(page, t('evaluation.problems.notSignedIn.title'));
    await page.getByText(t('evaluation.problems.notSignedIn.text')).waitFor();
    await press(page, t('actions.finish'));
    await arriveAt(page, 'Welcome');

    // Bogdan's answers were given on the facilitator's laptop while he answered at the kiosk.
    t = await upToCheck('ar', 'Bog', 'Bogdan N. — Leeds Mind');
    await meanwhile(async () => {
      const template = await seed('evaluations.template', { courseId: session.courseId });
      await seed('evaluations.submit', {
        sessionId: session.id,
        personId: people.bogdan.id,
        templateId: template.id,
        language: 'en',
        answers: { [template.items[0]!.id]: 1, [template.items[1]!.id]: 1, confidence: { before: 1, after: 1 } },
      });
    });
    await press(page, t('evaluation.check.send'));
    await arriveAt(page, t('evaluation.problems.alreadyResponded.title'));
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await press(page, t('actions.finish'));
    await arriveAt(page, 'Welcome');

    // Amira is still answering when the facilitator closes the kiosk.
    t = await upToCheck('pl', 'Amira', 'Amira K. — Newcastle City Council');
    await seed('kiosk.exit', { pin: PIN });
    await press(page, t('evaluation.check.send'));
    await arriveAt(page, t('evaluation.problems.closed.title'));

    expect(count(app, 'SELECT count(*) FROM evaluation_completions')).toBe(1);
    expect(count(app, "SELECT count(*) FROM evaluation_responses WHERE language = 'en'")).toBe(1);
  }, 60_000);
});

describe("the session's evaluation page", () => {
  it('withholds the results of a small anonymous group, and lets someone answer on the laptop', async () => {
    const { app, seed, session, people } = await sessionToday('anonymous');
    const template = await seed('evaluations.template', { courseId: session.courseId });
    const [first, second] = template.items;
    for (const person of [people.amira, people.bogdan]) {
      await seed('evaluations.submit', {
        sessionId: session.id,
        personId: person.id,
        templateId: template.id,
        language: 'en',
        answers: { [first!.id]: 5, [second!.id]: 4, confidence: { before: 2, after: 4 } },
      });
    }
    const page = await app.openPage();
    page.setDefaultTimeout(10_000);
    await openEvaluationPage(page, app, session.id);
    expect(await figure(page, 'responses')).toBe('2 of 3 people signed in answered (67% response rate).');

    // Chen answers on the facilitator's laptop: the kiosk's questions, in English, checked the same way.
    const row = page.getByRole('row').filter({ hasText: 'Chen Wei' });
    await row.getByRole('button', { name: 'Answer on this laptop for Chen Wei' }).click();
    await heading(page, 'Answers from Chen Wei', 3).waitFor();
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByRole('link', { name: 'Question 1: Choose an answer.' }).waitFor();
    await page.getByRole('link', { name: 'Question 3: Choose an answer for both questions.' }).waitFor();
    await page.getByRole('group', { name: OUTCOMES[0] }).getByRole('radio', { name: '3 Somewhat' }).check();
    await page.getByRole('group', { name: OUTCOMES[1] }).getByRole('radio', { name: 'Prefer not to say' }).check();
    await page.locator('fieldset.eval-question').nth(2).getByRole('radio', { name: '2 A little' }).check();
    await page.locator('fieldset.eval-question').nth(3).getByRole('radio', { name: '5 Very much' }).check();
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByRole('status').filter({ hasText: 'Chen Wei’s answers are saved.' }).waitFor();

    // The summary is fetched again after the save; wait for it rather than read the one still shown.
    await expect.poll(() => figure(page, 'responses')).toBe('3 of 3 people signed in answered (100% response rate).');
    expect(await figure(page, 'withheld')).toContain('Fewer than 5 people answered, so the results for each question are not shown.');
    expect(await page.getByText('out of 5').count()).toBe(0);
    expect(await page.locator('[data-figure="confidence-share"]').count()).toBe(0);
    // Who answered is recorded (for the response rate) but, like the answers, held on the laptop
    // until five have answered or the day is exported; no stored answer names them.
    expect(count(app, 'SELECT count(*) FROM pending_anonymous_completions')).toBe(3);
    expect(count(app, 'SELECT count(*) FROM evaluation_completions')).toBe(0);
    expect(count(app, 'SELECT count(*) FROM evaluation_responses')).toBe(0);
    expect(await row.getByText('Answered').count()).toBe(1);
  }, 60_000);

  it('records notes with tags, and the office answers them in "You said, we did"', async () => {
    const { app, office, session, sendBundle } = await sessionToday('anonymous');
    const page = await app.openPage();
    page.setDefaultTimeout(10_000);
    await openEvaluationPage(page, app, session.id);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('link', { name: 'Write what was raised.' }).waitFor();
    await page.getByLabel('What was raised').fill('Several people could not register with a GP without proof of address.');
    await page.getByRole('checkbox', { name: 'GP registration' }).check();
    await page.getByLabel('Other tags').fill('proof of address');
    await page.getByRole('checkbox', { name: 'Needs a response' }).check();
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();
    const note = page.locator('.note-card').filter({ hasText: 'Several people could not register' });
    expect(await note.textContent()).toContain('GP registration');
    expect(await note.textContent()).toContain('proof of address');
    expect(await note.textContent()).toContain('Needs a response');
    expect(await page.getByLabel('What was raised').inputValue()).toBe('');

    // The note reaches the office in the laptop's end-of-day file, and is answered there.
    await sendBundle();
    const atOffice = await office.openPage();
    atOffice.setDefaultTimeout(10_000);
    await atOffice.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'You said, we did' }).click();
    await heading(atOffice, 'You said, we did').waitFor();
    const card = atOffice.locator('.note-card').filter({ hasText: 'Several people could not register' });
    expect(await card.textContent()).toContain(`${COURSE}, ${session.startsAt.slice(0, 10)}`);
    await card.getByLabel('Record a response').fill('We asked the surgeries to accept a letter from the council instead.');
    await card.getByRole('button', { name: /^Save response/ }).click();
    await atOffice.getByRole('status').filter({ hasText: 'Response saved: responded.' }).waitFor();
    await atOffice.getByText('There are no notes to show.').waitFor();
    await atOffice.getByRole('radio', { name: 'Responded' }).check();
    const answered = atOffice.locator('.note-card').filter({ hasText: 'Several people could not register' });
    expect(await answered.textContent()).toContain('We asked the surgeries to accept a letter from the council instead.');
    await atOffice.reload();
    await answered.waitFor();
  }, 60_000);
});

describe("a course's evaluation", () => {
  it('is set to linked or anonymous on the course form, and edited into a new version', async () => {
    // The office keeps the course and its questions: the forms are the office's.
    const { app, office, onOffice, seed, session, course, sendPackage } = await sessionToday('anonymous');
    const page = await office.openPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${office.host.url}#/courses/${course.id}`);
    await heading(page, `Edit course: ${COURSE}`).waitFor();
    await page.getByRole('radio', { name: 'Linked to the person' }).check();
    await page.getByRole('button', { name: 'Save course' }).click();
    await heading(page, 'Courses').waitFor();
    expect((await onOffice('courses.get', { id: course.id })).evaluationMode).toBe('linked');

    await page.getByRole('link', { name: `Edit evaluation for ${COURSE}` }).click();
    await heading(page, `Evaluation: ${COURSE}`).waitFor();
    await page.getByRole('button', { name: 'Add a written question' }).click();
    const english = page.getByRole('group', { name: 'Question' }).last().getByLabel('English');
    await expect.poll(() => isFocused(english)).toBe(true);
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByRole('link', { name: 'Question 7: write the question in English.' }).waitFor();
    await english.fill('What should we change for next time?');
    await page.getByRole('group', { name: 'Question' }).last().getByLabel(/Arabic/).fill('ما الذي يجب أن نغيّره في المرة القادمة؟');
    // Move it above the follow-up's question and "Anything else?", and make it required.
    await page.getByRole('button', { name: 'Move up question 7' }).click();
    await expect.poll(() => isFocused(page.getByRole('button', { name: 'Move up question 6' }))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => isFocused(page.getByRole('button', { name: 'Move up question 5' }))).toBe(true);
    await page.getByRole('checkbox', { name: 'Optional: people can skip it' }).nth(4).uncheck();
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await page.getByText('Saved as version 2. Earlier responses keep the version they answered.').first().waitFor();

    const saved = await onOffice('evaluations.template', { courseId: course.id });
    expect(saved.version).toBe(2);
    expect(saved.items.map((item) => item.kind)).toEqual(['outcome_rating', 'outcome_rating', 'confidence_pair', 'free_text', 'free_text', 'free_text', 'free_text']);
    // Each question keeps its moments; the new one is asked at the end.
    expect(saved.items.map((item) => item.moments)).toEqual([
      ['before', 'after'],
      ['before', 'after'],
      ['before', 'after', 'follow_up'],
      ['after'],
      ['after'],
      ['after'],
      ['follow_up'],
    ]);
    expect(saved.followUpWeeks).toBe(12);
    expect(saved.items[4]).toMatchObject({ optional: false, text: { en: 'What should we change for next time?', ar: 'ما الذي يجب أن نغيّره في المرة القادمة؟' } });
    // An empty Polish box is not saved as text: the kiosk falls back to the English.
    const added = saved.items[4];
    expect(added?.kind === 'free_text' ? Object.keys(added.text).sort() : []).toEqual(['ar', 'en']);

    // The laptop's next package brings both: the facilitator's evaluation page says so.
    await sendPackage();
    expect(await seed('evaluations.template', { courseId: course.id })).toEqual(saved);
    const onLaptop = await app.openPage();
    onLaptop.setDefaultTimeout(10_000);
    await openEvaluationPage(onLaptop, app, session.id);
    const about = await onLaptop.getByText('The evaluation is version').textContent();
    expect(about).toContain('Answers are kept with each person’s name.');
    expect(about).toContain('The evaluation is version 2 of this course’s questions.');
  }, 60_000);
});

describe('accessibility of the evaluation', () => {
  it('has no serious or critical axe-core findings on the kiosk screens (English and Arabic) and the summary', async () => {
    const { app, office, seed, session } = await sessionToday('linked');
    await seed('notes.add', { sessionId: session.id, text: 'Interpreters were hard to book.', tags: ['interpreting'], needsResponse: true });
    await seed('kiosk.start', { sessionId: session.id, pin: PIN, mode: 'evaluation' });
    const findings: string[] = [];
    await inPageForAxe(suite.browser, app.host.url, { timeout: 10_000 }, async (page) => {
      const check = async (screen: string) => findings.push(...(await seriousAxeFindings(page, screen)));
      const runs = [
        { language: 'English', welcome: 'Welcome', t: words('en'), query: 'Amira', person: 'Amira K. — Newcastle City Council' },
        { language: 'العربية', welcome: 'أهلاً وسهلاً', t: words('ar'), query: 'Bogdan', person: 'Bogdan N. — Leeds Mind' },
      ];
      for (const run of runs) {
        const t = run.t;
        await page.getByRole('button', { name: run.language }).click();
        await heading(page, run.welcome).waitFor();
        await check(`${run.language} welcome`);
        await page.getByRole('button', { name: t('welcome.evaluate') }).click();
        await page.getByRole('textbox', { name: t('find.label') }).fill('Dana');
        await page.getByText(t('evaluation.find.none')).waitFor();
        await check(`${run.language} find, nobody`);
        await page.getByRole('textbox', { name: t('find.label') }).fill(run.query);
        await page.getByRole('button', { name: run.person }).click();
        await heading(page, t('confirm.title')).waitFor();
        await page.getByRole('button', { name: t('confirm.yes') }).click();
        await heading(page, t('evaluation.progress', { number: 1, total: 5 })).waitFor();
        await page.getByRole('button', { name: t('evaluation.next') }).click();
        await page.getByText(t('evaluation.errors.choose')).waitFor();
        await check(`${run.language} rating, not answered`);
        for (const number of [1, 2]) {
          await questions(page).first().getByRole('radio').nth(3).check();
          await page.getByRole('button', { name: t('evaluation.next') }).click();
          await heading(page, t('evaluation.progress', { number: number + 1, total: 5 })).waitFor();
        }
        await questions(page).nth(0).getByRole('radio').nth(1).check();
        await page.getByRole('button', { name: t('evaluation.next') }).click();
        await page.getByText(t('evaluation.errors.both')).waitFor();
        await check(`${run.language} confidence, half answered`);
        await questions(page).nth(1).getByRole('radio').nth(4).check();
        await page.getByRole('button', { name: t('evaluation.next') }).click();
        await page.getByRole('textbox').fill('Plus de temps pour les questions.');
        await check(`${run.language} written answer`);
        await page.getByRole('button', { name: t('evaluation.next') }).click();
        await page.getByRole('button', { name: t('evaluation.skip') }).click();
        await heading(page, t('evaluation.check.title')).waitFor();
        await check(`${run.language} check your answers`);
        await page.getByRole('button', { name: t('evaluation.check.send') }).click();
        await page.locator('.kiosk-outcome').waitFor();
        await check(`${run.language} thank you`);
        await page.getByRole('button', { name: t('actions.finish') }).click();
        await heading(page, 'Welcome').waitFor();
      }
      // Someone who has answered, as the find screen lists them.
      await page.getByRole('button', { name: words('en')('welcome.evaluate') }).click();
      await page.getByRole('textbox').fill('Amira');
      await page.locator('.kiosk-done').waitFor();
      await check('English find, answered');

      await app.core.handlers['kiosk.exit']({ pin: PIN });
      // A new address only in its #part does not load the page again: the reload sees the kiosk closed.
      await page.goto(`${app.host.url}#/sessions/${session.id}/evaluation`);
      await page.reload();
      await page.locator('[data-figure="confidence-share"]').waitFor();
      await check('summary');
      await page.getByRole('button', { name: 'Answer on this laptop for Chen Wei' }).click();
      await page.getByRole('button', { name: 'Save answers' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check('answering on the laptop, with problems');
      await page.goto(`${app.host.url}#/you-said-we-did`);
      await page.locator('.note-card').waitFor();
      await check('you said, we did');
      // The questions are the office's to edit: the laptop shows who keeps them, the office the editor.
      await page.goto(`${app.host.url}#/courses/${session.courseId}/evaluation`);
      await page.getByText('Changes made there reach this laptop in its next package.').waitFor();
      await check('evaluation questions, on the laptop');
      await page.goto(`${office.host.url}#/courses/${session.courseId}/evaluation`);
      await page.getByRole('button', { name: 'Add a single-choice question' }).click();
      await page.getByRole('button', { name: 'Save as a new version' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      await check('evaluation editor, with problems');
    });
    expect(findings, findings.join('\n')).toEqual([]);
  }, 120_000);
});

describe('the evaluation texts', () => {
  it('has every text the evaluation code asks for, in every language', () => {
    const leaves = (value: unknown, prefix = ''): string[] =>
      typeof value === 'string'
        ? [prefix]
        : Object.entries(value as object).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
    const folders = ['renderer/src/features/evaluation', 'renderer/src/features/kiosk/evaluation'];
    const used = new Set(
      folders.flatMap((folder) =>
        readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
          .filter((file) => /\.tsx?$/.test(file))
          .flatMap((file) => [...readFileSync(join(root, folder, file), 'utf8').matchAll(/'(kiosk\.[\w.-]+)'/g)].map((match) => match[1]!))
          .filter((key) => !isProcedureName(key)),
      ),
    );
    expect(used.size).toBeGreaterThan(30);
    for (const language of ['en', 'ar', 'pl']) {
      const keys = new Set(leaves(JSON.parse(readFileSync(join(root, `renderer/locales/${language}.json`), 'utf8'))));
      for (const key of used) expect(keys, `${language}: ${key}`).toContain(key);
    }
  });
});
