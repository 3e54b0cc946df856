import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { COURSE, laptopAndOffice, morningSession } from './support/seed';
import { byHeading, xlsxRows } from '../support/spreadsheets';
import { heading } from './support/screen';

/**
 * A facilitator downloads today's roster from the session view on the laptop,
 * by keyboard, and opens it as a spreadsheet: the sign-in sheet's columns and
 * everyone booked, names as they were typed.
 */

const suite = browserSuite();

describe("downloading a session's roster", () => {
  it('saves it as a spreadsheet with the sign-in sheet columns, read back intact', async () => {
    const { laptop, onOffice, onLaptop, today, sendPackage } = await laptopAndOffice(suite, 'Hall laptop 2');
    const { session } = await morningSession(onOffice, today);
    await sendPackage();
    const council = await onLaptop('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
    for (const [givenName, familyName] of [['Siobhán', "O'Brien"], ['Łukasz', 'Wójcik']] as const) {
      const person = await onLaptop('people.create', { givenName, familyName, organisationId: council.id });
      await onLaptop('signIn.book', { sessionId: session.id, personId: person.id });
    }

    await inPageForAxe(suite.browser, `${laptop.host.url}#/today/${session.id}`, { timeout: 15_000 }, async (page) => {
      await heading(page, COURSE).waitFor();
      const button = page.getByRole('button', { name: 'Download as spreadsheet of the roster', exact: true });
      await button.focus();
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe(`Roster ${COURSE} ${today}.xlsx`);
      await page.getByRole('status').filter({ hasText: `Downloaded Roster ${COURSE} ${today}.xlsx.` }).first().waitFor();

      const rows = await xlsxRows(new Uint8Array(readFileSync(await download.path())));
      expect(rows[0]!.slice(0, 3)).toEqual(['Name', 'Organisation', 'Signature']);
      const people = byHeading(rows);
      expect(people.map((row) => [row.Name, row.Organisation, row.Status])).toEqual([
        ["Siobhán O'Brien", 'Newcastle City Council', 'Booked'],
        ['Łukasz Wójcik', 'Newcastle City Council', 'Booked'],
      ]);
      expect(people[0]!['Session starts']).toEqual(new Date(`${today}T09:30:00Z`));
      expect(await seriousAxeFindings(page, 'Roster with downloads')).toEqual([]);
    });
  });
});
