import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite, clickInMainMenu, type AppUnderTest } from './support/harness';
import { COURSE, seeder, type Seed } from './support/seed';

/**
 * The office books people onto a session to come: several at once, ticked on
 * People (across a search) or on an organisation's staff list; then opens
 * that session's bookings and waiting list from Sessions.
 */

const suite = browserSuite();

/** A day a week after `today`, "2026-03-19". */
function weekAfter(today: string): string {
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 7);
  return day.toISOString().slice(0, 10);
}

async function officeWithStaff(): Promise<{ app: AppUnderTest; seed: Seed; organisationId: string }> {
  const app = await suite.startApp();
  const seed = seeder(app);
  await seed('device.setUp', { role: 'office', name: 'Central office' });
  const { today } = await seed('device.status', {});
  const day = weekAfter(today);
  const course = await seed('courses.create', { title: COURSE, durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  const venue = await seed('venues.create', { name: "St Mark's Church Hall", address: '12 Market Street, Leeds' });
  await seed('sessions.create', { courseId: course.id, venueId: venue.id, startsAt: `${day}T09:30`, endsAt: `${day}T12:30`, capacity: 2, facilitators: ['Sam Okafor'] });
  const council = await seed('organisations.create', { name: 'Leeds City Council', sector: 'statutory' });
  for (const [givenName, familyName] of [['Amira', 'Khan'], ['Bogdan', 'Nowak'], ['Chidi', 'Okafor']] as const) {
    await seed('people.create', { givenName, familyName, organisationId: council.id });
  }
  await seed('people.create', { givenName: 'Dan', familyName: 'Adams' });
  return { app, seed, organisationId: council.id };
}

async function openPage(app: AppUnderTest): Promise<Page> {
  const page = await pageForAxe(suite.browser, app.host.url, { timeout: 15_000, viewport: { width: 1366, height: 768 } });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

const outcomes = (page: Page) => page.locator('.book-chosen [aria-live] li').allTextContents();

describe('booking people onto a session to come', () => {
  it('from People: ticks kept across a search, places then the waiting list, and the session opens from Sessions', async () => {
    const { app } = await officeWithStaff();
    const page = await openPage(app);
    await clickInMainMenu(page, 'People');
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    await page.getByRole('checkbox', { name: 'Choose Amira Khan' }).check();
    await page.getByRole('checkbox', { name: 'Choose Bogdan Nowak' }).check();
    // A search shows other people; who is chosen stays chosen.
    await page.getByRole('searchbox', { name: 'Search people by name' }).fill('chidi');
    await page.getByRole('checkbox', { name: 'Choose Chidi Okafor' }).check();
    await expect.poll(() => page.locator('.book-chosen form p').first().textContent()).toBe('Chosen (3): Amira Khan, Bogdan Nowak, Chidi Okafor.');

    const sessions = page.getByRole('combobox', { name: 'Session' });
    const option = sessions.locator('option').filter({ hasText: COURSE });
    expect(await option.textContent()).toContain('(0 of 2 places taken)');
    await sessions.selectOption({ label: (await option.textContent())! });
    expect(await seriousAxeFindings(page, 'People, booking chosen people')).toEqual([]);
    // By keyboard: Enter on the button books them.
    await page.getByRole('button', { name: 'Book 3 people' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => outcomes(page)).toEqual(['Amira Khan: booked', 'Bogdan Nowak: booked', 'Chidi Okafor: on the waiting list, number 1']);
    // Nobody is chosen now, and the session's figures are up to date.
    expect(await page.getByRole('checkbox', { name: 'Choose Chidi Okafor' }).isChecked()).toBe(false);
    await expect.poll(() => option.textContent()).toContain('(2 of 2 places taken, 1 waiting)');

    // Sessions: the Booked figure opens the session's bookings and waiting list.
    await clickInMainMenu(page, 'Sessions');
    await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
    const bookings = page.getByRole('link', { name: /open the bookings for/ });
    expect(await bookings.textContent()).toMatch(/^2 of 2 places · 1 waiting: open the bookings for Cultural competency/);
    await bookings.click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await page.locator('.roster-counts').waitFor();
    const roster = await page.locator('.session-page').textContent();
    expect(roster).toContain('Amira Khan');
    expect(roster).toContain('Bogdan Nowak');
    expect(roster).toContain('Chidi Okafor');
    expect(await page.locator('.roster-counts').textContent()).toContain('2 booked');
    // Back where the office came from.
    await page.getByRole('link', { name: 'Back to sessions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
  });

  it("from an organisation's staff: only its people listed, booked by keyboard", async () => {
    const { app, organisationId } = await officeWithStaff();
    const page = await openPage(app);
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/organisations/${organisationId}`);
    await page.getByRole('heading', { level: 1, name: 'Edit organisation: Leeds City Council' }).waitFor();
    const staff = page.getByRole('table', { name: 'Staff at Leeds City Council' });
    await expect.poll(() => staff.locator('tbody th').allTextContents()).toEqual(['Khan, Amira', 'Nowak, Bogdan', 'Okafor, Chidi']);
    expect(await page.locator('.organisation-staff .list-count').textContent()).toBe('Showing 1–3 of 3 people');

    await page.getByRole('checkbox', { name: 'Choose Bogdan Nowak' }).focus();
    await page.keyboard.press('Space');
    const sessions = page.getByRole('combobox', { name: 'Session' });
    await sessions.selectOption({ index: 1 });
    expect(await seriousAxeFindings(page, 'Organisation staff')).toEqual([]);
    await page.getByRole('button', { name: 'Book 1 person' }).click();
    await expect.poll(() => outcomes(page)).toEqual(['Bogdan Nowak: booked']);
    await page.getByRole('link', { name: 'Open this session’s bookings' }).click();
    await page.getByRole('heading', { level: 1, name: COURSE }).waitFor();
    await expect.poll(() => page.locator('.roster-counts').textContent()).toContain('1 booked');
  });
});
