import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportChoice, SchemeView, Session } from '../../shared/contract';
import { reportWorld } from '../support/reports';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * The membership report on a scheme built for the purpose, whose answers are
 * worked out by hand below: rolling 12-month terms, a 6-month window and 30
 * days' grace; the membership year 1 May 2024 to 30 April 2025, as of
 * 15 June 2025 and as of 15 September 2024.
 */

let temp: TempCore;
let allies: SchemeView;
let nhsId: string;

const year = { kind: 'custom', from: '2024-05-01', to: '2025-04-30' } as const;
const membership = (asOf: string, filters: ReportChoice['filters'] = {}): ReportChoice => ({
  kind: 'membership',
  period: year,
  asOf,
  filters: { schemeId: allies.id, ...filters },
});

beforeAll(async () => {
  temp = await tempCore({ setUp: true });
  const world = await reportWorld(temp);
  const firstAid = await temp.call('courses.create', { title: 'First aid', durationMinutes: 120, learningOutcomes: ['Call for help'] });
  allies = await temp.call('schemes.create', { name: 'Allies', requiredCourseIds: [world.course.id], yearStarts: null, graceDays: 30 });
  const nhs = await temp.call('organisations.create', { name: 'City NHS Trust', sector: 'statutory' });
  const charity = await temp.call('organisations.create', { name: 'Refugee Welcome', sector: 'vcse' });
  nhsId = nhs.id;
  const join = async (personId: string, startsOn: string) => temp.call('members.join', { schemeId: allies.id, personId, startsOn });
  const renew = (personId: string, startsOn: string) => temp.call('members.renew', { schemeId: allies.id, personId, startsOn });
  const sessionOf = (day: string, courseId = world.course.id): Promise<Session> =>
    temp.call('sessions.create', { courseId, venueId: world.venue.id, contractId: null, startsAt: `${day}T10:00`, endsAt: `${day}T13:00`, capacity: 30, facilitators: ['Sam Okafor'] });

  // Joined in the year.
  const amara = await world.person('Amara', nhs.id);
  await join(amara, '2024-05-01');
  await world.attend(await sessionOf('2024-06-10'), amara); // trained in time
  await renew(amara, '2025-05-01'); // renewed after the year: her first term does not lapse

  const ben = await world.person('Ben', nhs.id);
  await join(ben, '2024-06-15'); // due by 15 December 2024
  const cancelled = await sessionOf('2024-07-01');
  await world.attend(cancelled, ben);
  const { courseId, venueId, startsAt, endsAt, capacity, facilitators } = cancelled;
  await temp.call('sessions.update', { id: cancelled.id, version: (await temp.call('sessions.get', { id: cancelled.id })).version, fields: { courseId, venueId, startsAt, endsAt, capacity, facilitators, status: 'cancelled' } });
  await world.attend(await sessionOf('2025-01-10'), ben); // too late: not trained

  const cara = await world.person('Cara', charity.id);
  await join(cara, '2025-03-01'); // due by 1 September 2025
  const undone = await sessionOf('2025-04-01');
  await world.attend(undone, cara);
  await temp.call('signIn.undo', { sessionId: undone.id, personId: cara });

  const dev = await world.person('Dev', charity.id);
  await join(dev, '2025-01-10'); // due by 10 July 2025: due within 30 days of 15 June
  await world.attend(await sessionOf('2025-02-01', firstAid.id), dev); // another course does not count

  const eli = await world.person('Eli');
  const eliJoined = await join(eli, '2024-09-01');
  await temp.call('members.exempt', { termId: eliJoined.memberships[0]!.terms[0]!.id, version: eliJoined.memberships[0]!.terms[0]!.version, reason: 'Trained elsewhere in 2023' });

  const fay = await world.person('Fay');
  await world.attend(await sessionOf('2023-03-01'), fay); // before joining counts
  await join(fay, '2024-10-01');

  const mo = await world.person('Mo', nhs.id);
  const moAgain = await world.person('Maurice');
  await join(mo, '2024-11-01');
  await world.attend(await sessionOf('2024-12-01'), moAgain);
  await temp.call('sync.resolveDuplicate', { keepId: mo, otherId: moAgain, action: 'merge' });

  // Members from before the year: renewals, rejoins and lapses.
  const gus = await world.person('Gus', nhs.id);
  await join(gus, '2023-05-01'); // ends 30 April 2024
  await renew(gus, '2024-05-20'); // 19 days' gap: renewed
  const hana = await world.person('Hana', charity.id);
  await join(hana, '2023-03-01'); // ends 29 February 2024
  await renew(hana, '2024-07-01'); // a longer gap: rejoined
  const ivy = await world.person('Ivy', nhs.id);
  await join(ivy, '2023-06-01'); // ends 31 May 2024, never renewed: lapsed
  const jon = await world.person('Jon');
  await join(jon, '2023-09-01'); // ends 31 August 2024
  await renew(jon, '2024-09-30'); // 29 days' gap, inside the grace period: renewed
  const kit = await world.person('Kit', charity.id);
  await join(kit, '2023-09-01'); // ends 31 August 2024
  await renew(kit, '2024-10-02'); // 31 days' gap: rejoined, and the first term lapsed
}, 120_000);

