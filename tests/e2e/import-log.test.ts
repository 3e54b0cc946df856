import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu } from './support/harness';
import { laptopAndOffice } from './support/seed';

/**
 * The office imports a laptop's end-of-day file and a file that is not one,
 * chosen together on the Import screen: the import log lists both, the
 * refused one with its plain reason, and nothing on the screen says "bundle".
 */

const suite = browserSuite();
let carried: string | undefined;

afterEach(() => {
  if (carried) rmSync(carried, { recursive: true, force: true });
  carried = undefined;
});

describe('the import log', () => {
  it('lists a refused file with its reason beside the end-of-day file imported', async () => {
    const paired = await laptopAndOffice(suite, 'Hall laptop');
    await paired.onLaptop('people.create', { givenName: 'Amira', familyName: 'Khan' });
    const file = await paired.onLaptop('sync.exportBundle', {});
    carried = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-carried-'));
    const good = join(carried, file.fileName);
    const junk = join(carried, 'holiday-photos.fieldbook');
    writeFileSync(good, Buffer.from(file.contentBase64, 'base64'));
    writeFileSync(junk, 'not a file Fieldbook wrote');

    const page = await paired.office.openPage();
    page.setDefaultTimeout(10_000);
    await clickInMainMenu(page, 'Import');
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.getByLabel('End-of-day files', { exact: true }).setInputFiles([good, junk]);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Import finished.' }).first().waitFor();

    const log = page.getByRole('table', { name: 'Imports and refused files, newest first' });
    const refused = log.getByRole('row').filter({ hasText: 'holiday-photos.fieldbook' });
    await refused.waitFor();
    const refusedText = (await refused.textContent()) ?? '';
    expect(refusedText).toContain('Refused');
    expect(refusedText).toContain('Not known');
    expect(refusedText).toMatch(/damaged or incomplete|not a Fieldbook/);
    const imported = log.getByRole('row').filter({ hasText: file.fileName });
    expect(await imported.textContent()).toContain('Hall laptop, end-of-day file 1');

    // The reason stays in the log after the screen is opened again.
    await page.reload();
    await refused.waitFor();
    const words = await page.locator('main').innerText();
    expect(words.split('\n').filter((line) => /\bbundles?\b/i.test(line))).toEqual([]);
    expect(await seriousAxeFindings(page, 'the Import screen with a refused file in its log')).toEqual([]);
  }, 60_000);
});
