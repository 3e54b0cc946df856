import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportChoice, Session } from '../../shared/contract';
import { localTime } from '../support/bookings';
import { reportWorld } from '../support/reports';
import { tempCore, testClock, type TempCore } from '../support/temp-core';

/**
 * "You said, we did" for February 2026: notes at two sessions of the month,
 * answered, closed, answered only after the as-of date, or needing no
 * answer; a note at a session the month before and one at a session later
 * cancelled, neither counted.
 */

let temp: TempCore;
const february = (asOf: string): ReportChoice => ({ kind: 'you-said-we-did', period: { kind: 'month', year: 2026, month: 2 }, asOf, filters: {} });

beforeAll(async () => {
  temp = await tempCore({ setUp: true, clock: testClock('2026-01-02T09:00:00.000Z') });
  const world = await reportWorld(temp);
  const at = (day: string) => temp.clock.set(localTime(day, '12:00'));
  const note = (session: Session, text: string, tags: string[], needsResponse: boolean) => temp.call('notes.add', { sessionId: session.id, text, tags, needsResponse });
  const early = await world.session('2026-02-05', null);
  const late = await world.session('2026-02-20', null);
  const january = await world.session('2026-01-30', null);
  const dropped = await world.session('2026-02-10', null);

  at('2026-01-30');
  await note(january, 'The room was cold', ['venue'], true);
  at('2026-02-05');
  const gp = await note(early, 'Two people could not register with a GP without proof of address', ['GP registration', 'Housing'], true);
  const handouts = await note(early, 'The handouts were too small to read', ['Materials'], true);
  at('2026-02-10');
  await note(dropped, 'Nobody could find the entrance', ['venue'], true);
  const { courseId, venueId, startsAt, endsAt, capacity, facilitators } = dropped;
  await temp.call('sessions.update', { id: dropped.id, version: (await temp.call('sessions.get', { id: dropped.id })).version, fields: { courseId, venueId, startsAt, endsAt, capacity, facilitators, status: 'cancelled' } });
  at('2026-02-15');
  await temp.call('notes.respond', { id: gp.id, response: 'We wrote a leaflet on registering with a GP without an address.', status: 'responded' });
  at('2026-02-20');
  await note(late, 'Good discussion of interpreting', [], false);
  const housing = await note(late, 'Several were in temporary housing', ['housing'], true);
  at('2026-03-01');
  await temp.call('notes.respond', { id: housing.id, response: 'Passed to the council housing team.', status: 'closed' });
  at('2026-04-02');
  await temp.call('notes.respond', { id: handouts.id, response: 'Reprinted in large type.', status: 'responded' });
}, 120_000);

afterAll(async () => {
  for (const logged of temp.loggedErrors) console.error(logged.error);
  await temp.cleanup();
});

describe('the you-said-we-did report', () => {
  it('counts the notes raised and answered by tag, and lists them with their answers as of the day', async () => {
    const report = await temp.call('reports.run', february('2026-03-31'));
    expect(report.title).toBe('You said, we did');
    expect(report.data).toMatchObject({ raised: 4, answered: 2, awaitingAnswer: 1 });
    expect(report.data.byTag).toEqual([
      { tag: 'housing', raised: 2, answered: 2 },
      { tag: 'gp registration', raised: 1, answered: 1 },
      { tag: 'materials', raised: 1, answered: 0 },
      { tag: 'No tag', raised: 1, answered: 0 },
    ]);
    expect(report.data.notes).toEqual([
      {
        course: 'Cultural competency',
        day: '2026-02-05',
        tags: ['gp registration', 'housing'],
        youSaid: 'Two people could not register with a GP without proof of address',
        weDid: 'We wrote a leaflet on registering with a GP without an address.',
        status: 'responded',
      },
      // Answered on 2 April: not yet on 31 March.
      { course: 'Cultural competency', day: '2026-02-05', tags: ['materials'], youSaid: 'The handouts were too small to read', weDid: null, status: 'open' },
      { course: 'Cultural competency', day: '2026-02-20', tags: [], youSaid: 'Good discussion of interpreting', weDid: null, status: 'open' },
      { course: 'Cultural competency', day: '2026-02-20', tags: ['housing'], youSaid: 'Several were in temporary housing', weDid: 'Passed to the council housing team.', status: 'closed' },
    ]);
    expect(report.tables.find((table) => table.key === 'notes')!.columns.map((column) => column.label)).toEqual(['Course', 'Session', 'Tags', 'You said', 'We did', 'Status']);
  });

  it('counts as things stood on an earlier day', async () => {
    const report = await temp.call('reports.run', february('2026-02-16'));
    expect(report.data).toMatchObject({ raised: 2, answered: 1, awaitingAnswer: 1 });
    const later = await temp.call('reports.run', february('2026-04-30'));
    expect(later.data).toMatchObject({ raised: 4, answered: 3, awaitingAnswer: 0 });
  });

  it('exports the same numbers and texts', async () => {
    const file = await temp.call('reports.export', { choice: february('2026-03-31'), format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.getWorksheet('By tag')!.getRow(2).values).toEqual([undefined, 'housing', 2, 2]);
    expect(book.getWorksheet('You said, we did')!.getRow(2).getCell(5).value).toBe('We wrote a leaflet on registering with a GP without an address.');
    const csv = Buffer.from((await temp.call('reports.export', { choice: february('2026-03-31'), format: 'csv' })).contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('No tag,1,0');
  });
});
