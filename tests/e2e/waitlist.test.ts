import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Roster } from '../../shared/contract';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { COURSE, laptopAndOffice, type Seed } from './support/seed';
import { browserSuite, type AppUnderTest } from './support/harness';
import { button, heading, isFocused, row, said, textOf } from './support/roster-page';

/**
 * The waiting list on the day, as the facilitator runs it on the laptop: a
 * full session, people waiting in the room, a walk-in told their number,
 * releasing the places of booked people who did not come, and moving
 * someone up the list only with a reason.
 */

const suite = browserSuite();

const bookedNames = ['Amina Begum', 'Bob Carter', 'Chen Li', 'Dara Walsh'] as const;
const waitingNames = ['Eve Osei', 'Femi Adebayo'] as const;

interface FullSession {
  app: AppUnderTest;
  seed: Seed;
  sessionId: string;
  ids: Record<string, string>;
}

/**
 * Today's session for 4 from one minute past midnight, so no-shows can be
 * released whenever the test runs: 4 booked, then Eve and Femi on the
 * waiting list (first and second), both already in the room.
 */
async function fullSession(): Promise<FullSession> {
  const { laptop: app, onOffice, onLaptop: seed, today, sendPackage } = await laptopAndOffice(suite, 'Hall laptop');
  // The office keeps the catalogue; the session reaches the laptop in its package.
  const course = await onOffice('courses.create', { title: COURSE, durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  const venue = await onOffice('venues.create', { name: "St Mark's Church Hall", address: '12 Market Street, Leeds' });
  const session = await onOffice('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    startsAt: `${today}T00:01`,
    endsAt: `${today}T23:59`,
    capacity: bookedNames.length,
    facilitators: ['Sam Okafor'],
  });
  await sendPackage();
  const council = await seed('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  const ids: Record<string, string> = {};
  for (const name of [...bookedNames, ...waitingNames]) {
    const [givenName, familyName] = name.split(' ') as [string, string];
    ids[name] = (await seed('people.create', { givenName, familyName, organisationId: council.id })).id;
    await seed('signIn.book', { sessionId: session.id, personId: ids[name] });
  }
  // Arriving at a full session without a place: they wait in the room.
  for (const name of waitingNames) await seed('signIn.signIn', { sessionId: session.id, personId: ids[name]! });
  return { app, seed, sessionId: session.id, ids };
}

async function openRoster(venue: FullSession): Promise<Page> {
  const page = await venue.app.openPage();
  page.setDefaultTimeout(10_000);
  await heading(page, 'Today').waitFor();
  await page.getByRole('link', { name: `00:01 to 23:59 ${COURSE}` }).click();
  await heading(page, COURSE).waitFor();
  return page;
}

function waitingList(page: Page): Locator {
  return page.getByRole('region', { name: 'Waiting list' });
}

/** One person's entry on the waiting list. */
function waiting(page: Page, name: string): Locator {
  return waitingList(page).getByRole('list', { name: 'People waiting, in order' }).getByRole('listitem').filter({ hasText: name });
}

/** Where everyone stands, as the table shows it, with sign-in times set aside. */
async function tableStates(page: Page): Promise<string[]> {
  await page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Status' }) }).waitFor();
  const rows = await page.getByRole('row').filter({ has: page.getByRole('rowheader') }).allTextContents();
  return rows.filter((text) => !text.startsWith('NameOrganisation')).map((text) => text.replace(/\d\d:\d\d/g, 'hh:mm'));
}

function queueOf(roster: Roster): string[] {
  return roster.entries
    .filter((entry) => entry.state === 'waitlisted')
    .sort((a, b) => a.waitlistPosition! - b.waitlistPosition!)
    .map((entry) => entry.name);
}

describe('the waiting list on the day', () => {
  it('tells a walk-in their number, releases two no-shows to the first two waiting in the room, and keeps it after a reload', async () => {
    const venue = await fullSession();
    const page = await openRoster(venue);
    const places = page.getByRole('region', { name: 'Places' });
    expect(await textOf(places)).toContain('4 of 4 booked, 2 waiting.');
    expect(await textOf(places)).toContain('No places left.');
    expect(await textOf(waiting(page, 'Eve Osei'))).toMatch(/^Number 1\s*Eve Osei\s*In the room/);
    expect(await textOf(waiting(page, 'Femi Adebayo'))).toMatch(/^Number 2\s*Femi Adebayo\s*In the room/);

    // Two of the four booked arrive.
    for (const name of ['Amina Begum', 'Bob Carter']) {
      await button(row(page, name), `Sign in ${name}`).click();
      await said(page, `${name} signed in.`);
    }

    // A walk-in at a full session joins the waiting list and is told their number.
    await button(page, 'Add a walk-in').click();
    await page.getByLabel('Given name').fill('Hana');
    await page.getByLabel('Family name').fill('Novak');
    await button(page, 'Add to waiting list').click();
    await said(page, 'The session is full, so Hana Novak is on the waiting list, number 3.');
    expect(await textOf(waiting(page, 'Hana Novak'))).toMatch(/^Number 3\s*Hana Novak\s*In the room/);
    expect(await textOf(places)).toContain('4 of 4 booked, 3 waiting.');

    // Chen and Dara have not come: after asking, their places go to Eve and Femi, who are here.
    const release = button(page, 'Release no-shows');
    await release.click();
    const dialog = page.getByRole('dialog', { name: 'Release no-shows now?' });
    expect(await textOf(dialog)).toContain('2 booked people not signed in will be marked as no-shows: Chen Li, Dara Walsh.');
    await button(dialog, 'Yes, release no-shows').click();
    await said(page, '2 no-shows released. Places given to: Eve Osei, Femi Adebayo.');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(release)).toBe(true);

    for (const name of ['Eve Osei', 'Femi Adebayo', 'Amina Begum', 'Bob Carter']) {
      expect(await textOf(row(page, name))).toMatch(/Signed in at \d\d:\d\d/);
    }
    for (const name of ['Chen Li', 'Dara Walsh']) expect(await textOf(row(page, name))).toContain('No-show');
    // Hana came too late for a place: she is first in line now.
    expect(await textOf(waiting(page, 'Hana Novak'))).toMatch(/^Number 1\s*Hana Novak\s*In the room/);
    expect(await waitingList(page).getByRole('list', { name: 'People waiting, in order' }).getByRole('listitem').count()).toBe(1);
    expect(await textOf(places)).toContain('4 of 4 booked, 1 waiting.');

    const before = await tableStates(page);
    const waitingBefore = await textOf(waitingList(page));
    await page.reload();
    await heading(page, COURSE).waitFor();
    expect(await tableStates(page)).toEqual(before);
    expect(await textOf(waitingList(page))).toBe(waitingBefore);
    expect(await textOf(places)).toContain('4 of 4 booked, 1 waiting.');

    const roster = await venue.seed('signIn.roster', { sessionId: venue.sessionId });
    expect(roster.counts).toMatchObject({ capacity: 4, booked: 4, signedIn: 4, noShow: 2, waiting: 1, seatsLeft: 0 });
    expect(queueOf(roster)).toEqual(['Hana Novak']);
  }, 60_000);

  it('moves someone up only with a reason, then shows the reason beside them and in their history', async () => {
    const venue = await fullSession();
    const page = await openRoster(venue);
    const femi = waiting(page, 'Femi Adebayo');

    await button(femi, 'Move up Femi Adebayo').click();
    const dialog = page.getByRole('dialog', { name: 'Move Femi Adebayo up the waiting list?' });
    await button(dialog, 'Move up').click();
    // The plain error is beside the field, and linked to it for screen readers.
    const reason = dialog.getByLabel('Reason');
    await dialog.getByRole('heading', { name: 'There is a problem' }).waitFor();
    const description = await reason.evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description).toContain('Error: Write why Femi Adebayo is moving up.');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    // Nothing was sent: the order and the history are as they were.
    let roster = await venue.seed('signIn.roster', { sessionId: venue.sessionId });
    expect(queueOf(roster)).toEqual(['Eve Osei', 'Femi Adebayo']);
    const history = await venue.seed('bookings.history', { sessionId: venue.sessionId, personId: venue.ids['Femi Adebayo']! });
    expect(history.map((event) => event.event)).not.toContain('moved up the waitlist');

    const why = 'Membership deadline: must complete the core course within 6 months of joining';
    await reason.fill(why);
    await button(dialog, 'Move up').click();
    await said(page, 'Femi Adebayo moved up to number 1.');
    await dialog.waitFor({ state: 'detached' });
    expect(await textOf(femi)).toMatch(/^Number 1\s*Femi Adebayo/);
    expect(await textOf(femi)).toContain(`Priority: ${why}`);
    expect(await textOf(waiting(page, 'Eve Osei'))).toMatch(/^Number 2\s*Eve Osei/);
    // Now first, Femi has no "Move up": focus stays on Femi's row, on the next button.
    expect(await femi.getByRole('button', { name: 'Move up Femi Adebayo' }).count()).toBe(0);
    await expect.poll(() => isFocused(button(femi, 'Move down Femi Adebayo'))).toBe(true);

    // The history says what happened, where and why.
    await button(femi, 'History Femi Adebayo').click();
    const events = femi.getByRole('region', { name: 'Booking history: Femi Adebayo' });
    const moved = events.getByRole('listitem').filter({ hasText: 'Moved up the waitlist' });
    expect(await textOf(moved)).toContain('on Hall laptop');
    expect(await textOf(moved)).toContain(`Reason: ${why}`);
    expect(await button(femi, 'Hide history Femi Adebayo').getAttribute('aria-expanded')).toBe('true');

    roster = await venue.seed('signIn.roster', { sessionId: venue.sessionId });
    expect(queueOf(roster)).toEqual(['Femi Adebayo', 'Eve Osei']);
  }, 60_000);
});

