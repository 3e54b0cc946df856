import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/harness';
import { COURSE } from './support/seed';
import { hallMorning, openSessionPage, type HallMorning } from './support/roster-page';

/**
 * The printed sign-in sheet, the paper fallback: everyone with a place,
 * those signed in already marked, the waiting list after them, blank lines
 * for walk-ins; a usual session on one A4 page; the session and venue at the
 * top of every page, and every page numbered.
 */

const suite = browserSuite();

/** Pages in a PDF as Chromium writes it: one page object each. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

function names(count: number, stem: string): string[] {
  return Array.from({ length: count }, (_, index) => `${stem} Person${String.fromCharCode(65 + (index % 26))}${Math.floor(index / 26)}`);
}

async function printed(morning: HallMorning) {
  const page = await openSessionPage(morning);
  await page.emulateMedia({ media: 'print' });
  const sheet = page.getByRole('table').filter({ hasText: 'Signature' });
  await sheet.waitFor();
  return { page, sheet };
}

describe('the printed sign-in sheet', () => {
  it('marks who is signed in, lists the waiting list after the places, and fits fourteen names on one A4 page', async () => {
    const booked = names(14, 'Booked');
    const morning = await hallMorning(suite, { capacity: 14, booked: [...booked, 'Waiting One', 'Waiting Two'] });
    await morning.seed('signIn.signIn', { sessionId: morning.sessionId, personId: morning.people[booked[0]!]! });
    const { page, sheet } = await printed(morning);

    const rows = await sheet.getByRole('row').allTextContents();
    // The head: the session, its day and venue; then the columns.
    expect(rows[0]).toContain(`Sign-in sheet: ${COURSE}`);
    expect(rows[0]).toContain("St Mark's Church Hall");
    expect(rows[1]).toBe('NameOrganisationSignature');
    const signed = rows.find((text) => text.startsWith(booked[0]!));
    expect(signed).toMatch(/✓ Signed in at \d\d:\d\d$/);
    const waitingHeading = rows.findIndex((text) => text.startsWith('Waiting list'));
    expect(waitingHeading).toBe(2 + 14);
    expect(rows.slice(waitingHeading + 1, waitingHeading + 3)).toEqual(['1. Waiting OneNewcastle City Council', '2. Waiting TwoNewcastle City Council']);
    expect(rows.slice(waitingHeading + 3).every((text) => text === '')).toBe(true);

    // The session's head repeats on every printed page.
    expect(await sheet.locator('thead').evaluate((head) => getComputedStyle(head).display)).toBe('table-header-group');
    expect(pageCount(await page.pdf({ format: 'A4' }))).toBe(1);
  }, 60_000);

  it('runs a long list over numbered pages, each headed by the session and venue', async () => {
    const morning = await hallMorning(suite, { capacity: 60, booked: names(60, 'Many') });
    const { page, sheet } = await printed(morning);
    expect(await sheet.getByRole('row').count()).toBe(2 + 60 + 6);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pageCount(pdf)).toBe(3);
    // Every page is numbered in its margin, "Page 1 of 3", by the sheet's own named page.
    const numbered = await page.evaluate(() =>
      Array.from(document.styleSheets).some((sheet) =>
        Array.from(sheet.cssRules).some(
          (rule) => rule instanceof CSSMediaRule && Array.from(rule.cssRules).some((inner) => inner.cssText.includes('counter(pages)')),
        ),
      ),
    );
    expect(numbered).toBe(true);
  }, 60_000);
});
