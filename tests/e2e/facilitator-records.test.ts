import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu } from './support/harness';
import { CONTRACT, contractSessionToday, seeder } from './support/seed';

/**
 * The office adds a facilitator whose name is on sessions already (spelt two
 * ways), then corrects the name: the session shows the new name, and the
 * report counts them once under it.
 */

const suite = browserSuite();

const heading = (page: Page, name: string, level = 1) => page.getByRole('heading', { level, name, exact: true });

describe('facilitators as records', () => {
  it('renaming a facilitator renames them on the session and in the report, counted once, by keyboard and mouse, with no serious axe findings', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const { today } = await seed('device.status', {});
    const { contract, session } = await contractSessionToday(seed, today);
    // A second session today, with Sam's name typed in lower case.
    const { courseId, venueId, startsAt, endsAt, capacity } = session;
    const second = await seed('sessions.create', { courseId, venueId, startsAt, endsAt, capacity, contractId: contract.id, facilitators: ['sam okafor'] });
    for (const [givenName, sessionId] of [
      ['Amira', session.id],
      ['Ben', second.id],
    ] as const) {
      const person = await seed('people.create', { givenName, familyName: 'Test' });
      await seed('signIn.book', { sessionId, personId: person.id });
      await seed('signIn.signIn', { sessionId, personId: person.id });
    }

    const findings: string[] = [];
    await inPageForAxe(suite.browser, app.host.url, { timeout: 15_000 }, async (page) => {
      await heading(page, 'Sessions').waitFor();
      await clickInMainMenu(page, 'Facilitators');
      await heading(page, 'Facilitators').waitFor();
      await page.getByText('There are no facilitators yet.').waitFor();
      const unlinked = page.getByRole('table', { name: 'Names on sessions with no facilitator record' });
      expect(await unlinked.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sam Okafor' }) }).textContent()).toContain('2 sessions');
      findings.push(...(await seriousAxeFindings(page, 'Facilitators, none yet')));

      // Added by keyboard: the sessions naming them (either spelling) now refer to the record.
      await page.getByRole('link', { name: 'Add facilitator' }).focus();
      await page.keyboard.press('Enter');
      await heading(page, 'Add a facilitator').waitFor();
      // Nothing typed yet: no error shows.
      expect(await page.locator('.field__error').count()).toBe(0);
      await page.getByLabel("Facilitator's name").fill('Sam Okafor');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Added Sam Okafor. 2 sessions with that name now refer to this facilitator.' }).waitFor();
      await heading(page, 'Facilitators').waitFor();
      expect(await unlinked.count()).toBe(0);

      // The name corrected.
      await page.getByRole('link', { name: 'Change name of Sam Okafor' }).click();
      await heading(page, 'Change the name of Sam Okafor').waitFor();
      findings.push(...(await seriousAxeFindings(page, 'Change a facilitator’s name')));
      await page.getByLabel("Facilitator's name").fill('Sam Okafor-Reid');
      await page.getByRole('button', { name: 'Save name' }).click();
      await page.getByRole('status').filter({ hasText: 'Renamed Sam Okafor to Sam Okafor-Reid on 2 sessions.' }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sam Okafor-Reid' }) });
      expect(await row.textContent()).toContain('2 sessions');
      findings.push(...(await seriousAxeFindings(page, 'Facilitators, one renamed')));

      // The session shows the new name.
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, `#/sessions/${second.id}`);
      await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Edit session' }).waitFor();
      expect(await page.getByLabel('Facilitator 1', { exact: true }).inputValue()).toBe('Sam Okafor-Reid');

      // The report counts them once, under the new name.
      await clickInMainMenu(page, 'Reports');
      await heading(page, 'Reports').waitFor();
      await page.getByLabel('Report', { exact: true }).selectOption({ label: 'People trained' });
      await page.getByLabel('Kind of period').selectOption({ label: 'Contract year' });
      await page.getByLabel('Contract', { exact: true }).first().selectOption({ label: CONTRACT });
      // The contract year (from 1 August) holding today.
      const start = Number(today.slice(0, 4)) - (today.slice(5) >= '08-01' ? 0 : 1);
      await page.getByLabel('Contract year').selectOption({ label: `${start}–${String((start + 1) % 100).padStart(2, '0')}` });
      await page.getByRole('button', { name: 'Show report' }).click();
      await heading(page, 'People trained', 2).waitFor();
      const byFacilitator = page.locator('.report-table').filter({ has: page.getByRole('heading', { level: 3, name: /facilitator/i }) });
      const rows = byFacilitator.getByRole('row').filter({ has: page.getByRole('rowheader') });
      expect(await rows.allTextContents()).toEqual([expect.stringMatching(/^Sam Okafor-Reid\D*2/)]);
    });
    expect(findings).toEqual([]);
  });
});
