import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { craftedXlsx, inlineRows, worksheetXml } from '../support/crafted-xlsx';
import { sheetInput, sheetRefusal } from '../support/spreadsheets';
import { databaseHash, tempCore, type TempCore } from '../support/temp-core';

/** .xlsx files no spreadsheet program writes, but a damaged or crafted file may hold: refused in a plain sentence, with nothing written. */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

const HEADER = ['First name', 'Surname'];
const OPEN_MARKUP = /^This \.xlsx file is damaged: one of its sheets has a tag, comment or cell text longer than 1 MB, or one left open\. Nothing was imported\.$/;

async function refusedWithNothingWritten(file: Buffer) {
  const before = databaseHash(temp.sqlite);
  const error = await sheetRefusal(temp.dispatch, 'sheets.import', sheetInput('people', 'crafted.xlsx', file));
  expect(databaseHash(temp.sqlite)).toBe(before);
  return error;
}

describe('crafted .xlsx sheets', () => {
  it('reads a sheet built by hand like any other, with or without shared strings', async () => {
    for (const [withoutSharedStrings, given] of [[false, 'Amira'], [true, 'Ben']] as const) {
      const file = craftedXlsx(`${worksheetXml(inlineRows([HEADER, [given, 'Khan']]))}</sheetData></worksheet>`, { withoutSharedStrings });
      const imported = await temp.call('sheets.import', sheetInput('people', 'crafted.xlsx', file));
      expect(imported.people.new).toBe(1);
    }
    expect(temp.sqlite.prepare('SELECT given_name, family_name FROM people ORDER BY given_name').all()).toEqual([
      { given_name: 'Amira', family_name: 'Khan' },
      { given_name: 'Ben', family_name: 'Khan' },
    ]);
  });

  it('refuses a sheet whose comment is left open for 32 MB', async () => {
    // A few kilobytes zipped, 32 MB unzipped: the zip's declared sizes are true and far under the 500 MB limit.
    const file = craftedXlsx(`${worksheetXml(inlineRows([HEADER, ['Amira', 'Khan']]))}<!-- ${'-'.repeat(32 * 1024 * 1024)}`);
    expect(file.length).toBeLessThan(1024 * 1024);
    const error = await refusedWithNothingWritten(file);
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.message).toMatch(OPEN_MARKUP);
  });

  it('refuses a sheet with a tag of megabytes or a CDATA section left open', async () => {
    for (const open of [`<row r="3"><c r="A3" t="${'a'.repeat(3 * 1024 * 1024)}"/></row>`, `<row r="3"><c><v><![CDATA[${'b'.repeat(3 * 1024 * 1024)}`]) {
      const error = await refusedWithNothingWritten(craftedXlsx(worksheetXml(inlineRows([HEADER, ['Amira', 'Khan']]) + open)));
      expect(error).toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(OPEN_MARKUP) });
    }
  });

  it('refuses a sheet cut short inside a comment', async () => {
    const error = await refusedWithNothingWritten(craftedXlsx(`${worksheetXml(inlineRows([HEADER, ['Amira', 'Khan']]))}<!-- typed up`));
    expect(error.code).toBe('FILE_DAMAGED');
    expect(error.message).toBe('This .xlsx file is damaged: one of its sheets ends before its rows do, as if it were cut short. Nothing was imported.');
  });

  const UNZIPS_PAST_DECLARED = 'This .xlsx file is damaged: one of its parts unpacks to more than its list of contents says. Nothing was imported.';

  it('refuses a sheet that unzips to more than its zip declares, once it passes what was declared', async () => {
    const rows = inlineRows([HEADER, ...Array.from({ length: 20_000 }, (_, index) => [`Person${index}`, 'Khan'])]);
    const declaredSize = (name: string, size: number) => (name.includes('worksheets') ? 1024 : size);
    // Read as it unzips, after the shared strings; or, with none, unzipped by exceljs to a file first.
    for (const withoutSharedStrings of [false, true]) {
      const error = await refusedWithNothingWritten(craftedXlsx(`${worksheetXml(rows)}</sheetData></worksheet>`, { declaredSize, withoutSharedStrings }));
      expect(error).toMatchObject({ code: 'FILE_DAMAGED', message: UNZIPS_PAST_DECLARED });
    }
  });

  it('refuses a workbook part that unzips to more than its zip declares, before reading any sheet', async () => {
    const file = craftedXlsx(`${worksheetXml(inlineRows([HEADER, ['Amira', 'Khan']]))}</sheetData></worksheet>`, {
      declaredSize: (name, size) => (name === 'xl/sharedStrings.xml' ? 10 : size),
    });
    const error = await refusedWithNothingWritten(file);
    expect(error).toMatchObject({ code: 'FILE_DAMAGED', message: UNZIPS_PAST_DECLARED });
  });

  it('refuses a zip whose parts are not where, or what, its list of contents says', async () => {
    const good = () => craftedXlsx(`${worksheetXml(inlineRows([HEADER, ['Amira', 'Khan']]))}</sheetData></worksheet>`);
    // The shared strings' local header (the first time the name is written) names another part than the list does.
    const renamed = good();
    renamed.write('X', renamed.indexOf('xl/sharedStrings.xml') + 'xl/sharedStrings.xm'.length, 'latin1');
    // The list's last entry (the sheet) says it starts a byte later than it does.
    const moved = good();
    const entry = moved.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    moved.writeUInt32LE(moved.readUInt32LE(entry + 42) + 1, entry + 42);
    for (const file of [renamed, moved]) {
      const error = await refusedWithNothingWritten(file);
      expect(error).toMatchObject({ code: 'FILE_DAMAGED', message: 'This .xlsx file is damaged: its list of contents does not match the parts it holds. Nothing was imported.' });
    }
  });
});
