import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core's serious and critical findings on the page as it is now, each as
 * one readable line. The page must come from a context created with
 * `bypassCSP: true`: the app's Content-Security-Policy refuses injected scripts.
 */
export async function seriousAxeFindings(page: Page, screen = 'page'): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
  const violations = (await page.evaluate('window.axe.run().then((result) => result.violations)')) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${screen}: ${violation.impact} ${violation.id} (${violation.help}) at ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
    );
}

/**
 * A new tab open at `url`, in a context of its own that lets the accessibility
 * checker in (`bypassCSP`), waiting up to `timeout` for what it is asked. The
 * context closes with the browser after the file, or earlier with
 * `page.context().close()`.
 */
export async function pageForAxe(browser: Browser, url: string, { timeout, ...contextOptions }: BrowserContextOptions & { timeout: number }): Promise<Page> {
  const context = await browser.newContext({ ...contextOptions, bypassCSP: true });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await page.goto(url);
    return page;
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Runs `use` on a pageForAxe, closing its context after, whether `use` passed or failed. */
export async function inPageForAxe(browser: Browser, url: string, options: BrowserContextOptions & { timeout: number }, use: (page: Page) => Promise<void>): Promise<void> {
  const page = await pageForAxe(browser, url, options);
  try {
    await use(page);
  } finally {
    await page.context().close();
  }
}
