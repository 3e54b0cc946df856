import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byHeading, csvRows } from '../support/spreadsheets';
import { browserSuite } from './support/harness';
import { addDays, OFFICE_NAME, seeder } from './support/seed';

/**
 * The follow-up at the office, in Chromium: Follow-ups due lists someone
 * trained 14 weeks ago, the coordinator writes the mail-merge (which gives
 * her a personal code), types in her answers against the code, and sees
 * them counted for the session.
 */

const suite = browserSuite();
const COURSE = 'Working with different communities';

describe('follow-ups at the office', () => {
  it('lists who is due, writes the mail-merge, takes one code’s answers and counts them', async () => {
    const office = await suite.startApp();
    const seed = seeder(office);
    await seed('device.setUp', { role: 'office', name: OFFICE_NAME });
    await seed('courses.create', { title: COURSE, durationMinutes: 180, learningOutcomes: ['I can recognise good practice'], evaluationMode: 'linked' });
    await seed('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
    // Past attendance arrives at the office as a typed-up sign-in sheet.
    const today = new Date().toISOString().slice(0, 10);
    const [year, month, day] = addDays(today, -98).split('-');
    const sheet = `First name,Surname,Email,Date,Course,Venue,Attended\nAmira,Khan,amira@example.org,${day}/${month}/${year},${COURSE},Riverside Hall,Y\n`;
    await seed('sheets.import', { kind: 'attendance', fileName: 'sign-ins.csv', contentBase64: Buffer.from(sheet).toString('base64') });

    const page = await office.openPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${office.host.url}#/follow-ups`);
    await page.getByRole('heading', { level: 1, name: 'Follow-ups due' }).waitFor();
    await page.getByRole('cell', { name: 'Amira Khan' }).waitFor();
    await page.getByText('1 person due.').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Write the mail-merge as CSV' }).click()]);
    const rows = byHeading(csvRows(new Uint8Array(readFileSync(await download.path()))));
    expect(rows.map((row) => [row.Name, row.Email, row.Course])).toEqual([['Amira Khan', 'amira@example.org', COURSE]]);
    const code = rows[0]!.Code!;
    await page.getByText('0 people due.').waitFor();

    await page.getByRole('link', { name: 'Enter answers by code' }).click();
    await page.getByRole('heading', { level: 1, name: 'Enter follow-up answers' }).waitFor();
    await page.getByLabel('Follow-up code').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Find the code' }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`^Amira Khan: ${COURSE}`) }).waitFor();
    await page.getByLabel('Now, how confident are you working with different communities?').selectOption('4');
    await page.getByLabel('What have you done differently since the course? (optional)').fill('I ask which language people prefer.');
    await page.getByRole('button', { name: 'Save the answers' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved Amira Khan’s follow-up answers' }).filter({ hasText: 'That session now has 1 follow-up answer.' }).waitFor();

    // The same code again is refused in plain words.
    await page.getByLabel('Follow-up code').fill(code);
    await page.getByRole('button', { name: 'Find the code' }).click();
    await page.getByText(/Check the code and enter it again: the code .+ has already been used/).waitFor();
  });
});
