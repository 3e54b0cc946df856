import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { inPageForAxe, seriousAxeFindings } from './support/axe';
import { addDays, COURSE, laptopAndOffice, type Seed } from './support/seed';
import { browserSuite, type AppUnderTest } from './support/harness';
import { button, counts, heading, isFocused, row, said, statusOf, tabTo, textOf } from './support/roster-page';

/**
 * Signing people in at the venue, as a facilitator does it on the laptop:
 * today's sessions, the roster, finding people by the start of a name
 * (accents aside), walk-ins and their look-alikes, undoing a mistake, and
 * everything still there after a reload. Another day's session cannot be
 * signed into, and the screens have no serious accessibility faults.
 */

const VENUE = "St Mark's Church Hall";

const suite = browserSuite();

interface Venue {
  app: AppUnderTest;
  seed: Seed;
  sessionId: string;
  futureSessionId: string;
  people: Record<'siobhan' | 'amira' | 'lukasz' | 'maria' | 'zoe', string>;
}

/**
 * A facilitator's laptop with today's session at a hall (four booked, one
 * known but not booked), an afternoon session, and one tomorrow.
 */
async function venueDay(): Promise<Venue> {
  // `today` is the laptop core's day, the same one the screens ask for.
  const { laptop: app, onOffice, onLaptop: seed, today, sendPackage } = await laptopAndOffice(suite, 'Hall laptop');
  // The office keeps the schedule; the laptop gets it in its package.
  const course = await onOffice('courses.create', {
    title: COURSE,
    durationMinutes: 180,
    learningOutcomes: ['Explore what we mean by culture'],
  });
  const venue = await onOffice('venues.create', { name: VENUE, address: '12 Market Street, Leeds' });
  const session = (day: string, start: string, end: string) =>
    onOffice('sessions.create', {
      courseId: course.id,
      venueId: venue.id,
      startsAt: `${day}T${start}`,
      endsAt: `${day}T${end}`,
      capacity: 20,
      facilitators: ['Sam Okafor'],
    });
  const morning = await session(today, '09:30', '12:30');
  await session(today, '13:30', '16:30');
  const tomorrow = await session(addDays(today, 1), '09:30', '12:30');
  await sendPackage();

  const council = await seed('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  const mind = await seed('organisations.create', { name: 'Leeds Mind', sector: 'vcse' });
  const person = async (givenName: string, familyName: string, organisationId: string | null) =>
    (await seed('people.create', { givenName, familyName, organisationId })).id;
  const people = {
    siobhan: await person('Siobhán', "O'Brien", council.id),
    amira: await person('Amira', 'Khan', council.id),
    lukasz: await person('Łukasz', 'Wójcik', mind.id),
    maria: await person('Мария', 'Иванова', null),
    zoe: await person('Zoë', 'Clarke', mind.id),
  };
  for (const personId of [people.siobhan, people.amira, people.lukasz, people.maria]) {
    await seed('signIn.book', { sessionId: morning.id, personId });
  }
  await seed('signIn.book', { sessionId: tomorrow.id, personId: people.amira });
  return { app, seed, sessionId: morning.id, futureSessionId: tomorrow.id, people };
}

async function openPage(venue: Venue): Promise<Page> {
  const page = await venue.app.openPage();
  page.setDefaultTimeout(10_000);
  return page;
}

async function openRoster(page: Page): Promise<void> {
  await heading(page, 'Today').waitFor();
  await page.getByRole('link', { name: `09:30 to 12:30 ${COURSE}` }).click();
  await heading(page, COURSE).waitFor();
}

async function find(page: Page, typed: string): Promise<Locator> {
  await page.getByLabel('Find a person').fill(typed);
  const found = page.getByRole('list', { name: 'People found' });
  await found.waitFor();
  return found;
}

describe('signing people in at the venue', () => {
  it('signs in booked people, a look-alike walk-in and a new one, undoes one, and shows the same after a reload', async () => {
    const venue = await venueDay();
    const page = await openPage(venue);

    // A facilitator's laptop opens on today's sessions, Today first in the menu.
    await heading(page, 'Today').waitFor();
    const menu = await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents();
    expect(menu[0]).toBe('Today');
    const morning = page.getByRole('listitem').filter({ hasText: '09:30 to 12:30' });
    expect(await textOf(morning)).toContain('4 booked · 0 signed in · 16 places left');
    expect(await textOf(morning)).toContain(VENUE);
    await page.getByRole('listitem').filter({ hasText: '13:30 to 16:30' }).waitFor();

    await openRoster(page);
    expect(await textOf(counts(page))).toBe('4 booked · 0 signed in · 16 places left');
    // Names with accents, apostrophes and other scripts read as they were typed.
    for (const name of ["Siobhán O'Brien", 'Amira Khan', 'Łukasz Wójcik', 'Мария Иванова']) {
      expect(await textOf(row(page, name))).toContain('Booked');
    }

    // 1. From the roster: the row's own button, and focus stays on that row.
    await button(row(page, 'Amira Khan'), 'Sign in Amira Khan').click();
    await said(page, 'Amira Khan signed in.');
    expect(await textOf(row(page, 'Amira Khan'))).toMatch(/Signed in at \d\d:\d\d/);
    // Focus stays on the pressed button, now an inert "Signed in": a second press changes nothing.
    await expect.poll(() => isFocused(button(page, 'Signed in Amira Khan'))).toBe(true);
    await counts(page).getByText('1 signed in').waitFor();

    // 2. By search, typed without the accent; the box is cleared and ready for the next person.
    const found = await find(page, 'sio');
    expect(await textOf(found.getByRole('listitem').filter({ hasText: "Siobhán O'Brien" }))).toContain('Booked');
    await button(found, "Sign in Siobhán O'Brien").click();
    await said(page, "Siobhán O'Brien signed in.");
    expect(await page.getByLabel('Find a person').inputValue()).toBe('');
    await expect.poll(() => isFocused(page.getByLabel('Find a person'))).toBe(true);

    // 3. By keyboard alone: type, Tab to the result's button, Enter.
    await page.keyboard.type('lukasz');
    const lukasz = button(page.getByRole('list', { name: 'People found' }), 'Sign in Łukasz Wójcik');
    await lukasz.waitFor();
    await tabTo(page, lukasz, 20);
    await page.keyboard.press('Enter');
    await said(page, 'Łukasz Wójcik signed in.');
    expect(await textOf(counts(page))).toBe('4 booked · 3 signed in · 16 places left');

    // A walk-in who is really Zoë Clarke, known but not booked: the look-alike is offered instead.
    await button(page, 'Add a walk-in').click();
    await page.getByLabel('Given name').fill('Zoe');
    await page.getByLabel('Family name').fill('clarke');
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Leeds Mind' });
    await button(page, 'Add and sign in').click();
    const warning = page.getByRole('group', { name: 'This looks like someone already known' });
    expect(await textOf(warning)).toContain('Zoë Clarke — Leeds Mind');
    await button(warning, 'Sign in Zoë Clarke instead').click();
    await said(page, 'Zoë Clarke signed in.');
    expect(await textOf(row(page, 'Zoë Clarke'))).toMatch(/Signed in at \d\d:\d\d/);
    await heading(page, 'Add a walk-in', 2).waitFor({ state: 'detached' });

    // A look-alike of someone already signed in: the core's plain refusal is shown.
    await button(page, 'Add a walk-in').click();
    await page.getByLabel('Given name').fill('Siobhan');
    await page.getByLabel('Family name').fill("O'Brien");
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Newcastle City Council' });
    await button(page, 'Add and sign in').click();
    await button(warning, "Sign in Siobhán O'Brien instead").click();
    expect(await textOf(warning.getByRole('alert'))).toBe("No need to sign Siobhán O'Brien in again: they are already signed in.");

    // Someone new from an organisation not known yet.
    await page.getByLabel('Given name').fill('Nasrin');
    await page.getByLabel('Family name').fill('Ahmadi');
    await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Another organisation (not in this list)' });
    await page.getByLabel('Organisation name').fill('Hope Street Surgery');
    await page.getByRole('radio', { name: 'Statutory' }).check();
    await button(page, 'Add and sign in').click();
    await said(page, 'Nasrin Ahmadi signed in as a walk-in.');
    expect(await textOf(row(page, 'Nasrin Ahmadi'))).toContain('Hope Street Surgery');
    expect(await textOf(row(page, 'Nasrin Ahmadi'))).toContain('Walk-in');

    // Amira was signed in by mistake.
    await button(page, 'Undo sign-in Amira Khan').click();
    await button(page.getByRole('dialog', { name: "Undo Amira Khan's sign-in?" }), 'Yes, undo the sign-in').click();
    await said(page, "Amira Khan's sign-in was undone.");
    await expect.poll(() => isFocused(button(page, 'Sign in Amira Khan'))).toBe(true);

    const expected = {
      'Amira Khan': 'Booked',
      "Siobhán O'Brien": 'Signed in at',
      'Łukasz Wójcik': 'Signed in at',
      'Мария Иванова': 'Booked',
      'Zoë Clarke': 'Signed in at',
      'Nasrin Ahmadi': 'Signed in at',
    };
    const states = async () => {
      const result: Record<string, string> = {};
      for (const name of Object.keys(expected)) {
        const badge = await statusOf(page, name);
        result[name] = badge.startsWith('Signed in at') ? 'Signed in at' : badge;
      }
      return result;
    };
    expect(await states()).toEqual(expected);
    expect(await textOf(counts(page))).toBe('6 booked · 4 signed in · 14 places left');

    await page.reload();
    await heading(page, COURSE).waitFor();
    expect(await textOf(counts(page))).toBe('6 booked · 4 signed in · 14 places left');
    expect(await states()).toEqual(expected);
    await page.getByRole('radio', { name: 'Signed in (4)' }).check();
    // In family-name order, as on a paper sheet.
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([
      'Nasrin Ahmadi',
      'Zoë Clarke',
      "Siobhán O'Brien",
      'Łukasz Wójcik',
    ]);
  }, 60_000);

  it('will not sign anyone in to another day’s session, and says why in plain words', async () => {
    const venue = await venueDay();
    const page = await openPage(venue);
    await heading(page, 'Today').waitFor();
    // Tomorrow's session is not among today's.
    await page.getByRole('link', { name: `09:30 to 12:30 ${COURSE}` }).waitFor();
    expect(await page.getByRole('link', { name: new RegExp(COURSE) }).count()).toBe(2);

    await page.goto(`${venue.app.host.url}#/today/${venue.futureSessionId}`);
    await heading(page, COURSE).waitFor();
    const notice = page.getByText('not today, so nobody can sign in to it yet');
    expect(await textOf(notice)).toMatch(/^This session is on \w+day \d+ \w+ \d{4}, not today/);
    // The list and the search still work; there is no sign-in to press.
    expect(await textOf(row(page, 'Amira Khan'))).toContain('Booked');
    expect(await page.getByRole('button', { name: /^Sign in/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open kiosk for this session' }).count()).toBe(0);
    const found = await find(page, 'zo');
    await button(found, 'Book Zoë Clarke').click();
    await said(page, 'Zoë Clarke booked.');
    expect(await textOf(row(page, 'Zoë Clarke'))).toContain('Booked');

    // The core refuses a sign-in however it is asked, with the words the screen shows.
    const dispatch = createDispatcher(venue.app.core.handlers);
    const refused = await dispatch('signIn.signIn', { sessionId: venue.futureSessionId, personId: venue.people.amira });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code).toBe('CONFLICT');
      expect(refused.error.message).toContain('not today, so nobody can sign in to it yet.');
    }
    const roster = await venue.seed('signIn.roster', { sessionId: venue.futureSessionId });
    expect(roster.counts.signedIn).toBe(0);
  });

  it('cancels a booking only after asking, and prints a sheet of those with a place', async () => {
    const venue = await venueDay();
    const page = await openPage(venue);
    await openRoster(page);

    // Changing one's mind keeps the booking and puts focus back where it was.
    const cancel = button(row(page, 'Мария Иванова'), 'Cancel booking Мария Иванова');
    await cancel.click();
    const dialog = page.getByRole('dialog', { name: 'Cancel Мария Иванова\'s booking?' });
    await button(dialog, 'No, keep it').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(cancel)).toBe(true);
    expect(await textOf(row(page, 'Мария Иванова'))).toContain('Booked');

    await cancel.click();
    await button(dialog, 'Yes, cancel the booking').click();
    await said(page, "Мария Иванова's booking was cancelled.");
    expect(await textOf(row(page, 'Мария Иванова'))).toContain('Cancelled');
    expect(await textOf(counts(page))).toBe('3 booked · 0 signed in · 17 places left · 1 cancelled');
    await expect.poll(() => isFocused(button(page, 'Sign in Мария Иванова'))).toBe(true);

    // Print: the browser's print is asked for, and on paper only the sheet shows.
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute('data-printed', 'yes');
    });
    await button(page, 'Print sign-in sheet').click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main menu' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Find a person').isVisible()).toBe(false);
    const sheet = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Signature' }) });
    await sheet.waitFor();
    // The first row of the head is the session and venue (repeated on every printed page), then the columns.
    const names = (await sheet.getByRole('row').allTextContents()).slice(1);
    expect(names[0]).toBe('NameOrganisationSignature');
    expect(names.slice(1, 4)).toEqual(["Amira KhanNewcastle City Council", "Siobhán O'BrienNewcastle City Council", 'Łukasz WójcikLeeds Mind']);
    // Blank lines for walk-ins at the end.
    expect(names.slice(4).every((text) => text === '')).toBe(true);
    expect(names.length).toBeGreaterThanOrEqual(4 + 5);
    expect(await textOf(page.getByRole('heading', { name: `Sign-in sheet: ${COURSE}` }))).toBeTruthy();
  });

  it('opens the kiosk for the session once the facilitator has chosen a PIN', async () => {
    const venue = await venueDay();
    const page = await openPage(venue);
    await openRoster(page);

    await button(page, 'Open kiosk for this session').click();
    const dialog = page.getByRole('dialog', { name: 'Open the kiosk for this session?' });
    await dialog.getByLabel('Kiosk PIN').fill('2468');
    await dialog.getByLabel('Type the PIN again').fill('2486');
    await button(dialog, 'Open the kiosk').click();
    await dialog.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await dialog.getByRole('link', { name: 'The two PINs are not the same. Type the PIN again.' }).waitFor();
    expect((await venue.seed('kiosk.status', {})).active).toBe(false);

    await dialog.getByLabel('Type the PIN again').fill('2468');
    await button(dialog, 'Open the kiosk').click();
    // The page reloads into the kiosk: the facilitator's menu is gone.
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor({ state: 'detached' });
    const status = await venue.seed('kiosk.status', {});
    expect(status.active).toBe(true);
    expect(status.session?.id).toBe(venue.sessionId);
  });
});

