import { describe, expect, it } from 'vitest';
import { browserSuite } from './support/harness';
import { hallMorning } from './support/roster-page';
import { seeder } from './support/seed';

/**
 * An error is shown once there is something to be wrong about: after
 * someone has typed in a field and left it, or sent the form; and it goes as
 * soon as it is no longer true. Adding a facilitator's line does not scold
 * at once, and a kiosk field corrected loses its message.
 */

const suite = browserSuite();

describe('errors shown when they are due', () => {
  it('adds a facilitator line without an error, and shows it only once a name was typed and rubbed out, or on saving', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Office desk' });
    // A session needs a course and a venue to be made at all.
    await seed('courses.create', { title: 'First aid', durationMinutes: 180, learningOutcomes: ['Call for help'] });
    await seed('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
    const page = await app.openPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${app.host.url}#/sessions/new`);
    await page.getByRole('heading', { level: 1, name: 'New session' }).waitFor();
    const error = page.getByText("Write facilitator 1's name, or remove them.");

    await page.getByRole('button', { name: 'Add facilitator' }).click();
    await page.getByLabel('Facilitator 1', { exact: true }).waitFor();
    expect(await error.count()).toBe(0);
    // Leaving the new line empty, by keyboard, is not yet a mistake.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await error.count()).toBe(0);

    // Typed, rubbed out and left: now it is.
    await page.getByLabel('Facilitator 1', { exact: true }).fill('Sam');
    await page.getByLabel('Facilitator 1', { exact: true }).fill('');
    await page.keyboard.press('Tab');
    await error.first().waitFor();
    // Written again, the message goes at once.
    await page.getByLabel('Facilitator 1', { exact: true }).fill('Sam Okafor');
    expect(await error.count()).toBe(0);

    // A second line left empty shows its error when the form is sent.
    await page.getByRole('button', { name: 'Add facilitator' }).click();
    const second = page.getByText("Write facilitator 2's name, or remove them.");
    expect(await second.count()).toBe(0);
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await page.getByRole('link', { name: "Write facilitator 2's name, or remove them." }).count()).toBe(1);
  });

  it('clears a kiosk field’s message as soon as the field is written, keeping the other', async () => {
    const morning = await hallMorning(suite, { booked: ['Amira Khan'] });
    await morning.seed('kiosk.start', { sessionId: morning.sessionId, pin: '2468' });
    const page = await morning.app.openPage();
    page.setDefaultTimeout(10_000);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'I am not on the list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add your name' }).waitFor();
    // Nothing is wrong before Continue.
    expect(await page.getByText('Enter your first name.').count()).toBe(0);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Enter your first name.').waitFor();
    await page.getByText('Enter your family name.').waitFor();

    await page.getByRole('textbox', { name: /First name/ }).fill('Zofia');
    expect(await page.getByText('Enter your first name.').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: /First name/ }).getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByText('Enter your family name.').count()).toBe(1);
  });
});
