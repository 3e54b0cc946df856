import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { seeder } from './support/seed';

/**
 * The office chooses a backup folder, backs up now, sees the backup listed,
 * checks a backup file and restores it (asked first; Cancel replaces
 * nothing), and the app then shows the restored data; a wrong file is
 * refused in words beside the field. By keyboard alone, with no serious axe
 * findings.
 */

const suite = browserSuite();

describe('backups at the office', () => {
  it('chooses a folder, backs up, lists the backup, checks it and restores it, by keyboard', async () => {
    const app = await suite.startApp();
    await app.core.handlers['device.setUp']({ role: 'office', name: 'Central office' });
    const folder = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-backups-'));
    const context = await suite.browser.newContext({ bypassCSP: true });
    const findings: string[] = [];
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(app.host.url);
      await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Files' }).click();
      await page.getByRole('link', { name: 'Devices', exact: true }).click();
      await page.getByRole('link', { name: 'Backups of this computer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
      await page.getByText('Choose a folder, on another disk or a shared drive').waitFor();
      findings.push(...(await seriousAxeFindings(page, 'Backups, no folder')));

      // A path that is not whole is refused in words, and nothing is saved.
      await page.getByLabel('Backup folder').fill('backups');
      await page.getByLabel('Backup folder').press('Enter');
      await page.getByText('Enter the whole path, from the drive', { exact: false }).first().waitFor();

      await page.getByLabel('Backup folder').fill(folder);
      await page.getByLabel('Backup folder').press('Enter');
      await page.getByText(`Fieldbook backs up to ${folder} once a day while it is open, and keeps the newest 14.`).waitFor();
      await page.getByText('There are no backups in this folder yet.').waitFor();

      const person = (givenName: string) => ({ givenName, familyName: 'Restored', preferredName: null, email: null, phone: null, organisationId: null, membershipJoinedOn: null });
      await seeder(app)('people.create', person('Before'));
      await page.getByRole('button', { name: 'Back up now' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: '1 backup in the folder' }).waitFor();
      const [fileName] = readdirSync(folder);
      expect(fileName).toMatch(/^fieldbook-backup-\d{8}-\d{6}\.sqlite$/);
      await page.getByRole('cell', { name: fileName! }).waitFor();
      findings.push(...(await seriousAxeFindings(page, 'Backups, one taken')));
      await seeder(app)('people.create', person('After'));

      await page.getByLabel('Backup file').fill(join(folder, 'no-such-backup.sqlite'));
      await page.getByLabel('Backup file').press('Enter');
      await page.getByText("Check the file's name", { exact: false }).first().waitFor();

      await page.getByLabel('Backup file').fill(join(folder, fileName!));
      await page.getByLabel('Backup file').press('Enter');
      await page.getByRole('heading', { name: `${fileName} is a whole backup of this computer` }).waitFor();
      const panel = page.getByRole('status').filter({ hasText: 'is a whole backup' });
      expect(await panel.textContent()).toContain('Central office');
      expect(await panel.textContent()).toContain('1 person');
      findings.push(...(await seriousAxeFindings(page, 'Backups, checked')));

      // Restoring asks first, and Cancel replaces nothing.
      await page.getByRole('button', { name: 'Restore this backup' }).focus();
      await page.keyboard.press('Enter');
      const question = page.getByRole('heading', { name: "Replace this computer's data with this backup?" });
      await question.waitFor();
      expect(await question.evaluate((element) => element === document.activeElement)).toBe(true);
      findings.push(...(await seriousAxeFindings(page, 'Backups, asked to restore')));
      await page.getByRole('button', { name: 'Cancel' }).focus();
      await page.keyboard.press('Enter');
      expect((await seeder(app)('people.list', {})).map((row) => row.givenName).sort()).toEqual(['After', 'Before']);

      await page.getByRole('button', { name: 'Restore this backup' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Yes, restore this backup' }).focus();
      await page.keyboard.press('Enter');
      // The app reloads over the restored database and says what it holds.
      await page.getByRole('heading', { name: `This computer's data is restored from ${fileName}` }).waitFor();
      await page.getByText('1 person, 0 sessions, 0 sign-ins', { exact: false }).waitFor();
      findings.push(...(await seriousAxeFindings(page, 'Backups, restored')));
      expect((await seeder(app)('people.list', {})).map((row) => row.givenName)).toEqual(['Before']);
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'People' }).click();
      await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
      await page.getByText('Before Restored', { exact: false }).first().waitFor();
      expect(await page.getByText('After Restored').count()).toBe(0);
    } finally {
      await context.close();
      rmSync(folder, { recursive: true, force: true });
    }
    expect(findings).toEqual([]);
  });
});
