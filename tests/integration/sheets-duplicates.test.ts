import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvFile, sheetInput, sheetRefusal, xlsxFile } from '../support/spreadsheets';
import { databaseHash, tempCore, type TempCore } from '../support/temp-core';

/**
 * A sheet's row that the matching rules tie to no one, but that looks like
 * someone already in Fieldbook (the same name at the same organisation with
 * another email; the same name with no organisation on either side) is
 * listed before importing, and added as a different person unless the
 * office says it is the same one.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

const HEADER = ['First name', 'Surname', 'Email', 'Organisation'];

async function known() {
  const hope = await temp.call('organisations.create', { name: 'Hope Centre', sector: 'vcse' });
  const amira = await temp.call('people.create', { givenName: 'Amira', familyName: 'Khan', email: 'amira@hope.example.org', organisationId: hope.id });
  const seun = await temp.call('people.create', { givenName: 'Seun', familyName: 'Adeyemi', email: null });
  const ola = await temp.call('people.create', { givenName: 'Ola', familyName: 'Nowak', email: 'ola@one.example.org' });
  return { hope, amira, seun, ola };
}

/** Amira at Hope Centre with her home email; Seun with no organisation, twice; Ola elsewhere; Ben, new. */
const SHEET = csvFile([
  HEADER,
  ['Amira', 'Khan', 'amira.k@home.example.org', 'hope centre'],
  ['Seun', 'Adeyemi', 'seun@example.org', ''],
  ['Amira', 'Khan', 'AMIRA.K@home.example.org', 'Hope Centre'],
  ['Ola', 'Nowak', 'ola@two.example.org', 'Riverside Trust'],
  ['Ben', 'Ortiz', null, 'Hope Centre'],
]);

