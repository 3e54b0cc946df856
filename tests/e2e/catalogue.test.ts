import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, type AppUnderTest, clickInMainMenu } from './support/harness';
import { heading, isFocused, textOf } from './support/screen';
import { addDays } from './support/seed';

/**
 * The central office keeps the catalogue: a person sets up the computer,
 * adds a course, a venue and a session by keyboard and mouse, and reads them
 * back after a reload. Wrong entries are explained beside the field and
 * nothing is saved.
 */

const suite = browserSuite();

/** A page whose waits fail with the locator named, well before the test's own time limit. */
async function openPage(app: AppUnderTest): Promise<Page> {
  const page = await app.openPage();
  page.setDefaultTimeout(10_000);
  return page;
}

async function start(): Promise<AppUnderTest> {
  const app = await suite.startApp();
  return app;
}

async function tomorrow(app: AppUnderTest): Promise<string> {
  const { today } = await app.core.handlers['device.status']({});
  return addDays(today, 1);
}

/** What a screen reader reads after a control's name: its hint and error. */
async function descriptionOf(page: Page, control: Locator): Promise<string> {
  const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const parts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return parts.join(' ');
}

async function goTo(page: Page, section: string): Promise<void> {
  await clickInMainMenu(page, section, { exact: false });
  await heading(page, section).waitFor();
}

function setUpThroughApi(app: AppUnderTest) {
  return app.core.handlers['device.setUp']({ role: 'office', name: 'Office desk' });
}

async function openOnSessions(app: AppUnderTest): Promise<Page> {
  const page = await openPage(app);
  await heading(page, 'Sessions').waitFor();
  return page;
}

