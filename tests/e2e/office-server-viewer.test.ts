import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localDay } from '../../shared/words-for-days';
import { officeCoreWithStaff } from '../support/office-server';
import { asIncoming, enrolLaptop, sendPackage } from '../support/sync';
import { testClock } from '../support/temp-core';
import { openAtServer, signedInPageAtServer } from './support/harness';
import { officeInChromium, servedCore } from './support/office-in-chromium';

/**
 * A coordinator and a viewer at the office, in two browsers at once over
 * HTTPS: on the screens of evaluations and notes, members and requests to
 * join, organisations' requests, saved reports, people, organisations and
 * facilitators, the coordinator is offered each change and the viewer none
 * of them (the core would refuse every one), while both read the same records.
 * The coordinator in turn is not offered what only an admin may do.
 */

const COORDINATOR = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'coordinator' as const, password: 'amber-river-compass' };
const VIEWER = { name: 'Amira Khan', email: 'amira@example.org', role: 'viewer' as const, password: 'silver-heron-window' };

let seeded: { sessionId: string; memberId: string; organisationId: string };

const atOffice = officeInChromium(async () => {
  // The office's clock reads now, so today's session is today in the browsers too.
  const clock = testClock(new Date());
  const office = await officeCoreWithStaff([COORDINATOR, VIEWER], { clock });
  const call = office.call;
  const today = localDay(clock());
  const course = await call('courses.create', { title: 'First aid', durationMinutes: 180, learningOutcomes: ['Call for help'], evaluationMode: 'linked' });
  const venue = await call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
  const session = await call('sessions.create', { courseId: course.id, venueId: venue.id, startsAt: `${today}T10:00`, endsAt: `${today}T13:00`, capacity: 12, facilitators: ['Sam Okafor'] });
  const clinic = await call('organisations.create', { name: 'Riverside Clinic', sector: 'statutory' });
  const zofia = await call('people.create', { givenName: 'Zofia', familyName: 'Quill', organisationId: clinic.id });
  const chidi = await call('people.create', { givenName: 'Chidi', familyName: 'Okoro', organisationId: clinic.id });
  for (const person of [zofia, chidi]) await call('signIn.book', { sessionId: session.id, personId: person.id });
  // Zofia is signed in and has not answered the evaluation yet.
  await call('signIn.signIn', { sessionId: session.id, personId: zofia.id });
  await call('notes.add', { sessionId: session.id, text: 'Asked how to register with a GP', tags: ['GP registration'], needsResponse: true });
  const scheme = await call('schemes.create', { name: 'Allies', requiredCourseIds: [course.id], yearStarts: '04-01' });
  await call('members.join', { schemeId: scheme.id, personId: zofia.id, startsOn: today });
  await call('requests.create', { organisationId: clinic.id, courseId: course.id, contactName: 'Priya Shah', staffCount: 4 });
  await call('savedReports.save', { name: 'City quarter', choice: { kind: 'training', period: { kind: 'yearToDate' }, filters: {} } });
  // Chidi asked Sam's laptop to join Allies; its end-of-day file brought the request.
  const laptop = await enrolLaptop(office, 'Hall laptop 2', { clock, facilitators: ['Sam Okafor'] });
  await sendPackage(office, laptop);
  await laptop.call('memberRequests.record', { sessionId: session.id, personId: chidi.id, schemeId: scheme.id });
  await call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
  seeded = { sessionId: session.id, memberId: zofia.id, organisationId: clinic.id };
  return servedCore(office, laptop);
});

function signedInPage(context: BrowserContext, staff: { email: string; password: string }): Promise<Page> {
  return signedInPageAtServer(context, `${atOffice.server.origin}/`, staff);
}

/**
 * Opens the same screen for both, waits until `ready` shows on each (the
 * records have arrived), then: every control is offered to the coordinator
 * and none to the viewer.
 */
async function bothOpen(
  pages: { coordinator: Page; viewer: Page },
  screen: { path: string; heading: string | RegExp; ready(page: Page): Locator; changes: ((page: Page) => Locator)[] },
): Promise<void> {
  for (const page of [pages.coordinator, pages.viewer]) {
    await openAtServer(page, `${atOffice.server.origin}/`, screen.path, screen.heading);
    await screen.ready(page).first().waitFor();
  }
  for (const control of screen.changes) {
    await control(pages.coordinator).first().waitFor();
    const offered = control(pages.viewer);
    expect({ screen: screen.path, control: String(offered), viewerSees: await offered.count() }).toEqual({ screen: screen.path, control: String(offered), viewerSees: 0 });
  }
}

const button = (name: string | RegExp) => (page: Page) => page.getByRole('button', { name });
const link = (name: string | RegExp) => (page: Page) => page.getByRole('link', { name });
const text = (words: string | RegExp) => (page: Page) => page.getByText(words);

