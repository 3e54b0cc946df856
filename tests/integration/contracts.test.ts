import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course, Venue } from '../../shared/contract';
import { CULTURAL_COMPETENCY_TITLE } from '../../electron/demo/catalogue-data';
import { loadDemoData } from '../../electron/demo/load-demo';
import { refusedWritingNothing } from '../support/bookings';
import { byHeading, bytesOfFile, csvRows, xlsxRows } from '../support/spreadsheets';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * Contracts: the funding sources sessions are delivered under, each with the
 * day its year starts. The office keeps them; a session names one or none
 * ("paid-for / other").
 */

let temp: TempCore;
let course: Course;
let venue: Venue;

const publicHealth = {
  name: 'Public Health Equity 2026',
  funder: 'Westbrook City Council Public Health',
  yearStarts: '08-01',
  endsOn: '2027-07-31',
};

const sessionFields = () => ({
  courseId: course.id,
  venueId: venue.id,
  startsAt: '2026-03-20T09:30',
  endsAt: '2026-03-20T12:30',
  capacity: 16,
  facilitators: ['Sam Okafor'],
});

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  course = await temp.call('courses.create', { title: 'Cultural competency', durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  venue = await temp.call('venues.create', { name: "St Mark's Church Hall", address: '4 Church Street' });
});

afterEach(async () => {
  await temp.cleanup();
});

describe('contracts at the office', () => {
  it('are created, found by name or funder, and changed', async () => {
    const created = await temp.call('contracts.create', { ...publicHealth, name: '  Public Health Equity 2026 ' });
    const paidFor = await temp.call('contracts.create', { name: 'Carers Trust grant', funder: 'Westbrook Carers Trust', yearStarts: '04-01' });
    expect(created).toEqual({ id: created.id, ...publicHealth });
    expect(paidFor.endsOn).toBeNull();

    expect((await temp.call('contracts.list', {})).map((contract) => contract.name)).toEqual(['Carers Trust grant', 'Public Health Equity 2026']);
    expect((await temp.call('contracts.list', { query: 'city council' })).map((contract) => contract.name)).toEqual(['Public Health Equity 2026']);
    expect(await temp.call('contracts.get', { id: created.id })).toEqual({ ...created, version: expect.any(String) });

    const updated = await temp.call('contracts.update', { id: created.id, version: (await temp.call('contracts.get', { id: created.id })).version, fields: { ...publicHealth, yearStarts: '09-01', endsOn: null } });
    expect(updated).toEqual({ id: created.id, ...publicHealth, yearStarts: '09-01', endsOn: null, version: expect.any(String) });
    // Its own name, in other letters' case, is not a duplicate of itself.
    await temp.call('contracts.update', { id: created.id, version: (await temp.call('contracts.get', { id: created.id })).version, fields: { ...publicHealth, name: 'PUBLIC HEALTH EQUITY 2026' } });
    expect((await temp.call('contracts.get', { id: created.id })).name).toBe('PUBLIC HEALTH EQUITY 2026');
  });

  it('refuse a day the year starts that not every year has, or is no day at all, writing nothing', async () => {
    for (const [yearStarts, message] of [
      ['02-30', 'Choose a day every year has for the day the contract year starts: from 01-01 to 12-31, other than 02-29.'],
      ['02-29', 'Choose a day every year has for the day the contract year starts: from 01-01 to 12-31, other than 02-29.'],
      ['13-01', 'Choose a day every year has for the day the contract year starts: from 01-01 to 12-31, other than 02-29.'],
      ['1 August', 'Enter the day the contract year starts as a day of the year, for example 08-01 (1 August).'],
    ]) {
      const error = await refusedWritingNothing(temp, 'contracts.create', { ...publicHealth, yearStarts });
      expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { yearStarts: message } });
    }
  });

  it('refuse an end date that is not a date, a missing name or funder, writing nothing', async () => {
    expect(await refusedWritingNothing(temp, 'contracts.create', { ...publicHealth, endsOn: 'end of July' })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { endsOn: 'Enter the end date as a date, for example 2026-03-12.' },
    });
    expect(await refusedWritingNothing(temp, 'contracts.create', { ...publicHealth, endsOn: '2027-02-30' })).toMatchObject({
      fields: { endsOn: 'Enter a real date for the end date, for example 2026-03-12.' },
    });
    expect(await refusedWritingNothing(temp, 'contracts.create', { ...publicHealth, name: '   ', funder: '' })).toMatchObject({
      fields: { name: 'Enter the contract name.', funder: 'Enter the funder.' },
    });
  });

  it('refuse a second contract of the same name whatever its case, on creating and on renaming, writing nothing', async () => {
    await temp.call('contracts.create', publicHealth);
    const other = await temp.call('contracts.create', { name: 'Carers Trust grant', funder: 'Westbrook Carers Trust', yearStarts: '04-01' });
    const said = 'There is already a contract called "Public Health Equity 2026". Give this one a different name, or change that one.';

    expect(await refusedWritingNothing(temp, 'contracts.create', { ...publicHealth, name: 'public health EQUITY 2026' })).toEqual({
      code: 'INVALID_INPUT',
      message: said,
      fields: { name: said },
    });
    expect(
      await refusedWritingNothing(temp, 'contracts.update', { id: other.id, version: (await temp.call('contracts.get', { id: other.id })).version, fields: { ...publicHealth, name: 'Public Health Equity 2026' } }),
    ).toMatchObject({ code: 'INVALID_INPUT', message: said });
  });

  it('can be downloaded as a spreadsheet and as CSV', async () => {
    await temp.call('contracts.create', publicHealth);
    await temp.call('contracts.create', { name: 'Carers Trust grant', funder: 'Westbrook Carers Trust', yearStarts: '04-01' });

    const sheet = await xlsxRows(bytesOfFile(await temp.call('exports.download', { list: 'contracts', format: 'xlsx', query: '' })));
    expect(sheet[0]).toEqual(['Contract', 'Funder', 'Year starts', 'Ends']);
    expect(byHeading(sheet)).toEqual([
      { Contract: 'Carers Trust grant', Funder: 'Westbrook Carers Trust', 'Year starts': '1 April', Ends: null },
      { Contract: 'Public Health Equity 2026', Funder: 'Westbrook City Council Public Health', 'Year starts': '1 August', Ends: new Date('2027-07-31T00:00:00Z') },
    ]);

    const csv = csvRows(bytesOfFile(await temp.call('exports.download', { list: 'contracts', format: 'csv', query: 'carers' })));
    expect(csv).toEqual([
      ['Contract', 'Funder', 'Year starts', 'Ends'],
      ['Carers Trust grant', 'Westbrook Carers Trust', '1 April', ''],
    ]);
  });
});

