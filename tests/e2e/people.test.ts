import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generatePeople } from '../../electron/demo/generate-people';
import { normaliseForSearch } from '../../shared/search-text';
import { pageForAxe, seriousAxeFindings } from './support/axe';
import { browserSuite, type AppUnderTest } from './support/harness';
import { morningSession, seeder, type Seed } from './support/seed';

/**
 * People at the office: the list pages through everyone in the order a UK
 * reader expects, a person's page shows what they did and every change, New
 * person and New organisation offer the one already here, two records of
 * one person are merged, and the list reflows at 200% zoom.
 */

const suite = browserSuite();

async function office(): Promise<{ app: AppUnderTest; seed: Seed; today: string }> {
  const app = await suite.startApp();
  const seed = seeder(app);
  await seed('device.setUp', { role: 'office', name: 'Central office' });
  const { today } = await seed('device.status', {});
  return { app, seed, today };
}

/** A page that can run the accessibility checker, once the app shows its first screen. */
async function openPage(app: AppUnderTest, options: { viewport?: { width: number; height: number }; deviceScaleFactor?: number } = {}): Promise<Page> {
  const page = await pageForAxe(suite.browser, app.host.url, { timeout: 15_000, ...options });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

async function goTo(page: Page, path: string, heading: string): Promise<void> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, `#${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
const rowNames = (page: Page) => page.getByRole('table', { name: 'People' }).locator('tbody th').allTextContents();

describe('the people list', () => {
  it('pages through everyone with a count, in name order with accents beside their letter', async () => {
    const { app, seed } = await office();
    for (const [givenName, familyName] of [['Tom', 'Butt'], ['Li', 'Zhao'], ['Ewa', 'Żak'], ['Anna', 'Bąk'], ['Emre', 'Öztürk']] as const) {
      await seed('people.create', { givenName, familyName });
    }
    await generatePeople(app.core, 110, 4);
    const page = await openPage(app);
    await goTo(page, '/people', 'People');

    const count = page.locator('.list-count');
    await expect.poll(() => count.textContent()).toBe('Showing 1–50 of 115 people');
    const names = await rowNames(page);
    expect(await seriousAxeFindings(page, 'People')).toEqual([]);
    const pages = page.getByRole('navigation', { name: 'People list pages' });
    await pages.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => count.textContent()).toBe('Showing 51–100 of 115 people');
    names.push(...(await rowNames(page)));
    await pages.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => count.textContent()).toBe('Showing 101–115 of 115 people');
    names.push(...(await rowNames(page)));
    expect(await pages.getByRole('button', { name: 'Next page' }).count()).toBe(0);
    // By keyboard: Enter on Previous page shows the page before and puts focus on its count, to read on from there.
    await pages.getByRole('button', { name: 'Previous page' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => count.textContent()).toBe('Showing 51–100 of 115 people');
    await expect.poll(() => count.evaluate((element) => element === document.activeElement)).toBe(true);

    expect(names).toHaveLength(115);
    const at = (family: string) => names.findIndex((name) => name.startsWith(`${family},`));
    expect(at('Bąk')).toBeLessThan(at('Butt'));
    expect(at('Öztürk')).toBeGreaterThan(at('Butt'));
    expect(at('Żak')).toBeLessThan(at('Zhao'));
    // Every family name in order once accents, case and apostrophes are set aside (O'Brien with the Os).
    const families = names.map((name) => normaliseForSearch(name.split(',')[0]!));
    expect(families).toEqual([...families].sort());

    // A search pages the same way and counts what it found.
    await page.getByLabel('Search people by name').fill('zhao');
    await expect.poll(() => count.textContent()).toBe('Showing 1 of 1 person');
  });

  it('has no sideways scroll at 200% zoom: the table stacks its rows and keeps every button in view', async () => {
    const { app, seed } = await office();
    const organisation = await seed('organisations.create', { name: 'Newcastle upon Tyne Hospitals NHS Foundation Trust', sector: 'statutory' });
    for (let index = 0; index < 5; index += 1) {
      await seed('people.create', {
        givenName: `Maximiliana${index}`,
        familyName: 'Wolstenholme-Fitzgerald',
        email: `maximiliana.wolstenholme-fitzgerald.${index}@newcastle-hospitals.example.org`,
        phone: '0191 000 0000',
        organisationId: organisation.id,
      });
    }
    // 1366 × 768 at 200% zoom is 683 × 384 CSS pixels.
    const page = await openPage(app, { viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
    await goTo(page, '/people', 'People');
    await page.locator('.list-count').waitFor();
    const widths = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    const list = await widths();
    expect(list.scroll).toBeLessThanOrEqual(list.client);
    const open = page.getByRole('link', { name: 'Open person: Maximiliana0 Wolstenholme-Fitzgerald' });
    const box = (await open.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(list.client);
    await open.click();
    await heading(page, 'Maximiliana0 Wolstenholme-Fitzgerald').waitFor();
    const person = await widths();
    expect(person.scroll).toBeLessThanOrEqual(person.client);
  });
});

describe("a person's page", () => {
  it('shows their bookings, attendance and the history of every change, and passes axe', async () => {
    const { app, seed, today } = await office();
    const morning = await morningSession(seed, today);
    const person = await seed('people.create', { givenName: 'Amira', familyName: 'Khan', email: 'amira@example.org' });
    await seed('signIn.book', { sessionId: morning.session.id, personId: person.id });
    await seed('signIn.signIn', { sessionId: morning.session.id, personId: person.id });
    const page = await openPage(app);
    await goTo(page, '/people', 'People');
    await page.getByRole('link', { name: `Open person: ${person.givenName} ${person.familyName}` }).click();
    await heading(page, `${person.givenName} ${person.familyName}`).waitFor();

    await page.getByRole('heading', { level: 2, name: 'Bookings' }).waitFor();
    await page.getByText('Attended 1 session.').waitFor();
    const history = page.getByRole('table', { name: 'History of changes' });
    await history.getByRole('cell', { name: 'Signed in' }).waitFor();
    await expect.poll(() => history.getByRole('cell', { name: 'Central office' }).count()).toBeGreaterThan(1);
    await page.getByRole('heading', { level: 2, name: 'Memberships' }).waitFor();
    expect(await seriousAxeFindings(page, "A person's page")).toEqual([]);

    await page.getByRole('link', { name: 'Change details' }).click();
    await heading(page, `Edit person: ${person.givenName} ${person.familyName}`).waitFor();
    await page.getByLabel('Phone').fill('0191 496 0000');
    await page.getByRole('button', { name: 'Save person' }).click();
    await heading(page, `${person.givenName} ${person.familyName}`).waitFor();
    await page.getByRole('cell', { name: 'phone changed to 0191 496 0000', exact: false }).waitFor();
  });
});

describe('duplicates', () => {
  it('offers the person already here before New person saves, and saves anyway when asked', async () => {
    const { app, seed } = await office();
    const surgery = await seed('organisations.create', { name: 'Hope Street Surgery', sector: 'statutory' });
    const existing = await seed('people.create', { givenName: 'Siobhán', familyName: "O'Brien", organisationId: surgery.id });
    const page = await openPage(app);
    await goTo(page, '/people/new', 'New person');
    await page.getByLabel('Given name').fill('siobhan');
    await page.getByLabel('Family name').fill('obrien');
    await page.getByLabel('Organisation').selectOption({ label: 'Hope Street Surgery' });
    await page.getByRole('button', { name: 'Save person' }).click();

    const warning = page.getByRole('region', { name: 'This person may already be here' });
    await warning.waitFor();
    expect(await warning.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await warning.getByRole('link', { name: "Open Siobhán O'Brien (Hope Street Surgery)" }).getAttribute('href')).toContain(existing.id);
    expect(await seriousAxeFindings(page, 'New person, a possible duplicate')).toEqual([]);
    await warning.getByRole('button', { name: 'Save as a new person anyway' }).click();
    await heading(page, 'People').waitFor();
    expect((await seed('people.page', { query: 'siobhan' })).total).toBe(2);
  });

  it('offers "Hope Street Surgery" when someone types "hope street surgery"', async () => {
    const { app, seed } = await office();
    const surgery = await seed('organisations.create', { name: 'Hope Street Surgery', sector: 'statutory' });
    const page = await openPage(app);
    await goTo(page, '/organisations/new', 'New organisation');
    await page.getByLabel('Organisation name').fill('hope street surgery');
    await page.getByRole('radio', { name: 'Statutory' }).check();
    await page.getByRole('button', { name: 'Save organisation' }).click();
    const warning = page.getByRole('region', { name: 'This organisation may already be here' });
    await warning.getByRole('link', { name: 'Open Hope Street Surgery (Statutory)' }).click();
    await heading(page, 'Edit organisation: Hope Street Surgery').waitFor();
    await goTo(page, '/organisations', 'Organisations');
    await expect.poll(() => page.locator('.list-count').textContent()).toBe('Showing 1 of 1 organisation');
    expect(await seed('organisations.list', {})).toEqual([surgery]);
  });

  it('merges two records of one person, keeping both histories', async () => {
    const { app, seed, today } = await office();
    const morning = await morningSession(seed, today);
    const grace = await seed('people.create', { givenName: 'Grace', familyName: 'Walker', email: 'grace@example.org' });
    const again = await seed('people.create', { givenName: 'Grace', familyName: 'Walker' });
    await seed('signIn.book', { sessionId: morning.session.id, personId: again.id });
    const page = await openPage(app);
    await goTo(page, `/people/${grace.id}`, 'Grace Walker');
    await page.getByRole('link', { name: 'Merge with another record' }).click();
    await heading(page, 'Merge Grace Walker with another record').waitFor();
    // The other record has her name and, like her, no organisation, so it is offered first; a search finds it too.
    await page.getByRole('heading', { level: 3, name: 'Records like this one' }).waitFor();
    await page.getByLabel('Search for the other record by name').fill('walker');
    await page.getByRole('button', { name: 'Choose Grace Walker (No email · No organisation)' }).waitFor();
    await page.getByRole('button', { name: 'Choose Grace Walker', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Merge these two records?' }).waitFor();
    expect(await seriousAxeFindings(page, 'Merge two records')).toEqual([]);
    await page.getByRole('button', { name: 'Merge these two records' }).click();

    await heading(page, 'Grace Walker').waitFor();
    await page.getByText('Merged into this record: Grace Walker.', { exact: false }).waitFor();
    await page.getByRole('table', { name: 'Coming up' }).getByRole('cell', { name: morning.session.courseTitle }).waitFor();
    await page.getByRole('table', { name: 'History of changes' }).getByRole('cell', { name: 'Grace Walker merged into Grace Walker' }).waitFor();
    expect((await seed('people.page', { query: 'grace' })).total).toBe(1);
  });
});