afterAll(async () => {
  for (const logged of temp.loggedErrors) console.error(logged.error);
  await temp.cleanup();
});

describe('the membership report', () => {
  it('counts who joined, their training, renewals, rejoins and lapses for the year', async () => {
    const report = await temp.call('reports.run', membership('2025-06-15'));
    expect(report.title).toBe('Membership');
    expect(report.filters).toEqual([{ label: 'Scheme', value: 'Allies' }]);
    expect(report.data).toMatchObject({
      scheme: 'Allies',
      joined: 7,
      organisations: 2,
      trained: 3,
      notTrained: 1,
      due: 2,
      exempt: 1,
      renewed: 2,
      rejoined: 2,
      lapsed: 2,
    });
    expect(report.notes).not.toContain('No sessions in this period.');
    expect(report.data.bySector).toEqual({
      statutory: { joined: 3, organisations: 1, trained: 2, notTrained: 1, due: 0, exempt: 0, renewed: 1, rejoined: 0, lapsed: 1 },
      vcse: { joined: 2, organisations: 1, trained: 0, notTrained: 0, due: 2, exempt: 0, renewed: 0, rejoined: 2, lapsed: 1 },
      other: { joined: 0, organisations: 0, trained: 0, notTrained: 0, due: 0, exempt: 0, renewed: 0, rejoined: 0, lapsed: 0 },
      none: { joined: 2, organisations: 0, trained: 1, notTrained: 0, due: 0, exempt: 1, renewed: 1, rejoined: 0, lapsed: 0 },
    });
    expect(report.data.byOrganisation).toEqual([
      { name: 'City NHS Trust', joined: 3, trained: 2, notTrained: 1, due: 0, exempt: 0, renewed: 1, rejoined: 0, lapsed: 1 },
      { name: 'No organisation recorded', joined: 2, trained: 1, notTrained: 0, due: 0, exempt: 1, renewed: 1, rejoined: 0, lapsed: 0 },
      { name: 'Refugee Welcome', joined: 2, trained: 0, notTrained: 0, due: 2, exempt: 0, renewed: 0, rejoined: 2, lapsed: 1 },
    ]);
    expect(report.data.dueSoon).toEqual([{ name: 'Dev Test', organisation: 'Refugee Welcome', joinedOn: '2025-01-10', dueBy: '2025-07-10' }]);
    expect(report.tables.find((table) => table.key === 'dueSoon')!.rows).toEqual([['Dev Test', 'Refugee Welcome', '2025-01-10', '2025-07-10']]);
    expect(report.definitions.map((definition) => definition.term)).toEqual(['Joined', 'Training requirement', 'Renewed, rejoined and lapsed', 'Due soon']);
  });

  it('lists the same members due soon as the due-soon screen', async () => {
    const screen = await temp.call('members.list', { schemeId: allies.id, asOf: '2025-06-15', dueSoon: true });
    const report = await temp.call('reports.run', membership('2025-06-15'));
    expect((report.data.dueSoon as { name: string }[]).map((due) => due.name)).toEqual(screen.map((row) => row.name));
  });

  it('counts as things stood on an earlier day: later joinings, attendance and renewals do not count yet', async () => {
    const report = await temp.call('reports.run', membership('2024-09-15'));
    expect(report.period).toMatchObject({ asOf: '2024-09-15', partYear: true });
    // Amara trained, Ben still due, Eli exempt; Kit's first term is still in its grace period and his rejoin is to come.
    expect(report.data).toMatchObject({ joined: 3, organisations: 1, trained: 1, notTrained: 0, due: 1, exempt: 1, renewed: 1, rejoined: 1, lapsed: 1 });
  });

  it('filters by the organisation on the term counted', async () => {
    const report = await temp.call('reports.run', membership('2025-06-15', { organisationId: nhsId }));
    expect(report.data).toMatchObject({ joined: 3, organisations: 1, trained: 2, notTrained: 1, due: 0, renewed: 1, rejoined: 0, lapsed: 1 });
    expect(report.data.dueSoon).toEqual([]);
  });

  it('asks for a scheme in a plain sentence, and for one that exists', async () => {
    await expect(temp.call('reports.run', { kind: 'membership', period: year, filters: {} })).rejects.toThrow(
      'Choose a membership scheme: the membership report is about one scheme.',
    );
    await expect(
      temp.call('reports.run', { kind: 'membership', period: year, filters: { schemeId: '0190a1b2-0000-7000-8000-000000000000' } }),
    ).rejects.toThrow('Choose the membership scheme again: that one could not be found.');
  });

  it('offers the schemes to choose from', async () => {
    const options = await temp.call('reports.options', {});
    expect(options.schemes).toEqual([{ id: allies.id, name: 'Allies' }]);
  });

  it('exports the same numbers to XLSX and CSV', async () => {
    const xlsx = await temp.call('reports.export', { choice: membership('2025-06-15'), format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.getWorksheet('By sector')!.getRow(2).values).toEqual([undefined, 'Statutory', 1, 3, 2, 1, 0, 0, 1, 0, 1]);
    const summary = book.getWorksheet('Summary')!;
    const figure = (label: string) => summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).value === label)!.getCell(2).value;
    expect(figure('Joined')).toBe(7);
    expect(figure('Lapsed')).toBe(2);
    expect(book.getWorksheet('Due in the next 30 days')!.getRow(2).getCell(1).value).toBe('Dev Test');

    const csv = Buffer.from((await temp.call('reports.export', { choice: membership('2025-06-15'), format: 'csv' })).contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('Joined,7');
    expect(csv).toContain('Statutory,1,3,2,1,0,0,1,0,1');
  });
});

