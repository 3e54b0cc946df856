import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProcedureName } from '../../shared/contract';
import { officeFolderWithStaff } from '../support/office-server';
import { asIncoming } from '../support/sync';
import { browserSuite, type AppUnderTest, clickInMainMenu, signInAtServer } from './support/harness';
import { officeInChromium, servedFolder } from './support/office-in-chromium';
import { row } from './support/roster-page';
import { button, heading, said, textOf } from './support/screen';
import { COURSE, morningSession, OFFICE_NAME, seeder, type Seed } from './support/seed';

/**
 * Laptops that upload (issue 18), as people meet it: a facilitator's laptop
 * (the web host in Chromium) paired with a real office server (`fieldbook
 * serve` on 127.0.0.1, HTTPS, its self-signed certificate trusted by the
 * browser only through the public key's hash it printed). The laptop signs
 * someone in and presses Send to office; a coordinator at the server sees
 * the sign-in; with the server stopped the same button writes the file to
 * save, as before; with nothing new, the button brings the office's package
 * alone; a laptop the office never enrolled is refused in plain words.
 */

const LAPTOP = 'Hall laptop 2';
const ADMIN = { name: 'Priya Shah', email: 'priya@example.org', role: 'admin' as const, password: 'violet-harbour-lantern' };
const COORDINATOR = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'coordinator' as const, password: 'amber-river-compass' };

const suite = browserSuite();
const atOffice = officeInChromium(async () => servedFolder(await officeFolderWithStaff([ADMIN, COORDINATOR], { name: OFFICE_NAME })));

/** A staff member's calls to the server, as the seeding a test does before a person sits down. */
async function signedInAt(staff: { email: string; password: string }): Promise<Seed> {
  const client = await atOffice.server.signedIn(staff);
  return (async (name: ProcedureName, input: unknown) => {
    const answer = await client.call(name, input);
    if (!answer.result.ok) throw new Error(`${name}: ${answer.result.error?.message}`);
    return answer.result.value;
  }) as Seed;
}

/** A laptop enrolled with the office while it serves, so its enrolment names the server and its key. */
async function pairedLaptop(onServer: Seed, name = LAPTOP): Promise<{ laptop: AppUnderTest; onLaptop: Seed; deviceId: string }> {
  const laptop = await suite.startApp();
  const onLaptop = seeder(laptop);
  const device = await onLaptop('device.setUp', { role: 'laptop', name });
  const request = await onLaptop('pairing.request', {});
  const { enrolment } = await onServer('pairing.enrol', { request: asIncoming(request), team: 'North', facilitators: [] });
  await onLaptop('pairing.acceptEnrolment', asIncoming(enrolment));
  return { laptop, onLaptop, deviceId: device.id };
}

