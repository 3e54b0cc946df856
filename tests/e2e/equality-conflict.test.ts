import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { equalityAnsweredOnTwoLaptops, TWO_ANSWERS } from '../support/equality';
import type { SyncWorld } from '../support/sync';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, rendererFolder } from './support/harness';

/**
 * The office's Review screen when a participant answered the equality
 * question differently on two laptops: it says an equality answer was
 * changed, in a plain sentence, and shows neither answer nor a way to put
 * one back.
 */

const suite = browserSuite();
let world: SyncWorld | undefined;
let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  await world?.cleanup();
});

/** The office's own screen, over the office of the sync world. */
async function openOffice(): Promise<Page> {
  world = await equalityAnsweredOnTwoLaptops();
  host = await startWebHost({ dispatch: createDispatcher(world.office.core.handlers), staticFolder: rendererFolder });
  const page = await (await suite.browser.newContext()).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Files' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Review', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Changed in two places' }).waitFor();
  return page;
}

it('says only that an equality answer was changed, with no answer shown and nothing to restore', async () => {
  const page = await openOffice();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'An equality answer was changed' }) });
  await card.first().waitFor();
  const text = await page.locator('main').innerText();
  for (const answer of [...TWO_ANSWERS, 'Pakistani', 'Irish']) expect(text).not.toContain(answer);
  expect(text).toContain('Equality answers are only reported in aggregate, so neither value is shown.');
  expect(await card.getByRole('button', { name: /Restore overwritten value/ }).count()).toBe(0);
  expect(await seriousAxeFindings(page, 'Review')).toEqual([]);

  const toReview = page.getByRole('list', { name: 'Changes to review' }).getByRole('listitem');
  const before = await toReview.count();
  await card.first().getByRole('button', { name: /^Mark as reviewed/ }).click();
  await expect.poll(() => toReview.count()).toBe(before - 1);
  expect(await page.locator('main').innerText()).not.toContain('Pakistani');
}, 60_000);