describe('the membership report with a duplicate merged', () => {
  it('reads two records merged as one member: the later record’s "new" term renews the earlier one', async () => {
    const other = await tempCore({ setUp: true });
    try {
      const world = await reportWorld(other);
      const scheme = await other.call('schemes.create', { name: 'Friends', requiredCourseIds: [world.course.id], yearStarts: null, graceDays: 30 });
      const zoe = await world.person('Zoe');
      const zed = await world.person('Zed');
      await other.call('members.join', { schemeId: scheme.id, personId: zoe, startsOn: '2024-01-01' }); // to 31 December 2024
      await other.call('members.join', { schemeId: scheme.id, personId: zed, startsOn: '2025-01-01' }); // stored as new, on the other record
      await other.call('sync.resolveDuplicate', { keepId: zoe, otherId: zed, action: 'merge' });
      const run = (from: string, to: string) =>
        other.call('reports.run', { kind: 'membership', period: { kind: 'custom', from, to }, asOf: '2025-06-01', filters: { schemeId: scheme.id } });
      expect((await run('2025-01-01', '2025-12-31')).data).toMatchObject({ joined: 0, renewed: 1, rejoined: 0, lapsed: 0 });
      expect((await run('2024-01-01', '2024-12-31')).data).toMatchObject({ joined: 1, renewed: 0, lapsed: 0, due: 0, notTrained: 1 });
    } finally {
      await other.cleanup();
    }
  });
});
