import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/contract';
import { answersFor } from '../support/evaluations';
import { reportWorld } from '../support/reports';
import { xlsxRows } from '../support/spreadsheets';
import { dumpDatabase } from '../support/temp-core';
import { tempCoreForEachTest } from '../support/each-test';

/**
 * Figures already printed stay as they were; a report run after an erasure
 * counts fewer, and says so. Someone who attended in April to June 2025 is
 * erased on 2 December 2026: that quarter's report is one lower and says
 * why, on screen and in its files, and so does a saved report run after; a
 * quarter they were not in, or an organisation they were not from, says
 * nothing. The note keeps no trace of who it was.
 */

const temp = tempCoreForEachTest({ setUp: true });

type Choice = ProcedureInput<'reports.run'>;
const quarter = (startYear: number, n: number, more: Partial<Choice> = {}): Choice => ({
  kind: 'training',
  period: { kind: 'quarter', startYear, quarter: n },
  asOf: '2026-12-01',
  filters: {},
  ...more,
});
const ERASED_NOTE = '1 attendance by 1 person erased since 2 December 2026 is no longer counted, so figures printed before then may be higher.';
const erasureNotes = (notes: string[]) => notes.filter((note) => note.includes('erased'));

async function pastQuarterWithSomeoneErased() {
  const world = await reportWorld(temp);
  const nhs = await temp.call('organisations.create', { name: 'City NHS Trust', sector: 'statutory' });
  const charity = await temp.call('organisations.create', { name: 'Refugee Welcome', sector: 'vcse' });
  const may = await world.session('2025-05-10');
  const august = await world.session('2025-08-10');
  const zofia = await temp.call('people.create', { givenName: 'Zofia', familyName: 'Quillfeather', email: 'zofia.q@example.org', organisationId: nhs.id });
  const zofiaTwice = await temp.call('people.create', { givenName: 'Zosia', familyName: 'Quillfeather' });
  const bob = await world.person('Bob', charity.id);
  await world.attend(may, zofia.id);
  // Her duplicate signed in too, and was merged into her: still one attendance.
  await world.attend(may, zofiaTwice.id);
  await temp.call('people.merge', { keepId: zofia.id, otherId: zofiaTwice.id });
  const template = await temp.call('evaluations.template', { courseId: world.course.id });
  await temp.call('evaluations.submit', { sessionId: may.id, personId: zofia.id, templateId: template.id, answers: answersFor(template), language: 'en' });
  await world.attend(may, bob);
  await world.attend(august, bob);
  await world.attend(august, await world.person('Cara', charity.id));
  return { world, nhs, charity, zofia, zofiaTwice };
}

async function erase(personId: string) {
  temp.clock.set('2026-12-02T10:00:00.000Z');
  await temp.call('erasure.erase', { personIds: [personId], reason: 'Asked to be forgotten', erasedBy: 'Priya at the office' });
}

