import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/harness';
import { hallMorning } from './support/roster-page';

/**
 * The kiosk says how many names match in truth, however many: each keystroke
 * counts up to 200 ("More than 200 names match"), and once the typing pauses
 * the whole count replaces it ("377 names match").
 */

const suite = browserSuite();

describe("the kiosk's count of matching names", () => {
  it('says 377 names match when 377 do, showing the first 10', async () => {
    const many = Array.from({ length: 377 }, (_, index) => `Mo Farah${String(index).padStart(3, '0')}`);
    const morning = await hallMorning(suite, { booked: ['Seun Adeyemi'], known: many });
    await morning.seed('kiosk.start', { sessionId: morning.sessionId, pin: '2468' });
    const page: Page = await morning.app.openPage();
    page.setDefaultTimeout(10_000);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('textbox', { name: 'Your name' }).fill('mo');
    await page.getByRole('status').filter({ hasText: '377 names match. The first 10 are shown: type more of your name to find yours.' }).waitFor();
    expect(await page.getByRole('list').getByRole('button').count()).toBe(10);
    // A narrower name is counted on its keystroke: Farah100 to Farah199, and Farah10 itself is among them.
    await page.getByRole('textbox', { name: 'Your name' }).fill('mo farah1');
    await page.getByRole('status').filter({ hasText: '100 names match. The first 10 are shown' }).waitFor();
  });
});
