import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportChoice, SchemeView, Session } from '../../shared/contract';
import { reportWorld } from '../support/reports';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * The membership report counted from the facts in memory
 * (electron/core/reports/facts/member-facts.ts) on a database built so that
 * every figure is known in advance, and never stale: after a join, a
 * renewal, a cancelled term, an exemption, a sign-in, an undo, a cancelled
 * session and a merge the next report counts it. Rolling 12-month terms, a
 * 6-month window, 30 days' grace; joining dates 1 August 2023 to
 * 31 December 2024, as of 31 March 2025.
 */

let temp: TempCore;
let world: Awaited<ReturnType<typeof reportWorld>>;
let allies: SchemeView;
const people: Record<string, string> = {};

const choice = (filters: ReportChoice['filters'] = {}): ReportChoice => ({
  kind: 'membership',
  period: { kind: 'custom', from: '2023-08-01', to: '2024-12-31' },
  asOf: '2025-03-31',
  filters: { schemeId: allies.id, ...filters },
});
const figures = async (filters: ReportChoice['filters'] = {}) => (await temp.call('reports.run', choice(filters))).data;
const sessionOf = (day: string): Promise<Session> => world.session(day, null);
const join = (name: string, startsOn: string) => temp.call('members.join', { schemeId: allies.id, personId: people[name]!, startsOn });
const renew = (name: string, startsOn: string) => temp.call('members.renew', { schemeId: allies.id, personId: people[name]!, startsOn });
/** Their first term, as a change to it names it: its id and the version read. */
const firstTermOf = async (name: string) => {
  const { id: termId, version } = (await temp.call('members.get', { personId: people[name]! })).memberships[0]!.terms[0]!;
  return { termId, version };
};

beforeAll(async () => {
  temp = await tempCore({ setUp: true });
  world = await reportWorld(temp);
  allies = await temp.call('schemes.create', { name: 'Allies', requiredCourseIds: [world.course.id], yearStarts: null, graceDays: 30 });
  const nhs = await temp.call('organisations.create', { name: 'City NHS Trust', sector: 'statutory' });
  const charity = await temp.call('organisations.create', { name: 'Refugee Welcome', sector: 'vcse' });
  for (const [name, organisationId] of [
    ['Ava', nhs.id], ['Bo', nhs.id], ['Cy', charity.id], ['Cy2', null], ['Cy3', null], ['Dee', null], ['Eve', null], ['Eve2', null],
    ['Fin', null], ['Gil', null], ['Hal', null], ['Ida', null], ['Jo', null], ['Kai', null], ['Lee', null],
  ] as const) {
    people[name] = await world.person(name, organisationId);
  }

  // Joined 31 August 2023: due by 29 February 2024 (a leap year). Ava attends that day, Bo the day after.
  await join('Ava', '2023-08-31');
  await world.attend(await sessionOf('2024-02-29'), people.Ava!);
  await join('Bo', '2023-08-31');
  await world.attend(await sessionOf('2024-03-01'), people.Bo!);

  // A merge chain: Cy3 into Cy2, then Cy2 into Cy. Cy3's attendance trains Cy; Cy2's own "new" term is Cy's rejoin.
  await join('Cy', '2023-10-01'); // to 30 September 2024, due by 1 April 2024
  await world.attend(await sessionOf('2024-01-15'), people.Cy3!);
  await join('Cy2', '2024-11-15'); // 45 days after Cy's term: a rejoin once merged
  await temp.call('sync.resolveDuplicate', { keepId: people.Cy2!, otherId: people.Cy3!, action: 'merge' });
  await temp.call('sync.resolveDuplicate', { keepId: people.Cy!, otherId: people.Cy2!, action: 'merge' });

  // An undone sign-in and a cancelled session do not train.
  await join('Dee', '2024-01-10');
  const undone = await sessionOf('2024-03-05');
  await world.attend(undone, people.Dee!);
  await temp.call('signIn.undo', { sessionId: undone.id, personId: people.Dee! });
  await join('Eve', '2024-02-01'); // due by 1 August 2024
  const cancelled = await sessionOf('2024-04-01');
  await world.attend(cancelled, people.Eve!);
  const { courseId, venueId, startsAt, endsAt, capacity, facilitators } = cancelled;
  await temp.call('sessions.update', { id: cancelled.id, version: (await temp.call('sessions.get', { id: cancelled.id })).version, fields: { courseId, venueId, startsAt, endsAt, capacity, facilitators, status: 'cancelled' } });

  // Exempt.
  await join('Fin', '2024-03-01');
  await temp.call('members.exempt', { ...(await firstTermOf('Fin')), reason: 'Trained elsewhere' });

  // A rejoin after the grace period (the first term lapsed), and a renewal within it (no lapse).
  await join('Gil', '2023-09-15'); // to 14 September 2024
  await world.attend(await sessionOf('2023-12-01'), people.Gil!);
  await renew('Gil', '2024-11-01'); // 47 days with no term: rejoined
  await join('Hal', '2023-08-01'); // to 31 July 2024, never trained: not trained
  await renew('Hal', '2024-08-20'); // 19 days: renewed

  // Due within 30 days of the as-of date.
  await join('Ida', '2024-10-15'); // due by 15 April 2025

  // Joined before the period: a term ending in it cancelled (not a lapse), and one that lapsed.
  await join('Jo', '2023-01-01');
  await temp.call('members.cancel', { ...(await firstTermOf('Jo')), cancelledOn: '2023-06-01' });
  await join('Kai', '2023-01-01');
}, 120_000);

afterAll(async () => {
  for (const logged of temp.loggedErrors) console.error(logged.error);
  await temp.cleanup();
});

