import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu } from './support/harness';
import { seeder } from './support/seed';

/**
 * The inbox and backup folders are chosen with the operating system's folder
 * picker in the desktop app, and typed on the web host, which has none. The
 * desktop app's preload bridge is stood in for by one that calls the web host
 * the same way and whose `chooseFolder` answers as the picker would.
 */

const suite = browserSuite();

/** Before the app loads: the bridge the preload would expose, with a picker that "chooses" the given folder. */
async function withFolderPicker(page: Page, chosen: string): Promise<void> {
  await page.addInitScript((folder) => {
    const token = new URLSearchParams(window.location.search).get('token') ?? sessionStorage.getItem('fieldbook-token') ?? '';
    const titles: string[] = [];
    (window as unknown as { pickerTitles: string[] }).pickerTitles = titles;
    (window as unknown as { fieldbook: unknown }).fieldbook = {
      invoke: async (name: string, input: unknown) => {
        const response = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-fieldbook-token': token },
          body: JSON.stringify(input ?? {}),
        });
        return response.json();
      },
      on: () => () => undefined,
      chooseFolder: async (title: string) => {
        titles.push(title);
        return folder;
      },
    };
  }, chosen);
}

describe('choosing a folder', () => {
  it('in the desktop app, "Choose folder…" fills in the inbox and backup folders, which save as typed ones do', async () => {
    const app = await suite.startApp();
    await seeder(app)('device.setUp', { role: 'office', name: 'Central office' });
    const folder = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-chosen-'));
    const context = await suite.browser.newContext({ bypassCSP: true });
    const findings: string[] = [];
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await withFolderPicker(page, folder);
      await page.goto(app.host.url);
      await page.getByRole('navigation', { name: 'Main menu' }).waitFor();

      await clickInMainMenu(page, 'Import');
      await page.getByRole('heading', { name: 'Files arriving in a folder' }).waitFor();
      await page.getByRole('button', { name: 'Choose folder…' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByLabel('Inbox folder').inputValue()).toBe(folder);
      findings.push(...(await seriousAxeFindings(page, 'Import, inbox folder chosen')));
      await page.getByRole('button', { name: 'Save inbox folder' }).click();
      await page.getByText('Inbox folder saved.').first().waitFor();
      expect((await seeder(app)('sync.settings', {})).inboxFolder).toBe(folder);

      await clickInMainMenu(page, 'Backups');
      await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
      await page.getByRole('button', { name: 'Choose folder…' }).first().click();
      await expect.poll(() => page.getByLabel('Backup folder').inputValue()).toBe(folder);
      await page.getByRole('button', { name: 'Save backup folder' }).click();
      await page.getByText(`Fieldbook backs up to ${folder} once a day`, { exact: false }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { pickerTitles: string[] }).pickerTitles)).toEqual([
        'Choose the inbox folder',
        'Choose the backup folder',
      ]);
      // A backup file is a file, not a folder: its field has no folder picker.
      expect(await page.getByRole('region', { name: 'Restore from backup' }).getByRole('button', { name: 'Choose folder…' }).count()).toBe(0);
      findings.push(...(await seriousAxeFindings(page, 'Backups with the folder picker')));
    } finally {
      await context.close();
      rmSync(folder, { recursive: true, force: true });
    }
    expect(findings).toEqual([]);
  });

  it('on the web host, there is no picker and the path is typed', async () => {
    const app = await suite.startApp();
    await seeder(app)('device.setUp', { role: 'office', name: 'Central office' });
    const page = await app.openPage();
    page.setDefaultTimeout(15_000);
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await clickInMainMenu(page, 'Import');
    await page.getByLabel('Inbox folder').waitFor();
    expect(await page.getByRole('button', { name: 'Choose folder…' }).count()).toBe(0);
    await clickInMainMenu(page, 'Backups');
    await page.getByLabel('Backup folder').waitFor();
    expect(await page.getByRole('button', { name: 'Choose folder…' }).count()).toBe(0);
  });
});
