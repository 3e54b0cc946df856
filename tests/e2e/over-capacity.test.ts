import { describe, expect, it } from 'vitest';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { button, counts, hallMorning, isFocused, openSessionPage, row, said, statusOf, textOf } from './support/roster-page';

/**
 * A late arrival at a full session, when the room has space: the facilitator
 * signs them in anyway, by keyboard alone, giving the reason. It is in their
 * booking's history, and the office sees the session flagged over capacity.
 */

const suite = browserSuite();
const REASON = 'Arrived late, the room has space';

describe('signing someone in to a full session', () => {
  it('asks for a reason, signs them in over capacity, keeps the reason in the history and flags the session to the office', async () => {
    const morning = await hallMorning(suite, { capacity: 2, booked: ['Amira Khan', 'Femi Adebayo'], known: ['Seun Adeyemi'] });
    for (const name of ['Amira Khan', 'Femi Adebayo']) {
      await morning.seed('signIn.signIn', { sessionId: morning.sessionId, personId: morning.people[name]! });
    }
    const page = await openSessionPage(morning);

    // Found in the search, a full session puts them on the waiting list, here in the room.
    await page.getByLabel('Find a person').fill('seun');
    await button(page.getByRole('list', { name: 'People found' }), 'Add to waiting list Seun Adeyemi').click();
    await said(page, 'The session is full, so Seun Adeyemi is on the waiting list, number 1.');

    // By keyboard: the row's "Sign in anyway", an empty reason refused in words, then the reason.
    const anyway = button(row(page, 'Seun Adeyemi'), 'Sign in anyway Seun Adeyemi');
    await anyway.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sign in Seun Adeyemi although the session is full?' });
    expect(await textOf(dialog)).toContain('All 2 places are taken.');
    await page.keyboard.press('Tab');
    await expect.poll(() => isFocused(dialog.getByLabel('Reason'))).toBe(true);
    await page.keyboard.press('Enter');
    await dialog.getByRole('link', { name: 'Write why Seun Adeyemi can be signed in although the session is full.' }).waitFor();
    await dialog.getByLabel('Reason').focus();
    await page.keyboard.type(REASON);
    await page.keyboard.press('Enter');
    await said(page, 'Seun Adeyemi signed in over capacity. The office will see the session flagged.');
    await dialog.waitFor({ state: 'detached' });
    expect(await statusOf(page, 'Seun Adeyemi')).toMatch(/^Signed in at \d\d:\d\d/);
    await expect.poll(() => isFocused(button(row(page, 'Seun Adeyemi'), 'Signed in Seun Adeyemi'))).toBe(true);
    expect(await textOf(counts(page))).toBe('3 booked · 3 signed in · No places left');

    await button(row(page, 'Seun Adeyemi'), 'History Seun Adeyemi').click();
    const history = page.getByRole('region', { name: 'Booking history: Seun Adeyemi' });
    await history.getByText('Given a place over capacity', { exact: true }).waitFor();
    expect(await textOf(history)).toContain(REASON);

    await morning.sendBundle();
    const flags = await morning.onOffice('sync.capacityFlags', {});
    expect(flags).toMatchObject([{ sessionId: morning.sessionId, capacity: 2, held: 3 }]);
  }, 60_000);

  it('has no serious or critical axe-core findings with the reason asked for', async () => {
    const morning = await hallMorning(suite, { capacity: 1, booked: ['Amira Khan', 'Seun Adeyemi'] });
    await inPageForAxe(suite.browser, `${morning.app.host.url}#/today/${morning.sessionId}`, { timeout: 10_000 }, async (page) => {
      await button(row(page, 'Seun Adeyemi'), 'Sign in anyway Seun Adeyemi').click();
      const dialog = page.getByRole('dialog', { name: 'Sign in Seun Adeyemi although the session is full?' });
      await button(dialog, 'Sign in over capacity').click();
      await dialog.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
  }, 60_000);
});