describe('a session and its contract', () => {
  it('belongs to one contract or to none, shown with the contract in the list and its download', async () => {
    const contract = await temp.call('contracts.create', publicHealth);
    const funded = await temp.call('sessions.create', { ...sessionFields(), contractId: contract.id });
    const paidFor = await temp.call('sessions.create', { ...sessionFields(), startsAt: '2026-03-21T09:30', endsAt: '2026-03-21T12:30' });

    expect(funded).toMatchObject({ contractId: contract.id, contractName: 'Public Health Equity 2026' });
    expect(paidFor).toMatchObject({ contractId: null, contractName: null });
    const listed = await temp.call('sessions.list', { from: '2026-03-01' });
    expect(listed.map((session) => session.contractName)).toEqual(['Public Health Equity 2026', null]);
    expect((await temp.call('sessions.list', { from: '2026-03-01', query: 'equity' })).map((session) => session.id)).toEqual([funded.id]);

    const rows = byHeading(await xlsxRows(bytesOfFile(await temp.call('exports.download', { list: 'sessions', format: 'xlsx', query: '' }))));
    expect(rows.map((row) => row.Contract)).toEqual(['Public Health Equity 2026', 'None (paid-for / other)']);

    // A renamed contract is renamed on its sessions.
    await temp.call('contracts.update', { id: contract.id, version: (await temp.call('contracts.get', { id: contract.id })).version, fields: { ...publicHealth, name: 'Health Equity 2026-27' } });
    expect((await temp.call('sessions.get', { id: funded.id })).contractName).toBe('Health Equity 2026-27');
  });

  it('keeps its contract through an edit that leaves it out, and loses it when set to none', async () => {
    const contract = await temp.call('contracts.create', publicHealth);
    const session = await temp.call('sessions.create', { ...sessionFields(), contractId: contract.id });

    await temp.call('sessions.update', { id: session.id, version: (await temp.call('sessions.get', { id: session.id })).version, fields: { ...sessionFields(), facilitators: ['Amina Yusuf'] } });
    expect(await temp.call('sessions.get', { id: session.id })).toMatchObject({ contractId: contract.id, facilitators: ['Amina Yusuf'] });

    await temp.call('sessions.update', { id: session.id, version: (await temp.call('sessions.get', { id: session.id })).version, fields: { ...sessionFields(), contractId: null } });
    expect(await temp.call('sessions.get', { id: session.id })).toMatchObject({ contractId: null, contractName: null });
  });

  it('refuses a contract that does not exist, in plain words, writing nothing', async () => {
    const session = await temp.call('sessions.create', sessionFields());
    const unknown = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const said = 'Choose a contract from the list, or None: that one could not be found.';

    expect(await refusedWritingNothing(temp, 'sessions.create', { ...sessionFields(), contractId: unknown })).toEqual({
      code: 'INVALID_INPUT',
      message: said,
      fields: { contractId: said },
    });
    expect(await refusedWritingNothing(temp, 'sessions.update', { id: session.id, version: (await temp.call('sessions.get', { id: session.id })).version, fields: { ...sessionFields(), contractId: unknown } })).toMatchObject({
      message: said,
    });
    expect(await refusedWritingNothing(temp, 'sessions.create', { ...sessionFields(), contractId: 'public health' })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { contractId: 'Choose again from the list: that record reference is not one Fieldbook made.' },
    });
  });

  it('is set when an organisation’s request is scheduled', async () => {
    const contract = await temp.call('contracts.create', publicHealth);
    const council = await temp.call('organisations.create', { name: 'Westbrook City Council', sector: 'statutory' });
    const asked = await temp.call('requests.create', { organisationId: council.id, courseId: course.id, contactName: 'Priya Shah', staffCount: 10 });
    const { startsAt, endsAt, facilitators } = sessionFields();

    const unknown = await refusedWritingNothing(temp, 'requests.schedule', {
      id: asked.id,
      venueId: venue.id,
      startsAt,
      endsAt,
      capacity: 12,
      facilitators,
      contractId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    });
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', fields: { contractId: 'Choose a contract from the list, or None: that one could not be found.' } });

    const scheduled = await temp.call('requests.schedule', { id: asked.id, venueId: venue.id, startsAt, endsAt, capacity: 12, facilitators, contractId: contract.id });
    expect(await temp.call('sessions.get', { id: scheduled.sessionId! })).toMatchObject({ contractName: 'Public Health Equity 2026' });
  });
});

