import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { COURSE, laptopAndOffice, morningSession, seeder } from './support/seed';
import { heading, textOf } from './support/screen';

/**
 * The office keeps its funding contracts on their own screen, gives a
 * session its contract in the session form, and reads it in the sessions
 * list. On a laptop the contracts it received are read-only.
 */

const suite = browserSuite();
const CONTRACT = 'Public Health Equity 2026';
const FUNDER = 'Westbrook City Council Public Health';

/** What a screen reader reads after a control's name: its hint and error. */
async function descriptionOf(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const parts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return parts.join(' ');
}

describe('contracts at the office', () => {
  it('adds a contract on screen, sets it on a session and sees it in the sessions list, with no serious axe findings', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const { today } = await seed('device.status', {});
    await morningSession(seed, today);

    const findings: string[] = [];
    await inPageForAxe(suite.browser, app.host.url, { timeout: 15_000 }, async (page) => {
      await heading(page, 'Sessions').waitFor();

      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Catalogue' }).click();
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Contracts', exact: true }).click();
      await heading(page, 'Contracts').waitFor();
      await page.getByText('There are no contracts yet. Add one with New contract.').waitFor();
      findings.push(...(await seriousAxeFindings(page, 'Contracts, empty')));

      await page.getByRole('link', { name: 'New contract' }).click();
      await heading(page, 'New contract').waitFor();
      await page.getByLabel('Contract name').fill(CONTRACT);
      await page.getByLabel('Funder').fill(FUNDER);
      const yearStarts = page.getByLabel('Contract year starts');
      // 30 February is no day at all: said beside the field, and nothing is saved.
      await yearStarts.fill('02-30');
      await page.getByRole('button', { name: 'Save contract' }).click();
      expect(await descriptionOf(page, yearStarts)).toContain('Choose a day every year has');
      findings.push(...(await seriousAxeFindings(page, 'New contract, with an error')));

      await yearStarts.fill('08-01');
      expect(await descriptionOf(page, yearStarts)).toContain('Each contract year starts on 1 August.');
      await page.getByRole('button', { name: 'Save contract' }).click();
      expect(await textOf(page.getByRole('status'))).toBe('Contract saved.');
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CONTRACT }) });
      expect(await textOf(row)).toContain(FUNDER);
      expect(await row.textContent()).toContain('1 August');
      expect(await row.textContent()).toContain('No end date');
      await page.getByRole('button', { name: 'Download as spreadsheet of the contracts list', exact: true }).waitFor();
      findings.push(...(await seriousAxeFindings(page, 'Contracts')));

      // The session is paid-for until it is given the contract.
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Sessions', exact: true }).click();
      const sessionRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COURSE }) });
      expect(await textOf(sessionRow)).toContain('None (paid-for / other)');
      await sessionRow.getByRole('link', { name: /^Edit/ }).click();
      await heading(page, `Edit session: ${COURSE}`).waitFor();
      const contract = page.getByLabel('Contract', { exact: true });
      expect(await contract.locator('option:checked').textContent()).toBe('None (paid-for / other)');
      await contract.selectOption({ label: `${CONTRACT} (${FUNDER})` });
      findings.push(...(await seriousAxeFindings(page, 'Edit session')));
      await page.getByRole('button', { name: 'Save session' }).click();
      expect(await textOf(page.getByRole('status'))).toBe('Session saved.');
      await heading(page, 'Sessions').waitFor();
      expect(await textOf(sessionRow)).toContain(CONTRACT);
      expect(await sessionRow.textContent()).not.toContain('None (paid-for / other)');

      // And it is there after a reload, read back from the database.
      await page.reload();
      expect(await textOf(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COURSE }) }))).toContain(CONTRACT);
    });
    expect(findings).toEqual([]);
  });
});

describe('contracts on a laptop', () => {
  it('come in the package and are read-only, with no Contracts in its menu', async () => {
    const { laptop, onOffice, today, sendPackage } = await laptopAndOffice(suite, 'Hall laptop 1');
    await onOffice('contracts.create', { name: CONTRACT, funder: FUNDER, yearStarts: '08-01' });
    await morningSession(onOffice, today);
    await sendPackage();

    const page = await laptop.openPage();
    page.setDefaultTimeout(15_000);
    await heading(page, 'Today').waitFor();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Catalogue' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Courses', exact: true }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Contracts', exact: true }).count()).toBe(0);

    await page.goto(`${laptop.host.url}#/contracts`);
    await heading(page, 'Contracts').waitFor();
    await page.getByText('The central office keeps the contracts. Changes made there reach this laptop in its next package.').waitFor();
    expect(await textOf(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CONTRACT }) }))).toContain('1 August');
    expect(await page.getByRole('link', { name: 'New contract' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Edit/ }).count()).toBe(0);

    await page.goto(`${laptop.host.url}#/contracts/new`);
    await heading(page, 'Contracts are kept by the central office').waitFor();
  });
});
