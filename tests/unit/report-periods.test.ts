import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeWords, groupWords } from '../../electron/core/reports/ethnicity-words';
import { nextPeriod, resolvePeriod } from '../../electron/core/reports/periods';
import { medianOfCounts, percent, wilsonInterval } from '../../electron/core/reports/stats';
import { suppressedCells, shownPercent } from '../../electron/core/reports/suppression';

const contract = { name: 'City public health', yearStarts: '08-01', endsOn: null };

describe('report periods', () => {
  it('runs a contract year from its start day to the day before it a year on', () => {
    expect(resolvePeriod({ kind: 'contractYear', contractId: '0', startYear: 2026 }, '2027-09-01', contract)).toEqual({
      from: '2026-08-01',
      to: '2027-07-31',
      asOf: '2027-09-01',
      label: 'City public health contract year 2026–27 (1 August 2026 to 31 July 2027)',
      partYear: false,
    });
  });

  it('says part year when the year is not over on the as-of date', () => {
    const period = resolvePeriod({ kind: 'contractYear', contractId: '0', startYear: 2026 }, '2027-03-12', contract);
    expect(period.partYear).toBe(true);
    expect(period.label).toBe('City public health contract year 2026–27 (1 August 2026 to 31 July 2027), part year to 12 March 2027');
  });

  it('ends a contract year early when the contract ends inside it', () => {
    expect(resolvePeriod({ kind: 'contractYear', contractId: '0', startYear: 2026 }, '2028-01-01', { ...contract, endsOn: '2027-03-31' }).to).toBe('2027-03-31');
  });

  it('starts the financial year on 1 April, and its quarters from April', () => {
    expect(resolvePeriod({ kind: 'financialYear', startYear: 2026 }, '2028-01-01')).toMatchObject({ from: '2026-04-01', to: '2027-03-31', label: 'Financial year 2026–27 (1 April 2026 to 31 March 2027)' });
    expect(resolvePeriod({ kind: 'quarter', startYear: 2026, quarter: 1 }, '2028-01-01')).toMatchObject({ from: '2026-04-01', to: '2026-06-30' });
    expect(resolvePeriod({ kind: 'quarter', startYear: 2026, quarter: 4 }, '2028-01-01')).toMatchObject({ from: '2027-01-01', to: '2027-03-31' });
  });

  it('takes a calendar month to its last day, leap years included', () => {
    expect(resolvePeriod({ kind: 'month', year: 2028, month: 2 }, '2029-01-01')).toMatchObject({ from: '2028-02-01', to: '2028-02-29', label: 'February 2028' });
  });

  it('includes both days of a custom period, and refuses one that ends before it starts', () => {
    expect(resolvePeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-01' }, '2026-04-01')).toMatchObject({ from: '2026-03-01', to: '2026-03-01', partYear: false });
    expect(() => resolvePeriod({ kind: 'custom', from: '2026-05-01', to: '2026-04-01' }, '2026-06-01')).toThrow(
      'Choose a first day on or before the last: 1 May 2026 is after 1 April 2026.',
    );
  });

  it('counts year to date from the start of the financial or contract year holding the as-of date', () => {
    expect(resolvePeriod({ kind: 'yearToDate' }, '2027-02-10')).toMatchObject({ from: '2026-04-01', to: '2027-02-10', partYear: true });
    expect(resolvePeriod({ kind: 'yearToDate', contractId: '0' }, '2026-07-31', contract)).toMatchObject({ from: '2025-08-01', to: '2026-07-31', partYear: false });
  });

  it('moves a saved period on by one of its kind', () => {
    expect(nextPeriod({ kind: 'quarter', startYear: 2026, quarter: 4 })).toEqual({ kind: 'quarter', startYear: 2027, quarter: 1 });
    expect(nextPeriod({ kind: 'month', year: 2026, month: 12 })).toEqual({ kind: 'month', year: 2027, month: 1 });
    expect(nextPeriod({ kind: 'custom', from: '2026-01-01', to: '2026-01-31' })).toEqual({ kind: 'custom', from: '2026-02-01', to: '2026-02-28' });
    // A membership year moves on by a year, not by 365 days, across a leap year.
    expect(nextPeriod({ kind: 'custom', from: '2026-05-01', to: '2027-04-30' })).toEqual({ kind: 'custom', from: '2027-05-01', to: '2028-04-30' });
    expect(nextPeriod({ kind: 'custom', from: '2026-03-15', to: '2026-04-14' })).toEqual({ kind: 'custom', from: '2026-04-15', to: '2026-05-14' });
    // Not whole months: the same number of days straight after.
    expect(nextPeriod({ kind: 'custom', from: '2026-01-01', to: '2026-01-10' })).toEqual({ kind: 'custom', from: '2026-01-11', to: '2026-01-20' });
  });
});

describe('report arithmetic', () => {
  it('rounds a percentage to one decimal and has none without a denominator', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(0, 0)).toBeNull();
  });

  it('gives the median of counted ratings', () => {
    expect(medianOfCounts(new Map([[2, 1], [4, 1]]))).toBe(3);
    expect(medianOfCounts(new Map([[1, 1], [3, 5], [5, 1]]))).toBe(3);
    expect(medianOfCounts(new Map())).toBeNull();
  });

  it('gives the 95% Wilson interval (8 of 10: 49.0% to 94.3%), inside 0 to 100 at the edges', () => {
    expect(wilsonInterval(8, 10)).toEqual({ low: 49, high: 94.3 });
    expect(wilsonInterval(0, 5)!.low).toBe(0);
    expect(wilsonInterval(5, 5)!.high).toBe(100);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('small-number suppression', () => {
  const constraint = [{ total: 'total', parts: ['a', 'b', 'c'] }];

  it('hides 1 to 7 and a second cell so the total cannot reveal it', () => {
    const values = new Map([['a', 3], ['b', 20], ['c', 40], ['total', 63]]);
    expect([...suppressedCells(values, constraint)].sort()).toEqual(['a', 'b']);
  });

  it('hides nothing more when two cells are hidden already, and shows 0 and 8', () => {
    const values = new Map([['a', 3], ['b', 5], ['c', 8], ['total', 16]]);
    expect([...suppressedCells(values, constraint)].sort()).toEqual(['a', 'b']);
    const none = new Map([['a', 0], ['b', 8], ['c', 12], ['total', 20]]);
    expect(suppressedCells(none, constraint).size).toBe(0);
  });

  it('hides the total when every other part is zero', () => {
    const values = new Map([['a', 4], ['b', 0], ['c', 30], ['total', 34]]);
    expect([...suppressedCells(values, constraint)].sort()).toEqual(['a', 'c']);
    const alone = new Map([['a', 9], ['b', 0], ['c', 0], ['total', 9]]);
    expect(suppressedCells(new Map([['a', 6], ['b', 0], ['c', 0], ['total', 6]]), constraint).has('total')).toBe(true);
    expect(suppressedCells(alone, constraint).size).toBe(0);
  });

  it('carries a hidden subtotal up into the table above it', () => {
    const values = new Map([['g1', 12], ['x', 4], ['y', 8], ['g2', 30], ['z', 30], ['total', 42]]);
    const hidden = suppressedCells(values, [
      { total: 'g1', parts: ['x', 'y'] },
      { total: 'g2', parts: ['z'] },
      { total: 'total', parts: ['g1', 'g2'] },
    ]);
    expect(hidden.has('x') && hidden.has('y')).toBe(true);
    expect(hidden.has('g1')).toBe(false);
  });

  it('gives no percentage under a denominator of 10', () => {
    expect(shownPercent('a', 'total', new Map([['a', 9], ['total', 9]]), new Set())).toBeNull();
    expect(shownPercent('a', 'total', new Map([['a', 9], ['total', 12]]), new Set())).toBe(75);
  });
});

describe('the words of the equality report', () => {
  it('are the kiosk’s English words for each group and answer', () => {
    const en = JSON.parse(readFileSync('renderer/locales/en.json', 'utf8')) as { kiosk: { equality: { groups: object; codes: object } } };
    expect(groupWords).toEqual(en.kiosk.equality.groups);
    expect(codeWords).toEqual(en.kiosk.equality.codes);
  });
});
