import { describe, expect, it } from 'vitest';
import type { Session } from '../../shared/contract';
import { reportWorld } from '../support/reports';
import { enrolLaptop, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { refusal, seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';
import { cleanUpAfterEachTest } from '../support/each-test';

/**
 * Facilitators as records: a facilitator has an id and a name that can be
 * corrected; sessions refer to the record, so renaming them renames them on
 * every session and in every report, where they count once. Names typed on
 * sessions before there were records stay as they were until linked.
 */

let temp: TempCore | undefined;
let world: SyncWorld | undefined;
const cleanedUpAfterTest = cleanUpAfterEachTest();

async function runBy(core: TempCore, session: Session, facilitators: string[]) {
  const { courseId, venueId, startsAt, endsAt, capacity, contractId } = session;
  const { version } = await core.call('sessions.get', { id: session.id });
  await core.call('sessions.update', { id: session.id, version, fields: { courseId, venueId, startsAt, endsAt, capacity, contractId, facilitators } });
}

describe('facilitator records', () => {
  it('renaming a facilitator renames them on every session and in the report, where they count once', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const report = await reportWorld(temp);
    // Two old sessions name Sam with no record; one spells it differently.
    const first = await report.session('2025-09-01');
    const second = await report.session('2025-10-01');
    await runBy(temp, second, ['sam okafor ', 'Priya Shah']);

    const added = await temp.call('facilitators.add', { name: 'Sam Okafor' });
    expect(added.message).toBe('Added Sam Okafor. 2 sessions with that name now refer to this facilitator.');
    expect(added.facilitator).toMatchObject({ name: 'Sam Okafor', sessions: 2 });

    // A session made after: choosing the record's name refers to the record.
    const third = await report.session('2025-11-01');
    const amara = await report.person('Amara');
    const bogdan = await report.person('Bogdan');
    await report.attend(first, amara);
    await report.attend(second, bogdan);
    await report.attend(third, bogdan);

    const renamed = await temp.call('facilitators.rename', { id: added.facilitator.id, name: 'Sam Okafor-Reid' });
    expect(renamed.message).toBe('Renamed Sam Okafor to Sam Okafor-Reid on 3 sessions.');
    for (const session of [first, second, third]) {
      expect((await temp.call('sessions.get', { id: session.id })).facilitators).toContain('Sam Okafor-Reid');
    }
    expect((await temp.call('sessions.get', { id: second.id })).facilitators).toEqual(['Sam Okafor-Reid', 'Priya Shah']);

    const period = { kind: 'contractYear' as const, contractId: report.contract.id, startYear: 2025 };
    const run = await temp.call('reports.run', { kind: 'training', period, asOf: '2026-08-15' });
    expect(run.data.byFacilitator).toEqual([
      { name: 'Sam Okafor-Reid', peopleTrained: 2, attendances: 3, sessions: 3 },
      { name: 'Priya Shah', peopleTrained: 1, attendances: 1, sessions: 1 },
    ]);
    expect((await temp.call('reports.options', {})).facilitators).toEqual(['Priya Shah', 'Sam Okafor-Reid']);
    expect(await temp.call('people.facilitatorNames', {})).toEqual(['Priya Shah', 'Sam Okafor-Reid']);
  });

  it('links an old name on sessions (a former surname) to a record, and lists the names still unlinked', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const report = await reportWorld(temp);
    const old = await report.session('2025-09-01');
    await runBy(temp, old, ['Sam Adeyemi', 'Priya Shah']);
    const sam = await temp.call('facilitators.add', { name: 'Sam Okafor' });
    expect(sam.sessionsChanged).toBe(0);
    await report.session('2025-10-01');

    expect(await temp.call('facilitators.list', {})).toEqual({
      facilitators: [{ id: sam.facilitator.id, name: 'Sam Okafor', sessions: 1 }],
      unlinked: [
        { name: 'Priya Shah', sessions: 1 },
        { name: 'Sam Adeyemi', sessions: 1 },
      ],
    });

    const linked = await temp.call('facilitators.link', { name: 'sam adeyemi', facilitatorId: sam.facilitator.id });
    expect(linked.message).toBe('1 session with the name sam adeyemi now refers to Sam Okafor.');
    expect((await temp.call('sessions.get', { id: old.id })).facilitators).toEqual(['Sam Okafor', 'Priya Shah']);
    expect((await temp.call('facilitators.list', {})).facilitators).toEqual([{ id: sam.facilitator.id, name: 'Sam Okafor', sessions: 2 }]);
  });

  it('refuses a second record of the same name, a rename onto another’s name, and a link nothing has', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const sam = await temp.call('facilitators.add', { name: 'Sam Okafor' });
    const priya = await temp.call('facilitators.add', { name: 'Priya Shah' });
    const rows = () => temp!.sqlite.prepare('SELECT COUNT(*) FROM facilitators').pluck().get();
    expect(await refusal(temp.dispatch, 'facilitators.add', { name: 'sam okafor' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Choose Sam Okafor from the list of facilitators: there is a facilitator of that name already.',
    });
    expect(await refusal(temp.dispatch, 'facilitators.rename', { id: priya.facilitator.id, name: 'Sam Okafor' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await refusal(temp.dispatch, 'facilitators.link', { name: 'Nobody Here', facilitatorId: sam.facilitator.id })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Choose a name from the list of names with no facilitator record: no session has Nobody Here without one.',
    });
    expect(rows()).toBe(2);
  });

  it('reaches laptops in their package, read only, and a rename keeps the laptop’s sessions coming', async () => {
    world = cleanedUpAfterTest(await syncWorld([]));
    const { office } = world;
    const laptop = await enrolLaptop(office, 'Hall laptop 1', { facilitators: ['Sam Okafor'] });
    world.laptops.push(laptop);
    const sam = await office.call('facilitators.add', { name: 'Sam Okafor' });
    const session = await seedSession(office.call, { day: TEST_TODAY });
    await office.call('facilitators.rename', { id: sam.facilitator.id, name: 'Sam Okafor-Reid' });
    await sendPackage(office, laptop);

    expect((await laptop.call('sessions.get', { id: session.id })).facilitators).toEqual(['Sam Okafor-Reid']);
    expect((await laptop.call('facilitators.list', {})).facilitators).toEqual([{ id: sam.facilitator.id, name: 'Sam Okafor-Reid', sessions: 1 }]);
    expect(await refusal(laptop.dispatch, 'facilitators.rename', { id: sam.facilitator.id, name: 'Sam Reid' })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await refusal(laptop.dispatch, 'facilitators.add', { name: 'Zoë Ward' })).toMatchObject({ code: 'NOT_ALLOWED' });
  });
});
