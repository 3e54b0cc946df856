import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conflict } from '../../shared/contract';
import { refusedWritingNothing } from '../support/bookings';
import { equalityAnsweredOnTwoLaptops, TWO_ANSWERS } from '../support/equality';
import type { SyncWorld } from '../support/sync';
import type { TempCore } from '../support/temp-core';

/**
 * Equality answers are special-category data, reported only in aggregate.
 * When a person answers on two laptops, the merge keeps one answer and the
 * office is told an equality answer was changed, but never what either
 * answer was: the values do not leave the core, and the overwritten one
 * cannot be put back.
 */

let world: SyncWorld;
let office: TempCore;
let equalityConflicts: Conflict[];

beforeEach(async () => {
  world = await equalityAnsweredOnTwoLaptops();
  office = world.office;
  equalityConflicts = (await office.call('sync.conflicts', {})).filter((conflict) => conflict.table === 'equality_answers');
});

afterEach(async () => {
  await world.cleanup();
});

describe('an equality answer given differently on two laptops', () => {
  it('is listed as changed, with who and when, and without either answer', async () => {
    expect(equalityConflicts.length).toBeGreaterThan(0);
    expect(equalityConflicts.map((conflict) => conflict.field)).toContain('ethnicity');
    for (const conflict of equalityConflicts) {
      expect(conflict).toMatchObject({ record: 'Equality answer', valuesWithheld: true, status: 'open' });
      expect(conflict).not.toHaveProperty('keptValue');
      expect(conflict).not.toHaveProperty('overwrittenValue');
      expect([conflict.keptBy, conflict.overwrittenBy].sort()).toEqual(['Hall laptop 1', 'Hall laptop 2']);
    }
    const everything = JSON.stringify(await office.call('sync.conflicts', {}));
    for (const answer of TWO_ANSWERS) expect(everything).not.toContain(answer);
  });

  it('cannot be restored, writing nothing; marking it reviewed still shows no answer', async () => {
    const [conflict] = equalityConflicts;
    const refused = await refusedWritingNothing(office, 'sync.resolveConflict', { id: conflict!.id, action: 'reverse' });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('never shown one by one') });

    const reviewed = await office.call('sync.resolveConflict', { id: conflict!.id, action: 'accept' });
    // Reviewed now, by no one named: the desktop app has no accounts.
    expect(reviewed).toEqual({ ...conflict, status: 'accepted', resolvedBy: null, resolvedAt: office.clock().toISOString() });
    for (const answer of TWO_ANSWERS) expect(JSON.stringify(reviewed)).not.toContain(answer);
  });
});
