import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/contract';
import { reportWorld } from '../support/reports';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * A facilitator whose name was typed differently on older sessions ("sam
 * okafor ", "SAM OKAFOR") is one facilitator in the training report's
 * breakdown, counted once per person and session, under the spelling the
 * office's list shows; choosing them as the report's filter finds every
 * spelling.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});
afterEach(async () => {
  await temp.cleanup();
});

async function runBy(temp: TempCore, session: Session, facilitators: string[]) {
  const { courseId, venueId, startsAt, endsAt, capacity, contractId } = session;
  await temp.call('sessions.update', { id: session.id, version: (await temp.call('sessions.get', { id: session.id })).version, fields: { courseId, venueId, startsAt, endsAt, capacity, contractId, facilitators } });
}

describe('the facilitator breakdown', () => {
  it('counts one facilitator however their name was typed, and the filter finds every spelling', async () => {
    const world = await reportWorld(temp);
    const first = await world.session('2025-09-01');
    const second = await world.session('2025-10-01');
    const third = await world.session('2025-11-01');
    // A session nobody attended still says how Sam's name is usually written.
    await world.session('2025-12-01');
    await runBy(temp, second, ['sam okafor ', 'Priya Shah']);
    await runBy(temp, third, ['SAM OKAFOR']);
    const amara = await world.person('Amara');
    const bogdan = await world.person('Bogdan');
    await world.attend(first, amara);
    await world.attend(second, amara);
    await world.attend(second, bogdan);
    await world.attend(third, bogdan);

    const period = { kind: 'contractYear' as const, contractId: world.contract.id, startYear: 2025 };
    const report = await temp.call('reports.run', { kind: 'training', period, asOf: '2026-08-15' });
    // Named with the spelling on the most sessions ("Sam Okafor" on two, the others on one each).
    expect(report.data.byFacilitator).toEqual([
      { name: 'Priya Shah', peopleTrained: 2, attendances: 2, sessions: 1 },
      { name: 'Sam Okafor', peopleTrained: 2, attendances: 4, sessions: 3 },
    ]);

    // The report's facilitator filter offers each facilitator once.
    expect((await temp.call('reports.options', {})).facilitators).toEqual(['Priya Shah', 'Sam Okafor']);

    // Chosen as the filter in any spelling, every session they ran counts.
    for (const spelling of ['Sam Okafor', 'sam okafor']) {
      const filtered = await temp.call('reports.run', { kind: 'training', period, asOf: '2026-08-15', filters: { facilitator: spelling } });
      expect(filtered.data).toMatchObject({ peopleTrained: 2, attendances: 4, sessions: 3 });
    }
  });
});