describe('contracts on a laptop', () => {
  it('cannot be added or changed there: the office keeps them', async () => {
    const laptop = await tempCore();
    try {
      await laptop.call('device.setUp', { role: 'laptop', name: 'Hall laptop 1' });
      const error = await refusedWritingNothing(laptop, 'contracts.create', publicHealth);
      expect(error).toEqual({
        code: 'NOT_ALLOWED',
        message: 'Ask the central office to add a contract: only it can, and its changes reach this laptop in its next package.',
      });
    } finally {
      await laptop.cleanup();
    }
  });
});

describe('demo data', () => {
  it('has the city’s public-health contract, with most sessions under it and some paid-for', async () => {
    const demo = await tempCore();
    try {
      const summary = await loadDemoData(demo.dispatch, { today: new Date(2026, 2, 12, 8, 15), seed: 1, people: 40 });
      expect(summary.contracts).toBe(2);
      const [contract] = await demo.call('contracts.list', { query: 'Public Health Equity' });
      expect(contract).toMatchObject({ funder: 'Westbrook City Council Public Health', yearStarts: '08-01' });

      const sessions = await demo.call('sessions.list', { from: '2026-03-12', limit: 1000 });
      const underIt = sessions.filter((session) => session.contractId === contract!.id);
      expect(underIt.length * 2).toBeGreaterThan(sessions.length);
      expect(underIt.every((session) => session.courseTitle === CULTURAL_COMPETENCY_TITLE)).toBe(true);
      expect(sessions.some((session) => session.contractId === null)).toBe(true);
    } finally {
      await demo.cleanup();
    }
  });
});
