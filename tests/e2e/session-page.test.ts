import { describe, expect, it } from 'vitest';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { button, hallMorning, isFocused, openSessionPage, row, said, tabTo } from './support/roster-page';

/**
 * A session's page in the order the day needs it: the people first (search,
 * sign in, walk-in, everyone booked), then the waiting list, then managing
 * the session (kiosk, sheet, capacity, no-shows, group places) under its own
 * heading, so the first person is a few Tabs away and on the first screen.
 */

const suite = browserSuite();

describe('the session page', () => {
  it('puts the people first and managing the session last, under its own heading', async () => {
    const morning = await hallMorning(suite, { capacity: 3, booked: ['Amira Khan', 'Femi Adebayo', 'Eve Osei'], known: ['Grace Hall'] });
    await morning.seed('signIn.book', { sessionId: morning.sessionId, personId: morning.people['Grace Hall']! });
    const page = await openSessionPage(morning);

    const sections = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(sections.filter((text) => !text.startsWith('Sign-in sheet'))).toEqual(['Everyone booked', 'Waiting list', 'Managing this session']);
    const managing = page.getByRole('region', { name: 'Managing this session' });
    expect(await managing.getByRole('heading', { level: 3 }).allTextContents()).toEqual(['Places', 'No-shows', 'Group bookings']);
    for (const name of ['Open kiosk for this session', 'Print sign-in sheet', 'Change capacity', 'Release no-shows']) {
      await button(managing, name).waitFor();
    }
    // The search comes before everyone booked, and everyone booked before the waiting list, in the page's order.
    const order = await page.evaluate(() => {
      const top = (selector: string) => document.querySelector(selector)?.getBoundingClientRect().top ?? -1;
      return [top('input[type="search"]'), top('#roster-heading'), top('#waitlist-heading'), top('#session-admin-heading')];
    });
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('reaches the search in two Tabs after "Skip to main content", and the first person a few Tabs on, at 1366 by 768', async () => {
    const morning = await hallMorning(suite, { booked: ['Amira Khan', 'Femi Adebayo'] });
    const page = await openSessionPage(morning);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.reload();
    await row(page, 'Amira Khan').waitFor();

    // The first screen shows the search and "Add a walk-in" beside it, without scrolling.
    for (const target of [page.getByLabel('Find a person'), button(page, 'Add a walk-in')]) {
      const box = await target.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(768);
    }

    await page.keyboard.press('Tab');
    await expect.poll(() => isFocused(page.getByRole('link', { name: 'Skip to main content' }))).toBe(true);
    await page.keyboard.press('Enter');
    expect(await tabTo(page, page.getByLabel('Find a person'), 15)).toBeLessThanOrEqual(2);
    // Femi Adebayo is first in family-name order.
    const first = button(row(page, 'Femi Adebayo'), 'Sign in Femi Adebayo');
    // Past "Add a walk-in" and the choice of who to show.
    expect(await tabTo(page, first, 15)).toBeLessThanOrEqual(3);
    await page.keyboard.press('Enter');
    await said(page, 'Femi Adebayo signed in.');
  });

  it('has no serious or critical axe-core findings with the people, the waiting list and managing the session', async () => {
    const morning = await hallMorning(suite, { capacity: 1, booked: ['Amira Khan', 'Femi Adebayo'] });
    await inPageForAxe(suite.browser, `${morning.app.host.url}#/today/${morning.sessionId}`, { timeout: 10_000 }, async (page) => {
      await page.getByRole('list', { name: 'People waiting, in order' }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
  });
});
