import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../shared/words-for-days';
import { officeFolderWithStaff } from '../support/office-server';
import { openAtServer, signedInPageAtServer } from './support/harness';
import { officeInChromium, servedFolder } from './support/office-in-chromium';

/**
 * Two coordinators at the office edit the same venue in two browsers over
 * HTTPS: the later save is shown both values and chooses. A viewer walks the
 * screens and is offered no button the core would refuse.
 */

const TOMASZ = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'coordinator' as const, password: 'amber-river-compass' };
const JOAN = { name: 'Joan Okafor', email: 'joan@example.org', role: 'coordinator' as const, password: 'copper-meadow-beacon' };
const VIEWER = { name: 'Amira Khan', email: 'amira@example.org', role: 'viewer' as const, password: 'silver-heron-window' };

let seeded: { venueId: string; sessionId: string; personId: string };

const atOffice = officeInChromium(async () =>
  servedFolder(
    await officeFolderWithStaff([TOMASZ, JOAN, VIEWER], {
      // The records, written as the desktop app would before the folder became a server.
      seed: async ({ handlers: h }) => {
        const today = localDay();
        const course = await h['courses.create']({ title: 'First aid', description: null, durationMinutes: 180, learningOutcomes: ['Call for help'] });
        const venue = await h['venues.create']({ name: 'Riverside Hall', address: '1 River Lane', accessNotes: null });
        const session = await h['sessions.create']({ courseId: course.id, venueId: venue.id, startsAt: `${today}T10:00`, endsAt: `${today}T13:00`, capacity: 12, facilitators: ['Sam Okafor'], status: 'scheduled' });
        const person = await h['people.create']({ givenName: 'Zofia', familyName: 'Quill', preferredName: null, email: null, phone: null, organisationId: null, membershipJoinedOn: null });
        await h['signIn.book']({ sessionId: session.id, personId: person.id });
        seeded = { venueId: venue.id, sessionId: session.id, personId: person.id };
      },
    }),
  ),
);

function signedInPage(context: BrowserContext, staff: { email: string; password: string }): Promise<Page> {
  return signedInPageAtServer(context, atOffice.server.url, staff);
}

function open(page: Page, path: string, heading: string | RegExp): Promise<void> {
  return openAtServer(page, atOffice.server.url, path, heading);
}

