import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byHeading, csvRows } from '../support/spreadsheets';
import { browserSuite } from './support/harness';
import { addDays, OFFICE_NAME, seeder } from './support/seed';

/**
 * The follow-up at the office, in Chromium: Follow-ups due lists people
 * trained 14 weeks ago on two courses, the coordinator writes the mail-merge
 * for one course (which gives her a personal code; the other course stays
 * listed), writes that lost mail-merge again with the same code, types in
 * her answers against the code, sees them counted for the session, and
 * finds the code in everything held about her.
 */

const suite = browserSuite();
const COURSE = 'Working with different communities';
const OTHER_COURSE = 'Interpreting basics';

describe('follow-ups at the office', () => {
  it('lists who is due, writes one course’s mail-merge and writes it again, takes one code’s answers, counts them and shows the code to subject access', async () => {
    const office = await suite.startApp();
    const seed = seeder(office);
    await seed('device.setUp', { role: 'office', name: OFFICE_NAME });
    for (const title of [COURSE, OTHER_COURSE]) await seed('courses.create', { title, durationMinutes: 180, learningOutcomes: ['I can recognise good practice'], evaluationMode: 'linked' });
    await seed('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
    // Past attendance arrives at the office as a typed-up sign-in sheet.
    const today = new Date().toISOString().slice(0, 10);
    const [year, month, day] = addDays(today, -98).split('-');
    const sheet = [
      'First name,Surname,Email,Date,Course,Venue,Attended',
      `Amira,Khan,amira@example.org,${day}/${month}/${year},${COURSE},Riverside Hall,Y`,
      `Ben,Okoro,ben@example.org,${day}/${month}/${year},${OTHER_COURSE},Riverside Hall,Y`,
      '',
    ].join('\n');
    await seed('sheets.import', { kind: 'attendance', fileName: 'sign-ins.csv', contentBase64: Buffer.from(sheet).toString('base64') });

    const page = await office.openPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${office.host.url}#/follow-ups`);
    await page.getByRole('heading', { level: 1, name: 'Follow-ups due' }).waitFor();
    await page.getByRole('cell', { name: 'Amira Khan' }).waitFor();
    await page.getByText('2 people due.').waitFor();

    // For one course only: the other course's people stay due.
    await page.getByLabel('Write the mail-merge for').selectOption({ label: `Everyone on ${COURSE} (1 person)` });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Write the mail-merge as CSV' }).click()]);
    const rows = byHeading(csvRows(new Uint8Array(readFileSync(await download.path()))));
    expect(rows.map((row) => [row.Name, row.Email, row.Course])).toEqual([['Amira Khan', 'amira@example.org', COURSE]]);
    const code = rows[0]!.Code!;
    await page.getByText('1 person due. 1 person asked and not answered yet.').waitFor();
    await page.getByRole('cell', { name: 'Ben Okoro' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Amira Khan' }).count()).toBe(0);

    // The file is lost: written again, with the same code.
    await page.getByRole('heading', { level: 2, name: 'Lost a mail-merge?' }).waitFor();
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Write the mail-merge again as CSV' }).click()]);
    expect(again.suggestedFilename()).toMatch(/^Follow-up mail-merge written again \d{4}-\d{2}-\d{2}\.csv$/);
    expect(byHeading(csvRows(new Uint8Array(readFileSync(await again.path()))))).toEqual(rows);
    await page.getByRole('status').filter({ hasText: 'the codes already sent to 1 person, nobody given a new one.' }).waitFor();
    await page.getByText('1 person due. 1 person asked and not answered yet.').waitFor();

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

    // Everything held about her lists the code, answered.
    const amira = (await seed('people.page', {})).rows.find((person) => person.givenName === 'Amira')!;
    await page.goto(`${office.host.url}#/people/${amira.id}/everything`);
    const codes = page.getByRole('region', { name: 'Follow-up codes', exact: true });
    await codes.getByRole('row').filter({ hasText: code }).filter({ hasText: 'Yes' }).waitFor();
  });
});
