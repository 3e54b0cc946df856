import type { Locator, Page } from 'playwright-core';
import { COURSE, laptopWithMorningSession, type Seed } from './seed';
import type { AppUnderTest, BrowserSuite } from './harness';
import { heading, textOf } from './screen';

/**
 * A facilitator's laptop on the morning of a session at the hall, with the
 * people the test names booked on it, and the ways a test reads the
 * session's page as a facilitator would: by role and name, never by class.
 */

// The usual ways to read a screen, kept once in screen.ts and offered here for the session page's tests.
export { button, heading, isFocused, said, tabTo, textOf } from './screen';

export interface HallMorning {
  app: AppUnderTest;
  seed: Seed;
  onOffice: Seed;
  sendBundle(): Promise<unknown>;
  sessionId: string;
  /** Person ids by "Given Family". */
  people: Record<string, string>;
}

/** Today's session (capacity as given), with `booked` booked on it and `known` known but not booked. */
export async function hallMorning(
  suite: Pick<BrowserSuite, 'startApp'>,
  options: { capacity?: number; booked: string[]; known?: string[] },
): Promise<HallMorning> {
  const { laptop, onOffice, onLaptop, sendBundle, session } = await laptopWithMorningSession(suite, 'Hall laptop', { capacity: options.capacity ?? 20 });
  const council = await onLaptop('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  const people: Record<string, string> = {};
  for (const name of [...options.booked, ...(options.known ?? [])]) {
    const [givenName = '', ...family] = name.split(' ');
    people[name] = (await onLaptop('people.create', { givenName, familyName: family.join(' '), organisationId: council.id })).id;
  }
  for (const name of options.booked) await onLaptop('signIn.book', { sessionId: session.id, personId: people[name]! });
  return { app: laptop, seed: onLaptop, onOffice, sendBundle, sessionId: session.id, people };
}

export async function openSessionPage(morning: HallMorning): Promise<Page> {
  const page = await morning.app.openPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${morning.app.host.url}#/today/${morning.sessionId}`);
  await heading(page, COURSE).waitFor();
  return page;
}

/** The session's counts, in their own live region. */
export function counts(page: Page): Locator {
  return page.getByRole('status', { name: 'Counts for this session' });
}

/** A person's row in "Everyone booked". */
export function row(page: Page, name: string): Locator {
  return page
    .getByRole('region', { name: 'Everyone booked' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

/** The status column of a person's row: "Booked", "Signed in at 09:42"… */
export async function statusOf(page: Page, name: string): Promise<string> {
  return textOf(row(page, name).locator('td').nth(1));
}

/** Where an element is on the page (not the viewport, which a focus may scroll), to show that nothing moved. */
export async function placeOf(locator: Locator): Promise<{ x: number; y: number }> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return { x: Math.round(box.x + window.scrollX), y: Math.round(box.y + window.scrollY) };
  });
}
