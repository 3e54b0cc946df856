import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { trainingDueBy } from '../../electron/core/membership/dates';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, type AppUnderTest, clickInMainMenu } from './support/harness';
import { COURSE, laptopAndOffice, morningSession } from './support/seed';
import { heading, textOf } from './support/screen';

/**
 * Membership at the venue: on a paired laptop the roster shows a member's
 * line from the office's package ("Allies — <course> due by <day>", never
 * the fee); the facilitator records that someone else wants to join; the
 * request comes back in the end-of-day file and the office confirms it on
 * its Membership screens.
 */

const suite = browserSuite();

function rosterRow(page: Page, name: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

async function said(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

async function openPage(app: AppUnderTest): Promise<Page> {
  const page = await app.openPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function go(page: Page, section: string, title = section): Promise<void> {
  await clickInMainMenu(page, section);
  await heading(page, title).waitFor();
}

/** "28 Feb", with the year when it is not this year, as the roster says it. */
function shortDay(day: string, today: string): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', timeZone: 'UTC', ...(day.slice(0, 4) !== today.slice(0, 4) && { year: 'numeric' }) };
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', options);
}

describe('membership on a paired laptop', () => {
  it('shows a member’s line on the roster, records “wants to join”, and the office confirms the request', async () => {
    const { laptop, office, onOffice, today, sendPackage, sendBundle } = await laptopAndOffice(suite, 'Hall laptop 2');
    const { course, session } = await morningSession(onOffice, today);
    const scheme = await onOffice('schemes.create', { name: 'Allies', requiredCourseIds: [course.id], yearStarts: '05-01', feePence: 2500 });
    const amara = await onOffice('people.create', { givenName: 'Amara', familyName: 'Okafor' });
    const bea = await onOffice('people.create', { givenName: 'Bea', familyName: 'Nowak' });
    await onOffice('members.join', { schemeId: scheme.id, personId: amara.id, startsOn: today });
    for (const person of [amara, bea]) await onOffice('signIn.book', { sessionId: session.id, personId: person.id });
    await sendPackage();

    const findings: string[] = [];
    const page = await openPage(laptop);
    await heading(page, 'Today').waitFor();
    await page.getByRole('link', { name: `09:30 to 12:30 ${COURSE}` }).click();
    await heading(page, COURSE).waitFor();

    // Amara's line, from the package; Bea, not a member, has none. No fee anywhere.
    const line = `Allies — ${COURSE} due by ${shortDay(trainingDueBy(today, 6), today)}`;
    expect(await textOf(rosterRow(page, 'Amara Okafor').getByText(line, { exact: true }))).toBe(line);
    expect(await textOf(rosterRow(page, 'Bea Nowak'))).not.toContain('Allies —');
    expect(await textOf(page.getByRole('main'))).not.toContain('£');
    // A current member is not offered "wants to join" again.
    expect(await rosterRow(page, 'Amara Okafor').getByRole('button', { name: /^Wants to join/ }).count()).toBe(0);

    // Bea asks to join at the break.
    await rosterRow(page, 'Bea Nowak').getByRole('button', { name: 'Wants to join… (Bea Nowak)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bea Nowak wants to join a membership scheme' });
    expect(await dialog.getByRole('radio', { name: 'Allies' }).isChecked()).toBe(true);
    await dialog.getByLabel('Notes for the office').fill('Best reached by email');
    findings.push(...(await seriousAxeFindings(page, 'Wants to join dialog')));
    await dialog.getByRole('button', { name: 'Record request' }).click();
    await said(page, 'Recorded: Bea Nowak wants to join Allies.');
    expect(await textOf(rosterRow(page, 'Bea Nowak'))).toContain('Asked to join Allies; the office confirms it under Membership');
    expect(await rosterRow(page, 'Bea Nowak').getByRole('button', { name: /^Wants to join/ }).count()).toBe(0);
    findings.push(...(await seriousAxeFindings(page, 'Roster with membership lines')));

    // The end-of-day file brings the request to the office, which confirms it.
    expect((await sendBundle()).status).toBe('imported');
    const officePage = await openPage(office);
    await heading(officePage, 'Sessions').waitFor();
    await go(officePage, 'Membership', 'Members');
    await officePage.getByRole('link', { name: 'Requests to join from laptops' }).click();
    await heading(officePage, 'Requests to join').waitFor();
    const request = officePage.getByRole('row').filter({ has: officePage.getByRole('rowheader', { name: 'Bea Nowak' }) });
    const requestText = await textOf(request);
    expect(requestText).toContain('Allies');
    expect(requestText).toContain(COURSE);
    expect(requestText).toContain('Hall laptop 2');
    expect(requestText).toContain('Best reached by email');
    findings.push(...(await seriousAxeFindings(officePage, 'Requests to join')));
    await request.getByRole('button', { name: 'Confirm Bea Nowak' }).click();
    const confirm = officePage.getByRole('dialog', { name: 'Add Bea Nowak to Allies?' });
    await confirm.getByRole('button', { name: 'Confirm and add as a member' }).click();
    await said(officePage, 'Bea Nowak is now a member of Allies.');
    await officePage.getByText('There are no requests to confirm.', { exact: false }).waitFor();

    await officePage.getByRole('link', { name: 'Back to members' }).click();
    await heading(officePage, 'Members').waitFor();
    const member = officePage.getByRole('row').filter({ has: officePage.getByRole('rowheader', { name: 'Bea Nowak' }) });
    expect(await textOf(member)).toContain('Allies');

    // The next package brings Bea's own line to the laptop's roster, and the request is done there.
    await sendPackage();
    await page.reload();
    await heading(page, COURSE).waitFor();
    const beaLine = rosterRow(page, 'Bea Nowak').getByText(line, { exact: true });
    expect(await textOf(beaLine)).toBe(line);
    expect(await textOf(rosterRow(page, 'Bea Nowak'))).not.toContain('Asked to join');
    expect(findings).toEqual([]);
  });
});
