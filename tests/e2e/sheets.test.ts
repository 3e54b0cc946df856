import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeFindings } from './support/axe';
import { browserSuite, type AppUnderTest, clickInMainMenu, mainMenuScreens } from './support/harness';
import { seeder } from './support/seed';
import { byHeading, xlsxRows } from '../support/spreadsheets';
import { heading, textOf } from './support/screen';

/**
 * The office brings in a sign-in sheet typed up from paper, on screen: it
 * chooses the CSV, reads the preview, says that the "Workplace" column is
 * the organisation, confirms the new course, imports, and finds the session
 * and the people on their screens. The same file again adds nothing.
 */

const suite = browserSuite();

const COURSE = 'Working with interpreters';
const VENUE = "St Mark's Hall";

async function go(page: Page, section: string, title: string): Promise<void> {
  await clickInMainMenu(page, section);
  await heading(page, title).waitFor();
}

/** dd/mm/yyyy, as an office types a date on a UK sheet, a week before the app's today. */
async function lastWeek(app: AppUnderTest): Promise<{ typed: string; long: string }> {
  const { today } = await app.core.handlers['device.status']({});
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 7);
  const [year, month, day] = date.toISOString().slice(0, 10).split('-');
  const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return { typed: `${day}/${month}/${year}`, long };
}

