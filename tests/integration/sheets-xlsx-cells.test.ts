import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sheetInput } from '../support/spreadsheets';
import { tempCore, type TempCore } from '../support/temp-core';

/** The kinds of cell Excel keeps, each read as the office typed it: the .xlsx reader works on the sheet's XML itself. */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

const DAY = 86_400_000;

/** A workbook of one sign-in sheet whose cells are rich text, formulas, links, errors, true/false and dates stored three ways. */
async function workbook(date1904: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = date1904;
  const sheet = book.addWorksheet('Sign-ins');
  sheet.addRow(['First name', 'Surname', 'Email', 'Organisation', 'Session date', 'Course', 'Venue', 'Attended']);
  sheet.addRow([
    { richText: [{ text: 'Ma' }, { text: 'ría', font: { bold: true } }] },
    { formula: 'PROPER("lópez")', result: 'López' },
    { text: 'maria@example.org', hyperlink: 'mailto:maria@example.org' },
    'Hope Foodbank',
    new Date(Date.UTC(2024, 4, 14)),
    'Health Equity Basics',
    "St Mary's Hall",
    true,
  ]);
  // A day number in a row formatted as dates, with no format of its own: the row's format makes it a date.
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const row = sheet.addRow(['Tom', 'Reed', { error: '#N/A' }, null, (Date.UTC(2024, 5, 2) - epoch) / DAY, 'Health Equity Basics', "St Mary's Hall", false]);
  row.numFmt = 'dd/mm/yyyy';
  sheet.addRow(['Ada', 'Okafor', null, 'Hope Foodbank', { formula: 'DATE(2024,6,9)', result: new Date(Date.UTC(2024, 5, 9)) }, 'Health Equity Basics', "St Mary's Hall", 'Y']);
  sheet.getCell('E4').numFmt = 'dd/mm/yyyy';
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('the cells of an .xlsx sign-in sheet', () => {
  for (const date1904 of [false, true]) {
    it(`reads rich text, formulas, links, errors, true/false and dates${date1904 ? ' in the 1904 date system' : ''} as their values`, async () => {
      const file = await workbook(date1904);
      const preview = await temp.call('sheets.import', sheetInput('attendance', 'cells.xlsx', file, { confirmedCourses: ['Health Equity Basics'] }));
      expect(preview.refused).toEqual([]);
      expect(preview.signIns).toMatchObject({ new: 2, notAttended: 1 });
      expect(temp.sqlite.prepare('SELECT given_name, family_name, email FROM people ORDER BY given_name').all()).toEqual([
        { given_name: 'Ada', family_name: 'Okafor', email: null },
        { given_name: 'María', family_name: 'López', email: 'maria@example.org' },
        { given_name: 'Tom', family_name: 'Reed', email: null },
      ]);
      // Tom did not come; his day (a number in a date-formatted row) still read as a date, or his row would be refused.
      expect(temp.sqlite.prepare('SELECT starts_at FROM sessions ORDER BY starts_at').pluck().all()).toEqual(['2024-05-14T09:00', '2024-06-09T09:00']);
    });
  }
});
