import { describe, expect, it } from 'vitest';
import { reportWorld } from '../support/reports';
import { changeLog, refusal, tempCore } from '../support/temp-core';
import { tempCoreForEachTest } from '../support/each-test';

/**
 * Saved reports at the office: a named set of choices, listed, run again for
 * the next period in one action (which keeps the new period), and deleted.
 * The choices are checked on the way in and again when read back.
 */

const temp = tempCoreForEachTest({ setUp: true });

describe('saving report choices under a name', () => {
  it('lists the saved report with its period in words, and logs the change like any other write', async () => {
    const world = await reportWorld(temp);
    const choice = {
      kind: 'training' as const,
      period: { kind: 'contractYear' as const, contractId: world.contract.id, startYear: 2025 },
      filters: { contractId: world.contract.id, courseId: world.course.id },
    };
    const saved = await temp.call('savedReports.save', { name: '  City return  ', choice });
    expect(saved).toMatchObject({ name: 'City return', choice: { ...choice, filters: choice.filters }, problem: null });
    expect(saved.periodLabel).toBe('City public health contract year 2025–26 (1 August 2025 to 31 July 2026), part year to 12 March 2026');
    expect(await temp.call('savedReports.list', {})).toEqual([saved]);
    expect(changeLog(temp.sqlite).some((change) => change.table_name === 'saved_reports' && change.row_id === saved.id)).toBe(true);

    const again = await refusal(temp.dispatch, 'savedReports.save', { name: 'city RETURN', choice });
    expect(again.message).toBe('Choose another name: there is already a saved report called "City return".');
  });

  it('refuses choices that cannot run, and saves nothing', async () => {
    const backwards = await refusal(temp.dispatch, 'savedReports.save', {
      name: 'Backwards',
      choice: { kind: 'training', period: { kind: 'custom', from: '2026-03-31', to: '2026-01-01' }, filters: {} },
    });
    expect(backwards.code).toBe('INVALID_INPUT');
    const unknownKind = await refusal(temp.dispatch, 'savedReports.save', { name: 'Nothing', choice: { kind: 'gossip', period: { kind: 'financialYear', startYear: 2025 }, filters: {} } });
    expect(unknownKind.code).toBe('INVALID_INPUT');
    expect(await temp.call('savedReports.list', {})).toEqual([]);
  });

  it('reads back a stored choice that no longer fits as a problem to fix, not as a report', async () => {
    const saved = await temp.call('savedReports.save', { name: 'Year', choice: { kind: 'training', period: { kind: 'financialYear', startYear: 2025 }, filters: {} } });
    // As if written by a version of Fieldbook that knew a report this one does not.
    temp.sqlite.prepare('UPDATE saved_reports SET choice = ? WHERE id = ?').run(JSON.stringify({ kind: 'gossip', period: { kind: 'financialYear', startYear: 2025 }, filters: {} }), saved.id);
    const [listed] = await temp.call('savedReports.list', {});
    expect(listed).toMatchObject({ id: saved.id, choice: null, periodLabel: null });
    expect(listed!.problem).toMatch(/^Delete this saved report and save the choices again/);
    expect((await refusal(temp.dispatch, 'savedReports.runNext', { id: saved.id })).code).toBe('INVALID_INPUT');
  });
});

describe('running a saved report again for the next period', () => {
  it('moves a contract year on a year, keeps it, and counts that year', async () => {
    const world = await reportWorld(temp);
    const person = await world.person('Amira');
    await world.attend(await world.session('2026-09-10'), person);
    const saved = await temp.call('savedReports.save', {
      name: 'City year',
      choice: { kind: 'training', period: { kind: 'contractYear', contractId: world.contract.id, startYear: 2025 }, asOf: '2026-07-31', filters: {} },
    });

    const { saved: moved, report } = await temp.call('savedReports.runNext', { id: saved.id });
    expect(moved.choice).toMatchObject({ period: { kind: 'contractYear', startYear: 2026 }, asOf: '2027-07-31' });
    expect(report.period).toMatchObject({ from: '2026-08-01', to: '2027-07-31', partYear: false });
    expect(report.data).toMatchObject({ peopleTrained: 1, attendances: 1 });
    expect((await temp.call('savedReports.list', {}))[0]!.choice).toEqual(moved.choice);
  });

  it('moves a quarter, a month and a custom span by their own length, and year to date stays as of the day it is run', async () => {
    const save = async (name: string, period: object, asOf?: string) =>
      (await temp.call('savedReports.save', { name, choice: { kind: 'training', period: period as never, ...(asOf && { asOf }), filters: {} } })).id;
    const next = async (id: string) => (await temp.call('savedReports.runNext', { id })).saved.choice;

    const quarter = await save('Quarter', { kind: 'quarter', startYear: 2025, quarter: 4 });
    expect(await next(quarter)).toEqual({ kind: 'training', period: { kind: 'quarter', startYear: 2026, quarter: 1 }, filters: {} });
    const month = await save('Month', { kind: 'month', year: 2025, month: 12 }, '2025-12-31');
    expect(await next(month)).toMatchObject({ period: { kind: 'month', year: 2026, month: 1 }, asOf: '2026-01-31' });
    const custom = await save('Fortnight', { kind: 'custom', from: '2026-03-01', to: '2026-03-14' }, '2026-03-10');
    expect(await next(custom)).toMatchObject({ period: { kind: 'custom', from: '2026-03-15', to: '2026-03-28' }, asOf: '2026-03-24' });
    const toDate = await save('So far', { kind: 'yearToDate' }, '2026-01-31');
    const ran = await temp.call('savedReports.runNext', { id: toDate });
    expect(ran.saved.choice).toEqual({ kind: 'training', period: { kind: 'yearToDate' }, filters: {} });
    expect(ran.report.period.asOf).toBe('2026-03-12');
  });
});

describe('deleting a saved report', () => {
  it('takes it off the list, and it can no longer be run', async () => {
    const saved = await temp.call('savedReports.save', { name: 'Old', choice: { kind: 'confidence', period: { kind: 'month', year: 2026, month: 2 }, filters: {} } });
    expect(await temp.call('savedReports.delete', { id: saved.id })).toEqual({ id: saved.id });
    expect(await temp.call('savedReports.list', {})).toEqual([]);
    expect((await refusal(temp.dispatch, 'savedReports.runNext', { id: saved.id })).code).toBe('NOT_FOUND');
    expect((await refusal(temp.dispatch, 'savedReports.delete', { id: saved.id })).code).toBe('NOT_FOUND');
    // The name is free again.
    await temp.call('savedReports.save', { name: 'Old', choice: { kind: 'confidence', period: { kind: 'month', year: 2026, month: 2 }, filters: {} } });
  });
});

describe('on a laptop', () => {
  it('is refused: saved reports are the office’s', async () => {
    const laptop = await tempCore();
    try {
      await laptop.call('device.setUp', { role: 'laptop', name: 'Hall laptop' });
      expect((await refusal(laptop.dispatch, 'savedReports.list', {})).code).toBe('WRONG_DEVICE_ROLE');
      const choice = { kind: 'training', period: { kind: 'financialYear', startYear: 2025 }, filters: {} };
      expect((await refusal(laptop.dispatch, 'savedReports.save', { name: 'Mine', choice })).code).toBe('WRONG_DEVICE_ROLE');
    } finally {
      await laptop.cleanup();
    }
  });
});
