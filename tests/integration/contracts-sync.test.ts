import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUuidV7 } from '../../electron/core/ids';
import { changedTables, laptopForger } from '../support/crafted-bundles';
import { refusedWritingNothing } from '../support/bookings';
import { enrolLaptop, incomingBytes, sendPackage } from '../support/sync';
import { dumpDatabase, refusal, TEST_TODAY, tempCore, type TempCore } from '../support/temp-core';

/**
 * Contracts are the office's: they reach a laptop in its package, read-only
 * there, and a laptop's file that tries to add or change one, or to move a
 * session to another contract, is refused whole.
 */

let office: TempCore;
let laptop: TempCore;
let contractId = '';
let sessionId = '';

const publicHealth = { name: 'Public Health Equity 2026', funder: 'Westbrook City Council Public Health', yearStarts: '08-01', endsOn: null };

beforeAll(async () => {
  office = await tempCore({ setUp: true });
  const course = await office.call('courses.create', { title: 'Cultural competency', durationMinutes: 180, learningOutcomes: ['Recognise good practice'] });
  const venue = await office.call('venues.create', { name: "St Mark's Church Hall", address: '4 Church Street' });
  contractId = (await office.call('contracts.create', publicHealth)).id;
  await office.call('contracts.create', { name: 'Carers Trust grant', funder: 'Westbrook Carers Trust', yearStarts: '04-01' });
  sessionId = (
    await office.call('sessions.create', {
      courseId: course.id,
      venueId: venue.id,
      startsAt: `${TEST_TODAY}T10:00`,
      endsAt: `${TEST_TODAY}T13:00`,
      capacity: 20,
      facilitators: ['Sam Okafor'],
      contractId,
    })
  ).id;
  laptop = await enrolLaptop(office, 'Hall laptop 1', { facilitators: ['Sam Okafor'] });
  await sendPackage(office, laptop);
});

afterAll(async () => {
  for (const core of [office, laptop]) await core?.cleanup();
});

/** The change that created or last set a field of a row, as the office holds it: what an edit replaces. */
function firstChangeId(table: string, rowId: string): string {
  return office.sqlite.prepare('SELECT id FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc LIMIT 1').pluck().get(table, rowId) as string;
}

describe('contracts in the package', () => {
  it('reach a paired laptop with the sessions that name them, and a change at the office follows in the next package', async () => {
    expect((await laptop.call('contracts.list', {})).map((contract) => contract.name)).toEqual(['Carers Trust grant', 'Public Health Equity 2026']);
    expect(await laptop.call('sessions.get', { id: sessionId })).toMatchObject({ contractId, contractName: 'Public Health Equity 2026' });

    await office.call('contracts.update', { id: contractId, version: (await office.call('contracts.get', { id: contractId })).version, fields: { ...publicHealth, name: 'Health Equity 2026-27' } });
    await sendPackage(office, laptop);
    expect(await laptop.call('contracts.get', { id: contractId })).toMatchObject({ name: 'Health Equity 2026-27', yearStarts: '08-01' });
    expect((await laptop.call('sessions.get', { id: sessionId })).contractName).toBe('Health Equity 2026-27');
  });

  it('are read-only on the laptop', async () => {
    const current = await laptop.call('contracts.get', { id: contractId });
    const { id: _, version: _version, ...fields } = current;
    expect(await refusedWritingNothing(laptop, 'contracts.update', { id: contractId, version: (await laptop.call('contracts.get', { id: contractId })).version, fields: { ...fields, funder: 'Someone else' } })).toEqual({
      code: 'NOT_ALLOWED',
      message: 'Ask the central office to change the funder of a contract: only it can, and its changes reach this laptop in its next package.',
    });
  });
});

describe("a laptop's file that touches contracts", () => {
  const NOTHING = 'Nothing was imported.';

  it('is refused whole, in plain words naming the laptop, writing nothing at the office', async () => {
    const forger = laptopForger(laptop);
    const cases = [
      {
        file: () => forger.of(forger.change({ table: 'contracts', rowId: newUuidV7(), fields: { name: 'Laptop fund', funder: 'Nobody', year_starts: '01-01', ends_on: null } })),
        message: `Hall laptop 1 tried to add a contract; only the office can. ${NOTHING}`,
      },
      {
        file: () =>
          forger.of(forger.change({ table: 'contracts', rowId: contractId, fields: { name: 'Renamed on a laptop' }, replaces: { name: firstChangeId('contracts', contractId) } })),
        message: `Hall laptop 1 tried to change the name of a contract; only the office can. ${NOTHING}`,
      },
      {
        file: () =>
          forger.of(forger.change({ table: 'sessions', rowId: sessionId, fields: { contract_id: null }, replaces: { contract_id: firstChangeId('sessions', sessionId) } })),
        message: `Hall laptop 1 tried to change the contract of a session; only the office can. ${NOTHING}`,
      },
    ];
    for (const c of cases) {
      const before = dumpDatabase(office.sqlite);
      const error = await refusal(office.dispatch, 'sync.importFile', incomingBytes(await c.file(), 'hall-laptop-1.fieldbook'));
      expect(error).toEqual({ code: 'NOT_ALLOWED', message: c.message });
      expect(changedTables(before, dumpDatabase(office.sqlite))).toEqual([]);
    }
    expect(await office.call('sessions.get', { id: sessionId })).toMatchObject({ contractId, contractName: 'Health Equity 2026-27' });
  });
});
