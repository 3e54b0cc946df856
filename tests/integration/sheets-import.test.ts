import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SheetInput } from '../../shared/contract';
import { sheetInput, sheetRefusal, xlsxFile, type WrittenCell } from '../support/spreadsheets';
import { databaseHash, tempCore, type TempCore } from '../support/temp-core';

/** Spreadsheets made here, the way offices make them: titles above the header, blank rows, dates typed or stored. */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

type Row = WrittenCell[];

const xlsx = (sheets: Record<string, Row[]>) => xlsxFile(sheets);

const input = sheetInput;
const refusal = (name: 'sheets.preview' | 'sheets.import', value: SheetInput) => sheetRefusal(temp.dispatch, name, value);

const people = () => temp.sqlite.prepare('SELECT given_name, family_name, email FROM people ORDER BY family_name, given_name').all();
const signIns = () => temp.sqlite.prepare("SELECT count(*) FROM sign_ins WHERE kind = 'sign_in'").pluck().get();

/** A date cell whose date format was lost: Excel's day number. */
const EXCEL_SERIAL_2_JUNE_2024 = (Date.UTC(2024, 5, 2) - Date.UTC(1899, 11, 30)) / 86_400_000;

const ATTENDANCE: Row[] = [
  ['Cultural Competency sign-in sheets 2024'],
  [],
  ['Typed up by the office from paper'],
  ['First name', 'Surname', 'Email (optional)', 'Organisation', 'Sector', 'Session date', 'Course', 'Venue', 'Attended (Y/N)', 'Notes'],
  ['Siobhán', "O'Brien", 'Siobhan.OBrien@example.org', 'Northside NHS Trust', 'Statutory', new Date(Date.UTC(2024, 4, 14)), 'Cultural Competency', 'Eastfield Community Centre', 'Y', 'late'],
  ['Siobhán', "O'Brien", 'Siobhan.OBrien@example.org', 'Northside NHS Trust', 'Statutory', new Date(Date.UTC(2024, 4, 14)), 'Cultural Competency', 'Eastfield Community Centre', 'Y', ''],
  [],
  ['Amir', 'Khan', null, 'northside nhs trust ', '', '14/05/2024', 'cultural competency', 'Eastfield Community Centre', 'yes', ''],
  ['Zoë', 'Clarke', 'zoe@example.org', 'Hope Foodbank', 'Charity', '2024-06-02', 'Health Equity Basics', "St Mary's Hall", 'TRUE', ''],
  ['Zoe', 'Clarke', null, 'Hope Foodbank', '', '2024-06-09', 'Health Equity Basics', "St Mary's Hall", 1, ''],
  ['Ben', 'Ortiz', null, 'Hope Foodbank', '', '', 'Health Equity Basics', "St Mary's Hall", 'Y', ''],
  ['Ann', 'Lee', null, 'Hope Foodbank', '', '2024-06-02', 'Health Equity Basics', "St Mary's Hall", 'N', ''],
  ['First name', 'Surname', 'Email (optional)', 'Organisation', 'Sector', 'Session date', 'Course', 'Venue', 'Attended (Y/N)', 'Notes'],
  [{ formula: 'UPPER("x")', result: 'Lena' }, 'Nowak', null, 'Hope Foodbank', '', EXCEL_SERIAL_2_JUNE_2024, 'Health Equity Basics', "St Mary's Hall", 'y', ''],
];

