import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SubjectAccessCell, type SubjectAccessPart, type SubjectAccessReport } from '../../shared/contract';
import { evaluatedSession } from '../support/evaluations';
import { byHeading, bytesOfFile, csvRows } from '../support/spreadsheets';
import { DAY_MS, tempCore, type TempCore } from '../support/temp-core';

/**
 * Subject access includes the follow-up codes a person was sent (issue 17):
 * for every record of theirs (merged ones too), when each was sent and
 * whether it was answered; never anyone else's code. On screen and in the
 * spreadsheet alike.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

type Held = Extract<SubjectAccessReport, { status: 'held' }>;
const text = (cell: SubjectAccessCell | undefined) => (cell && 'value' in cell ? String(cell.value) : '');
const rowsOf = (found: SubjectAccessPart) => found.rows.map((row) => Object.fromEntries(found.headers.map((header, index) => [header, text(row[index])])));

async function attends(sessionId: string, givenName: string, familyName: string) {
  const person = await temp.call('people.create', { givenName, familyName, email: `${givenName.toLowerCase()}.${familyName.toLowerCase()}@example.org` });
  await temp.call('signIn.book', { sessionId, personId: person.id });
  await temp.call('signIn.signIn', { sessionId, personId: person.id });
  return person.id;
}

describe('subject access and follow-up codes', () => {
  it('lists the codes sent to the person and their merged record, answered or not, and no one else’s', async () => {
    const interpreters = await evaluatedSession(temp.call, 'linked', 'Working with interpreters');
    const practice = await evaluatedSession(temp.call, 'linked', 'Recognising good practice');
    const zofia = await attends(interpreters.session.id, 'Zofia', 'Quillfeather');
    const twice = await attends(practice.session.id, 'Zofia', 'Quilfeather');
    await attends(interpreters.session.id, 'Ben', 'Other');
    temp.clock.advance(84 * DAY_MS);
    const merge = byHeading(csvRows(bytesOfFile(await temp.call('followUps.writeMailMerge', { format: 'csv' }))));
    const codeOf = (name: string) => merge.find((row) => row.Name === name)!.Code!;
    await temp.call('people.merge', { keepId: zofia, otherId: twice });
    temp.clock.advance(DAY_MS);
    await temp.call('followUps.answer', { code: codeOf('Zofia Quillfeather'), answers: { confidence: 5 } });

    const report = (await temp.call('subjectAccess.report', { personId: zofia })) as Held;
    const codes = report.parts.find((part) => part.key === 'follow-up-codes')!;
    expect(codes.title).toBe('Follow-up codes');
    const rows = rowsOf(codes);
    expect(rows.map((row) => [row.Code, row.Session, row.Answered]).sort()).toEqual(
      [
        [codeOf('Zofia Quillfeather'), 'Working with interpreters at Riverside Hall', 'Yes'],
        [codeOf('Zofia Quilfeather'), 'Recognising good practice at Riverside Hall', 'No'],
      ].sort(),
    );
    for (const row of rows) expect(row['Sent at']).not.toBe('');
    expect(rows.find((row) => row.Answered === 'Yes')!['Answered at']).not.toBe('');
    expect(rows.find((row) => row.Answered === 'No')!['Answered at']).toBe('');
    expect(JSON.stringify(report)).not.toContain(codeOf('Ben Other'));

    const file = await temp.call('subjectAccess.spreadsheet', { personId: zofia });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOfFile(file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Follow-up codes')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Code', 'Session', 'Starts', 'Sent at', 'Answered', 'Answered at']);
    const sheetCodes = [2, 3].map((row) => [sheet.getRow(row).getCell(1).value, sheet.getRow(row).getCell(5).value]);
    expect(sheetCodes.sort()).toEqual([[codeOf('Zofia Quillfeather'), 'Yes'], [codeOf('Zofia Quilfeather'), 'No']].sort());
    expect(sheet.rowCount).toBe(3);
  });

  it('says none are held for someone never sent a follow-up', async () => {
    const person = await temp.call('people.create', { givenName: 'Ana', familyName: 'Never' });
    const report = (await temp.call('subjectAccess.report', { personId: person.id })) as Held;
    expect(report.parts.find((part) => part.key === 'follow-up-codes')!.rows).toEqual([]);
  });
});
