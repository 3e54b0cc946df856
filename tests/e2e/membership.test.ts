import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { COURSE, morningSession, seeder } from './support/seed';
import { button, heading, said, textOf } from './support/screen';

/**
 * The office adds a membership scheme and a member on screen, sees the
 * member's training due on the due-soon list, and opens their page.
 */

const suite = browserSuite();

function longDate(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

describe('membership at the office', () => {
  it('adds a scheme and a member, shows them due soon and opens their page, with no serious axe findings', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const { today } = await seed('device.status', {});
    const { course, venue, session } = await morningSession(seed, today);
    // Today's session is cancelled, so the next one is a week on whatever the time of day.
    await seed('sessions.update', {
      id: session.id,
      version: (await seed('sessions.get', { id: session.id })).version,
      fields: { courseId: course.id, venueId: venue.id, startsAt: session.startsAt, endsAt: session.endsAt, capacity: session.capacity, facilitators: session.facilitators, status: 'cancelled' },
    });
    const next = new Date(`${today}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 7);
    const nextDay = next.toISOString().slice(0, 10);
    await seed('sessions.create', { courseId: course.id, venueId: venue.id, startsAt: `${nextDay}T10:00`, endsAt: `${nextDay}T13:00`, capacity: 12, facilitators: ['Sam Okafor'] });
    await seed('people.create', { givenName: 'Amara', familyName: 'Okafor', email: 'amara@example.org' });
    // Joined a little under six months ago: the window closes within 30 days.
    const joined = new Date(`${today}T12:00:00Z`);
    joined.setUTCMonth(joined.getUTCMonth() - 6);
    joined.setUTCDate(joined.getUTCDate() + 10);
    const joinedOn = joined.toISOString().slice(0, 10);

    const context = await suite.browser.newContext({ bypassCSP: true });
    const findings: string[] = [];
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(app.host.url);
      await heading(page, 'Sessions').waitFor();

      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Membership', exact: true }).click();
      await heading(page, 'Members').waitFor();
      await page.getByRole('link', { name: 'Membership schemes' }).click();
      await heading(page, 'Membership schemes').waitFor();
      await page.getByRole('link', { name: 'New scheme' }).click();
      await heading(page, 'New membership scheme').waitFor();
      await page.getByLabel('Scheme name').fill('Allies');
      // Saving with no course chosen says what is missing, and saves nothing.
      await page.getByRole('button', { name: 'Save scheme' }).click();
      await page.getByText('Choose at least one required course.').first().waitFor();
      findings.push(...(await seriousAxeFindings(page, 'New scheme, with an error')));
      await page.getByRole('checkbox', { name: COURSE }).check();
      await page.getByLabel('Membership year starts').fill('05-01');
      await page.getByLabel('Fee (£)').fill('25');
      await page.getByRole('button', { name: 'Save scheme' }).click();
      expect(await textOf(page.getByRole('status'))).toBe('Scheme saved.');
      const schemeRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Allies' }) });
      expect(await textOf(schemeRow)).toContain(COURSE);
      expect(await schemeRow.textContent()).toContain('Membership year from 1 May');
      expect(await schemeRow.textContent()).toContain('£25.00');
      findings.push(...(await seriousAxeFindings(page, 'Membership schemes')));

      await page.getByRole('link', { name: 'Back to members' }).click();
      await heading(page, 'Members').waitFor();
      await page.getByRole('link', { name: 'Add a member' }).click();
      await heading(page, 'Add a member').waitFor();
      await page.getByLabel('Find the person').fill('Amara');
      await page.getByRole('combobox', { name: 'Person' }).getByRole('option', { name: /Amara Okafor/ }).waitFor({ state: 'attached' });
      await page.getByLabel('Joins on').fill(joinedOn);
      await page.getByLabel('Notes').fill('Joined at the spring network meeting');
      findings.push(...(await seriousAxeFindings(page, 'Add a member')));
      await page.getByRole('button', { name: 'Add member' }).click();

      await heading(page, 'Amara Okafor').waitFor();
      await heading(page, 'Allies', 2).waitFor();
      const terms = page.getByRole('table', { name: 'Terms in Allies' });
      expect(await textOf(terms)).toContain(longDate(joinedOn));
      expect(await terms.textContent()).toContain('New');
      expect(await terms.textContent()).toContain('£25.00');
      expect(await terms.textContent()).toContain('Joined at the spring network meeting');
      const dueBy = new Date(`${joinedOn}T12:00:00Z`);
      dueBy.setUTCMonth(dueBy.getUTCMonth() + 6);
      expect(await page.getByText(/^Due by /).textContent()).toBe(`Due by ${longDate(dueBy.toISOString().slice(0, 10))}`);
      findings.push(...(await seriousAxeFindings(page, "A member's page")));
      // As of the day before they joined they were not a member yet; blank again, today.
      const dayBefore = new Date(`${joinedOn}T12:00:00Z`);
      dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
      const before = dayBefore.toISOString().slice(0, 10);
      await page.getByLabel('Status as of').fill(before);
      await page.getByText(`Status on ${longDate(before)}`).waitFor();
      expect(await textOf(page.getByText(`Starts ${longDate(joinedOn)}`))).toBe(`Starts ${longDate(joinedOn)}`);
      await page.getByLabel('Status as of').fill('');
      await page.getByText(`Status on ${longDate(today)}`).waitFor();
      expect(await textOf(page.locator('dd').filter({ hasText: /^Current$/ }))).toBe('Current');

      await page.getByRole('link', { name: 'Back to members' }).click();
      await page.getByRole('link', { name: 'Training due in the next 30 days' }).click();
      await heading(page, 'Training due soon').waitFor();
      const dueRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Amara Okafor' }) });
      expect(await textOf(dueRow)).toContain('Due by');
      await page.getByRole('button', { name: 'Download CSV of the training due soon list', exact: true }).waitFor();
      findings.push(...(await seriousAxeFindings(page, 'Training due soon')));
      // Booked from the list onto the next session of the required course, a week on.
      // Every member shown chosen at once, and none again; then one row's own box.
      await page.getByRole('checkbox', { name: 'Choose all 1 shown' }).check();
      await page.getByRole('button', { name: 'Book onto the next session of the required course (1 chosen)' }).waitFor();
      await page.getByRole('checkbox', { name: 'Choose all 1 shown' }).uncheck();
      await page.getByRole('button', { name: 'Book onto the next session of the required course (0 chosen)' }).waitFor();
      await dueRow.getByRole('checkbox', { name: 'Choose Amara Okafor (Allies)' }).check();
      await page.getByRole('button', { name: 'Book onto the next session of the required course (1 chosen)' }).click();
      expect(await textOf(page.getByText(/^Booked: /))).toBe(`Booked: ${COURSE} on ${longDate(nextDay)} at 10:00: Amara Okafor (a place).`);
      findings.push(...(await seriousAxeFindings(page, 'Training due soon, after booking')));
      await dueRow.getByRole('link', { name: 'Amara Okafor' }).click();
      await heading(page, 'Amara Okafor').waitFor();

      // From her page into a second scheme: she is chosen already, and only the scheme she is not in is offered.
      await seed('schemes.create', { name: 'Champions', requiredCourseIds: [course.id], windowMonths: 3, yearStarts: null, feePence: null, graceDays: 30 });
      await page.getByRole('link', { name: 'Add Amara Okafor to another scheme' }).click();
      await heading(page, 'Add to a scheme').waitFor();
      await page.getByText('Amara Okafor', { exact: true }).waitFor();
      expect(await page.getByLabel('Scheme').locator('option').allTextContents()).toEqual(['Champions']);
      findings.push(...(await seriousAxeFindings(page, 'Add to a scheme')));
      await page.getByRole('button', { name: 'Add member' }).click();
      await heading(page, 'Amara Okafor').waitFor();
      await heading(page, 'Champions', 2).waitFor();
      await heading(page, 'Allies', 2).waitFor();
      expect(findings).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('takes a second change to the same term on one page: a fee again, then a cancellation, with no refusal', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const { today } = await seed('device.status', {});
    const { course } = await morningSession(seed, today);
    const scheme = await seed('schemes.create', { name: 'Allies', requiredCourseIds: [course.id], windowMonths: 6, yearStarts: null, feePence: 2500, graceDays: 30 });
    const person = await seed('people.create', { givenName: 'Amara', familyName: 'Okafor' });
    await seed('members.join', { schemeId: scheme.id, personId: person.id, startsOn: today });

    const context = await suite.browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${app.host.url}#/membership/members/${person.id}`);
      await heading(page, 'Amara Okafor').waitFor();
      const terms = page.getByRole('table', { name: 'Terms in Allies' });
      const fee = page.getByRole('form', { name: /^Record the fee/ });
      const refused = page.getByRole('heading', { name: 'Someone else changed this since you opened it' });

      // Each save is followed by the next one on the same page, as soon as the terms show the last.
      for (const [pounds, shown] of [['30', '£30.00'], ['35', '£35.00']] as const) {
        await fee.getByLabel('Fee (£)').fill(pounds);
        await fee.getByLabel('Paid on').fill(today);
        await button(fee, 'Record fee').click();
        await expect.poll(() => terms.textContent()).toContain(shown);
        await expect.poll(() => fee.getByLabel('Fee (£)').inputValue()).toBe(`${pounds}.00`);
      }
      expect(await terms.textContent()).toContain(longDate(today));

      await page.getByRole('form', { name: /^Cancel the term/ }).getByLabel('Cancelled from').fill(today);
      await button(page, 'Cancel term').click();
      await said(page, 'Term cancelled.');
      await button(page, 'Cancel term').waitFor({ state: 'detached' });
      const row = terms.getByRole('row').filter({ has: page.getByRole('rowheader', { name: longDate(today) }) });
      expect(await textOf(row)).toMatch(new RegExp(`£35\\.00.*${longDate(today)}.*${longDate(today)}`));
      expect(await refused.count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
