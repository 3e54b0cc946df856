import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, type AppUnderTest, clickInMainMenu, mainMenuScreens } from './support/harness';
import { row } from './support/roster-page';
import { button, heading, said, tabTo, textOf } from './support/screen';
import { COURSE, morningSession, seeder } from './support/seed';

/**
 * The day's data going from a facilitator's laptop to the central office, as
 * two people would do it at two computers (two web hosts, two data folders):
 * pairing by comparing fingerprints, the office's package bringing today's
 * session to the laptop, signing people in there, the end-of-day file, and
 * the office importing it, once and then again.
 */

const LAPTOP = 'Hall laptop 2';
const OFFICE = 'Central office';

const suite = browserSuite();
// Files the pages "save", where a person would keep them to carry across.
const carried = mkdtempSync(join(tmpdir(), 'fieldbook-e2e-files-'));
afterAll(() => rmSync(carried, { recursive: true, force: true }));

async function go(page: Page, section: string, title = section): Promise<void> {
  await clickInMainMenu(page, section);
  await heading(page, title).waitFor();
}

/** Presses a button that offers a file, and keeps the file under the name the app gave it. */
async function saveOffered(page: Page, press: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), press()]);
  const path = join(carried, download.suggestedFilename());
  await download.saveAs(path);
  return path;
}

async function chooseAndPress(page: Page, label: string, path: string | string[], action: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).setInputFiles(path);
  await button(page, action).click();
}

async function fingerprintIn(region: Locator): Promise<string> {
  return (await textOf(region.locator('.fingerprint').first())).trim();
}