describe('the catalogue, as the central office uses it', () => {
  it('sets up the computer, adds a course, a venue and a session, and shows them after a reload', async () => {
    const app = await start();
    const day = await tomorrow(app);
    const page = await openPage(app);

    // First run: which computer is this, and what is it called?
    await heading(page, 'Set up Fieldbook').waitFor();
    await page.getByRole('radio', { name: 'The central office' }).check();
    await page.getByLabel('Name for this computer').fill('Office desk 1');
    await page.getByRole('button', { name: 'Set up this computer' }).click();
    const header = page.getByRole('banner');
    expect(await textOf(header.getByText('Office desk 1'))).toContain('Central office');
    await heading(page, 'Sessions').waitFor();
    await page.getByText('No sessions from today on. Add one with New session.').waitFor();

    // A course with three learning outcomes, the later ones typed where "Add outcome" puts the cursor.
    await goTo(page, 'Courses');
    await page.getByRole('link', { name: 'New course' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Cultural competency in health and care');
    await page.getByLabel('Duration in minutes').fill('180');
    await page.getByLabel('Learning outcome 1', { exact: true }).fill('Explore what we mean by culture');
    await page.getByRole('button', { name: 'Add outcome' }).click();
    await page.keyboard.type('Develop skills to identify barriers to accessing services');
    await page.getByRole('button', { name: 'Add outcome' }).click();
    await page.keyboard.type('Feel more confident in working with different communities');
    await page.getByRole('button', { name: 'Save course' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('Course saved.');
    await heading(page, 'Cultural competency in health and care', 2).waitFor();

    await goTo(page, 'Venues');
    await page.getByRole('link', { name: 'New venue' }).click();
    await page.getByLabel('Venue name').fill("St Mark's Church Hall");
    await page.getByLabel('Address').fill('12 Market Street, Leeds LS1 6DT');
    await page.getByLabel('Access notes').fill('Step-free entrance at the side.');
    await page.getByRole('button', { name: 'Save venue' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('Venue saved.');
    await page.getByRole('rowheader', { name: "St Mark's Church Hall" }).waitFor();

    await goTo(page, 'Sessions');
    await page.getByRole('link', { name: 'New session' }).click();
    await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Cultural competency in health and care' });
    await page.getByLabel('Venue', { exact: true }).selectOption({ label: "St Mark's Church Hall" });
    await page.getByLabel('Start', { exact: true }).fill(`${day}T10:00`);
    // The end is suggested from the course's three hours.
    expect(await page.getByLabel('End', { exact: true }).inputValue()).toBe(`${day}T13:00`);
    await page.getByLabel('Places').fill('20');
    await page.getByRole('button', { name: 'Add facilitator' }).click();
    await page.keyboard.type('Amira Khan');
    await page.getByRole('button', { name: 'Save session' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('Session saved.');

    // Everything is still there after a reload, read from the screen.
    await page.reload();
    await heading(page, 'Sessions').waitFor();
    // The heading shows before the sessions have loaded; wait for the last day.
    await heading(page, 'Tomorrow', 2).waitFor();
    const dayHeadings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(dayHeadings).toEqual(['Today', 'Tomorrow']);
    await page.getByRole('region', { name: 'Today' }).getByText('No sessions today.').waitFor();
    const row = page
      .getByRole('region', { name: 'Tomorrow' })
      .getByRole('row')
      .filter({ hasText: 'Cultural competency in health and care' });
    const rowText = await textOf(row);
    expect(rowText).toContain('10:00 to 13:00');
    expect(rowText).toContain("St Mark's Church Hall");
    expect(rowText).toContain('20 places');
    expect(rowText).toContain('Amira Khan');
    expect(rowText).toContain('Scheduled');

    await goTo(page, 'Courses');
    const course = page.getByRole('listitem').filter({
      has: heading(page, 'Cultural competency in health and care', 2),
    });
    await course.waitFor();
    expect(await course.getByRole('list').getByRole('listitem').allTextContents()).toEqual([
      'Explore what we mean by culture',
      'Develop skills to identify barriers to accessing services',
      'Feel more confident in working with different communities',
    ]);
    expect(await textOf(course)).toContain('3 hours');
  });

  it('explains a course with no title beside the field and saves nothing until it is fixed', async () => {
    const app = await start();
    await setUpThroughApi(app);
    const page = await openOnSessions(app);
    await goTo(page, 'Courses');
    await page.getByRole('link', { name: 'New course' }).click();
    await page.getByLabel('Duration in minutes').fill('90');
    await page.getByLabel('Learning outcome 1', { exact: true }).fill('Recognise good practice');
    await page.getByRole('button', { name: 'Save course' }).click();

    // The summary takes focus and links to the field; the field carries the same words.
    await heading(page, 'There is a problem', 2).waitFor();
    const title = page.getByLabel('Title', { exact: true });
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(page, title)).toBe('Error: Enter the title.');
    await page.getByRole('link', { name: 'Enter the title.' }).click();
    await expect.poll(() => isFocused(title)).toBe(true);
    expect(await app.core.handlers['courses.list']({ query: '', limit: 100 })).toEqual([]);

    await title.fill('Understanding local communities');
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Save course' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('Course saved.');
    const saved = await app.core.handlers['courses.list']({ query: '', limit: 100 });
    expect(saved.map((course) => course.title)).toEqual(['Understanding local communities']);
  });

  it('explains a session that ends before it starts beside the End field and saves nothing', async () => {
    const app = await start();
    const day = await tomorrow(app);
    await setUpThroughApi(app);
    await app.core.handlers['courses.create']({
      title: 'Health equity basics',
      description: null,
      durationMinutes: 120,
      learningOutcomes: ['Recognise good practice'],
    });
    await app.core.handlers['venues.create']({ name: 'Riverside Library', address: '1 Quay Road', accessNotes: null });
    const page = await openOnSessions(app);

    await page.getByRole('link', { name: 'New session' }).click();
    await page.getByLabel('Course', { exact: true }).selectOption({ label: 'Health equity basics' });
    await page.getByLabel('Venue', { exact: true }).selectOption({ label: 'Riverside Library' });
    await page.getByLabel('Start', { exact: true }).fill(`${day}T14:00`);
    const end = page.getByLabel('End', { exact: true });
    await end.fill(`${day}T12:00`);
    // Moving on to the next field is enough to see what is wrong with this one.
    await page.getByLabel('Places').click();
    await page.getByText('Enter an end time after the start.').waitFor();
    expect(await descriptionOf(page, end)).toContain('Enter an end time after the start.');
    expect(await end.getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Places').fill('12');
    await page.getByRole('button', { name: 'Save session' }).click();
    await heading(page, 'There is a problem', 2).waitFor();
    expect(await page.getByRole('link', { name: 'Enter an end time after the start.' }).count()).toBe(1);
    expect(await app.core.handlers['sessions.list']({ from: '2000-01-01', query: '', limit: 100 })).toEqual([]);
    await goTo(page, 'Sessions');
    await page.getByText('No sessions from today on. Add one with New session.').waitFor();
  });
});