async function openPage(app: AppUnderTest): Promise<Page> {
  const page = await app.openPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function openTodaysRoster(page: Page): Promise<void> {
  await clickInMainMenu(page, 'Today');
  await heading(page, 'Today').waitFor();
  await page.getByRole('link', { name: `09:30 to 12:30 ${COURSE}` }).click();
  await heading(page, COURSE).waitFor();
}

/** Presses Send to office and gives the sentence the screen answers with. */
async function sendToOffice(page: Page): Promise<string> {
  await clickInMainMenu(page, 'Send to office');
  await heading(page, 'Send to office').waitFor();
  await button(page, 'Send to office').click();
  return textOf(page.locator('.written'));
}

describe('a laptop sending to the office server', { timeout: 180_000 }, () => {
  it('refuses, in a plain sentence, the day of a laptop the office never enrolled', async () => {
    // A laptop that copied the office's keys and server from an enrolled one, without being enrolled itself.
    const onServer = await signedInAt(ADMIN);
    const enrolled = await pairedLaptop(onServer, 'Hall laptop 1');
    const stranger = await suite.startApp();
    const onStranger = seeder(stranger);
    await onStranger('device.setUp', { role: 'laptop', name: 'Library laptop' });
    const copied = enrolled.laptop.core.context.sqlite.prepare('SELECT * FROM paired_office').get() as Record<string, unknown>;
    const columns = Object.keys(copied);
    stranger.core.context.sqlite
      .prepare(`INSERT INTO paired_office (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`)
      .run(copied);
    await onStranger('people.create', { givenName: 'Eve', familyName: 'Forger' });

    const page = await openPage(stranger);
    const [download] = await Promise.all([page.waitForEvent('download'), sendToOffice(page)]);
    expect(await textOf(page.locator('.written'))).toBe(
      `The end-of-day file was written but not sent: ${OFFICE_NAME}'s server refused it, since this laptop is not enrolled there (or no longer is). Ask the office to enrol this laptop, then take it the saved file.`,
    );
    // The file is kept, to take in once the office has enrolled the laptop.
    expect(download.suggestedFilename()).toMatch(/^library-laptop-\d{4}-\d\d-\d\d-end-of-day-file-0001\.fieldbook$/);
    expect(await textOf(page.getByText('Saved as'))).toContain(download.suggestedFilename());
    // The office keeps its own words: its log, and its import log, which lists the file as refused, from no one it knows.
    await atOffice.server.waitForLine(/Refused an upload from 127\.0\.0\.1 \(library-laptop-.*\): This file comes from a computer this one has not paired with/);
    const [noted] = await onServer('sync.importLog', {});
    expect(noted).toMatchObject({ status: 'refused', senderName: null, fileName: download.suggestedFilename() });
  });

  it("with nothing new to send, the same button brings the office's newer session and writes no file", async () => {
    const onServer = await signedInAt(ADMIN);
    const { laptop, onLaptop } = await pairedLaptop(onServer, 'Hall laptop 3');
    const { today } = await onLaptop('device.status', {});
    await onLaptop('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    expect((await onLaptop('sync.sendToOffice', {})).sent).toBe(true);
    // After the laptop's day went in, the coordinator adds an afternoon session.
    const course = await onServer('courses.create', { title: 'Safeguarding adults', durationMinutes: 180, learningOutcomes: ['Recognise the signs of abuse'] });
    const venue = await onServer('venues.create', { name: 'Riverside Hall', address: '1 River Lane, Leeds' });
    await onServer('sessions.create', { courseId: course.id, venueId: venue.id, startsAt: `${today}T14:00`, endsAt: `${today}T17:00`, capacity: 12, facilitators: ['Sam Okafor'] });

    const page = await openPage(laptop);
    const sent = await sendToOffice(page);
    expect(await textOf(page.locator('.unsent'))).toContain('Nothing new since the last file');
    expect(sent).toMatch(/^Nothing new to send since end-of-day file 1, so nothing needs saving\. Imported the package from Central office: \d+ upcoming sessions/);
    await said(page, 'Nothing new to send since end-of-day file 1');
    const packageRegion = page.getByRole('region', { name: 'Package from the office' });
    expect(await textOf(packageRegion.getByRole('heading', { level: 3 }))).toMatch(/^Imported the package from Central office/);
    // No file was written: nothing to save, and the list of files still ends at file 1.
    expect(await page.getByText('Saved as').count()).toBe(0);
    expect(await page.getByRole('rowheader', { name: /^End-of-day file \d+$/ }).allTextContents()).toEqual(['End-of-day file 1']);

    await clickInMainMenu(page, 'Today');
    await heading(page, 'Today').waitFor();
    await page.getByRole('link', { name: '14:00 to 17:00 Safeguarding adults' }).waitFor();
  });

  it('sends the day over HTTPS, the coordinator sees the sign-in, and with the server stopped the file is written to save', async () => {
    const onServer = await signedInAt(ADMIN);
    const { laptop, onLaptop, deviceId } = await pairedLaptop(onServer);
    const { today } = await onLaptop('device.status', {});
    const { session } = await morningSession(onServer, today);
    const person = await onServer('people.create', { givenName: 'Amira', familyName: 'Khan' });
    await onServer('signIn.book', { sessionId: session.id, personId: person.id });
    await onLaptop('sync.importPackage', asIncoming(await onServer('sync.writePackage', { deviceId })));

    // At the venue: Amira signs in on the laptop.
    const laptopPage = await openPage(laptop);
    await openTodaysRoster(laptopPage);
    await button(row(laptopPage, 'Amira Khan'), 'Sign in Amira Khan').click();
    await said(laptopPage, 'Amira Khan signed in.');

    // Back at the office: one press sends the file and brings the package back.
    const sent = await sendToOffice(laptopPage);
    expect(sent).toMatch(new RegExp(`^Sent to ${OFFICE_NAME} over the network: Imported end-of-day file 1 from ${LAPTOP}`));
    await said(laptopPage, `Sent to ${OFFICE_NAME} over the network`);
    const packageRegion = laptopPage.getByRole('region', { name: 'Package from the office' });
    expect(await textOf(packageRegion.getByRole('heading', { level: 3 }))).toMatch(/^Imported/);
    const firstFile = laptopPage.getByRole('row').filter({ has: laptopPage.getByRole('rowheader', { name: 'End-of-day file 1', exact: true }) });
    await expect.poll(() => textOf(firstFile)).toContain('Yes, confirmed');
    // Nothing to save: it went over the network.
    expect(await laptopPage.getByText('Saved as').count()).toBe(0);
    await atOffice.server.waitForLine(new RegExp(`Upload from 127\\.0\\.0\\.1: .*Imported end-of-day file 1 from ${LAPTOP}`));

    // The coordinator, at the server in a browser of her own, sees the sign-in on the roster.
    const officeContext = await atOffice.browser.newContext();
    const officePage = await officeContext.newPage();
    officePage.setDefaultTimeout(20_000);
    await signInAtServer(officePage, atOffice.server.url, COORDINATOR);
    await heading(officePage, 'Sessions').waitFor();
    await openTodaysRoster(officePage);
    expect(await textOf(row(officePage, 'Amira Khan'))).toMatch(/Signed in at \d\d:\d\d/);
    await officeContext.close();

    // Away from the office (the server stopped): the same button writes the file to save, as before, and says why.
    expect(await atOffice.server.stop()).toBe(0);
    await onLaptop('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const [download] = await Promise.all([laptopPage.waitForEvent('download'), button(laptopPage, 'Send to office').click()]);
    // The screen still shows the earlier sending until this one's answer replaces it.
    await expect
      .poll(() => textOf(laptopPage.locator('.written')))
      .toMatch(
        new RegExp(`^The end-of-day file was written but not sent: ${OFFICE_NAME}'s server did not answer \\(127\\.0\\.0\\.1:\\d+ could not be reached \\(ECONNREFUSED\\)\\)\\. Save the file and take it to the office as usual\\.$`),
      );
    expect(download.suggestedFilename()).toMatch(/^hall-laptop-2-\d{4}-\d\d-\d\d-end-of-day-file-0002\.fieldbook$/);
    expect(await textOf(laptopPage.getByText('Saved as'))).toContain(download.suggestedFilename());
    const secondFile = laptopPage.getByRole('row').filter({ has: laptopPage.getByRole('rowheader', { name: 'End-of-day file 2', exact: true }) });
    expect(await textOf(secondFile)).toContain('Not yet confirmed');

    // Pressed again with nothing new and still no server: nothing new to save, but file 2 is not at the office yet, and the screen says so.
    await button(laptopPage, 'Send to office').click();
    await expect
      .poll(() => textOf(laptopPage.locator('.written')))
      .toMatch(/^End-of-day file 2 has not reached Central office yet: its server did not answer \(.*\)\. Take the file you saved to the office/);
    expect(await laptopPage.getByText('Saved as').count()).toBe(0);
    // A file not at the office is a warning, not the success style.
    await expect.poll(() => laptopPage.locator('.notice').filter({ has: laptopPage.locator('.written') }).getAttribute('class')).toBe('notice notice--warning');
  });
});
