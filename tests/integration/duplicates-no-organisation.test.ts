import { describe, expect, it } from 'vitest';
import { asIncoming, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';
import { cleanUpAfterEachTest } from '../support/each-test';

/**
 * Two walk-ins with the same name and no organisation are more often one
 * person typed twice than two people: they are offered before saving (the
 * walk-in form, New person) and, when two laptops each added one, on the
 * office's list of possible duplicates.
 */

let world: SyncWorld | undefined;
let temp: TempCore | undefined;
const cleanedUpAfterTest = cleanUpAfterEachTest();

describe('the same name with no organisation', () => {
  it('is offered before a walk-in or a new person is saved, unless each gave a different email', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const seun = await temp.call('people.create', { givenName: 'Seun', familyName: 'Adeyemi' });

    expect(await temp.call('signIn.similarPeople', { givenName: 'seun', familyName: 'ADEYEMI' })).toEqual([
      expect.objectContaining({ personId: seun.id, name: 'Seun Adeyemi' }),
    ]);
    expect((await temp.call('people.similar', { givenName: 'Seun', familyName: 'Adeyemi' })).map((person) => person.personId)).toEqual([seun.id]);

    // Someone from an organisation is not the same as a walk-in with none…
    const council = await temp.call('organisations.create', { name: 'Leeds City Council', sector: 'statutory' });
    expect(await temp.call('signIn.similarPeople', { givenName: 'Seun', familyName: 'Adeyemi', organisationId: council.id })).toEqual([]);
    // …and two different emails are two people.
    await temp.call('people.update', { id: seun.id, version: (await temp.call('people.get', { id: seun.id })).version, fields: { givenName: 'Seun', familyName: 'Adeyemi', email: 'seun@example.org' } });
    expect(await temp.call('signIn.similarPeople', { givenName: 'Seun', familyName: 'Adeyemi', email: 'other@example.org' })).toEqual([]);
    expect(await temp.call('signIn.similarPeople', { givenName: 'Seun', familyName: 'Adeyemi' })).toHaveLength(1);
  });

  it('offers the record kept after a merge, never the one merged into it', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const kept = await temp.call('people.create', { givenName: 'Seun', familyName: 'Adeyemi' });
    const twice = await temp.call('people.create', { givenName: 'Seun', familyName: 'Adeyemi' });
    await temp.call('people.merge', { keepId: kept.id, otherId: twice.id });

    expect((await temp.call('signIn.similarPeople', { givenName: 'Seun', familyName: 'Adeyemi' })).map((person) => person.personId)).toEqual([kept.id]);
    expect((await temp.call('people.similar', { givenName: 'Seun', familyName: 'Adeyemi' })).map((person) => person.personId)).toEqual([kept.id]);
    // Even where the merged record's search key outlived the merge (keys built by an older version, or a merge that
    // reached it by a path that did not refresh them), it is not offered: the record itself says it is someone else now.
    temp.sqlite.prepare("INSERT INTO person_search_keys (key, person_id) VALUES ('seun adeyemi', ?)").run(twice.id);
    expect((await temp.call('signIn.similarPeople', { givenName: 'Seun', familyName: 'Adeyemi' })).map((person) => person.personId)).toEqual([kept.id]);
  });

  it('on two laptops, is on the office’s review with the reason, and a merge leaves one to find', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 1', 'Hall laptop 2']));
    const { office, laptops } = world;
    const session = await seedSession(office.call, { day: TEST_TODAY });
    for (const laptop of laptops) await sendPackage(office, laptop);
    for (const laptop of laptops) {
      await laptop.call('signIn.addWalkIn', { sessionId: session.id, person: { givenName: 'Seun', familyName: 'Adeyemi' } });
      await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
    }

    const [pair, ...others] = await office.call('sync.duplicates', {});
    expect(others).toEqual([]);
    expect(pair).toMatchObject({
      reason: 'Same name, and neither has an organisation',
      first: { name: 'Seun Adeyemi', organisationName: null, sessions: 1 },
      second: { name: 'Seun Adeyemi', organisationName: null, sessions: 1 },
    });
    expect([pair!.first.addedBy, pair!.second.addedBy].sort()).toEqual(['Hall laptop 1', 'Hall laptop 2']);

    await office.call('sync.resolveDuplicate', { keepId: pair!.first.id, otherId: pair!.second.id, action: 'merge' });
    expect(await office.call('sync.duplicates', {})).toEqual([]);
    expect((await office.call('people.page', { query: 'seun' })).total).toBe(1);
  });
});