/** A sheet as Excel users make them: a title row and a blank row above the header, one row with no date. */
function signInSheet(date: string): Buffer {
  const lines = [
    'Sign-in sheet: typed up from paper by the office,,,,,,,,',
    ',,,,,,,,',
    'First name,Surname,Email,Workplace,Job title,Course,Session date,Venue,Attended (Y/N)',
    `Siobhán,O'Brien,SIOBHAN@example.org,Riverside Trust,Nurse,${COURSE},${date},"${VENUE}",Y`,
    `Zoë,Clarke,,Riverside Trust,Volunteer,${COURSE},${date},"${VENUE}",Y`,
    `Łukasz,Wójcik,lukasz@example.org,Hope Centre,Support worker,${COURSE},${date},"${VENUE}",yes`,
    `Amira,Khan,,Hope Centre,Manager,${COURSE},,"${VENUE}",Y`,
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function choose(page: Page, file: Buffer, name = 'sign-ins.csv'): Promise<void> {
  await page.getByLabel('Spreadsheet file (.xlsx or .csv)', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
}

describe('importing a spreadsheet at the office', () => {
  it('previews a sign-in sheet, maps a column, confirms the new course, imports it, and a second import adds nothing', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const riverside = await seed('organisations.create', { name: 'Riverside Trust', sector: 'vcse' });
    await seed('people.create', { givenName: 'Siobhán', familyName: "O'Brien", email: 'siobhan@example.org', organisationId: riverside.id });
    const date = await lastWeek(app);
    const file = signInSheet(date.typed);

    // axe needs its script on the page, which the app's policy would refuse.
    const context = await suite.browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(app.host.url);
      await heading(page, 'Sessions').waitFor();
      await go(page, 'Spreadsheets', 'Import a spreadsheet');

      await choose(page, file);
      const preview = page.getByRole('region', { name: 'What importing would do' });
      expect(await textOf(preview.locator('.notice').first())).toContain('Read 4 rows from sign-ins.csv.');
      await page.getByRole('status').filter({ hasText: 'Read 4 rows' }).waitFor();

      // Workplace is the organisation; Job title stays unread.
      await page.getByLabel('Column “Workplace”').selectOption('organisation');
      expect(await page.getByLabel('Column “Job title”').inputValue()).toBe('');
      await page.getByRole('button', { name: 'Preview again with these columns' }).click();
      await preview.getByRole('heading', { name: 'New organisations' }).waitFor();
      expect(await page.getByLabel('Column “Workplace”').inputValue()).toBe('organisation');

      // The preview, as the office reads it.
      expect(await textOf(preview.locator('.notice').first())).toBe(
        'Read 4 rows from sign-ins.csv. To import: 2 new people, 1 person already known, 1 new session, 3 sign-ins. 1 row was refused.',
      );
      const matches = preview.getByRole('table', { name: 'People already in Fieldbook' });
      expect(await textOf(matches)).toContain("Siobhán O'Brien");
      expect(await textOf(matches.getByRole('row').nth(1))).toContain('Email');
      expect(await textOf(preview.locator('section').filter({ has: page.getByRole('heading', { name: 'New people' }) }))).toContain('Zoë Clarke');
      expect(await textOf(preview.locator('section').filter({ has: page.getByRole('heading', { name: 'New organisations' }) }))).toContain('Hope Centre');
      const sessions = preview.getByRole('table', { name: 'Sessions and the sign-ins they would get' });
      expect(await textOf(sessions.getByRole('row').nth(1))).toBe(`${COURSE}${date.long}${VENUE}New3 new sign-ins`);
      const refused = preview.getByRole('table', { name: /Rows refused/ });
      expect(await textOf(refused.getByRole('row').nth(1))).toBe('Row 7no date');

      expect(await seriousAxeFindings(page, 'Spreadsheet preview')).toEqual([]);

      // The new course must be confirmed before anything is written.
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const confirm = page.getByLabel(`Create these courses: ${COURSE}`);
      await page.getByText('Tick this to create the new courses').waitFor();
      expect(await confirm.evaluate((element) => element === document.activeElement)).toBe(true);
      await confirm.check();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const result = page.getByRole('region', { name: 'What was imported' });
      expect(await textOf(result.locator('.notice').first())).toBe(
        'Read 4 rows from sign-ins.csv. Imported: 2 new people, 1 person already known, 1 new session, 3 sign-ins. 1 row was refused.',
      );
      await page.getByRole('status').filter({ hasText: 'Imported: 2 new people' }).waitFor();

      // The session is a past one, with the three who came.
      await go(page, 'Sessions', 'Sessions');
      await page.getByLabel('Show past sessions').check();
      expect(await textOf(page.getByRole('row').filter({ hasText: COURSE }).first())).toContain(VENUE);
      await go(page, 'People', 'People');
      for (const name of ["Siobhán O'Brien", 'Zoë Clarke', 'Łukasz Wójcik']) await page.getByRole('row').filter({ hasText: name }).first().waitFor();
      expect(await textOf(page.getByRole('row').filter({ hasText: 'Łukasz Wójcik' }))).toContain('Hope Centre');

      // The imported session's roster, downloaded as a spreadsheet and read back: the three who came, signed in.
      const [imported] = await app.core.handlers['sessions.list']({ from: '2000-01-01', query: COURSE, limit: 10 });
      await page.goto(`${app.host.url}#/today/${imported!.id}`);
      await heading(page, COURSE).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download as spreadsheet of the roster', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^Roster Working with interpreters \d{4}-\d{2}-\d{2}\.xlsx$/);
      const roster = byHeading(await xlsxRows(new Uint8Array(readFileSync(await download.path()))));
      expect(roster.map((row) => [row.Name, row.Organisation, row.Status]).sort()).toEqual([
        ["Siobhán O'Brien", 'Riverside Trust', 'Signed in'],
        ['Zoë Clarke', 'Riverside Trust', 'Signed in'],
        ['Łukasz Wójcik', 'Hope Centre', 'Signed in'],
      ]);

      // The same file again: the remembered mapping is used, and nothing is new.
      await go(page, 'Spreadsheets', 'Import a spreadsheet');
      await choose(page, file);
      expect(await textOf(preview.locator('.notice').first())).toContain('Nothing new: everything in it is already in Fieldbook.');
      expect(await page.getByLabel('Column “Workplace”').inputValue()).toBe('organisation');
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      expect(await textOf(result.locator('.notice').first())).toBe(
        'Read 4 rows from sign-ins.csv. Nothing new: everything in it is already in Fieldbook. 1 row was refused.',
      );
    } finally {
      await context.close();
    }
  });

  it('imports evaluation results for a session whose sign-in sheet is already in', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    await seed('courses.create', { title: COURSE, durationMinutes: 120, learningOutcomes: ['Explore what we mean by culture'] });
    const date = await lastWeek(app);
    const signIns = `First name,Surname,Session date,Course,Venue\r\nAmira,Khan,${date.typed},${COURSE},"${VENUE}"\r\n`;
    await seed('sheets.import', { kind: 'attendance', fileName: 'sign-ins.csv', contentBase64: Buffer.from(signIns).toString('base64') });
    const results = Buffer.from(
      `Course,Date,Venue,Explore what we mean by culture (1-5),Comments\r\n${COURSE},${date.typed},"${VENUE}",5,Clear and useful\r\n${COURSE},${date.typed},"${VENUE}",4,\r\n`,
    );

    const page = await app.openPage();
    page.setDefaultTimeout(10_000);
    await heading(page, 'Sessions').waitFor();
    await go(page, 'Spreadsheets', 'Import a spreadsheet');
    await page.getByLabel('Evaluation results (one row per response)').check();
    await choose(page, results, 'results.csv');
    const preview = page.getByRole('region', { name: 'What importing would do' });
    expect(await textOf(preview.locator('.notice').first())).toBe('Read 2 rows from results.csv. To import: 2 new responses.');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByRole('region', { name: 'What was imported' });
    expect(await textOf(result.locator('.notice').first())).toBe('Read 2 rows from results.csv. Imported: 2 new responses.');
  });

  it('imports a member list for the scheme chosen on screen', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const course = await seed('courses.create', { title: COURSE, durationMinutes: 120, learningOutcomes: ['Explore what we mean by culture'] });
    await seed('schemes.create', { name: 'Partner practitioners', requiredCourseIds: [course.id], yearStarts: null, feePence: 2500 });
    const members = Buffer.from('First name,Surname,Date joined,Renewal date,Fee paid\r\nAmira,Khan,01/04/2024,01/04/2025,£25\r\n');

    const page = await app.openPage();
    page.setDefaultTimeout(10_000);
    await heading(page, 'Sessions').waitFor();
    await go(page, 'Spreadsheets', 'Import a spreadsheet');
    await page.getByLabel('A list of members of a membership scheme').check();
    await page.getByLabel('Membership scheme', { exact: true }).selectOption('Partner practitioners');
    await choose(page, members, 'members.csv');
    const preview = page.getByRole('region', { name: 'What importing would do' });
    expect(await textOf(preview.locator('.notice').first())).toBe(
      'Read 1 row from members.csv. To import: 1 new person, 0 people already known, 1 new member of Partner practitioners, 2 terms.',
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = page.getByRole('region', { name: 'What was imported' });
    expect(await textOf(result.locator('.notice').first())).toContain('Imported: 1 new person');
  });

  it('offers a row that looks like someone already in Fieldbook, and imports it as them when the office says so', async () => {
    const app = await suite.startApp();
    const seed = seeder(app);
    await seed('device.setUp', { role: 'office', name: 'Central office' });
    const hope = await seed('organisations.create', { name: 'Hope Centre', sector: 'vcse' });
    await seed('people.create', { givenName: 'Amira', familyName: 'Khan', email: 'amira@hope.example.org', organisationId: hope.id });
    await seed('people.create', { givenName: 'Ben', familyName: 'Ortiz', email: 'ben@hope.example.org', organisationId: hope.id });
    const people = Buffer.from(
      'First name,Surname,Email,Organisation\r\nAmira,Khan,amira.k@home.example.org,Hope Centre\r\nBen,Ortiz,ben.o@home.example.org,Hope Centre\r\n',
    );

    const context = await suite.browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(app.host.url);
      await heading(page, 'Sessions').waitFor();
      await go(page, 'Spreadsheets', 'Import a spreadsheet');
      await page.getByLabel('A list of people').check();
      await choose(page, people, 'people.csv');
      const preview = page.getByRole('region', { name: 'What importing would do' });
      expect(await textOf(preview.locator('.notice').first())).toBe(
        'Read 2 rows from people.csv. To import: 2 new people, 0 people already known. 2 rows look like someone already in Fieldbook.',
      );
      const amira = page.getByRole('group', { name: 'Row 2: Amira Khan (amira.k@home.example.org, Hope Centre)' });
      const same = amira.getByLabel('The same person as Amira Khan (amira@hope.example.org, Hope Centre)');
      // A different person until the office says otherwise.
      expect(await amira.getByLabel('A different person').isChecked()).toBe(true);
      expect(await textOf(amira)).toContain('Same name and organisation, another email');
      expect(await seriousAxeFindings(page, 'Spreadsheet preview with likely duplicates')).toEqual([]);
      await same.check();

      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const result = page.getByRole('region', { name: 'What was imported' });
      expect(await textOf(result.locator('.notice').first())).toBe(
        'Read 2 rows from people.csv. Imported: 1 new person, 1 person already known. 2 rows look like someone already in Fieldbook.',
      );
      expect(await textOf(result.getByRole('table', { name: 'People already in Fieldbook' }))).toContain('You chose the same person');
      expect(await textOf(result)).toContain('Row 2: Amira Khan (amira.k@home.example.org, Hope Centre): the same person as Amira Khan');
      expect(await textOf(result)).toContain('Row 3: Ben Ortiz (ben.o@home.example.org, Hope Centre): added as a different person.');

      await go(page, 'People', 'People');
      await page.getByRole('row').filter({ hasText: 'Ben Ortiz' }).nth(1).waitFor();
      expect(await page.getByRole('row').filter({ hasText: 'Amira Khan' }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('is not in a laptop\'s menu, and its address says the screen is for the office', async () => {
    const app = await suite.startApp();
    await seeder(app)('device.setUp', { role: 'laptop', name: 'Hall laptop 1' });
    const page = await app.openPage();
    page.setDefaultTimeout(10_000);
    await heading(page, 'Today').waitFor();
    expect(await mainMenuScreens(page)).not.toContain('Spreadsheets');
    await page.goto(`${app.host.url}#/sheets`);
    await page.getByText('This screen is for the central office.').waitFor();
  });
});
