import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, type AppUnderTest } from './support/harness';
import { COURSE, laptopAndOffice, morningSession } from './support/seed';

/**
 * Erasing a person at the office, from their page: the confirmation names
 * them and what goes with them; after it, the laptop's next package removes
 * them from its roster and search, and its next end-of-day file confirms it,
 * which the office's Erasures screen shows.
 */

const suite = browserSuite();

async function openPage(app: AppUnderTest, path: string): Promise<Page> {
  const page = await (await suite.browser.newContext()).newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${app.host.url}#${path}`);
  return page;
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });

describe('erasing a person', () => {
  it('erases them from their page at the office, and a paired laptop loses them from its roster and search with its next package', async () => {
    const world = await laptopAndOffice(suite, 'Hall laptop 2');
    const { session } = await morningSession(world.onOffice, world.today);
    const person = await world.onOffice('people.create', { givenName: 'Zofia', familyName: 'Quillfeather', email: 'zofia@example.org' });
    await world.onOffice('signIn.book', { sessionId: session.id, personId: person.id });
    await world.sendPackage();
    expect((await world.onLaptop('signIn.roster', { sessionId: session.id })).entries.map((entry) => entry.name)).toEqual(['Zofia Quillfeather']);

    const page = await openPage(world.office, `/people/${person.id}`);
    await heading(page, 'Zofia Quillfeather').waitFor();
    await page.getByRole('link', { name: 'Erase this person' }).click();
    await heading(page, 'Erase Zofia Quillfeather').waitFor();
    const whatGoes = page.getByRole('table', { name: 'What goes with them' });
    expect(await whatGoes.getByRole('row', { name: /Bookings/ }).textContent()).toContain('1');

    // Without a reason or a name, nothing is erased and the form says what to do.
    await page.getByRole('button', { name: 'Erase Zofia Quillfeather for good' }).click();
    await page.getByText('Enter your name, so the record says who erased them.').first().waitFor();
    await page.getByLabel('Why are they erased?').fill('Asked to be forgotten by email');
    await page.getByLabel('Your name').fill('Priya Shah');
    await page.getByRole('button', { name: 'Erase Zofia Quillfeather for good' }).click();
    await heading(page, 'Erasures and retention').waitFor();
    const line = page.getByRole('table', { name: 'Erasures made at this office, newest first' }).getByRole('row').nth(1);
    await expect.poll(() => line.textContent()).toContain('Waiting for Hall laptop 2.');
    expect(await line.textContent()).not.toContain('Quillfeather');

    const outcome = await world.sendPackage();
    expect(outcome.message).toContain('1 erasure from the office carried out here');
    const laptopPage = await openPage(world.laptop, `/today/${session.id}`);
    await heading(laptopPage, COURSE).waitFor();
    await laptopPage.getByText('Nobody is booked on this session yet.', { exact: false }).first().waitFor();
    expect(await laptopPage.getByText('Quillfeather').count()).toBe(0);
    expect(await world.onLaptop('signIn.find', { sessionId: session.id, query: 'quill', limit: 10 })).toEqual([]);

    expect((await world.sendBundle()).message).toContain('Hall laptop 2 confirmed 1 erasure.');
    await page.reload();
    await heading(page, 'Erasures and retention').waitFor();
    await expect.poll(() => line.textContent()).toContain('Every laptop has confirmed.');
  });
});
