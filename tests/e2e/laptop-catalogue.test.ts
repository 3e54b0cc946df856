import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { asIncoming } from '../support/sync';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, type AppUnderTest, clickInMainMenu } from './support/harness';
import { seeder } from './support/seed';
import { heading, textOf } from './support/screen';

/**
 * The office owns the catalogue. On a facilitator's laptop the courses,
 * venues and sessions it received in the office's package are read-only
 * screens that say why, while the laptop can still add a person and change
 * the capacity of a session it runs. The office keeps its New and Edit.
 */

const COURSE = 'Cultural competency in health and care';
const VENUE = "St Mark's Church Hall";
const FACILITATOR = 'Sam Okafor';

const suite = browserSuite();

async function openPage(app: AppUnderTest): Promise<Page> {
  const page = await app.openPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function go(page: Page, section: string): Promise<void> {
  await clickInMainMenu(page, section);
  await heading(page, section).waitFor();
}

/** The visible words of every link and button in the screen's main area. */
async function controlsOnScreen(page: Page): Promise<string[]> {
  const main = page.getByRole('main');
  const names = [...(await main.getByRole('link').allInnerTexts()), ...(await main.getByRole('button').allInnerTexts())];
  return names.map((name) => name.trim());
}

/** The office's catalogue: one course at one venue, today, run by Sam Okafor. */
async function officeCatalogue(office: AppUnderTest): Promise<void> {
  const seed = seeder(office);
  await seed('device.setUp', { role: 'office', name: 'Central office' });
  const { today } = await seed('device.status', {});
  const course = await seed('courses.create', { title: COURSE, durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  const venue = await seed('venues.create', { name: VENUE, address: '12 Market Street, Leeds' });
  await seed('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    startsAt: `${today}T09:30`,
    endsAt: `${today}T12:30`,
    capacity: 20,
    facilitators: [FACILITATOR],
  });
}

/** A laptop paired with the office, holding the catalogue as the office's package brought it. */
async function laptopWithPackage(office: AppUnderTest, laptop: AppUnderTest): Promise<void> {
  const onOffice = seeder(office);
  const onLaptop = seeder(laptop);
  const device = await onLaptop('device.setUp', { role: 'laptop', name: 'Hall laptop 2' });
  const request = await onLaptop('pairing.request', {});
  const { enrolment } = await onOffice('pairing.enrol', { request: asIncoming(request), team: 'North', facilitators: [FACILITATOR] });
  await onLaptop('pairing.acceptEnrolment', asIncoming(enrolment));
  const catalogue = await onOffice('sync.writePackage', { deviceId: device.id });
  await onLaptop('sync.importPackage', asIncoming(catalogue));
}

const KEPT_BY_OFFICE = 'Changes made there reach this laptop in its next package.';

describe('the catalogue on a laptop', () => {
  it('shows courses, venues and sessions without New or Edit and says why, while a person can be added and a session’s capacity changed', async () => {
    const office = await suite.startApp();
    const laptop = await suite.startApp();
    await officeCatalogue(office);
    await laptopWithPackage(office, laptop);
    const page = await openPage(laptop);
    await heading(page, 'Today').waitFor();

    await go(page, 'Sessions');
    const sessionRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: COURSE }) });
    expect(await textOf(sessionRow)).toContain('20 places');
    const sessions = await textOf(page.getByRole('main'));
    expect(sessions).toContain(`The central office keeps the schedule. ${KEPT_BY_OFFICE}`);
    expect(sessions).toContain('You can still change how many places one of your sessions has');
    const sessionControls = await controlsOnScreen(page);
    expect(sessionControls).not.toContain('New session');
    expect(sessionControls.filter((name) => name.startsWith('Edit'))).toEqual([]);

    await go(page, 'Courses');
    await heading(page, COURSE, 2).waitFor();
    expect(await textOf(page.getByRole('main'))).toContain(`The central office keeps the course list. ${KEPT_BY_OFFICE}`);
    const courseControls = await controlsOnScreen(page);
    expect(courseControls).not.toContain('New course');
    expect(courseControls.filter((name) => name.startsWith('Edit'))).toEqual([]);

    await go(page, 'Venues');
    await page.getByRole('rowheader', { name: VENUE }).waitFor();
    expect(await textOf(page.getByRole('main'))).toContain(`The central office keeps the venue list. ${KEPT_BY_OFFICE}`);
    const venueControls = await controlsOnScreen(page);
    expect(venueControls).not.toContain('New venue');
    expect(venueControls.filter((name) => name.startsWith('Edit'))).toEqual([]);

    // An old address of a form says the same, rather than a form whose save would be refused.
    await page.goto(`${laptop.host.url}#/courses/new`);
    await heading(page, 'Courses are kept by the central office').waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);

    // The session's own page changes just its capacity.
    await go(page, 'Sessions');
    await sessionRow.getByRole('link', { name: /^Open/ }).click();
    await heading(page, COURSE).waitFor();
    await page.getByLabel('Capacity', { exact: true }).fill('24');
    await page.getByRole('button', { name: 'Change capacity', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Capacity is now 24 places.' }).first().waitFor();
    await go(page, 'Sessions');
    expect(await textOf(sessionRow)).toContain('24 places');

    // A walk-in's details can still be added.
    await go(page, 'People');
    await page.getByRole('link', { name: 'New person', exact: true }).click();
    await heading(page, 'New person').waitFor();
    await page.getByLabel('Given name', { exact: true }).fill('Amira');
    await page.getByLabel('Family name', { exact: true }).fill('Khan');
    await page.getByRole('button', { name: 'Save person', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Person saved.' }).first().waitFor();
    await page.getByRole('rowheader', { name: 'Khan, Amira' }).waitFor();
  });

  it('has no serious accessibility findings on the laptop’s read-only screens', async () => {
    const office = await suite.startApp();
    const laptop = await suite.startApp();
    await officeCatalogue(office);
    await laptopWithPackage(office, laptop);
    const context = await suite.browser.newContext({ bypassCSP: true });
    const findings: string[] = [];
    try {
      const page = await context.newPage();
      for (const path of ['/sessions', '/courses', '/venues', '/sessions/new']) {
        await page.goto(`${laptop.host.url}#${path}`);
        await page.locator('h1').waitFor();
        await page.getByText(KEPT_BY_OFFICE).waitFor();
        await page.waitForFunction(() => !/^Loading/m.test(document.body.innerText));
        findings.push(...(await seriousAxeFindings(page, path)));
      }
    } finally {
      await context.close();
    }
    expect(findings).toEqual([]);
  });
});

describe('the catalogue at the office', () => {
  it('still offers New and Edit for courses, venues and sessions, without the laptop’s sentence', async () => {
    const office = await suite.startApp();
    await officeCatalogue(office);
    const page = await openPage(office);
    await heading(page, 'Sessions').waitFor();

    for (const [section, newLabel, edit] of [
      ['Sessions', 'New session', `Edit session: ${COURSE}`],
      ['Courses', 'New course', `Edit course: ${COURSE}`],
      ['Venues', 'New venue', `Edit venue: ${VENUE}`],
    ] as const) {
      await go(page, section);
      await page.getByRole('link', { name: newLabel, exact: true }).waitFor();
      // "Edit" is followed, for screen readers, by what it edits.
      await page.getByRole('link', { name: edit }).first().waitFor();
      expect(await textOf(page.getByRole('main'))).not.toContain(KEPT_BY_OFFICE);
    }
  });
});