async function openPage(app: AppUnderTest): Promise<Page> {
  const page = await app.openPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** The office keeps the catalogue: today's session with two people booked, run by Sam Okafor. */
async function officeWithTodaysSession(office: AppUnderTest): Promise<void> {
  const seed = seeder(office);
  await seed('device.setUp', { role: 'office', name: OFFICE });
  const { today } = await seed('device.status', {});
  const council = await seed('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  const { session } = await morningSession(seed, today);
  for (const [givenName, familyName] of [
    ['Amira', 'Khan'],
    ['Łukasz', 'Wójcik'],
    ['Zoë', 'Clarke'],
  ] as const) {
    const person = await seed('people.create', { givenName, familyName, organisationId: council.id });
    await seed('signIn.book', { sessionId: session.id, personId: person.id });
  }
}

async function openTodaysRoster(page: Page): Promise<void> {
  await go(page, 'Today');
  await page.getByRole('link', { name: `09:30 to 12:30 ${COURSE}` }).click();
  await heading(page, COURSE).waitFor();
}

describe('sending the day from a laptop to the office', () => {
  it('pairs by fingerprint, signs two people in on the laptop, and the office imports the file once and then says it already has it', async () => {
    const office = await suite.startApp();
    const laptop = await suite.startApp();
    await officeWithTodaysSession(office);
    await seeder(laptop)('device.setUp', { role: 'laptop', name: LAPTOP });
    const officePage = await openPage(office);
    const laptopPage = await openPage(laptop);

    // Each menu shows its own role's screens.
    await heading(laptopPage, 'Today').waitFor();
    const laptopMenu = await mainMenuScreens(laptopPage);
    expect(laptopMenu).toContain('Send to office');
    expect(laptopMenu).not.toContain('Import');
    await heading(officePage, 'Sessions').waitFor();
    const officeMenu = await mainMenuScreens(officePage);
    expect(officeMenu).toEqual(expect.arrayContaining(['Import', 'Review', 'Devices']));
    expect(officeMenu).not.toContain('Send to office');

    // The laptop is not paired yet: Send to office says how to pair.
    await go(laptopPage, 'Send to office');
    await heading(laptopPage, 'This laptop is not paired with the office yet', 2).waitFor();

    // 1. The laptop writes its enrolment request.
    await go(laptopPage, 'Devices');
    const laptopFingerprint = await fingerprintIn(laptopPage.getByRole('region', { name: 'This computer' }));
    expect(laptopFingerprint.length).toBeGreaterThan(4);
    const request = await saveOffered(laptopPage, () => button(laptopPage, 'Write enrolment request').click());
    await said(laptopPage, 'Enrolment request saved as');

    // 2. The office imports it, compares the fingerprint with the laptop's screen, and enrols it.
    await go(officePage, 'Devices');
    const officeFingerprint = await fingerprintIn(officePage.getByRole('region', { name: 'This computer' }));
    await chooseAndPress(officePage, 'Enrolment request from the laptop', request, 'Import enrolment request');
    const checkLaptop = officePage.getByRole('region', { name: "Check the laptop's fingerprint" });
    expect(await textOf(checkLaptop)).toContain(LAPTOP);
    expect(await fingerprintIn(checkLaptop)).toBe(laptopFingerprint);
    const enrolment = await saveOffered(officePage, () => button(checkLaptop, `Enrol ${LAPTOP}`).click());
    await said(officePage, `${LAPTOP} is enrolled.`);
    const enrolled = officePage.getByRole('listitem').filter({ has: heading(officePage, LAPTOP, 3) });
    expect(await fingerprintIn(enrolled)).toBe(laptopFingerprint);

    // 3. The laptop imports the enrolment, compares the office's fingerprint, and accepts.
    await chooseAndPress(laptopPage, 'Enrolment file from the office', enrolment, 'Import enrolment from office');
    const checkOffice = laptopPage.getByRole('region', { name: "Check the office's fingerprint" });
    expect(await textOf(checkOffice)).toContain(OFFICE);
    expect(await fingerprintIn(checkOffice)).toBe(officeFingerprint);
    await button(checkOffice, 'Accept').click();
    await said(laptopPage, `This laptop is now paired with ${OFFICE}.`);
    expect(await fingerprintIn(laptopPage.getByRole('region', { name: 'Paired office' }))).toBe(officeFingerprint);

    // The office's package brings today's session and its bookings to the laptop.
    const officePackage = await saveOffered(officePage, () => button(enrolled, `Write package for ${LAPTOP}`).click());
    await said(officePage, `Package for ${LAPTOP} saved as`);
    await go(laptopPage, 'Send to office');
    await chooseAndPress(laptopPage, 'Package file from the office', officePackage, 'Import package from office');
    const packageRegion = laptopPage.getByRole('region', { name: 'Package from the office' });
    expect(await textOf(packageRegion.getByRole('heading', { level: 3 }).or(packageRegion.getByRole('alert')))).toMatch(/^Imported/);

    // At the venue: two of the three booked sign in on the laptop.
    await openTodaysRoster(laptopPage);
    for (const name of ['Amira Khan', 'Łukasz Wójcik']) {
      await button(row(laptopPage, name), `Sign in ${name}`).click();
      await said(laptopPage, `${name} signed in.`);
    }

    // End of the day: one file, and the screen says what went into it.
    await go(laptopPage, 'Send to office');
    expect(await textOf(laptopPage.locator('.unsent'))).toContain('2 sign-ins');
    // By keyboard alone: Tab to the big button, Enter.
    const exportButton = button(laptopPage, 'Export end-of-day file');
    const bundle = await saveOffered(laptopPage, async () => {
      await tabTo(laptopPage, exportButton);
      await laptopPage.keyboard.press('Enter');
    });
    const written = await textOf(laptopPage.locator('.written'));
    expect(written).toMatch(/^End-of-day file 1 written: .*2 sign-ins/);
    await said(laptopPage, 'End-of-day file 1 written');
    const bundleRow = laptopPage.getByRole('row').filter({ has: laptopPage.getByRole('rowheader', { name: 'End-of-day file 1', exact: true }) });
    expect(await textOf(bundleRow)).toContain('Not yet confirmed');
    expect(await textOf(laptopPage.locator('.unsent'))).toContain('Nothing new since the last file');

    // The office imports it through the file chooser.
    await go(officePage, 'Import');
    await chooseAndPress(officePage, 'End-of-day files', bundle, 'Import');
    await said(officePage, 'Import finished. 1 file: 1 imported.');
    const results = officePage.getByRole('list', { name: 'Files imported, in order' });
    expect(await textOf(results)).toContain('Imported');
    const manifestRow = officePage.getByRole('row').filter({ has: officePage.getByRole('rowheader', { name: LAPTOP }) });
    expect(await textOf(manifestRow.getByRole('cell').first())).toBe('1');

    // The sign-ins are on the office's roster for that session.
    await openTodaysRoster(officePage);
    expect(await textOf(row(officePage, 'Amira Khan'))).toMatch(/Signed in at \d\d:\d\d/);
    expect(await textOf(row(officePage, 'Łukasz Wójcik'))).toMatch(/Signed in at \d\d:\d\d/);
    expect(await textOf(row(officePage, 'Zoë Clarke'))).not.toMatch(/Signed in/);

    // The same file again is a harmless no-op, and says when and from whom it came.
    await go(officePage, 'Import');
    await chooseAndPress(officePage, 'End-of-day files', bundle, 'Import');
    await said(officePage, 'Import finished. 1 file: 1 already imported.');
    const again = await textOf(officePage.getByRole('list', { name: 'Files imported, in order' }));
    expect(again).toMatch(new RegExp(`Already imported on .+ from ${LAPTOP}`));
    await openTodaysRoster(officePage);
    expect(await textOf(row(officePage, 'Amira Khan'))).toMatch(/Signed in at \d\d:\d\d/);

    // No serious or critical accessibility faults on the screens used, as they now stand.
    const findings: string[] = [];
    for (const [app, paths] of [
      [laptop, ['/sync', '/devices', '/import']],
      [office, ['/devices', '/import', '/review', '/sync']],
    ] as const) {
      const context = await suite.browser.newContext({ bypassCSP: true });
      try {
        const page = await context.newPage();
        for (const path of paths) {
          await page.goto(`${app.host.url}#${path}`);
          await page.locator('h1').waitFor();
          // A screen may show several sections loading at once: wait until none is.
          await page.waitForFunction(() => !/^Loading/m.test(document.body.innerText));
          findings.push(...(await seriousAxeFindings(page, path)));
          // The Go menu lists every screen; one for the other role says so instead of failing.
          if (app === laptop && path === '/import') {
            expect(await textOf(page.getByRole('main'))).toContain('This screen is for the central office.');
          }
        }
      } finally {
        await context.close();
      }
    }
    expect(findings).toEqual([]);
  });
});
