import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvFile, sheetInput, sheetRefusal, xlsxFile } from '../support/spreadsheets';
import { databaseHash, tempCore, type TempCore } from '../support/temp-core';

/**
 * What issue 12 lists a sheet may hold, each as offices write it: the other
 * names of each column, every yes and no word, every sector word, fees with
 * and without "£", one sheet of a workbook, rows that overlap an earlier
 * import, and the files refused whole.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

const input = sheetInput;
const all = (sql: string) => temp.sqlite.prepare(sql).all();
const one = (sql: string) => temp.sqlite.prepare(sql).pluck().get();

describe('column headers', () => {
  it('reads given name, forename, last name, family name, e-mail, organization and employer', async () => {
    await temp.call('sheets.import', input('people', 'a.csv', csvFile([['Forename', 'Family name', 'E-mail', 'Employer'], ['Amira', 'Khan', 'amira@example.org', 'Hope Centre']])));
    await temp.call('sheets.import', input('people', 'b.csv', csvFile([['Given name (as on their badge)', 'Last name', 'EMAIL ADDRESS', 'Organization'], ['Ben', 'Ortiz', 'ben@example.org', 'Riverside Trust']])));
    expect(all('SELECT given_name, family_name, email, (SELECT name FROM organisations WHERE id = organisation_id) AS organisation FROM people ORDER BY given_name')).toEqual([
      { given_name: 'Amira', family_name: 'Khan', email: 'amira@example.org', organisation: 'Hope Centre' },
      { given_name: 'Ben', family_name: 'Ortiz', email: 'ben@example.org', organisation: 'Riverside Trust' },
    ]);
  });

  it('reads "Date" as the session date and "Funding" as the contract', async () => {
    const sheet = csvFile([
      ['First name', 'Surname', 'Date', 'Course', 'Venue', 'Funding stream'],
      ['Amira', 'Khan', '14/05/2024', 'Cultural Competency', 'Eastfield', 'Lottery'],
    ]);
    const preview = await temp.call('sheets.preview', input('attendance', 'a.csv', sheet));
    expect(preview.ignoredColumns).toEqual([]);
    expect(preview.sessions.list).toEqual([{ course: 'Cultural Competency', date: '2024-05-14', venue: 'Eastfield', isNew: true, signIns: 1, contract: 'Lottery' }]);
  });
});

describe('values', () => {
  it('reads attended as Y, Yes, N, No, 1, 0, TRUE or FALSE in any case, or a true/false cell, and refuses any other word', async () => {
    const words: (string | boolean)[] = ['Y', 'yes', 'YES', '1', 'TRUE', 'true', true, 'n', 'No', 'NO', '0', 'FALSE', 'false', false, 'maybe'];
    const file = await xlsxFile({
      Sheet1: [
        ['First name', 'Surname', 'Date', 'Course', 'Venue', 'Attended'],
        ...words.map((word, index) => [`Person${index}`, 'Test', '2024-05-14', 'Cultural Competency', 'Eastfield', word as unknown as string]),
      ],
    });
    const preview = await temp.call('sheets.preview', input('attendance', 'a.xlsx', file));
    expect(preview.signIns).toMatchObject({ new: 7, notAttended: 7 });
    expect(preview.refused).toEqual([{ sheet: 'Sheet1', row: 16, reason: 'attended "maybe" is not yes or no' }]);
  });

  it('reads each sector word for a new organisation, and refuses one it does not know', async () => {
    const sectors = ['Statutory', 'Public sector', 'VCSE', 'voluntary', 'Voluntary and community', 'Charity', 'Private', 'Independent', 'Other', 'Military'];
    const sheet = csvFile([['First name', 'Surname', 'Organisation', 'Sector'], ...sectors.map((sector, index) => [`Person${index}`, 'Test', `Organisation ${index}`, sector])]);
    const preview = await temp.call('sheets.import', input('people', 'p.csv', sheet));
    expect(preview.refused).toEqual([{ sheet: 'CSV', row: 11, reason: 'the sector "Military" is not statutory, voluntary and community (VCSE), or other' }]);
    expect(temp.sqlite.prepare('SELECT sector FROM organisations ORDER BY rowid').pluck().all()).toEqual([
      'statutory',
      'statutory',
      'vcse',
      'vcse',
      'vcse',
      'vcse',
      'other',
      'other',
      'other',
    ]);
  });

  it('reads a fee with or without "£", and as a number cell, in pence', async () => {
    const course = await temp.call('courses.create', { title: 'Cultural Competency', durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
    await temp.call('schemes.create', { name: 'Partners', requiredCourseIds: [course.id], yearStarts: null, feePence: 2500 });
    const fees: (string | number)[] = ['£25', '£ 12.50', '25.00', '7', 30];
    const file = await xlsxFile({
      Members: [['First name', 'Surname', 'Date joined', 'Fee paid (£)'], ...fees.map((fee, index) => [`Member${index}`, 'Test', '01/04/2024', fee]), ['Late', 'Payer', '01/04/2024', 'twenty']],
    });
    const imported = await temp.call('sheets.import', input('members', 'm.xlsx', file, { scheme: 'Partners' }));
    expect(imported.refused.map((row) => row.row)).toEqual([7]);
    expect(temp.sqlite.prepare('SELECT fee_pence FROM membership_terms ORDER BY rowid').pluck().all()).toEqual([2500, 1250, 2500, 700, 3000]);
  });

  it('matches a name without an email whatever its accents, case and punctuation, at the same organisation', async () => {
    const sheet = csvFile([
      ['First name', 'Surname', 'Organisation'],
      ['Siobhán', "O'Brien", 'Hope Centre'],
      ['SIOBHAN', 'OBrien', 'hope  centre'],
      ['Siobhan', 'O’Brien', 'Riverside Trust'],
    ]);
    const preview = await temp.call('sheets.import', input('people', 'p.csv', sheet));
    // The third works elsewhere: someone else of the same name.
    expect(preview.people.new).toBe(2);
    expect(preview.organisations.new).toEqual(['Hope Centre', 'Riverside Trust']);
  });

  it('matches a venue and a contract by name whatever their case and spacing', async () => {
    await temp.call('venues.create', { name: "St Mary's Hall", address: '1 Church Lane' });
    const first = csvFile([['First name', 'Surname', 'Date', 'Course', 'Venue', 'Contract'], ['Amira', 'Khan', '14/05/2024', 'Cultural Competency', "St Mary's Hall", 'Big Lottery']]);
    await temp.call('sheets.import', input('attendance', 'a.csv', first, { confirmedCourses: ['Cultural Competency'] }));
    const second = csvFile([['First name', 'Surname', 'Date', 'Course', 'Venue', 'Contract'], ['Ben', 'Ortiz', '21/05/2024', 'cultural competency', "ST MARY'S  HALL", 'big lottery']]);
    const preview = await temp.call('sheets.preview', input('attendance', 'b.csv', second));
    expect({ venues: preview.venues.new, contracts: preview.contracts.new, courses: preview.courses.new }).toEqual({ venues: [], contracts: [], courses: [] });
  });
});

describe('which rows are read', () => {
  const rows = (names: string[]) => [['First name', 'Surname'], ...names.map((name) => [name, 'Test'])];

  it('reads only the sheet named, and says which sheets there are when it has none of that name', async () => {
    const file = await xlsxFile({ Spring: rows(['Amira', 'Ben']), Autumn: rows(['Chen']) });
    const preview = await temp.call('sheets.preview', input('people', 'p.xlsx', file, { sheet: 'autumn' }));
    expect({ sheets: preview.sheetsRead, rows: preview.rowsRead, names: preview.people.newNames }).toEqual({ sheets: ['Autumn'], rows: 1, names: ['Chen Test'] });
    const error = await sheetRefusal(temp.dispatch, 'sheets.preview', input('people', 'p.xlsx', file, { sheet: 'Summer' }));
    expect(error.message).toMatch(/^This file has no sheet named "Summer"; its sheets are .*Spring.*Autumn.*Nothing was imported\.$/);
  });

  it('adds only what is new from rows that overlap an earlier import, and says how many were there already', async () => {
    const header = ['First name', 'Surname', 'Date', 'Course', 'Venue'];
    const row = (name: string, date: string) => [name, 'Test', date, 'Cultural Competency', 'Eastfield'];
    await temp.call('sheets.import', input('attendance', 'may.csv', csvFile([header, row('Amira', '14/05/2024'), row('Ben', '14/05/2024')]), { confirmedCourses: ['Cultural Competency'] }));
    const overlapping = csvFile([header, row('Ben', '14/05/2024'), row('Chen', '14/05/2024'), row('Amira', '21/05/2024')]);
    const imported = await temp.call('sheets.import', input('attendance', 'may-and-june.csv', overlapping));
    expect(imported.signIns).toMatchObject({ new: 2, already: 1 });
    expect(imported.people).toMatchObject({ new: 1, matched: 2 });
    expect(imported.sessions).toMatchObject({ new: 1, matched: 1 });
    expect(one("SELECT count(*) FROM sign_ins WHERE kind = 'sign_in'")).toBe(4);
  });
});

describe('files refused whole', () => {
  it('refuses a CSV with a quote left open, writing nothing', async () => {
    const before = databaseHash(temp.sqlite);
    const error = await sheetRefusal(temp.dispatch, 'sheets.import', input('people', 'p.csv', Buffer.from('First name,Surname\nAmira,Khan\n"Ben,Ortiz\nChen,Li\n')));
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.message).toMatch(/Nothing was imported\.$/);
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('refuses a file over 50 MB before reading it', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 'a');
    const error = await sheetRefusal(temp.dispatch, 'sheets.preview', input('people', 'big.csv', big));
    expect(error.message).toMatch(/The file is over 50 MB, so it was not read\. Split it into smaller files\./);
  });

  it('refuses an old .xls file with how to save it', async () => {
    const error = await sheetRefusal(temp.dispatch, 'sheets.preview', input('people', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])));
    expect(error.message).toBe('This is an old-style Excel file (.xls). Open it in Excel and save it as .xlsx or CSV, then import that. Nothing was imported.');
  });
});
