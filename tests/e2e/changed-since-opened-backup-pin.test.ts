import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSuite, clickInMainMenu } from './support/harness';
import { laptopAndOffice, seeder } from './support/seed';
import { button } from './support/screen';

/**
 * The Backups screen's folder and the office's laptop PIN reset, saved over
 * another admin's newer save: the screen shows theirs beside these, and Save
 * my values saves these over them on purpose, having seen them.
 */

const suite = browserSuite();
const refusalPanel = 'Someone else changed this since you opened it';

describe('saved over another admin’s newer save', () => {
  it('the backup folder shows the newer folder beside the typed one', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const [theirs, mine] = [mkdtempSync(join(tmpdir(), 'fieldbook-e2e-theirs-')), mkdtempSync(join(tmpdir(), 'fieldbook-e2e-mine-'))];
    try {
      const page = await app.openPage();
      page.setDefaultTimeout(15_000);
      await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
      await clickInMainMenu(page, 'Backups');
      await page.getByLabel('Backup folder').waitFor();

      await seed('backup.setFolder', { folder: theirs, version: (await seed('backup.status', {})).version });
      await page.getByLabel('Backup folder').fill(mine);
      await button(page, 'Save backup folder').click();
      const panel = page.getByRole('alert').filter({ hasText: refusalPanel });
      await panel.waitFor();
      expect(await panel.getByRole('row').filter({ hasText: 'Backup folder' }).getByRole('cell').allTextContents()).toEqual([theirs, mine]);
      expect((await seed('backup.status', {})).folder).toBe(theirs);

      await button(panel, 'Save my values').click();
      await page.getByText('Backup folder saved.').first().waitFor();
      expect((await seed('backup.status', {})).folder).toBe(mine);
    } finally {
      for (const folder of [theirs, mine]) rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a laptop’s PIN reset says a new PIN was set since, and sets the typed one only when asked', async () => {
    const { office, onOffice, onLaptop } = await laptopAndOffice(suite, 'Hall laptop');
    const laptopId = (await onLaptop('device.status', {})).device!.id;
    const page = await office.openPage();
    page.setDefaultTimeout(15_000);
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await clickInMainMenu(page, 'Settings');
    await page.getByRole('heading', { name: "Reset a laptop's kiosk PIN" }).waitFor();

    const opened = (await onOffice('settings.laptopPins', {})).find((laptop) => laptop.deviceId === laptopId)!;
    const [first] = await onOffice('settings.resetLaptopPin', { deviceId: laptopId, newPin: '8642', version: opened.version });
    await page.getByLabel('Laptop', { exact: true }).selectOption({ label: 'Hall laptop' });
    await page.getByLabel('New PIN', { exact: true }).last().fill('1357');
    await page.getByLabel('New PIN again').last().fill('1357');
    await button(page, 'Set new PIN').click();
    const panel = page.getByRole('alert').filter({ hasText: refusalPanel });
    await panel.getByText('a new kiosk PIN was set for Hall laptop', { exact: false }).waitFor();
    expect((await onOffice('settings.laptopPins', {}))[0]!.version).toBe(first!.version);

    await button(panel, 'Save my values').click();
    await page.getByText('New PIN saved for Hall laptop.', { exact: false }).first().waitFor();
    const saved = (await onOffice('settings.laptopPins', {}))[0]!.version;
    expect(saved).not.toBe(first!.version);

    // The admin's own save is not a change since they opened it: a second reset of the same laptop on this page saves.
    await page.getByLabel('Laptop', { exact: true }).selectOption({ label: 'Hall laptop' });
    await page.getByLabel('New PIN', { exact: true }).last().fill('2468');
    await page.getByLabel('New PIN again').last().fill('2468');
    await button(page, 'Set new PIN').click();
    await expect.poll(async () => (await onOffice('settings.laptopPins', {}))[0]!.version).not.toBe(saved);
    expect(await panel.count()).toBe(0);
  });
});
