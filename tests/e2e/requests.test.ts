import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { seeder } from './support/seed';
import { browserSuite } from './support/harness';
import { button, heading, textOf } from './support/screen';

/**
 * Organisation requests as the office handles them: a new request joins the
 * queue with its number; scheduling it creates a session with the
 * organisation's places held; a request is declined only with a reason.
 */

const COURSE = 'Cultural competency in health and care';
const VENUE = "St Mark's Church Hall";
const suite = browserSuite();



function addDays(day: string, count: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** The office, with one request already waiting (Leeds Mind) before the one typed in. */
async function office() {
  const app = await suite.startApp();
  const seed = seeder(app);
  await seed('device.setUp', { role: 'office', name: 'Central office' });
  const { today } = await seed('device.status', {});
  const mind = await seed('organisations.create', { name: 'Leeds Mind', sector: 'vcse' });
  await seed('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  const course = await seed('courses.create', { title: COURSE, durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  await seed('venues.create', { name: VENUE, address: '12 Market Street, Leeds' });
  await seed('requests.create', { organisationId: mind.id, courseId: course.id, contactName: 'Priya Shah', staffCount: 8 });
  const page = await app.openPage();
  page.setDefaultTimeout(10_000);
  return { app, seed, page, today };
}



async function said(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

function queued(page: Page, organisation: string): Locator {
  return page.getByRole('list', { name: 'Requests waiting, first asked first' }).getByRole('listitem', { name: organisation });
}

async function openRequests(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('button', { name: 'Catalogue' }).click();
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Requests' }).click();
  await heading(page, 'Requests').waitFor();
}

describe('organisation requests', () => {
  it('queues a new request with its number, and scheduling it makes a session with the places held', async () => {
    const { page, today } = await office();
    await openRequests(page);
    expect(await textOf(queued(page, 'Leeds Mind'))).toMatch(/^Number 1\s*Leeds Mind/);

    await page.getByRole('link', { name: 'New request' }).click();
    await heading(page, 'New request').waitFor();
    // Checked as it is typed, with the contract's rules: a bad number is refused once the field is left.
    const staff = page.getByLabel('Number of staff');
    await staff.fill('0');
    await page.getByLabel('Preferred dates').focus();
    await page.getByText('Enter 1 or more for the number of staff.').waitFor();
    await button(page, 'Add request').click();
    const summary = page.getByRole('heading', { name: 'There is a problem' });
    await summary.waitFor();
    await page.getByRole('link', { name: 'Choose the organisation asking.' }).waitFor();

    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Newcastle City Council' });
    await page.getByLabel('Course', { exact: true }).selectOption({ label: COURSE });
    await page.getByLabel('Contact name').fill('Siobhán O’Brien');
    await page.getByLabel('Contact email').fill('siobhan.obrien@example.org');
    await staff.fill('12');
    await page.getByLabel('Preferred dates').fill('Any Tuesday in March or April');
    await page.getByLabel('Notes').fill('Shift workers: mornings are best.');
    await button(page, 'Add request').click();
    await heading(page, 'Requests').waitFor();
    await said(page, 'Request from Newcastle City Council added. It is number 2 in the queue.');
    const council = queued(page, 'Newcastle City Council');
    const card = await textOf(council);
    expect(card).toMatch(/^Number 2\s*Newcastle City Council/);
    for (const part of [COURSE, '12 staff', 'Any Tuesday in March or April', 'Siobhán O’Brien', 'Shift workers: mornings are best.', 'Waiting']) {
      expect(card).toContain(part);
    }

    await council.getByRole('link', { name: 'Schedule a session for Newcastle City Council' }).click();
    await heading(page, 'Schedule a session for Newcastle City Council').waitFor();
    // The places start at the number of staff.
    expect(await page.getByLabel('Places').inputValue()).toBe('12');
    const day = addDays(today, 7);
    await page.getByLabel('Venue', { exact: true }).selectOption({ label: VENUE });
    await page.getByLabel('Start', { exact: true }).fill(`${day}T09:30`);
    await page.getByLabel('Places').fill('20');
    expect(await page.getByLabel('End', { exact: true }).inputValue()).toBe(`${day}T12:30`);
    await button(page, 'Add facilitator').click();
    await page.getByLabel('Facilitator 1', { exact: true }).fill('Sam Okafor');
    await button(page, 'Schedule the session').click();
    await heading(page, 'Requests').waitFor();
    await said(page, 'Session scheduled for Newcastle City Council. 12 places are held for their staff.');

    // Leeds Mind is still first in the queue; the council's request is now scheduled, with its session.
    // The queue reloads after scheduling: wait for it to settle rather than count a list still changing.
    await expect.poll(() => page.getByRole('list', { name: 'Requests waiting, first asked first' }).getByRole('listitem').count()).toBe(1);
    const scheduled = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Newcastle City Council' }) });
    expect(await textOf(scheduled)).toContain('Scheduled');
    await scheduled.getByRole('link', { name: 'Open the session for Newcastle City Council' }).click();

    await heading(page, COURSE).waitFor();
    const places = page.getByRole('region', { name: 'Places' });
    expect(await textOf(places)).toContain('0 of 20 booked.');
    // The places held come with the session's group bookings, read just after the roster: wait for them.
    await expect.poll(() => textOf(places)).toContain('12 places held for Newcastle City Council, none named yet.');
    expect(await textOf(places)).toContain('8 places left.');
    const groups = page.getByRole('region', { name: 'Group bookings' });
    expect(await textOf(groups.getByRole('listitem').filter({ hasText: 'Newcastle City Council' }))).toContain('12 places held: 0 named, 12 not named yet.');
  }, 60_000);

  it('declines a request only with a reason, and shows the reason afterwards', async () => {
    const { page, seed } = await office();
    await openRequests(page);
    await button(queued(page, 'Leeds Mind'), 'Decline the request from Leeds Mind').click();
    const dialog = page.getByRole('dialog', { name: 'Decline the request from Leeds Mind?' });
    await button(dialog, 'Decline the request').click();
    await dialog.getByRole('link', { name: 'Write why the request from Leeds Mind is declined.' }).waitFor();
    expect((await seed('requests.list', {}))[0]?.status).toBe('waiting');

    await dialog.getByLabel('Reason').fill('No facilitator free in the months they asked for.');
    await button(dialog, 'Decline the request').click();
    await said(page, 'Request from Leeds Mind declined.');
    await page.getByText('No requests are waiting.').waitFor();
    const declined = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Leeds Mind' }) });
    expect(await textOf(declined)).toContain('Declined');
    expect(await textOf(declined)).toContain('No facilitator free in the months they asked for.');
    // With nothing left in the queue, focus goes to its heading.
    expect(await heading(page, 'Waiting to be scheduled', 2).evaluate((element) => element === document.activeElement)).toBe(true);
  }, 60_000);

  it('has no serious or critical axe-core findings on the queue, the new request form with errors, and the schedule form', async () => {
    const { app, seed } = await office();
    const [waiting] = await seed('requests.list', {});
    await inPageForAxe(suite.browser, `${app.host.url}#/requests`, { timeout: 10_000 }, async (page) => {
      await queued(page, 'Leeds Mind').waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);

      await page.getByRole('link', { name: 'New request' }).click();
      await button(page, 'Add request').click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);

      await page.goto(`${app.host.url}#/requests/${waiting!.id}/schedule`);
      await heading(page, 'Schedule a session for Leeds Mind').waitFor();
      await button(page, 'Schedule the session').click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
  }, 60_000);
});
