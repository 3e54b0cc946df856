import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { longDate } from '../../shared/words-for-days';
import { clickInMainMenu, browserSuite } from './support/harness';
import { CONTRACT, contractSessionToday, seeder } from './support/seed';

/**
 * After someone is erased, the office's report of the year they attended
 * counts one fewer and says why on the screen (and so on the printed page,
 * which is the same page under the print stylesheet); and the demand report
 * of the year they waited in counts one fewer on a waitlist and says why.
 */

const suite = browserSuite();

describe('a report after an erasure, on screen', () => {
  it('counts one fewer and says that an erased person is no longer counted', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const { today } = await seed('device.status', {});
    const { session } = await contractSessionToday(seed, today);
    const signedIn: string[] = [];
    for (const givenName of ['Amira', 'Ben']) {
      const person = await seed('people.create', { givenName, familyName: 'Test' });
      await seed('signIn.book', { sessionId: session.id, personId: person.id });
      await seed('signIn.signIn', { sessionId: session.id, personId: person.id });
      signedIn.push(person.id);
    }
    await seed('erasure.erase', { personIds: [signedIn[0]!], reason: 'Asked to be forgotten', erasedBy: 'Priya at the office' });
    const page = await suite.browser.newPage();
    try {
      await showContractYearReport(page, app.host.url, 'People trained', today);
      const peopleTrained = page.locator('.report-figure').filter({ has: page.getByText('People trained', { exact: true }) }).locator('dd');
      expect(await peopleTrained.textContent()).toBe('1');
      const note = `1 attendance by 1 person erased since ${longDate(today)} is no longer counted, so figures printed before then may be higher.`;
      await page.locator('.report-output .notice').getByText(note, { exact: true }).waitFor();
    } finally {
      await page.close();
    }
  });

  it('shows the demand report one fewer on a waitlist, saying an erased person is no longer counted', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const { today } = await seed('device.status', {});
    const { contract, session } = await contractSessionToday(seed, today);
    // A session of one place today: Amira has it, Ben and Cara wait for one.
    const small = await seed('sessions.create', {
      courseId: session.courseId,
      venueId: session.venueId,
      contractId: contract.id,
      startsAt: `${today}T00:00`,
      endsAt: `${today}T23:59`,
      capacity: 1,
      facilitators: ['Sam Okafor'],
    });
    const booked: string[] = [];
    for (const givenName of ['Amira', 'Ben', 'Cara']) {
      const person = await seed('people.create', { givenName, familyName: 'Test' });
      await seed('signIn.book', { sessionId: small.id, personId: person.id });
      booked.push(person.id);
    }
    await seed('erasure.erase', { personIds: [booked[1]!], reason: 'Asked to be forgotten', erasedBy: 'Priya at the office' });
    const page = await suite.browser.newPage();
    try {
      await showContractYearReport(page, app.host.url, 'Demand', today);
      const waitlisted = page.locator('.report-figure').filter({ has: page.getByText('People on a waitlist', { exact: true }) }).locator('dd');
      expect(await waitlisted.textContent()).toBe('1');
      const note = `1 waitlist entry by 1 person erased since ${longDate(today)} is no longer counted, so figures printed before then may be higher.`;
      await page.locator('.report-output .notice').getByText(note, { exact: true }).waitFor();
    } finally {
      await page.close();
    }
  });
});

/** Opens Reports and shows this contract year's report of that name, as a coordinator would. */
async function showContractYearReport(page: Page, url: string, report: string, today: string): Promise<void> {
  const yearStart = today.slice(5) >= '08-01' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await clickInMainMenu(page, 'Reports');
  await page.getByLabel('Report', { exact: true }).selectOption({ label: report });
  await page.getByLabel('Kind of period').selectOption({ label: 'Contract year' });
  await page.getByLabel('Contract', { exact: true }).first().selectOption({ label: CONTRACT });
  await page.getByLabel('Contract year').selectOption({ label: `${yearStart}–${String((yearStart + 1) % 100).padStart(2, '0')}` });
  await page.getByRole('button', { name: 'Show report' }).click();
  await page.getByRole('heading', { level: 2, name: report, exact: true }).waitFor();
}