describe('a viewer and a coordinator on the office server', { timeout: 120_000 }, () => {
  it('offers the coordinator each change and the viewer none, on the same records', async () => {
    const [first, second] = [await atOffice.browser.newContext(), await atOffice.browser.newContext()];
    try {
      const pages = { coordinator: await signedInPage(first, COORDINATOR), viewer: await signedInPage(second, VIEWER) };

      await bothOpen(pages, {
        path: `/sessions/${seeded.sessionId}/evaluation`,
        heading: 'Evaluation: First aid',
        ready: (page) => page.getByRole('row').filter({ hasText: 'Zofia Quill' }),
        changes: [
          button('Start the evaluation on this laptop'),
          button(/^Answer on this laptop/),
          (page) => page.getByRole('heading', { name: 'Answer on this laptop' }),
          link('Edit the evaluation questions'),
          button('Add note'),
          button('Correct this note'),
        ],
      });
      // The viewer still reads who has answered, and the notes.
      await pages.viewer.getByRole('heading', { level: 2, name: 'Who has answered' }).waitFor();
      expect(await pages.viewer.getByRole('row').filter({ hasText: 'Zofia Quill' }).textContent()).toContain('Not yet');
      await pages.viewer.getByText('Asked how to register with a GP').waitFor();

      await bothOpen(pages, {
        path: '/you-said-we-did',
        heading: 'You said, we did',
        ready: text('Asked how to register with a GP'),
        changes: [button(/^Save response/), button('Correct this note')],
      });

      await bothOpen(pages, {
        path: `/membership/members/${seeded.memberId}`,
        heading: 'Zofia Quill',
        ready: (page) => page.getByRole('heading', { level: 2, name: 'Allies' }),
        changes: [button('Renew membership'), button('Record fee'), button('Cancel term'), link('Add Zofia Quill to another scheme')],
      });

      await bothOpen(pages, {
        path: '/membership/requests',
        heading: 'Requests to join',
        ready: (page) => page.getByRole('row').filter({ hasText: 'Chidi Okoro' }),
        changes: [button(/^Confirm/), button(/^Decline/)],
      });

      await bothOpen(pages, {
        path: '/requests',
        heading: 'Requests',
        ready: (page) => page.getByRole('heading', { level: 3, name: 'Riverside Clinic' }),
        changes: [link('New request'), link(/^Schedule/), button(/^Decline/)],
      });

      await bothOpen(pages, {
        path: '/reports',
        heading: 'Reports',
        ready: (page) => page.getByRole('row').filter({ hasText: 'City quarter' }),
        changes: [button('Save these choices as a named report'), button(/^Run again for the next period/), button(/^Delete/)],
      });
      // A saved report still opens for the viewer.
      await pages.viewer.getByRole('button', { name: 'Open City quarter' }).waitFor();

      await bothOpen(pages, {
        path: '/people',
        heading: 'People',
        ready: (page) => page.getByRole('row').filter({ hasText: 'Quill' }),
        changes: [(page) => page.getByRole('checkbox'), (page) => page.getByRole('heading', { name: 'Book the chosen people onto a session' })],
      });

      await bothOpen(pages, {
        path: '/organisations',
        heading: 'Organisations',
        ready: (page) => page.getByRole('row').filter({ hasText: 'Riverside Clinic' }),
        changes: [link(/^Edit/)],
      });
      // The viewer opens it instead, to read it and its staff.
      await pages.viewer.getByRole('link', { name: /^Open/ }).click();
      await pages.viewer.getByRole('heading', { level: 1, name: 'Edit organisation: Riverside Clinic' }).waitFor();

      await bothOpen(pages, {
        path: `/organisations/${seeded.organisationId}`,
        heading: 'Edit organisation: Riverside Clinic',
        ready: (page) => page.getByRole('heading', { level: 2, name: 'Staff' }),
        changes: [button('Save organisation'), (page) => page.getByRole('heading', { name: 'Same organisation as another record?' }), (page) => page.getByRole('checkbox')],
      });

      await bothOpen(pages, {
        path: '/facilitators',
        heading: 'Facilitators',
        ready: (page) => page.getByRole('row').filter({ hasText: 'Sam Okafor' }),
        changes: [link('Add facilitator'), link(/^Link to a facilitator/)],
      });

      // The coordinator imports files, but only an admin chooses the inbox folder.
      await pages.coordinator.goto(`${atOffice.server.origin}/#/import`);
      await pages.coordinator.getByRole('heading', { level: 2, name: 'Files arriving in a folder' }).waitFor();
      await pages.coordinator.getByText('Ask an admin to save an inbox folder; it can then be checked here.').waitFor();
      expect(await pages.coordinator.getByRole('button', { name: 'Save inbox folder' }).count()).toBe(0);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
