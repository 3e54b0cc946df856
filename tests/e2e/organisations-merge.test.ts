import { describe, expect, it } from 'vitest';
import { pageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu } from './support/harness';
import { seeder } from './support/seed';

/** "Same organisation" at the office: two records of one surgery become one, with everyone from both as its staff. */

const suite = browserSuite();

describe('same organisation', () => {
  it('offers the look-alike on the organisation’s page, merges keeping the chosen name, and lists one with both people as staff', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const kept = await seed('organisations.create', { name: 'Hope Street Surgery', sector: 'statutory' });
    const typedAgain = await seed('organisations.create', { name: 'hope street surgery', sector: 'statutory' });
    await seed('people.create', { givenName: 'Amira', familyName: 'Khan', organisationId: kept.id });
    await seed('people.create', { givenName: 'Bogdan', familyName: 'Nowak', organisationId: typedAgain.id });

    const page = await pageForAxe(suite.browser, app.host.url, { timeout: 15_000, viewport: { width: 1366, height: 768 } });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/organisations/${typedAgain.id}`);
    await page.getByRole('heading', { level: 1, name: 'Edit organisation: hope street surgery' }).waitFor();

    const same = page.locator('.same-organisation');
    await same.getByRole('button', { name: 'Choose Hope Street Surgery (Statutory)' }).click();
    await same.getByRole('heading', { name: 'Merge these two records?' }).waitFor();
    expect(await seriousAxeFindings(page, 'Same organisation')).toEqual([]);
    // By keyboard: the name to keep, then the merge.
    await page.getByRole('radio', { name: 'Hope Street Surgery', exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Merge these two records' }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Edit organisation: Hope Street Surgery' }).waitFor();
    const staff = page.getByRole('table', { name: 'Staff at Hope Street Surgery' });
    await expect.poll(() => staff.locator('tbody th').allTextContents()).toEqual(['Khan, Amira', 'Nowak, Bogdan']);
    await expect.poll(() => page.locator('.status-message').textContent()).toBe(
      'The two records are now one organisation, Hope Street Surgery. Their people are its staff; both histories are kept.',
    );

    await clickInMainMenu(page, 'Organisations');
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    await expect.poll(() => page.locator('table tbody th').allTextContents()).toEqual(['Hope Street Surgery']);
  });
});
