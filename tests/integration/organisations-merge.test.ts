import { afterEach, describe, expect, it } from 'vitest';
import { asIncoming, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { countRows, databaseHash, seedSession, TEST_TODAY } from '../support/temp-core';

/**
 * "Same organisation": the office merges two records of one organisation.
 * The one kept is listed, its staff are everyone from both, each moved
 * person's history says so, and laptops follow in their next package.
 */

let world: SyncWorld;
afterEach(async () => world?.cleanup());

async function twoRecordsOfOneSurgery() {
  world = await syncWorld(['Hall laptop 1']);
  const { office, laptops } = world;
  const laptop = laptops[0]!;
  const session = await seedSession(office.call, { day: TEST_TODAY });
  const kept = await office.call('organisations.create', { name: 'Hope Street Surgery', sector: 'statutory' });
  const amira = await office.call('people.create', { givenName: 'Amira', familyName: 'Khan', organisationId: kept.id });
  await sendPackage(office, laptop);
  // On the laptop a walk-in names the surgery again, typed their own way.
  await laptop.call('signIn.addWalkIn', {
    sessionId: session.id,
    person: { givenName: 'Bogdan', familyName: 'Nowak' },
    newOrganisation: { name: 'hope street surgery', sector: 'statutory' },
  });
  await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
  const other = (await office.call('organisations.list', { query: 'hope', limit: 10 })).find((organisation) => organisation.id !== kept.id)!;
  return { office, laptop, kept, other, amira };
}

describe('merging two records of one organisation', () => {
  it('lists the one kept, with everyone from both as its staff, and each moved person’s history says so', async () => {
    const { office, kept, other } = await twoRecordsOfOneSurgery();
    expect((await office.call('organisations.similar', { name: 'Hope Street Surgery', sector: 'statutory', exceptId: kept.id })).map((o) => o.id)).toEqual([other.id]);

    expect(await office.call('organisations.merge', { keepId: kept.id, otherId: other.id })).toEqual(kept);

    expect((await office.call('organisations.list', { query: 'hope', limit: 10 })).map((o) => o.name)).toEqual(['Hope Street Surgery']);
    expect(await office.call('organisations.page', { query: 'hope' })).toMatchObject({ total: 1 });
    expect(await office.call('organisations.similar', { name: 'hope street surgery', sector: 'statutory' })).toEqual([kept]);
    const staff = await office.call('people.page', { query: '', organisationId: kept.id });
    expect(staff.rows.map((person) => [person.givenName, person.organisationName])).toEqual([
      ['Amira', 'Hope Street Surgery'],
      ['Bogdan', 'Hope Street Surgery'],
    ]);
    expect((await office.call('people.page', { query: '', organisationId: other.id })).total).toBe(0);
    const bogdan = staff.rows[1]!;
    const history = await office.call('people.history', { id: bogdan.id });
    expect(history[0]).toMatchObject({ what: 'Bogdan Nowak: organisation changed to Hope Street Surgery', deviceName: 'Central office' });
    // The record merged away is still there, readable, with its own history.
    expect(await office.call('organisations.get', { id: other.id })).toMatchObject({ name: 'hope street surgery' });
  });

  it('reaches the laptop in its next package: one surgery to choose, the walk-in moved to it', async () => {
    const { office, laptop, kept, other } = await twoRecordsOfOneSurgery();
    await office.call('organisations.merge', { keepId: kept.id, otherId: other.id });
    await sendPackage(office, laptop);
    expect((await laptop.call('organisations.list', { query: 'hope', limit: 10 })).map((o) => o.id)).toEqual([kept.id]);
    const [bogdan] = (await laptop.call('people.page', { query: 'bogdan' })).rows;
    expect(bogdan).toMatchObject({ organisationId: kept.id, organisationName: 'Hope Street Surgery' });
  });

  it('is the office’s alone, and refuses the same record twice, one not there or one already merged, changing nothing', async () => {
    const { office, laptop, kept, other } = await twoRecordsOfOneSurgery();
    const onLaptop = await laptop.dispatch('organisations.merge', { keepId: kept.id, otherId: other.id });
    expect(onLaptop.ok).toBe(false);
    expect((await laptop.call('organisations.list', { query: 'hope', limit: 10 })).length).toBe(2);

    const before = databaseHash(office.sqlite);
    const refused = async (input: { keepId: string; otherId: string }) => {
      const result = await office.dispatch('organisations.merge', input);
      return result.ok ? null : result.error.message;
    };
    expect(await refused({ keepId: kept.id, otherId: kept.id })).toBe('Choose two different organisations to merge.');
    expect(await refused({ keepId: kept.id, otherId: '0190a0a0-0000-7000-8000-000000000000' })).toBe(
      'Choose it again from the list: one of those organisations no longer exists.',
    );
    expect(databaseHash(office.sqlite)).toBe(before);
    await office.call('organisations.merge', { keepId: kept.id, otherId: other.id });
    const changes = countRows(office.sqlite, 'change_log');
    expect(await refused({ keepId: other.id, otherId: kept.id })).toBe('Choose from the organisations list again: one of those organisations has already been merged.');
    expect(countRows(office.sqlite, 'change_log')).toBe(changes);
  });
});
