import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { button, counts, hallMorning, isFocused, openSessionPage, placeOf, row, said, statusOf, textOf, type HallMorning } from './support/roster-page';

/**
 * At a busy door a facilitator presses "Sign in" twice: a double click, a
 * double Enter, a shaky tap. The second press must change nothing: the
 * person stays signed in, "Undo sign-in" is never where the pressed button
 * was, nothing moves under the pointer, and an undo asks first.
 */

const suite = browserSuite();

/** Two presses of the mouse at the same spot, `gap` ms apart, as a hurried hand makes them. */
async function pressTwice(page: Page, target: Locator, gap: number): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('The button is not on screen.');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.click(x, y);
  await page.waitForTimeout(gap);
  await page.mouse.click(x, y);
}

/** What the core holds for a person, whatever the screen shows. */
async function stateInCore(morning: HallMorning, name: string): Promise<string | undefined> {
  const roster = await morning.seed('signIn.roster', { sessionId: morning.sessionId });
  return roster.entries.find((entry) => entry.personId === morning.people[name])?.state;
}

/** Lets any late second press finish its work before the test reads the result. */
const settle = (page: Page) => page.waitForTimeout(800);

describe('a repeated press on the session page', () => {
  it('leaves people signed in after two clicks 80 ms apart, a double click 300 ms apart and a double Enter 250 ms apart', async () => {
    const morning = await hallMorning(suite, { booked: ['Amira Khan', 'Femi Adebayo', 'Eve Osei', 'Grace Hall'] });
    const page = await openSessionPage(morning);

    // Two clicks 80 ms apart on Amira's "Sign in": the button stays put and turns into "Signed in".
    const amira = row(page, 'Amira Khan');
    const signIn = button(amira, 'Sign in Amira Khan');
    const history = button(amira, 'History Amira Khan');
    const before = { signIn: await placeOf(signIn), history: await placeOf(history), next: await placeOf(button(row(page, 'Femi Adebayo'), 'Sign in Femi Adebayo')) };
    await pressTwice(page, signIn, 80);
    await said(page, 'Amira Khan signed in.');
    await settle(page);
    expect(await statusOf(page, 'Amira Khan')).toMatch(/^Signed in at \d\d:\d\d/);
    expect(await stateInCore(morning, 'Amira Khan')).toBe('signed_in');
    const done = button(amira, 'Signed in Amira Khan');
    expect(await done.getAttribute('aria-disabled')).toBe('true');
    // Nothing moved: the done button is where "Sign in" was, History and the next row too; undo is elsewhere.
    expect(await placeOf(done)).toEqual(before.signIn);
    expect(await placeOf(history)).toEqual(before.history);
    expect(await placeOf(button(row(page, 'Femi Adebayo'), 'Sign in Femi Adebayo'))).toEqual(before.next);
    expect(await placeOf(button(amira, 'Undo sign-in Amira Khan'))).not.toEqual(before.signIn);

    // A double click 300 ms apart.
    await pressTwice(page, button(row(page, 'Femi Adebayo'), 'Sign in Femi Adebayo'), 300);
    await said(page, 'Femi Adebayo signed in.');
    await settle(page);
    expect(await stateInCore(morning, 'Femi Adebayo')).toBe('signed_in');

    // A double Enter 250 ms apart, by keyboard alone: focus stays on the same button, now done.
    const eve = button(row(page, 'Eve Osei'), 'Sign in Eve Osei');
    await eve.focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(250);
    await page.keyboard.press('Enter');
    await said(page, 'Eve Osei signed in.');
    await settle(page);
    await expect.poll(() => isFocused(button(row(page, 'Eve Osei'), 'Signed in Eve Osei'))).toBe(true);
    expect(await stateInCore(morning, 'Eve Osei')).toBe('signed_in');
    expect(await textOf(counts(page))).toBe('4 booked · 3 signed in · 16 places left');
    // Nobody else was touched by a stray press.
    expect(await statusOf(page, 'Grace Hall')).toBe('Booked');
  }, 60_000);

  it('asks before undoing a sign-in, keeps the person signed in on "No", and a double Enter on "Yes" does not sign them in again', async () => {
    const morning = await hallMorning(suite, { booked: ['Amira Khan', 'Femi Adebayo'] });
    const page = await openSessionPage(morning);
    await button(row(page, 'Amira Khan'), 'Sign in Amira Khan').click();
    await said(page, 'Amira Khan signed in.');
    await settle(page);

    const undo = button(row(page, 'Amira Khan'), 'Undo sign-in Amira Khan');
    await undo.click();
    const dialog = page.getByRole('dialog', { name: "Undo Amira Khan's sign-in?" });
    await button(dialog, 'No, keep them signed in').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(undo)).toBe(true);
    expect(await stateInCore(morning, 'Amira Khan')).toBe('signed_in');

    // By keyboard: Enter opens the question, Tab to nothing but its two answers, a double Enter on "Yes".
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => isFocused(button(dialog, 'Yes, undo the sign-in'))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(250);
    await page.keyboard.press('Enter');
    await said(page, "Amira Khan's sign-in was undone.");
    await settle(page);
    expect(await statusOf(page, 'Amira Khan')).toBe('Booked');
    expect(await stateInCore(morning, 'Amira Khan')).toBe('booked');
    await expect.poll(() => isFocused(button(row(page, 'Amira Khan'), 'Sign in Amira Khan'))).toBe(true);
  }, 60_000);

  it('keeps the space of the search results after a sign-in from them, so a second click meets nobody else', async () => {
    const morning = await hallMorning(suite, { booked: ['Amira Khan', 'Amir Hussain'], known: ['Amina Begum'] });
    const page = await openSessionPage(morning);
    await page.getByLabel('Find a person').fill('ami');
    const found = page.getByRole('list', { name: 'People found' });
    const walkIn = button(page, 'Add a walk-in');
    await button(found, 'Sign in Amira Khan').waitFor();
    const walkInBefore = await placeOf(walkIn);
    await pressTwice(page, button(found, 'Sign in Amira Khan'), 300);
    await said(page, 'Amira Khan signed in.');
    await settle(page);
    expect(await page.getByText('✓ Amira Khan is signed in.').isVisible()).toBe(true);
    // The walk-in button below did not move up under the pointer, and the form did not open.
    expect(await placeOf(walkIn)).toEqual(walkInBefore);
    expect(await page.getByRole('heading', { name: 'Add a walk-in' }).count()).toBe(0);
    expect(await stateInCore(morning, 'Amira Khan')).toBe('signed_in');
    expect(await stateInCore(morning, 'Amir Hussain')).toBe('booked');
    await expect.poll(() => isFocused(page.getByLabel('Find a person'))).toBe(true);
    // Typing the next name gives the space back to the results.
    await page.keyboard.type('amina');
    await button(page.getByRole('list', { name: 'People found' }), 'Book and sign in Amina Begum').waitFor();
    expect(await page.getByText('✓ Amira Khan is signed in.').count()).toBe(0);
  }, 60_000);

  it('has no serious or critical axe-core findings with a row signed in and the undo question open', async () => {
    const morning = await hallMorning(suite, { booked: ['Amira Khan'] });
    await inPageForAxe(suite.browser, `${morning.app.host.url}#/today/${morning.sessionId}`, { timeout: 10_000 }, async (page) => {
      await button(row(page, 'Amira Khan'), 'Sign in Amira Khan').click();
      await said(page, 'Amira Khan signed in.');
      expect(await seriousAxeFindings(page)).toEqual([]);
      await button(row(page, 'Amira Khan'), 'Undo sign-in Amira Khan').click();
      await page.getByRole('dialog', { name: "Undo Amira Khan's sign-in?" }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
  }, 60_000);
});