describe('importing an attendance spreadsheet', () => {
  it('finds the header below title and blank rows, matches people, organisations and sessions, and refuses a row without a date', async () => {
    const file = await xlsx({ 'May and June': ATTENDANCE, Notes: [['Nothing to see here']] });
    const before = databaseHash(temp.sqlite);
    const preview = await temp.call('sheets.preview', input('attendance', 'sign-ins.xlsx', file));
    expect(databaseHash(temp.sqlite)).toBe(before);

    expect(preview.sheetsRead).toEqual(['May and June']);
    expect(preview.rowsRead).toBe(8);
    expect(preview.refused).toEqual([{ sheet: 'May and June', row: 11, reason: 'no date' }]);
    expect(preview.ignoredColumns).toEqual(['Notes']);
    // Siobhán typed twice is one person and one sign-in; Zoë with an email and Zoe without at the same organisation is one person.
    expect(preview.people.new).toBe(5);
    expect(preview.signIns).toEqual({ new: 5, already: 0, duplicateLines: 1, notAttended: 1 });
    expect(preview.organisations.new).toEqual(['Northside NHS Trust', 'Hope Foodbank']);
    expect(preview.courses.new).toEqual(['Cultural Competency', 'Health Equity Basics']);
    expect(preview.sessions.new).toBe(3);
    expect(preview.nothingNew).toBe(false);

    const imported = await temp.call('sheets.import', input('attendance', 'sign-ins.xlsx', file, { confirmedCourses: preview.courses.new }));
    expect({ ...imported, imported: false, message: '' }).toEqual({ ...preview, message: '' });
    expect(imported.message).toMatch(/Imported: 5 new people/);
    expect(people()).toEqual([
      { given_name: 'Zoë', family_name: 'Clarke', email: 'zoe@example.org' },
      { given_name: 'Amir', family_name: 'Khan', email: null },
      { given_name: 'Ann', family_name: 'Lee', email: null },
      { given_name: 'Lena', family_name: 'Nowak', email: null },
      { given_name: 'Siobhán', family_name: "O'Brien", email: 'Siobhan.OBrien@example.org' },
    ]);
    expect(signIns()).toBe(5);
    const sessions = temp.sqlite.prepare('SELECT starts_at, status FROM sessions ORDER BY starts_at').all();
    expect(sessions).toEqual([
      { starts_at: '2024-05-14T09:00', status: 'completed' },
      { starts_at: '2024-06-02T09:00', status: 'completed' },
      { starts_at: '2024-06-09T09:00', status: 'completed' },
    ]);
    // Lena's Excel day number is 2 June 2024: she is on that session with Zoë.
    expect(temp.sqlite.prepare("SELECT count(*) FROM sign_ins JOIN sessions ON sessions.id = session_id WHERE starts_at LIKE '2024-06-02%'").pluck().get()).toBe(2);
    expect(temp.sqlite.prepare("SELECT sector FROM organisations WHERE name = 'Hope Foodbank'").pluck().get()).toBe('vcse');
    // Everything went through the change log, ready to travel.
    expect(temp.sqlite.prepare("SELECT count(*) FROM change_log WHERE table_name = 'sign_ins'").pluck().get()).toBe(5);
  });

  it('changes nothing when the same file is imported again, and says so', async () => {
    const file = await xlsx({ Sheet1: ATTENDANCE });
    await temp.call('sheets.import', input('attendance', 'sign-ins.xlsx', file, { confirmedCourses: ['Cultural Competency', 'Health Equity Basics'] }));
    const before = databaseHash(temp.sqlite);
    const again = await temp.call('sheets.import', input('attendance', 'sign-ins.xlsx', file));
    expect(again.nothingNew).toBe(true);
    expect(again.message).toMatch(/Nothing new/);
    expect(again.people).toMatchObject({ new: 0, matched: 5 });
    expect(again.signIns.already).toBe(5);
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('matches a known person by email whatever its case and spaces, and a course by name whatever its case', async () => {
    const course = await temp.call('courses.create', { title: 'Cultural Competency', description: null, durationMinutes: 120, learningOutcomes: ['Explore what we mean by culture'] });
    const known = await temp.call('people.create', { givenName: 'Siobhán', familyName: "O'Brien", email: 'siobhan.obrien@example.org' });
    const csv = 'First name,Surname,Email,Date,Course,Venue\nShiv,OBrien, SIOBHAN.OBRIEN@example.org ,01/03/2024,CULTURAL  competency,Hall\n';
    const preview = await temp.call('sheets.import', input('attendance', 'a.csv', Buffer.from(csv)));
    expect(preview.people.matches).toEqual([{ sheet: 'CSV', row: 2, name: 'Shiv OBrien', matchedBy: 'email', person: "Siobhán O'Brien" }]);
    expect(preview.courses.new).toEqual([]);
    expect(temp.sqlite.prepare('SELECT person_id FROM sign_ins').pluck().all()).toEqual([known.id]);
    expect(temp.sqlite.prepare('SELECT course_id FROM sessions').pluck().all()).toEqual([course.id]);
  });
});

describe('reading CSV text', () => {
  const header = 'First name,Surname,Organisation\n';
  it('reads Windows-1252, as Excel writes plain CSV, without turning Siobhán into SiobhÃ¡n', async () => {
    const bytes = Buffer.from(`${header}Siobh\xe1n,O\x92Brien,Caf\xe9 Trust\n`, 'latin1');
    const preview = await temp.call('sheets.import', input('people', 'people.csv', bytes));
    expect(preview.encoding).toBe('windows-1252');
    expect(people()).toEqual([{ given_name: 'Siobhán', family_name: 'O’Brien', email: null }]);
    expect(temp.sqlite.prepare('SELECT name FROM organisations').pluck().get()).toBe('Café Trust');
  });

  it('reads UTF-8 with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}Siobhán,Wójcik,\n`, 'utf8')]);
    const preview = await temp.call('sheets.import', input('people', 'people.csv', bytes));
    expect(preview.encoding).toBe('utf-8');
    expect(people()).toEqual([{ given_name: 'Siobhán', family_name: 'Wójcik', email: null }]);
  });

  it('maps an unknown column when told to, and lists it as ignored otherwise', async () => {
    const bytes = Buffer.from('Christian name,Surname\nAmira,Khan\n');
    const error = await refusal('sheets.preview', input('people', 'p.csv', bytes));
    expect(error.message).toMatch(/first name and surname/);
    const mapped = await temp.call('sheets.preview', input('people', 'p.csv', bytes, { mapping: { 'christian name': 'givenName' } }));
    expect(mapped.people.new).toBe(1);
  });
});

describe('files refused whole, with nothing written', () => {
  it('refuses a damaged spreadsheet', async () => {
    const good = await xlsx({ Sheet1: ATTENDANCE });
    const cut = good.subarray(0, Math.floor(good.length / 2));
    const before = databaseHash(temp.sqlite);
    const error = await refusal('sheets.import', input('attendance', 'cut.xlsx', cut));
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.message).toMatch(/damaged.*Nothing was imported\./);
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('refuses a CSV of more than a million rows before reading it', async () => {
    const bytes = Buffer.from(`First name,Surname\n${'a,b\n'.repeat(1_000_001)}`);
    const error = await refusal('sheets.import', input('people', 'huge.csv', bytes));
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(error.message).toMatch(/more than 1,000,000 rows/);
  });

  it('refuses an .xlsx whose parts would unpack past 500 MB', async () => {
    const bytes = Buffer.from(await xlsx({ Sheet1: ATTENDANCE }));
    // Claim, in the zip's central directory, that the first part unpacks to 600 MB.
    const directory = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(600 * 1024 * 1024, directory + 24);
    const error = await refusal('sheets.preview', input('attendance', 'bomb.xlsx', bytes));
    expect(error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(error.message).toMatch(/500 MB/);
  });

  it('refuses a file where every row is refused', async () => {
    const bytes = Buffer.from('First name,Surname,Date,Course,Venue\nAmira,Khan,,Course,Hall\n');
    const error = await refusal('sheets.import', input('attendance', 'a.csv', bytes));
    expect(error.message).toBe('Nothing could be imported from a.csv: every row was refused (row 2: no date). Nothing was imported.');
  });

  it('is the office’s: a laptop is refused in plain words', async () => {
    const laptop = await tempCore();
    try {
      await laptop.call('device.setUp', { role: 'laptop', name: 'Hall laptop' });
      const result = await laptop.dispatch('sheets.preview', input('people', 'p.csv', Buffer.from('First name,Surname\nA,B\n')));
      expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_DEVICE_ROLE', message: 'Use the central office for this: this computer is a facilitator laptop.' } });
    } finally {
      await laptop.cleanup();
    }
  });
});
