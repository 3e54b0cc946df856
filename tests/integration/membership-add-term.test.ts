import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTerm, type NewTerm } from '../../electron/core/membership/terms';
import { write } from '../../electron/core/write';
import { countRows, databaseHash, tempCore, type TempCore } from '../support/temp-core';

/**
 * addTerm is what the screens, the command line and the spreadsheet import
 * of member lists all call: origin and end worked out, idempotent, and a
 * refusal in a plain sentence writes nothing.
 */

let temp: TempCore;
let schemeId: string;
let personId: string;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  const course = await temp.call('courses.create', { title: 'Cultural competency', durationMinutes: 180, learningOutcomes: ['Listen first'] });
  personId = (await temp.call('people.create', { givenName: 'Amara', familyName: 'Okafor' })).id;
  schemeId = await write(temp.core.context, async (scope) => {
    const id = scope.newId();
    await scope.insert('membership_schemes', {
      id,
      name: 'Allies',
      required_course_ids: JSON.stringify([course.id]),
      window_months: 6,
      year_starts: '05-01',
      fee_pence: 2500,
      grace_days: 30,
    });
    return id;
  });
});

afterEach(async () => {
  await temp.cleanup();
});

const add = (startsOn: string, extra: Partial<NewTerm> = {}) =>
  write(temp.core.context, (scope) =>
    addTerm(scope, { schemeId, personId, startsOn, feePence: 2500, paidOn: null, organisationId: null, notes: null, ...extra }),
  );

const termRows = () =>
  temp.sqlite.prepare('SELECT starts_on, ends_on, origin FROM membership_terms ORDER BY starts_on').all() as { starts_on: string; ends_on: string; origin: string }[];

describe('adding a term', () => {
  it('works out new, renewal and rejoin from the earlier terms, each running to the end of its membership year', async () => {
    expect(await add('2023-10-15')).toMatchObject({ origin: 'new', added: true });
    expect(await add('2024-05-20')).toMatchObject({ origin: 'renewal', added: true });
    expect(await add('2025-06-01')).toMatchObject({ origin: 'rejoin', added: true });
    expect(termRows()).toEqual([
      { starts_on: '2023-10-15', ends_on: '2024-04-30', origin: 'new' },
      { starts_on: '2024-05-20', ends_on: '2025-04-30', origin: 'renewal' },
      { starts_on: '2025-06-01', ends_on: '2026-04-30', origin: 'rejoin' },
    ]);
    const created = temp.sqlite.prepare('SELECT created_at FROM membership_terms LIMIT 1').pluck().get();
    expect(created).toBe(temp.clock().toISOString());
  });

  it('adds nothing when the same term is added again', async () => {
    const first = await add('2024-05-01');
    const before = databaseHash(temp.sqlite);
    const again = await add('2024-05-01', { feePence: 9999 });
    expect(again).toEqual({ termId: first.termId, origin: 'new', added: false });
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('refuses a start inside an existing term, or before the term it would renew, writing nothing', async () => {
    await add('2024-05-01');
    const before = databaseHash(temp.sqlite);
    await expect(add('2024-09-01')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('already a member from 1 May 2024 to 30 April 2025') });
    await expect(add('2024-03-01')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('before their term that starts 1 May 2024') });
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('refuses an unknown scheme, an unknown person and a date that is not a date, in plain sentences', async () => {
    await expect(add('2024-05-01', { schemeId: '0195f0a4-3b2c-7d1e-8f00-000000000009' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Choose the membership scheme again: that one could not be found.',
    });
    await expect(add('2024-05-01', { personId: '0195f0a4-3b2c-7d1e-8f00-000000000009' })).rejects.toMatchObject({ message: 'Choose the person again: that one could not be found.' });
    await expect(add('2024-02-30')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'Enter a real date for the start date, for example 2026-03-12.' });
    await expect(add('2024-05-01', { feePence: -5 })).rejects.toMatchObject({ message: 'Enter the fee paid as £0 or more: it cannot be negative.' });
    expect(countRows(temp.sqlite, 'membership_terms')).toBe(0);
  });

  it('puts a term for someone merged into another person on the person kept', async () => {
    const kept = await temp.call('people.create', { givenName: 'Amara', familyName: 'Okafor', email: 'amara@example.org' });
    await add('2024-05-01');
    await write(temp.core.context, (scope) => scope.update('people', personId, { merged_into: kept.id }));
    expect(await add('2025-05-01')).toMatchObject({ origin: 'renewal', added: true });
    const people = temp.sqlite.prepare('SELECT person_id FROM membership_terms ORDER BY starts_on').pluck().all();
    expect(people).toEqual([personId, kept.id]);
  });
});
