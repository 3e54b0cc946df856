import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';

/**
 * The main menu fits one row at 1024 px and 1366 px, its groups open by
 * mouse and by keyboard, Escape closes a group, and at 200% zoom the whole
 * menu is behind one "Menu" button so the first screen is the page's own.
 */

const suite = browserSuite();

async function rowsOfTheMenu(page: Page): Promise<number> {
  return page.evaluate(() => {
    const items = Array.from(document.querySelectorAll('.app-nav__list > li')).map((item) => Math.round(item.getBoundingClientRect().top));
    return new Set(items).size;
  });
}

describe('the main menu', () => {
  it('is one row wide at 1024 and 1366 px, with groups that open and close by keyboard', async () => {
    const app = await suite.startApp();
    await app.core.handlers['device.setUp']({ role: 'office', name: 'Central office' });
    const findings: string[] = [];
    await inPageForAxe(suite.browser, app.host.url, { timeout: 15_000, viewport: { width: 1024, height: 768 } }, async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
      expect(await rowsOfTheMenu(page)).toBe(1);
      await page.setViewportSize({ width: 1366, height: 768 });
      expect(await rowsOfTheMenu(page)).toBe(1);

      const menu = page.getByRole('navigation', { name: 'Main menu' });
      const catalogue = menu.getByRole('button', { name: 'Catalogue' });
      expect(await catalogue.getAttribute('aria-expanded')).toBe('false');
      expect(await menu.getByRole('link', { name: 'Courses' }).isVisible()).toBe(false);
      await catalogue.focus();
      await page.keyboard.press('Enter');
      expect(await catalogue.getAttribute('aria-expanded')).toBe('true');
      findings.push(...(await seriousAxeFindings(page, 'Main menu, Catalogue open')));
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Courses');
      await page.keyboard.press('Escape');
      expect(await catalogue.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Catalogue');

      // Choosing a screen in a group goes there, closes the group and marks the group as where you are.
      await menu.getByRole('button', { name: 'Files' }).click();
      await menu.getByRole('link', { name: 'Backups' }).click();
      await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
      expect(await menu.getByRole('button', { name: 'Files' }).getAttribute('aria-expanded')).toBe('false');
      expect(await menu.getByRole('button', { name: 'Files' }).getAttribute('class')).toContain('app-nav__link--current');
    });
    expect(findings).toEqual([]);
  });

  it('at 200% zoom is one button, and opens into a list of every screen', async () => {
    const app = await suite.startApp();
    await app.core.handlers['device.setUp']({ role: 'office', name: 'Central office' });
    // 1366 × 768 at 200%: the page lays out in 683 × 384 CSS pixels.
    const context = await suite.browser.newContext({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(app.host.url);
      await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
      const menu = page.getByRole('navigation', { name: 'Main menu' });
      const height = await menu.evaluate((element) => element.getBoundingClientRect().height);
      expect(height).toBeLessThan(60);
      expect(await menu.getByRole('link', { name: 'People' }).isVisible()).toBe(false);
      await menu.getByRole('button', { name: 'Menu' }).click();
      await menu.getByRole('link', { name: 'People' }).click();
      await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
      expect(await menu.getByRole('link', { name: 'People' }).isVisible()).toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await context.close();
    }
  });
});
