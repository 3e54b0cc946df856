import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { COURSE, seeder } from './support/seed';
import { figure, heading, textOf } from './support/screen';

/**
 * The office opens Reports, chooses the membership report, and reads the
 * figures for its scheme's membership year (1 May to 30 April) with a chart:
 * two people from two organisations joined today, one came to the required
 * course and one is still due.
 */

const suite = browserSuite();

/** "2026–27" for the membership year from 1 May holding the day. */
function membershipYearOf(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = day.slice(5) >= '05-01' ? year : year - 1;
  return `${start}–${String((start + 1) % 100).padStart(2, '0')}`;
}

describe('the membership report on screen', () => {
  it('shows a scheme’s membership year with its figures and a chart, with no serious axe findings', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const { today } = await seed('device.status', {});
    const course = await seed('courses.create', { title: COURSE, durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
    const venue = await seed('venues.create', { name: "St Mark's Church Hall", address: '12 Market Street, Leeds' });
    const session = await seed('sessions.create', { courseId: course.id, venueId: venue.id, startsAt: `${today}T00:00`, endsAt: `${today}T23:59`, capacity: 20, facilitators: ['Sam Okafor'] });
    const scheme = await seed('schemes.create', { name: 'Allies', requiredCourseIds: [course.id], windowMonths: 6, yearStarts: '05-01', feePence: 2500, graceDays: 30 });
    const trust = await seed('organisations.create', { name: 'Westbrook NHS Trust', sector: 'statutory' });
    const charity = await seed('organisations.create', { name: 'Refugee Welcome', sector: 'vcse' });
    const amira = await seed('people.create', { givenName: 'Amira', familyName: 'Test', organisationId: trust.id });
    const chidi = await seed('people.create', { givenName: 'Chidi', familyName: 'Test', organisationId: charity.id });
    for (const person of [amira, chidi]) await seed('members.join', { schemeId: scheme.id, personId: person.id, startsOn: today });
    await seed('signIn.book', { sessionId: session.id, personId: amira.id });
    await seed('signIn.signIn', { sessionId: session.id, personId: amira.id });

    const context = await suite.browser.newContext({ bypassCSP: true });
    const findings: string[] = [];
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(app.host.url);
      await heading(page, 'Sessions').waitFor();
      await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Reports', exact: true }).click();
      await heading(page, 'Reports').waitFor();

      // Choosing the report chooses its scheme and that scheme's membership year holding today.
      await page.getByLabel('Report', { exact: true }).selectOption({ label: 'Membership' });
      expect(await page.getByLabel('Membership scheme').locator('option:checked').textContent()).toBe('Allies');
      expect(await page.getByLabel('Kind of period').locator('option:checked').textContent()).toBe('Membership year of the scheme');
      expect(await page.getByLabel('Membership year').locator('option:checked').textContent()).toBe(membershipYearOf(today));
      findings.push(...(await seriousAxeFindings(page, 'Reports, the membership report chosen')));
      await page.getByRole('button', { name: 'Show report' }).click();

      await heading(page, 'Membership', 2).waitFor();
      const facts = await textOf(page.locator('.report-facts'));
      expect(facts).toMatch(/1 May \d{4} to 30 April \d{4}/);
      expect(facts).toContain('Part year');
      expect(await textOf(figure(page, 'Joined'))).toBe('2');
      expect(await textOf(figure(page, 'Organisations they came from'))).toBe('2');
      expect(await textOf(figure(page, 'Trained'))).toBe('1');
      expect(await textOf(figure(page, 'Due'))).toBe('1');

      const training = page.locator('.report-table').filter({ has: page.getByRole('heading', { level: 3, name: 'Training of those who joined' }) });
      expect(await textOf(training.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Trained', exact: true }) }))).toContain('1');
      const chart = training.locator('svg[role="img"]');
      await chart.waitFor();
      expect(await chart.getAttribute('aria-label')).toContain('Trained 1');
      expect(await page.locator('.report-definitions').textContent()).toContain('Attendance');
      findings.push(...(await seriousAxeFindings(page, 'Reports, the membership report')));

      // Saved, then opened again after choosing another report: the form shows the scheme's membership year again.
      await page.getByLabel('Name for these choices').fill('Allies year');
      await page.getByRole('button', { name: 'Save these choices as a named report' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved “Allies year”.' }).waitFor();
      await page.getByLabel('Report', { exact: true }).selectOption({ label: 'People trained' });
      expect(await page.getByLabel('Kind of period').locator('option:checked').textContent()).toBe('Financial year (from 1 April)');
      const saved = page.locator('.saved-reports__list').getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Allies year' }) });
      await saved.getByRole('button', { name: /^Open\W+Allies year$/ }).click();
      await page.locator('.report-facts').filter({ hasText: /1 May \d{4} to 30 April \d{4}/ }).waitFor();
      expect(await page.getByLabel('Report', { exact: true }).locator('option:checked').textContent()).toBe('Membership');
      expect(await page.getByLabel('Kind of period').locator('option:checked').textContent()).toBe('Membership year of the scheme');
      expect(await page.getByLabel('Membership year').locator('option:checked').textContent()).toBe(membershipYearOf(today));
      expect(findings).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
