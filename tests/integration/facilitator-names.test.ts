import { afterEach, describe, expect, it } from 'vitest';
import { enrolLaptop, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { seedSession, TEST_TODAY } from '../support/temp-core';

/**
 * Facilitators are chosen, not typed afresh: the names to choose from are the
 * staff the office's laptops were enrolled for and the names already on
 * sessions, one spelling each, in name order.
 */

let world: SyncWorld;
afterEach(async () => world?.cleanup());

describe('the facilitators to choose from', () => {
  it('at the office: its laptops’ facilitators and the names on sessions, each once, accents beside their letter', async () => {
    world = await syncWorld([]);
    const { office } = world;
    world.laptops.push(await enrolLaptop(office, 'Hall laptop 1', { facilitators: ['Sam Okafor', 'Zoë Ward'] }));
    const session = await seedSession(office.call, { day: TEST_TODAY });
    const { id, courseTitle: _, venueName: __, contractName: ___, ...fields } = session;
    await office.call('sessions.update', { id: id, version: (await office.call('sessions.get', { id: id })).version, fields: { ...fields, facilitators: ['sam okafor', 'Óscar Díaz', 'Priya Shah'] } });

    expect(await office.call('people.facilitatorNames', {})).toEqual(['Óscar Díaz', 'Priya Shah', 'Sam Okafor', 'Zoë Ward']);
  });

  it('on a laptop: the facilitators it was enrolled for and those on the sessions in its package', async () => {
    world = await syncWorld([]);
    const { office } = world;
    const laptop = await enrolLaptop(office, 'Hall laptop 1', { facilitators: ['Zoë Ward'] });
    world.laptops.push(laptop);
    // Zoë runs a session with Priya; a session Sam runs alone is not in this laptop's package.
    const shared = await seedSession(office.call, { day: TEST_TODAY });
    const { id, courseTitle: _, venueName: __, contractName: ___, ...fields } = shared;
    await office.call('sessions.update', { id: id, version: (await office.call('sessions.get', { id: id })).version, fields: { ...fields, facilitators: ['Zoë Ward', 'Priya Shah'] } });
    await seedSession(office.call, { day: TEST_TODAY, title: 'Interpreters' });
    await sendPackage(office, laptop);
    expect(await laptop.call('people.facilitatorNames', {})).toEqual(['Priya Shah', 'Zoë Ward']);
  });
});