describe('likely duplicates in a people sheet', () => {
  it('lists each row that looks like someone already there, once, and adds them as different people unless told', async () => {
    const { amira } = await known();
    const before = databaseHash(temp.sqlite);
    const preview = await temp.call('sheets.preview', sheetInput('people', 'people.csv', SHEET));
    expect(databaseHash(temp.sqlite)).toBe(before);
    // Seun matched by name with no organisation (issue 12's rule); Ola at another organisation with another email is someone else.
    expect(preview.people.matches.map((match) => [match.row, match.person, match.matchedBy])).toEqual([[3, 'Seun Adeyemi', 'name']]);
    expect(preview.people.likelyDuplicates).toEqual([
      {
        sheet: 'CSV',
        row: 2,
        name: 'Amira Khan',
        email: 'amira.k@home.example.org',
        organisation: 'hope centre',
        personId: amira.id,
        person: 'Amira Khan',
        personEmail: 'amira@hope.example.org',
        personOrganisation: 'Hope Centre',
        why: 'organisation',
        decision: 'different',
      },
    ]);
    expect(preview.people.likelyDuplicateCount).toBe(1);
    expect(preview.message).toBe('Read 5 rows from people.csv. To import: 3 new people, 1 person already known. 1 row looks like someone already in Fieldbook.');

    const imported = await temp.call('sheets.import', sheetInput('people', 'people.csv', SHEET));
    expect(imported.people.new).toBe(3);
    expect(temp.sqlite.prepare("SELECT count(*) FROM people WHERE given_name = 'Amira'").pluck().get()).toBe(2);
  });

  it('makes the row the person already there when the office says they are the same, keeping the email Fieldbook has', async () => {
    const { amira } = await known();
    const samePeople = [{ sheet: 'CSV', row: 2, personId: amira.id }];
    const preview = await temp.call('sheets.preview', sheetInput('people', 'people.csv', SHEET, { samePeople }));
    expect(preview.people.likelyDuplicates.map((pair) => pair.decision)).toEqual(['same']);
    expect(preview.people.new).toBe(2);
    const imported = await temp.call('sheets.import', sheetInput('people', 'people.csv', SHEET, { samePeople }));
    expect({ ...imported, imported: false, message: '' }).toEqual({ ...preview, message: '' });
    // Row 4 (the same home email) is Amira too, found by the email row 2 was given.
    expect(imported.people.matches.filter((match) => match.person === 'Amira Khan').map((match) => [match.row, match.matchedBy])).toEqual([[2, 'chosen']]);
    const amiras = () => temp.sqlite.prepare("SELECT id, email, merged_into FROM people WHERE given_name = 'Amira' ORDER BY merged_into NULLS FIRST").all();
    // The row is kept as a record merged into Amira, as a merge at the office keeps both; lists show Amira once, with her email.
    expect(amiras()).toEqual([
      { id: amira.id, email: 'amira@hope.example.org', merged_into: null },
      { id: expect.any(String), email: 'amira.k@home.example.org', merged_into: amira.id },
    ]);
    const listed = await temp.call('people.list', { query: 'amira', limit: 50 });
    expect(listed.map((person) => person.email)).toEqual(['amira@hope.example.org']);

    // The same file again, with no choices: the row's email finds Amira, and nothing is new.
    const before = databaseHash(temp.sqlite);
    const again = await temp.call('sheets.import', sheetInput('people', 'people.csv', SHEET));
    expect(again.nothingNew).toBe(true);
    expect(again.people.likelyDuplicates).toEqual([]);
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('takes the row alone (the command line’s --same-person 2) when the file has one sheet and the row one likely duplicate', async () => {
    const { amira } = await known();
    await temp.call('sheets.import', sheetInput('people', 'people.csv', SHEET, { samePeople: [{ row: 2 }] }));
    expect(temp.sqlite.prepare("SELECT id FROM people WHERE given_name = 'Amira' AND merged_into IS NULL").pluck().all()).toEqual([amira.id]);
  });

  it('refuses a choice for a row that is not a likely duplicate, writing nothing', async () => {
    const { amira, seun } = await known();
    const before = databaseHash(temp.sqlite);
    const wrongRow = await sheetRefusal(temp.dispatch, 'sheets.import', sheetInput('people', 'people.csv', SHEET, { samePeople: [{ row: 6 }] }));
    expect(wrongRow.message).toBe('Preview the file again: row 6 is not a likely duplicate of anyone in Fieldbook, so it cannot be imported as them. Nothing was imported.');
    const wrongPerson = await sheetRefusal(temp.dispatch, 'sheets.import', sheetInput('people', 'people.csv', SHEET, { samePeople: [{ sheet: 'CSV', row: 2, personId: seun.id }] }));
    expect(wrongPerson.message).toBe('Preview the file again: row 2 of "CSV" is not a likely duplicate of the person chosen, so it cannot be imported as them. Nothing was imported.');
    expect(databaseHash(temp.sqlite)).toBe(before);
    expect(amira.id).toBeTruthy();
  });

  it('asks which sheet a row is on when a workbook has several', async () => {
    await known();
    const rows = [HEADER, ['Amira', 'Khan', 'amira.k@home.example.org', 'Hope Centre']];
    const file = await xlsxFile({ Spring: rows, Autumn: rows });
    const error = await sheetRefusal(temp.dispatch, 'sheets.preview', sheetInput('people', 'people.xlsx', file, { samePeople: [{ row: 2 }] }));
    expect(error.message).toBe('Say which sheet row 2 is on: the file has the sheets "Spring", "Autumn". Nothing was imported.');
    const preview = await temp.call('sheets.preview', sheetInput('people', 'people.xlsx', file, { samePeople: [{ sheet: 'Spring', row: 2 }] }));
    expect(preview.people.likelyDuplicates.map((pair) => [pair.sheet, pair.decision])).toEqual([['Spring', 'same']]);
    expect(preview.people.new).toBe(0);
    // Autumn's row 2, with the same email, is then the one chosen; a choice for it is not needed, and is refused as not a likely duplicate.
    const late = await sheetRefusal(temp.dispatch, 'sheets.preview', sheetInput('people', 'people.xlsx', file, { samePeople: [{ sheet: 'Autumn', row: 2 }] }));
    expect(late.message).toMatch(/^Preview the file again: row 2 of "Autumn" is not a likely duplicate/);
  });

  it('offers a walk-in with no organisation beside a second one with no organisation', async () => {
    // Two Seuns with no organisation already: the first has an email, so a row with another email is not matched to him by name.
    await temp.call('people.create', { givenName: 'Seun', familyName: 'Adeyemi', email: 'seun@one.example.org' });
    const plain = await temp.call('people.create', { givenName: 'Seun', familyName: 'Adeyemi', email: null });
    const preview = await temp.call('sheets.preview', sheetInput('people', 'p.csv', csvFile([HEADER, ['Seun', 'Adeyemi', 'seun@two.example.org', '']])));
    expect(preview.people.likelyDuplicates.map((pair) => [pair.personId, pair.why])).toEqual([[plain.id, 'no_organisation']]);
  });
});

describe('likely duplicates in a sign-in sheet', () => {
  it('signs the row in as the person chosen as the same', async () => {
    const { amira } = await known();
    const sheet = csvFile([
      [...HEADER, 'Date', 'Course', 'Venue'],
      ['Amira', 'Khan', 'amira.k@home.example.org', 'Hope Centre', '14/05/2024', 'Cultural Competency', 'Eastfield'],
    ]);
    const preview = await temp.call('sheets.preview', sheetInput('attendance', 'a.csv', sheet));
    expect(preview.people.likelyDuplicates.map((pair) => pair.personId)).toEqual([amira.id]);
    await temp.call('sheets.import', sheetInput('attendance', 'a.csv', sheet, { confirmedCourses: ['Cultural Competency'], samePeople: [{ sheet: 'CSV', row: 2, personId: amira.id }] }));
    expect(temp.sqlite.prepare("SELECT person_id FROM sign_ins WHERE kind = 'sign_in'").pluck().all()).toEqual([amira.id]);
    expect(temp.sqlite.prepare('SELECT count(*) FROM people WHERE merged_into IS NULL').pluck().get()).toBe(3);
  });
});