describe('concurrent edits and a viewer on the office server', { timeout: 120_000 }, () => {
  it('shows the later save both values, and lets them edit again and keep both changes', async () => {
    const [first, second] = [await atOffice.browser.newContext(), await atOffice.browser.newContext()];
    try {
      const tomasz = await signedInPage(first, TOMASZ);
      const joan = await signedInPage(second, JOAN);
      await open(tomasz, `/venues/${seeded.venueId}`, 'Edit venue: Riverside Hall');
      await open(joan, `/venues/${seeded.venueId}`, 'Edit venue: Riverside Hall');

      await tomasz.getByLabel('Address').fill('2 River Lane');
      await tomasz.getByRole('button', { name: 'Save venue' }).click();
      await tomasz.getByRole('heading', { level: 1, name: 'Venues' }).waitFor();

      await joan.getByLabel('Access notes').fill('Hearing loop in the main hall');
      await joan.getByRole('button', { name: 'Save venue' }).click();
      const panel = joan.getByRole('alert').filter({ hasText: 'Someone else changed this since you opened it' });
      await panel.waitFor();
      expect(await panel.textContent()).toMatch(/Look at the newer values first: Tomasz Nowak changed this venue today at \d\d:\d\d, since you opened it/);
      const address = panel.getByRole('row').filter({ hasText: 'Address' });
      expect(await address.getByRole('cell').allTextContents()).toEqual(['2 River Lane', '1 River Lane']);
      const notes = panel.getByRole('row').filter({ hasText: 'Access notes' });
      expect(await notes.getByRole('cell').allTextContents()).toEqual(['Not given', 'Hearing loop in the main hall']);

      // She goes back to the form with her values, takes his address too, and saves both.
      await panel.getByRole('button', { name: 'Edit again' }).click();
      await joan.getByLabel('Address').fill('2 River Lane');
      await joan.getByRole('button', { name: 'Save venue' }).click();
      await joan.getByRole('heading', { level: 1, name: 'Venues' }).waitFor();
      const row = joan.getByRole('row').filter({ hasText: 'Riverside Hall' });
      expect(await row.textContent()).toContain('2 River Lane');
      expect(await row.textContent()).toContain('Hearing loop in the main hall');

      // Again: she renames it while he edits the notes; he takes the newer values into his form, nothing of his saved.
      await open(tomasz, `/venues/${seeded.venueId}`, 'Edit venue: Riverside Hall');
      await open(joan, `/venues/${seeded.venueId}`, 'Edit venue: Riverside Hall');
      await joan.getByLabel('Venue name').fill('Riverside Church Hall');
      await joan.getByRole('button', { name: 'Save venue' }).click();
      await joan.getByRole('heading', { level: 1, name: 'Venues' }).waitFor();
      await tomasz.getByLabel('Access notes').fill('Ramp at the side door');
      await tomasz.getByRole('button', { name: 'Save venue' }).click();
      const his = tomasz.getByRole('alert').filter({ hasText: 'Someone else changed this since you opened it' });
      await his.getByRole('button', { name: 'Take the newer values' }).click();
      expect(await tomasz.getByLabel('Venue name').inputValue()).toBe('Riverside Church Hall');
      expect(await tomasz.getByLabel('Access notes').inputValue()).toBe('Hearing loop in the main hall');

      // And once more, where he keeps his own on purpose: Save my values saves over hers.
      await open(joan, `/venues/${seeded.venueId}`, 'Edit venue: Riverside Church Hall');
      await joan.getByLabel('Address').fill('3 River Lane');
      await joan.getByRole('button', { name: 'Save venue' }).click();
      await joan.getByRole('heading', { level: 1, name: 'Venues' }).waitFor();
      await tomasz.getByLabel('Address').fill('4 River Lane');
      await tomasz.getByRole('button', { name: 'Save venue' }).click();
      await his.getByRole('button', { name: 'Save my values' }).click();
      await tomasz.getByRole('heading', { level: 1, name: 'Venues' }).waitFor();
      expect(await tomasz.getByRole('row').filter({ hasText: 'Riverside Church Hall' }).textContent()).toContain('4 River Lane');
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('offers a viewer no edit, sign-in, booking or session buttons on the screens walked', async () => {
    const context = await atOffice.browser.newContext();
    try {
      const viewer = await signedInPage(context, VIEWER);
      await open(viewer, '/venues', 'Venues');
      await viewer.getByRole('row').filter({ hasText: /Riverside/ }).waitFor();
      expect(await viewer.getByRole('link', { name: /^Edit/ }).count()).toBe(0);

      await open(viewer, '/sessions', 'Sessions');
      await viewer.getByRole('row').filter({ hasText: 'First aid' }).first().waitFor();
      expect(await viewer.getByRole('link', { name: /^Edit/ }).count()).toBe(0);

      await open(viewer, `/today/${seeded.sessionId}`, /First aid/);
      await viewer.getByRole('row').filter({ hasText: 'Zofia Quill' }).waitFor();
      for (const name of [/^Sign in/, /^Book/, 'Open kiosk for this session', 'Change capacity', /^Add a walk-in/]) {
        expect({ name: String(name), count: await viewer.getByRole('button', { name }).count() }).toEqual({ name: String(name), count: 0 });
      }

      await open(viewer, `/people/${seeded.personId}`, 'Zofia Quill');
      expect(await viewer.getByRole('link', { name: 'Change details' }).count()).toBe(0);
      expect(await viewer.getByRole('link', { name: 'Merge with another record' }).count()).toBe(0);

      // A form opened by its address can be read, not saved.
      await open(viewer, `/venues/${seeded.venueId}`, /^Edit venue: Riverside/);
      expect(await viewer.getByRole('button', { name: 'Save venue' }).count()).toBe(0);
      await viewer.getByText('You can read this. Ask a coordinator or an admin to change it.').waitFor();
    } finally {
      await context.close();
    }
  });
});
