import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { CONTRACT, contractSessionToday, seeder, type Seed } from './support/seed';
import { figure, heading, textOf } from './support/screen';

/**
 * The office opens Reports, chooses a contract year, reads the figures and a
 * chart, saves the choices under a name, runs them again for the next
 * contract year in one action, and downloads the report as CSV.
 */

const suite = browserSuite();

/** Today's session under the contract, three people from two organisations signed in. */
async function trainedToday(seed: Seed, today: string) {
  const { contract, session } = await contractSessionToday(seed, today);
  const trust = await seed('organisations.create', { name: 'Westbrook NHS Trust', sector: 'statutory' });
  const charity = await seed('organisations.create', { name: 'Refugee Welcome', sector: 'vcse' });
  for (const [givenName, organisationId] of [
    ['Amira', trust.id],
    ['Ben', trust.id],
    ['Chidi', charity.id],
  ] as const) {
    const person = await seed('people.create', { givenName, familyName: 'Test', organisationId });
    await seed('signIn.book', { sessionId: session.id, personId: person.id });
    await seed('signIn.signIn', { sessionId: session.id, personId: person.id });
  }
  return contract;
}

/** "2026–27" for the contract year (from 1 August) holding the day. */
function contractYearOf(day: string): { start: number; name: (start: number) => string } {
  const year = Number(day.slice(0, 4));
  return { start: day.slice(5) >= '08-01' ? year : year - 1, name: (start) => `${start}–${String((start + 1) % 100).padStart(2, '0')}` };
}

describe('reports at the office', () => {
  it('shows a contract year with a chart, saves it, runs it for the next year and downloads it, with no serious axe findings', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const { today } = await seed('device.status', {});
    await trainedToday(seed, today);
    const year = contractYearOf(today);

    const findings: string[] = [];
    await inPageForAxe(suite.browser, app.host.url, { timeout: 15_000, acceptDownloads: true }, async (page) => {
      await heading(page, 'Sessions').waitFor();
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Reports', exact: true }).click();
      await heading(page, 'Reports').waitFor();
      await page.getByText('No saved reports yet.', { exact: false }).waitFor();
      findings.push(...(await seriousAxeFindings(page, 'Reports, nothing run yet')));

      await page.getByLabel('Report', { exact: true }).selectOption({ label: 'People trained' });
      await page.getByLabel('Kind of period').selectOption({ label: 'Contract year' });
      await page.getByLabel('Contract', { exact: true }).first().selectOption({ label: CONTRACT });
      await page.getByLabel('Contract year').selectOption({ label: year.name(year.start) });
      await page.getByRole('button', { name: 'Show report' }).click();

      await heading(page, 'People trained', 2).waitFor();
      expect(await textOf(page.locator('.report-facts'))).toContain(`${CONTRACT} contract year ${year.name(year.start)}`);
      expect(await page.locator('.report-facts').textContent()).toContain('Part year');
      expect(await textOf(figure(page, 'People trained'))).toBe('3');
      expect(await textOf(figure(page, 'Attendances'))).toBe('3');

      // The chart beside the table by organisation: an SVG image that takes focus and reads out the table's numbers.
      const byOrganisation = page.locator('.report-table').filter({ has: page.getByRole('heading', { level: 3, name: /organisation/i }) });
      const row = byOrganisation.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Westbrook NHS Trust' }) });
      expect(await textOf(row)).toContain('2');
      const chart = byOrganisation.locator('svg[role="img"]');
      await chart.waitFor();
      expect(await chart.getAttribute('tabindex')).toBe('0');
      expect(await chart.getAttribute('aria-label')).toContain('Westbrook NHS Trust 2; Refugee Welcome 1');
      await chart.focus();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('img');
      expect(await chart.locator('rect').count()).toBeGreaterThanOrEqual(2);
      findings.push(...(await seriousAxeFindings(page, 'Reports, a contract year')));

      // Saved under a name, then run again for the next contract year in one action.
      await page.getByLabel('Name for these choices').fill('City return');
      await page.getByRole('button', { name: 'Save these choices as a named report' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved “City return”.' }).waitFor();
      const saved = page.locator('.saved-reports__list').getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'City return' }) });
      expect(await textOf(saved)).toContain(`contract year ${year.name(year.start)}`);
      await saved.getByRole('button', { name: /^Run again for the next period\W+City return$/ }).click();
      const next = `${CONTRACT} contract year ${year.name(year.start + 1)}`;
      await page.getByRole('status').filter({ hasText: `“City return” moved on to ${next}` }).waitFor();
      expect(await textOf(page.locator('.report-facts'))).toContain(next);
      expect(await textOf(figure(page, 'People trained'))).toBe('0');
      expect(await page.locator('.report-output .notice').textContent()).toContain('No sessions in this period.');
      expect(await textOf(saved)).toContain(`contract year ${year.name(year.start + 1)}`);
      findings.push(...(await seriousAxeFindings(page, 'Reports, run again')));

      // Back to this year from the form, and the CSV of it read back.
      await page.getByLabel('Contract year').selectOption({ label: year.name(year.start) });
      await page.getByRole('button', { name: 'Show report' }).click();
      await page.locator('.report-facts').filter({ hasText: `contract year ${year.name(year.start)}` }).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV of this report' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = readFileSync(await download.path(), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv).toContain(`${CONTRACT} contract year ${year.name(year.start)}`);
      expect(csv).toContain('Westbrook NHS Trust');
      expect(csv).toMatch(/People trained\W+3/);
    });
    expect(findings).toEqual([]);
  });

  it('draws its charts under the app’s own Content-Security-Policy without a refused style', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const { today } = await seed('device.status', {});
    await trainedToday(seed, today);

    const page = await app.openPage();
    page.setDefaultTimeout(15_000);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await page.goto(`${app.host.url}#/reports`);
    await heading(page, 'Reports').waitFor();
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.locator('.report-table svg[role="img"]').first().waitFor();
    expect(refused).toEqual([]);
  });
});
