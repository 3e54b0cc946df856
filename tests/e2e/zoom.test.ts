import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/harness';
import { COURSE } from './support/seed';
import { seriousAxeFindings } from './support/axe';
import { button, hallMorning, placeOf, row, said, type HallMorning } from './support/roster-page';

/**
 * The facilitator's screens at the sizes they are used at: a 1366 or 1024 px
 * laptop, and 1366 × 768 at 200% zoom (683 × 384 CSS pixels), where the
 * menu must stay small and the roster must reflow (WCAG 1.4.10) instead of
 * scrolling sideways and hiding its buttons.
 */

const suite = browserSuite();
const ZOOMED = { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 };

const LONG_NAME = 'Maximiliana Wolstenholme-Fitzgerald';

/** A full session: a long name booked, one signed in, one waiting. */
function busyMorning(): Promise<HallMorning> {
  return hallMorning(suite, { capacity: 2, booked: [LONG_NAME, 'Amira Khan', 'Femi Adebayo'] }).then(async (morning) => {
    await morning.seed('signIn.signIn', { sessionId: morning.sessionId, personId: morning.people['Amira Khan']! });
    return morning;
  });
}

async function open(morning: HallMorning, path: string, options: { viewport: { width: number; height: number }; deviceScaleFactor?: number }) {
  // bypassCSP lets axe-core in; the app's own CSP would refuse it.
  const context = await suite.browser.newContext({ ...options, bypassCSP: true });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${morning.app.host.url}#${path}`);
  return { page, close: () => context.close() };
}

/** The page's width beside its window's, and every button or link that pokes out to the right. */
function sideways(page: Page) {
  return page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const cutOff = Array.from(document.querySelectorAll('main button, main a, main input, main select'))
      .filter((element) => element.getClientRects().length > 0 && element.getBoundingClientRect().right > client + 0.5)
      .map((element) => element.textContent?.trim() || element.getAttribute('aria-label') || element.tagName);
    return { scroll: document.documentElement.scrollWidth, client, cutOff };
  });
}

async function menuRows(page: Page): Promise<number> {
  return page.evaluate(() => new Set(Array.from(document.querySelectorAll('.app-nav__list > li')).map((item) => Math.round(item.getBoundingClientRect().top))).size);
}

describe('the session page at 200% zoom', () => {
  it('reflows the roster and the waiting list with no sideways scroll, every button in view, and a menu of one short row', async () => {
    const morning = await busyMorning();
    const { page, close } = await open(morning, `/today/${morning.sessionId}`, ZOOMED);
    try {
      await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
      await page.getByRole('list', { name: 'People waiting, in order' }).waitFor();
      const widths = await sideways(page);
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      expect(widths.cutOff).toEqual([]);
      // Each person's buttons are on the page, not behind a scroll: the long name's Sign in among them.
      const signIn = page.getByRole('button', { name: `Sign in ${LONG_NAME}`, exact: true });
      const box = (await signIn.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(widths.client);

      // The header and menu keep most of the first screen for the page.
      const header = await page.locator('header').evaluate((element) => element.getBoundingClientRect().height);
      const menu = await page.getByRole('navigation', { name: 'Main menu' }).evaluate((element) => element.getBoundingClientRect().height);
      expect(menu).toBeLessThan(60);
      expect(header).toBeLessThan(384 / 3);
      // The search is on the first screen once the page is scrolled to its heading.
      await page.getByRole('heading', { level: 1, name: COURSE }).evaluate((element) => element.scrollIntoView());
      expect(await page.getByLabel('Find a person').isVisible()).toBe(true);
    } finally {
      await close();
    }
  }, 60_000);

  it('reflows Today and Sessions as well', async () => {
    const morning = await busyMorning();
    for (const [path, title] of [['/today', 'Today'], ['/sessions', 'Sessions']] as const) {
      const { page, close } = await open(morning, path, ZOOMED);
      try {
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByText(COURSE).first().waitFor();
        const widths = await sideways(page);
        expect(widths.scroll, path).toBeLessThanOrEqual(widths.client);
        expect(widths.cutOff, path).toEqual([]);
      } finally {
        await close();
      }
    }
  }, 60_000);
});

describe("the laptop's menu", () => {
  it('is one row at 1366 and at 1024 px on the session page, where every row keeps its buttons in the window', async () => {
    const morning = await busyMorning();
    const { page, close } = await open(morning, `/today/${morning.sessionId}`, { viewport: { width: 1366, height: 768 } });
    try {
      await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
      expect(await menuRows(page)).toBe(1);
      const wide = await sideways(page);
      expect(wide.scroll).toBeLessThanOrEqual(wide.client);
      await page.setViewportSize({ width: 1024, height: 768 });
      expect(await menuRows(page)).toBe(1);
      const narrow = await sideways(page);
      expect(narrow.scroll).toBeLessThanOrEqual(narrow.client);
      expect(narrow.cutOff).toEqual([]);
      // At 1024 the organisation sits under the name; the rows are still rows, and a sign-in moves nothing.
      const long = row(page, LONG_NAME);
      const history = button(long, `History ${LONG_NAME}`);
      const before = { history: await placeOf(history), next: await placeOf(button(row(page, 'Femi Adebayo'), 'History Femi Adebayo')) };
      await button(long, `Sign in ${LONG_NAME}`).click();
      await said(page, `${LONG_NAME} signed in.`);
      await button(long, `Signed in ${LONG_NAME}`).waitFor();
      expect(await placeOf(history)).toEqual(before.history);
      expect(await placeOf(button(row(page, 'Femi Adebayo'), 'History Femi Adebayo'))).toEqual(before.next);
      expect(await seriousAxeFindings(page, 'Session page at 1024 px')).toEqual([]);
    } finally {
      await close();
    }
  }, 60_000);
});
