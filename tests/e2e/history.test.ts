import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite } from './support/harness';
import { button, hallMorning, heading, openSessionPage, row } from './support/roster-page';

/**
 * A booking's history on the session's page, and a person's history on their
 * page, as a facilitator reads them: every event in the order it happened
 * (booked, signed in, the sign-in undone, signed in again; a late arrival
 * signed in to a full session with the reason given), each with when and on
 * which computer.
 */

const suite = browserSuite();
const REASON = 'Arrived late, the room has space';

async function lines(panel: Locator): Promise<string[]> {
  await panel.getByRole('listitem').first().waitFor();
  return panel.getByRole('listitem').locator('.history__what').allTextContents();
}

async function openHistory(page: Page, name: string): Promise<Locator> {
  await button(row(page, name), `History ${name}`).click();
  const panel = page.getByRole('region', { name: `Booking history: ${name}` });
  await panel.waitFor();
  return panel;
}

describe("a booking's history", () => {
  it('shows every sign-in, undo and the late sign-in with its reason, in order, with when and where, on the session and the person’s page', async () => {
    const morning = await hallMorning(suite, { capacity: 1, booked: ['Amira Khan'], known: ['Seun Adeyemi'] });
    const amira = { sessionId: morning.sessionId, personId: morning.people['Amira Khan']! };
    const seun = { sessionId: morning.sessionId, personId: morning.people['Seun Adeyemi']! };
    await morning.seed('signIn.signIn', amira);
    await morning.seed('signIn.undo', amira);
    await morning.seed('signIn.signIn', amira);
    await morning.seed('signIn.book', seun);
    await morning.seed('signIn.signInOverCapacity', { ...seun, reason: REASON });

    const page = await openSessionPage(morning);
    const amiraHistory = await openHistory(page, 'Amira Khan');
    expect(await lines(amiraHistory)).toEqual(['Booked', 'Signed in', 'Sign-in undone', 'Signed in']);
    const meta = await amiraHistory.locator('.history__meta').allTextContents();
    for (const line of meta) expect(line).toMatch(/^today at \d\d:\d\d, on Hall laptop\./);
    expect(meta[2]).toContain('Was signed in, now booked.');

    const seunHistory = await openHistory(page, 'Seun Adeyemi');
    expect(await lines(seunHistory)).toEqual(['Joined the waitlist', 'Given a place over capacity', 'Signed in']);
    expect(await seunHistory.getByText(`Reason: ${REASON}`).count()).toBe(1);
    expect(await seriousAxeFindings(page, 'the session page with two histories open')).toEqual([]);

    // The person's page tells the same story, newest first, with the session and the computer.
    await page.goto(`${morning.app.host.url}#/people/${seun.personId}`);
    await heading(page, 'Seun Adeyemi').waitFor();
    const table = page.getByRole('table', { name: 'History of changes' });
    await table.getByRole('cell', { name: `Booking: given a place over capacity (${REASON})` }).waitFor();
    const whats = await table.getByRole('row').locator('td:nth-child(2)').allTextContents();
    expect(whats.slice(0, 3)).toEqual(['Signed in', `Booking: given a place over capacity (${REASON})`, 'Booking: joined the waitlist (The session was full.)']);
    expect(await table.getByRole('cell', { name: 'Hall laptop' }).count()).toBeGreaterThanOrEqual(3);
    expect(await seriousAxeFindings(page, "Seun's page")).toEqual([]);
  }, 60_000);
});
