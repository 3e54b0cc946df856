import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportWorld } from '../support/reports';
import { tempCore, type TempCore } from '../support/temp-core';

/** A report's files read back: the same numbers as on screen, accents kept, a formula made harmless, the definitions included. */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  const world = await reportWorld(temp);
  const siobhan = await temp.call('organisations.create', { name: 'Siobhán’s Café Trust', sector: 'vcse' });
  const formula = await temp.call('organisations.create', { name: '=HYPERLINK("http://example.com","Click")', sector: 'other' });
  const session = await world.session('2025-09-10');
  await world.attend(session, await world.person('Aoife', siobhan.id));
  await world.attend(session, await world.person('Bríd', siobhan.id));
  await world.attend(session, await world.person('Cal', formula.id));
});
afterEach(async () => {
  await temp.cleanup();
});

const choice = { kind: 'training', period: { kind: 'financialYear', startYear: 2025 }, asOf: '2026-04-30' } as const;

describe('exporting the training report', () => {
  it('writes an XLSX with a sheet per table, frozen headings, real numbers and a Definitions sheet', async () => {
    const report = await temp.call('reports.run', choice);
    const file = await temp.call('reports.export', { choice, format: 'xlsx' });
    // Named for the report's days and the day it was downloaded (the clock is on the session's day here).
    expect(file.fileName).toBe('People trained 2025-04-01 to 2026-03-31 (2025-09-10).xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'By sector', 'By organisation', 'By course', 'By venue', 'By facilitator', 'Definitions']);
    const byOrganisation = workbook.getWorksheet('By organisation')!;
    expect(byOrganisation.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(byOrganisation.getRow(1).values).toEqual([undefined, 'Organisation', 'People trained', 'Attendances', 'Sessions']);
    expect(byOrganisation.getRow(2).values).toEqual([undefined, 'Siobhán’s Café Trust', 2, 2, 1]);
    const summary = workbook.getWorksheet('Summary')!;
    const peopleRow = summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).value === 'People trained')!;
    expect(peopleRow.getCell(2).value).toBe(report.data.peopleTrained);
    expect(report.data.peopleTrained).toBe(3);
    const definitions = workbook.getWorksheet('Definitions')!;
    expect(definitions.getColumn(1).values).toContain('Attendance');
  });

  it('writes a CSV with a byte-order mark that keeps accents and neutralises a formula', async () => {
    const file = await temp.call('reports.export', { choice, format: 'csv' });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Siobhán’s Café Trust,2,2,1');
    expect(text).toContain(`"'=HYPERLINK(""http://example.com"",""Click"")",1,1,1`);
    expect(text).toContain('Definitions');
  });
});