describe('the membership report on a database whose figures are known', () => {
  it('counts joinings, training, renewals, rejoins and lapses as worked out by hand', async () => {
    const mergedInto = (name: string) => temp.sqlite.prepare('SELECT merged_into FROM people WHERE id = ?').pluck().get(people[name]!);
    expect([mergedInto('Cy3'), mergedInto('Cy2')]).toEqual([people.Cy2, people.Cy]); // a chain, not two merges into Cy
    const report = await temp.call('reports.run', choice());
    // Joined: Ava, Bo, Cy, Dee, Eve, Fin, Gil, Hal, Ida. Trained: Ava (on the due day), Cy (through the chain), Gil.
    // Not trained: Bo (a day late), Dee (undone), Eve (cancelled session), Hal. Exempt: Fin. Due: Ida.
    // Renewed: Hal. Rejoined: Cy (the merged record's term), Gil. Lapsed: Ava, Bo, Cy, Gil's first terms and Kai's; Jo's was cancelled.
    expect(report.data).toMatchObject({
      joined: 9,
      organisations: 2,
      trained: 3,
      notTrained: 4,
      due: 1,
      exempt: 1,
      renewed: 1,
      rejoined: 2,
      lapsed: 5,
    });
    expect(report.data.dueSoon).toEqual([{ name: 'Ida Test', organisation: null, joinedOn: '2024-10-15', dueBy: '2025-04-15' }]);
    expect(report.data.bySector).toMatchObject({
      statutory: { joined: 2, organisations: 1, trained: 1, notTrained: 1, lapsed: 2 },
      vcse: { joined: 1, organisations: 1, trained: 1, rejoined: 0, lapsed: 1 },
      none: { joined: 6, organisations: 0, trained: 1, notTrained: 3, due: 1, exempt: 1, renewed: 1, rejoined: 2, lapsed: 2 },
    });
    expect(report.data.byOrganisation).toEqual([
      { name: 'No organisation recorded', joined: 6, trained: 1, notTrained: 3, due: 1, exempt: 1, renewed: 1, rejoined: 2, lapsed: 2 },
      { name: 'City NHS Trust', joined: 2, trained: 1, notTrained: 1, due: 0, exempt: 0, renewed: 0, rejoined: 0, lapsed: 2 },
      { name: 'Refugee Welcome', joined: 1, trained: 1, notTrained: 0, due: 0, exempt: 0, renewed: 0, rejoined: 0, lapsed: 1 },
    ]);
  });

  it('gives the 31 August joiners 28 February in a year that is not a leap year', async () => {
    await temp.call('members.join', { schemeId: allies.id, personId: people.Lee!, startsOn: '2024-08-31' });
    const report = await temp.call('reports.run', { ...choice(), asOf: '2025-02-10' });
    expect(report.data.dueSoon).toEqual([{ name: 'Lee Test', organisation: null, joinedOn: '2024-08-31', dueBy: '2025-02-28' }]);
  });

  it('filters by the organisation and the sector on the term counted', async () => {
    const nhs = (await temp.call('organisations.list', {})).find((organisation) => organisation.name === 'City NHS Trust')!;
    expect(await figures({ organisationId: nhs.id })).toMatchObject({ joined: 2, organisations: 1, trained: 1, notTrained: 1, lapsed: 2, dueSoon: [] });
    expect(await figures({ sector: 'vcse' })).toMatchObject({ joined: 1, organisations: 1, trained: 1, rejoined: 0, lapsed: 1 });
  });
});

describe('the membership report straight after each kind of write', () => {
  it('counts a join, a sign-in, an undo, a cancelled session, a merge, an exemption, a renewal and a cancelled term at once', async () => {
    const before = await figures();
    const step = async (write: () => Promise<unknown>, change: Record<string, number>) => {
      const was = await figures();
      await write();
      const now = await figures();
      for (const [key, by] of Object.entries(change)) expect([key, now[key]]).toEqual([key, (was[key] as number) + by]);
      return now;
    };
    const newcomer = await world.person('Nia');
    await step(() => temp.call('members.join', { schemeId: allies.id, personId: newcomer, startsOn: '2024-12-01' }), { joined: 1, due: 1 });
    const training = await sessionOf('2025-01-20');
    await step(() => world.attend(training, newcomer), { trained: 1, due: -1 });
    await step(() => temp.call('signIn.undo', { sessionId: training.id, personId: newcomer }), { trained: -1, due: 1 });
    const again = await sessionOf('2025-02-03');
    await step(() => world.attend(again, newcomer), { trained: 1, due: -1 });
    const { courseId, venueId, startsAt, endsAt, capacity, facilitators } = again;
    const cancel = async () => temp.call('sessions.update', { id: again.id, version: (await temp.call('sessions.get', { id: again.id })).version, fields: { courseId, venueId, startsAt, endsAt, capacity, facilitators, status: 'cancelled' } });
    await step(cancel, { trained: -1, due: 1 });
    // Eve2 attended within Eve's window; merged into Eve, Eve has trained.
    await world.attend(await sessionOf('2024-05-01'), people.Eve2!);
    await step(() => temp.call('sync.resolveDuplicate', { keepId: people.Eve!, otherId: people.Eve2!, action: 'merge' }), { trained: 1, notTrained: -1 });
    await step(async () => temp.call('members.exempt', { ...(await firstTermOf('Dee')), reason: 'Trained elsewhere' }), { exempt: 1, notTrained: -1 });
    await step(() => renew('Ava', '2024-09-10'), { renewed: 1, lapsed: -1 });
    await step(async () => temp.call('members.cancel', { ...(await firstTermOf('Kai')), cancelledOn: '2023-06-01' }), { lapsed: -1 });
    const after = await figures();
    expect(after.joined).toBe((before.joined as number) + 1);
  });
});
