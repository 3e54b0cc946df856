import { describe, expect, it } from 'vitest';
import { pageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { COURSE, seeder } from './support/seed';
import { asIncoming } from '../support/sync';

/**
 * New session offers the office's facilitators (the staff its laptops were
 * enrolled for, and names already on sessions) as a name is typed; a name
 * typed before stays as it was.
 */

const suite = browserSuite();

describe('choosing facilitators', () => {
  it('offers the office’s facilitators on each facilitator line, and keeps a session’s old free-text name', async () => {
    const office = await suite.startApp();
    const laptop = await suite.startApp();
    const onOffice = seeder(office);
    const onLaptop = seeder(laptop);
    await onOffice('device.setUp', { role: 'office', name: 'Central office' });
    await onLaptop('device.setUp', { role: 'laptop', name: 'Hall laptop 1' });
    const request = await onLaptop('pairing.request', {});
    await onOffice('pairing.enrol', { request: asIncoming(request), team: 'North', facilitators: ['Zoë Ward', 'Sam Okafor'] });
    const { today } = await onOffice('device.status', {});
    const course = await onOffice('courses.create', { title: COURSE, durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
    const venue = await onOffice('venues.create', { name: "St Mark's Church Hall", address: '12 Market Street, Leeds' });
    const old = await onOffice('sessions.create', {
      courseId: course.id,
      venueId: venue.id,
      startsAt: `${today}T09:30`,
      endsAt: `${today}T12:30`,
      capacity: 20,
      facilitators: ['priya (cover)'],
    });

    const page = await pageForAxe(suite.browser, office.host.url, { timeout: 15_000 });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.evaluate(() => {
      window.location.hash = '#/sessions/new';
    });
    await page.getByRole('heading', { level: 1, name: 'New session' }).waitFor();
    await page.getByRole('button', { name: 'Add facilitator' }).click();
    const line = page.getByRole('combobox', { name: 'Facilitator 1' });
    const offered = await line.evaluate((input) => Array.from((input as HTMLInputElement).list?.options ?? [], (option) => option.value));
    expect(offered).toEqual(['priya (cover)', 'Sam Okafor', 'Zoë Ward']);
    expect(await seriousAxeFindings(page, 'New session, facilitators')).toEqual([]);

    // The old session's free-text name reads as it was written.
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/sessions/${old.id}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Edit session' }).waitFor();
    expect(await page.getByLabel('Facilitator 1', { exact: true }).inputValue()).toBe('priya (cover)');
  });
});
