import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, clickInMainMenu } from './support/harness';
import { seeder } from './support/seed';
import { button, heading } from './support/screen';

/**
 * The office's Import screen edits the inbox folder, one part of the sync
 * settings; the save takes the retention too. When someone else saved both
 * since the screen opened, saving the folder over theirs on purpose keeps
 * their retention: it does not write back the one the screen opened with.
 */

const suite = browserSuite();

describe('the inbox folder saved over a newer save of the sync settings', () => {
  it('keeps the newer retention, which the screen does not show', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const [theirs, mine] = [mkdtempSync(join(tmpdir(), 'fieldbook-e2e-theirs-')), mkdtempSync(join(tmpdir(), 'fieldbook-e2e-mine-'))];
    const context = await suite.browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(app.host.url);
      await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
      await clickInMainMenu(page, 'Import');
      await heading(page, 'Files arriving in a folder', 2).waitFor();
      await page.getByLabel('Inbox folder').waitFor();

      // Meanwhile the other part changes too.
      const opened = await seed('sync.settings', {});
      await seed('sync.saveSettings', { inboxFolder: theirs, retentionDays: opened.retentionDays + 15, version: opened.version });

      await page.getByLabel('Inbox folder').fill(mine);
      await button(page, 'Save inbox folder').click();
      const panel = page.getByRole('alert').filter({ hasText: 'Someone else changed this since you opened it' });
      await panel.waitFor();
      expect(await panel.getByRole('row').filter({ hasText: 'Inbox folder' }).getByRole('cell').allTextContents()).toEqual([theirs, mine]);
      await button(panel, 'Save my values').click();
      await page.getByText('Inbox folder saved.').first().waitFor();

      const saved = await seed('sync.settings', {});
      expect({ inboxFolder: saved.inboxFolder, retentionDays: saved.retentionDays }).toEqual({ inboxFolder: mine, retentionDays: opened.retentionDays + 15 });
    } finally {
      await context.close();
      for (const folder of [theirs, mine]) rmSync(folder, { recursive: true, force: true });
    }
  });
});
