import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT_VERSION } from '../../shared/contract';
import { longDate } from '../../shared/words-for-days';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { laptopAndOffice, morningSession } from './support/seed';

/**
 * A subject access request at the office, in Chromium: from a person's page
 * to "Everything we hold about this person", reading the consent words they
 * agreed to at the kiosk (in Polish) and the history of their email, with no
 * serious accessibility findings; then the spreadsheet, read back.
 */

const suite = browserSuite();
const PIN = '2468';

const heading = (page: Page, name: string, level = 1): Locator => page.getByRole('heading', { level, name, exact: true });
/** A part of the answer: the section under its heading. */
const partNamed = (page: Page, name: string): Locator => page.getByRole('region', { name, exact: true });

describe('everything we hold about a person', () => {
  it('opens from their page, shows the consent text and a field’s history, and downloads as a spreadsheet that reads back', async () => {
    const world = await laptopAndOffice(suite, 'Hall laptop 2');
    const { onOffice, today } = world;
    const { session } = await morningSession(onOffice, today);
    const person = await onOffice('people.create', { givenName: 'Zofia', familyName: 'Quillfeather', email: 'zofia@example.org' });
    await onOffice('people.update', {
      id: person.id,
      version: (await onOffice('people.get', { id: person.id })).version,
      fields: { givenName: 'Zofia', familyName: 'Quillfeather', preferredName: null, email: 'zofia.q@example.org', phone: null, organisationId: null, membershipJoinedOn: null },
    });
    await onOffice('signIn.book', { sessionId: session.id, personId: person.id });
    await onOffice('kiosk.start', { sessionId: session.id, pin: PIN });
    await onOffice('kiosk.signIn', { personId: person.id, consent: { textVersion: CONSENT_TEXT_VERSION, language: 'pl', agreed: true } });
    await onOffice('kiosk.exit', { pin: PIN });
    await world.sendPackage();

    await inPageForAxe(suite.browser, `${world.office.host.url}#/people/${person.id}`, { timeout: 15_000 }, async (page) => {
      await heading(page, 'Zofia Quillfeather').waitFor();
      await page.getByRole('link', { name: 'Everything we hold about this person' }).click();
      await heading(page, 'Everything we hold about Zofia Quillfeather').waitFor();

      const consents = partNamed(page, 'Consents');
      const consent = consents.getByRole('row').nth(1);
      expect(await consent.textContent()).toContain('Polish');
      expect(await consent.textContent()).toContain(CONSENT_TEXT_VERSION);
      expect(await consent.textContent()).toContain('W każdej chwili możesz poprosić o wgląd w swoje dane lub o ich usunięcie.');

      const history = partNamed(page, 'History of each field');
      const emails = history.getByRole('row').filter({ hasText: /^.*Email.*$/ });
      expect(await emails.allTextContents()).toEqual([
        expect.stringMatching(/Central office.*A person.*Email.*zofia@example\.org/),
        expect.stringMatching(/Central office.*A person.*Email.*zofia\.q@example\.org/),
      ]);
      expect(await partNamed(page, 'Sent to laptops').getByRole('row').nth(1).textContent()).toContain('Hall laptop 2');
      expect(await partNamed(page, 'Conflicts').textContent()).toContain('None held.');
      expect(await seriousAxeFindings(page, 'Everything we hold')).toEqual([]);
      // Wide parts wrap at a 1024 px window rather than scroll sideways.
      await page.setViewportSize({ width: 1024, height: 768 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      // Printed, only the answer shows: no menu, no buttons.
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('navigation', { name: 'Main menu' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
      expect(await heading(page, 'Consents', 2).isVisible()).toBe(true);
      await page.emulateMedia({ media: 'screen' });

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as spreadsheet' }).click()]);
      expect(download.suggestedFilename()).toBe(`Everything we hold about Zofia Quillfeather ${today}.xlsx`);
      await page.getByRole('status').filter({ hasText: `Downloaded Everything we hold about Zofia Quillfeather ${today}.xlsx.` }).first().waitFor();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Consents')!;
      expect(sheet.getRow(2).getCell(4).value).toBe('Polish');
      expect(String(sheet.getRow(2).getCell(5).value)).toContain('W każdej chwili możesz poprosić o wgląd w swoje dane lub o ich usunięcie.');
      expect(workbook.getWorksheet('Sent to laptops')!.getRow(2).getCell(1).value).toBe('Hall laptop 2');

      // Once erased, the same page says so in one sentence, and holds nothing.
      await onOffice('erasure.erase', { personIds: [person.id], reason: 'Asked to be forgotten by email', erasedBy: 'Priya Shah' });
      await page.reload();
      await heading(page, 'Everything we hold').waitFor();
      await page.getByText(`This person was erased on ${longDate(today)}; nothing is held.`).waitFor();
      expect(await page.getByText('Quillfeather').count()).toBe(0);
    });
  });
});