describe('accessibility of the sign-in screens', () => {


  it('has no serious or critical axe-core findings on Today, the roster, the walk-in form and the dialogs', async () => {
    const venue = await venueDay();
    // The page's CSP would refuse the injected axe script; only this test's own context sets it aside.
    await inPageForAxe(suite.browser, venue.app.host.url, { timeout: 10_000 }, async (page) => {
      await heading(page, 'Today').waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);

      await openRoster(page);
      await button(row(page, 'Amira Khan'), 'Sign in Amira Khan').click();
      await said(page, 'Amira Khan signed in.');
      await find(page, 'a');
      expect(await seriousAxeFindings(page)).toEqual([]);

      await button(page, 'Add a walk-in').click();
      await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Another organisation (not in this list)' });
      await button(page, 'Add and sign in').click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);

      await page.getByLabel('Given name').fill('Amira');
      await page.getByLabel('Family name').fill('Khan');
      await page.getByLabel('Organisation', { exact: true }).selectOption({ label: 'Newcastle City Council' });
      await button(page, 'Add and sign in').click();
      await page.getByRole('group', { name: 'This looks like someone already known' }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);

      await button(page, 'Open kiosk for this session').click();
      await page.getByRole('dialog', { name: 'Open the kiosk for this session?' }).waitFor();
      expect(await seriousAxeFindings(page)).toEqual([]);
    });
  }, 60_000);
});
