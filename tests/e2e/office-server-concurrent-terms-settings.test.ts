import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../shared/words-for-days';
import { officeFolderWithStaff } from '../support/office-server';
import { openAtServer, signedInPageAtServer } from './support/harness';
import { officeInChromium, servedFolder } from './support/office-in-chromium';

/**
 * Two staff at the office, in two browsers over HTTPS, change the same
 * member's term and the same retention settings: the later save is shown the
 * newer value beside theirs and chooses, and nothing is lost unseen.
 */

const TOMASZ = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'admin' as const, password: 'amber-river-compass' };
const JOAN = { name: 'Joan Okafor', email: 'joan@example.org', role: 'admin' as const, password: 'copper-meadow-beacon' };

let memberId: string;

const atOffice = officeInChromium(async () =>
  servedFolder(
    await officeFolderWithStaff([TOMASZ, JOAN], {
      // A member, written as the desktop app would before the folder became a server.
      seed: async ({ handlers: h }) => {
        const course = await h['courses.create']({ title: 'Cultural competency', description: null, durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
        const scheme = await h['schemes.create']({ name: 'Allies', requiredCourseIds: [course.id], windowMonths: 6, yearStarts: null, feePence: null, graceDays: 30 });
        const person = await h['people.create']({ givenName: 'Zofia', familyName: 'Quill', preferredName: null, email: null, phone: null, organisationId: null, membershipJoinedOn: null });
        await h['members.join']({ schemeId: scheme.id, personId: person.id, startsOn: localDay(), feePence: null, paidOn: null, notes: null });
        memberId = person.id;
      },
    }),
  ),
);

const signedInPage = (context: BrowserContext, staff: { email: string; password: string }) => signedInPageAtServer(context, atOffice.server.url, staff);
const open = (page: Page, path: string, heading: string) => openAtServer(page, atOffice.server.url, path, heading);

const changedPanel = (page: Page) => page.getByRole('alert').filter({ hasText: 'Someone else changed this since you opened it' });
const cellsOf = (panel: ReturnType<typeof changedPanel>, label: string) => panel.getByRole('row').filter({ hasText: label }).getByRole('cell').allTextContents();

describe('two staff changing the same term and the same settings on the office server', { timeout: 120_000 }, () => {
  it("shows the later fee both values, and takes the newer one into the form, nothing of it saved", async () => {
    const [first, second] = [await atOffice.browser.newContext(), await atOffice.browser.newContext()];
    try {
      const tomasz = await signedInPage(first, TOMASZ);
      const joan = await signedInPage(second, JOAN);
      await open(tomasz, `/membership/members/${memberId}`, 'Zofia Quill');
      await open(joan, `/membership/members/${memberId}`, 'Zofia Quill');

      const feeForm = (page: Page) => page.getByRole('form', { name: /^Record the fee/ });
      await feeForm(tomasz).getByLabel('Fee (£)').fill('25');
      await feeForm(tomasz).getByRole('button', { name: 'Record fee' }).click();
      await expect.poll(() => tomasz.getByRole('table', { name: 'Terms in Allies' }).textContent()).toContain('£25.00');

      await feeForm(joan).getByLabel('Fee (£)').fill('30');
      await feeForm(joan).getByRole('button', { name: 'Record fee' }).click();
      const panel = changedPanel(joan);
      await panel.waitFor();
      expect(await panel.textContent()).toMatch(/Look at the newer values first: Tomasz Nowak changed this member's term today at \d\d:\d\d, since you opened it/);
      expect(await cellsOf(panel, 'Fee')).toEqual(['£25.00', '£30.00']);

      await panel.getByRole('button', { name: 'Take the newer values' }).click();
      expect(await feeForm(joan).getByLabel('Fee (£)').inputValue()).toBe('25.00');
      await joan.reload();
      await joan.getByRole('heading', { level: 1, name: 'Zofia Quill' }).waitFor();
      expect(await joan.getByRole('table', { name: 'Terms in Allies' }).textContent()).toContain('£25.00');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('shows the later retention save both values, and saves it over on purpose with Save my values', async () => {
    const [first, second] = [await atOffice.browser.newContext(), await atOffice.browser.newContext()];
    try {
      const tomasz = await signedInPage(first, TOMASZ);
      const joan = await signedInPage(second, JOAN);
      await open(tomasz, '/erasures', 'Erasures and retention');
      await open(joan, '/erasures', 'Erasures and retention');

      const years = 'Years to keep a person after they were last seen';
      const days = 'Days to keep imported and refused files in the inbox folder';
      await tomasz.getByLabel(years).fill('8');
      await tomasz.getByRole('button', { name: 'Save retention' }).click();
      await tomasz.getByText('Retention saved.').waitFor();
      // His form stays open: saving again from it is his own change, not refused.
      await tomasz.getByLabel(years).fill('7');
      await tomasz.getByRole('button', { name: 'Save retention' }).click();
      // The list of who is past retention moves to the day seven years back.
      const sevenYearsBack = String(new Date().getFullYear() - 7);
      await expect.poll(() => tomasz.getByRole('region', { name: 'Past the retention period' }).textContent()).toContain(sevenYearsBack);
      expect(await changedPanel(tomasz).count()).toBe(0);

      await joan.getByLabel(days).fill('90');
      await joan.getByRole('button', { name: 'Save retention' }).click();
      const panel = changedPanel(joan);
      await panel.waitFor();
      expect(await panel.textContent()).toContain('Look at the newer values first: these settings were changed since you opened them.');
      expect(await cellsOf(panel, years)).toEqual(['7', '6']);
      expect(await cellsOf(panel, days)).toEqual(['30', '90']);

      await panel.getByRole('button', { name: 'Save my values' }).click();
      await joan.getByText('Retention saved.').waitFor();
      await tomasz.reload();
      await tomasz.getByRole('heading', { level: 1, name: 'Erasures and retention' }).waitFor();
      expect(await tomasz.getByLabel(years).inputValue()).toBe('6');
      expect(await tomasz.getByLabel(days).inputValue()).toBe('90');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