describe('a report after an erasure', () => {
  it('is one lower for the quarter the erased person attended in, and says so; other quarters and organisations say nothing', async () => {
    const { nhs, charity, zofia, zofiaTwice } = await pastQuarterWithSomeoneErased();
    const before = await temp.call('reports.run', quarter(2025, 1));
    expect(before.data).toMatchObject({ attendances: 2, peopleTrained: 2 });
    expect(erasureNotes(before.notes)).toEqual([]);

    await erase(zofia.id);

    const after = await temp.call('reports.run', quarter(2025, 1));
    expect(after.data).toMatchObject({ attendances: 1, peopleTrained: 1 });
    expect(erasureNotes(after.notes)).toEqual([ERASED_NOTE]);
    // The people-trained equality figures rest on the same attendances.
    expect(erasureNotes((await temp.call('reports.run', quarter(2025, 1, { kind: 'equality' }))).notes)).toEqual([ERASED_NOTE]);
    // Her linked evaluation answer is gone from the confidence figures too.
    expect(erasureNotes((await temp.call('reports.run', quarter(2025, 1, { kind: 'confidence' }))).notes)).toEqual([
      '1 evaluation answer by 1 person erased since 2 December 2026 is no longer counted, so figures printed before then may differ.',
    ]);

    // A quarter she did not attend in, and her quarter filtered to an organisation she was not from, are as they were.
    const august = await temp.call('reports.run', quarter(2025, 2));
    expect(august.data).toMatchObject({ attendances: 2 });
    expect(erasureNotes(august.notes)).toEqual([]);
    expect(erasureNotes((await temp.call('reports.run', quarter(2025, 1, { filters: { organisationId: charity.id } }))).notes)).toEqual([]);
    expect(erasureNotes((await temp.call('reports.run', quarter(2025, 1, { filters: { organisationId: nhs.id } }))).notes)).toEqual([ERASED_NOTE]);
    expect(erasureNotes((await temp.call('reports.run', quarter(2025, 1, { filters: { sector: 'statutory' } }))).notes)).toEqual([ERASED_NOTE]);
    // The whole year holds the quarter.
    const year = await temp.call('reports.run', { kind: 'training', period: { kind: 'financialYear', startYear: 2025 }, asOf: '2026-12-01', filters: {} });
    expect(erasureNotes(year.notes)).toEqual([ERASED_NOTE]);

    // Nothing kept for the note names her or holds her ids.
    const dump = dumpDatabase(temp.sqlite);
    for (const trace of [zofia.id, zofiaTwice.id, 'Quillfeather', 'Zofia', 'zofia.q@example.org']) expect(dump.includes(trace), trace).toBe(false);
  });

  it('says so in the CSV and XLSX files', async () => {
    const { zofia } = await pastQuarterWithSomeoneErased();
    await erase(zofia.id);
    const csv = await temp.call('reports.export', { choice: quarter(2025, 1), format: 'csv' });
    // The CSV is every section one after another, so its lines are of different lengths.
    const lines = parse(Buffer.from(csv.contentBase64, 'base64'), { bom: true, relax_column_count: true }) as string[][];
    expect(lines).toContainEqual(['Note', ERASED_NOTE]);
    const xlsx = await temp.call('reports.export', { choice: quarter(2025, 1), format: 'xlsx' });
    expect(await xlsxRows(Buffer.from(xlsx.contentBase64, 'base64'))).toContainEqual(['Note', ERASED_NOTE]);
  });

  it('says so when a saved report is run again after the erasure', async () => {
    const { zofia } = await pastQuarterWithSomeoneErased();
    // Saved for January to March 2025, before the erasure; its next run is April to June.
    const saved = await temp.call('savedReports.save', { name: 'Quarterly return', choice: quarter(2024, 4) });
    await erase(zofia.id);
    const { report } = await temp.call('savedReports.runNext', { id: saved.id });
    expect(report.period.from).toBe('2025-04-01');
    expect(report.data).toMatchObject({ attendances: 1 });
    expect(erasureNotes(report.notes)).toEqual([ERASED_NOTE]);
  });

  it('in the membership report, counts the members erased whose terms began or ended in the period', async () => {
    const world = await reportWorld(temp);
    const allies = await temp.call('schemes.create', { name: 'Allies', requiredCourseIds: [world.course.id], yearStarts: null, graceDays: 30 });
    const amara = await world.person('Amara');
    const ben = await world.person('Ben');
    await temp.call('members.join', { schemeId: allies.id, personId: amara, startsOn: '2025-05-01' });
    await temp.call('members.join', { schemeId: allies.id, personId: ben, startsOn: '2025-05-10' });
    const joinedIn = (from: string, to: string): Choice => ({ kind: 'membership', period: { kind: 'custom', from, to }, asOf: '2026-12-01', filters: { schemeId: allies.id } });
    expect((await temp.call('reports.run', joinedIn('2025-05-01', '2025-05-31'))).data).toMatchObject({ joined: 2 });

    await erase(amara);
    const may = await temp.call('reports.run', joinedIn('2025-05-01', '2025-05-31'));
    expect(may.data).toMatchObject({ joined: 1 });
    expect(erasureNotes(may.notes)).toEqual(['1 member erased since 2 December 2026 is no longer counted, so figures printed before then may be higher.']);
    expect(erasureNotes((await temp.call('reports.run', joinedIn('2025-06-01', '2025-06-30'))).notes)).toEqual([]);
  });
});