describe('accessibility of the waiting list, places and groups', () => {


  it('has no serious or critical axe-core findings with offers, a queue, a history, a group search and the dialogs open', async () => {
    const venue = await fullSession();
    // Three more places: Eve and Femi are offered two, one is held for the council; Gita then waits.
    await venue.seed('bookings.setCapacity', { sessionId: venue.sessionId, capacity: 7 });
    const council = (await venue.seed('organisations.list', { query: 'Newcastle', limit: 1 }))[0]!;
    await venue.seed('bookings.bookGroup', { sessionId: venue.sessionId, organisationId: council.id, places: 1 });
    const gita = await venue.seed('people.create', { givenName: 'Gita', familyName: 'Rao' });
    await venue.seed('signIn.book', { sessionId: venue.sessionId, personId: gita.id });
    await inPageForAxe(suite.browser, venue.app.host.url, { timeout: 10_000 }, async (page) => {
      await page.getByRole('link', { name: `00:01 to 23:59 ${COURSE}` }).click();
      const offers = page.getByRole('list', { name: 'Places offered' });
      await offers.waitFor();
      expect(await offers.getByRole('listitem').count()).toBe(2);
      expect(await textOf(page.getByRole('region', { name: 'Places' }))).toContain('4 of 7 booked, 2 offered, 1 waiting.');
      await button(offers.getByRole('listitem').filter({ hasText: 'Eve Osei' }), 'History Eve Osei').click();
      await page.getByRole('region', { name: 'Booking history: Eve Osei' }).getByText('Offered a place', { exact: true }).waitFor();
      await button(row(page, 'Amina Begum'), 'History Amina Begum').click();
      await page.getByRole('region', { name: 'Booking history: Amina Begum' }).getByText('Booked', { exact: true }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);

      await page.getByLabel('Capacity').fill('3');
      await button(page, 'Change capacity').click();
      await page.getByRole('link', { name: 'Capacity cannot be below the 7 places already taken. Cancel bookings first.' }).waitFor();
      await button(page, 'Name a person in a group place for Newcastle City Council').click();
      await page.getByLabel('Find the person').fill('gi');
      await button(page, 'Name in this place — Gita Rao').waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);

      await button(offers, 'Pass on Femi Adebayo').click();
      const dialog = page.getByRole('dialog', { name: 'Pass on the place offered to Femi Adebayo?' });
      await button(dialog, 'Pass on the place').click();
      await dialog.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
  }, 60_000);
});
