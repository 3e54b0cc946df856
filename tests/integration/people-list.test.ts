import { afterEach, describe, expect, it } from 'vitest';
import { generatePeople } from '../../electron/demo/generate-people';
import type { PeoplePage } from '../../shared/contract';
import { asIncoming, syncWorld } from '../support/sync';
import { seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * The office's people list pages through any number of people with a count,
 * in the order a UK reader expects names: accents beside their letter, case
 * and apostrophes set aside.
 */

let temp: TempCore;

afterEach(async () => {
  await temp?.cleanup();
});

const names = (page: PeoplePage) => page.rows.map((person) => person.familyName);

describe('the people list in name order', () => {
  it('puts accented names beside their letter: Bąk before Butt, Öztürk with the Os, Żak with the Zs', async () => {
    temp = await tempCore({ setUp: true });
    for (const [givenName, familyName] of [
      ['Li', 'Zhao'],
      ['Ewa', 'Żak'],
      ['Tom', 'Butt'],
      ['Anna', 'Bąk'],
      ['Emre', 'Öztürk'],
      ['Sean', "O'Brien"],
      ['Ola', 'Olsen'],
      ['Piotr', 'Łukasiewicz'],
      ['Ann', 'lewis'],
      ['Mark', 'Pérez'],
      ['Ben', 'Perry'],
    ] as const) {
      await temp.call('people.create', { givenName, familyName });
    }
    const page = await temp.call('people.page', {});
    expect(names(page)).toEqual(['Bąk', 'Butt', 'lewis', 'Łukasiewicz', "O'Brien", 'Olsen', 'Öztürk', 'Pérez', 'Perry', 'Żak', 'Zhao']);
    expect(page).toMatchObject({ total: 11, from: 1, next: null, previous: null });
    // The short list other screens use keeps the same order.
    expect((await temp.call('people.list', {})).map((person) => person.familyName)).toEqual(names(page));
  });

  it('moves a renamed person to their new place, and a person merged away leaves the list', async () => {
    temp = await tempCore({ setUp: true });
    const ann = await temp.call('people.create', { givenName: 'Ann', familyName: 'Adams' });
    await temp.call('people.create', { givenName: 'Bo', familyName: 'Moss' });
    const twin = await temp.call('people.create', { givenName: 'Bo', familyName: 'Moss' });
    await temp.call('people.update', { id: ann.id, version: (await temp.call('people.get', { id: ann.id })).version, fields: { givenName: 'Ann', familyName: 'Zeller' } });
    expect(names(await temp.call('people.page', {}))).toEqual(['Moss', 'Moss', 'Zeller']);
    await temp.call('people.merge', { keepId: ann.id, otherId: twin.id });
    expect(await temp.call('people.page', {})).toMatchObject({ total: 2 });
  });

  it('keeps the order after a restart that rebuilds the keys, and lists people who arrived in a laptop’s file', async () => {
    const world = await syncWorld(['Hall laptop 1']);
    try {
      const { office, laptops } = world;
      const laptop = laptops[0]!;
      const session = await seedSession(office.call, { day: TEST_TODAY, capacity: 10 });
      const { sendPackage } = await import('../support/sync');
      await sendPackage(office, laptop);
      await laptop.call('signIn.addWalkIn', { sessionId: session.id, person: { givenName: 'Ewa', familyName: 'Ćwik' }, confirmedNew: true });
      await office.call('people.create', { givenName: 'Dan', familyName: 'Dunn' });
      await office.call('people.create', { givenName: 'Cal', familyName: 'Cole' });
      await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
      expect(names(await office.call('people.page', {}))).toEqual(['Cole', 'Ćwik', 'Dunn']);
      office.sqlite.exec("DELETE FROM local_settings WHERE key = 'search_keys_version'; DELETE FROM person_sort_keys");
      await office.reopen();
      expect(names(await office.call('people.page', {}))).toEqual(['Cole', 'Ćwik', 'Dunn']);
    } finally {
      await world.cleanup();
      temp = undefined as unknown as TempCore;
    }
  });
});

describe('paging through many people', () => {
  it('counts every match and walks forward and back a page at a time without losing or repeating anyone', async () => {
    temp = await tempCore({ setUp: true });
    await generatePeople(temp.core, 1234, 3);
    const seen: string[] = [];
    let page = await temp.call('people.page', { pageSize: 100 });
    const pages = [page];
    while (true) {
      expect(page.total).toBe(1234);
      expect(page.from).toBe(seen.length + 1);
      seen.push(...page.rows.map((person) => person.id));
      if (!page.next) break;
      page = await temp.call('people.page', { pageSize: 100, after: page.next });
      pages.push(page);
    }
    expect(seen).toHaveLength(1234);
    expect(new Set(seen).size).toBe(1234);
    expect(pages).toHaveLength(13);
    expect(page.from).toBe(1201);

    // Back from the last page gives the same pages again.
    const back = await temp.call('people.page', { pageSize: 100, before: page.previous! });
    expect(back.from).toBe(1101);
    expect(back.rows.map((person) => person.id)).toEqual(pages[11]!.rows.map((person) => person.id));
    expect(back.next).not.toBeNull();
    const first = await temp.call('people.page', { pageSize: 100, before: pages[1]!.previous! });
    expect(first).toMatchObject({ from: 1, previous: null });

    // The order is the one the sort key gives, whatever the ids.
    const all = pages.flatMap((p) => p.rows);
    const keys = temp.sqlite.prepare('SELECT key FROM person_sort_keys ORDER BY key, person_id').pluck().all();
    expect(keys).toHaveLength(1234);
    expect(all.map((person) => person.id)).toEqual(temp.sqlite.prepare('SELECT person_id FROM person_sort_keys ORDER BY key, person_id').pluck().all());
  });

  it('pages and counts the people a search finds', async () => {
    temp = await tempCore({ setUp: true });
    for (let index = 0; index < 7; index += 1) await temp.call('people.create', { givenName: `Siân ${index}`, familyName: 'Jones' });
    for (let index = 0; index < 5; index += 1) await temp.call('people.create', { givenName: 'Tom', familyName: `Smith${index}` });
    const first = await temp.call('people.page', { query: 'sian', pageSize: 5 });
    expect(first).toMatchObject({ total: 7, from: 1 });
    expect(first.rows).toHaveLength(5);
    const second = await temp.call('people.page', { query: 'sian', pageSize: 5, after: first.next! });
    expect(second).toMatchObject({ total: 7, from: 6, next: null });
    expect(second.rows.map((person) => person.givenName)).toEqual(['Siân 5', 'Siân 6']);
    expect(await temp.call('people.page', { query: 'nobody' })).toMatchObject({ rows: [], total: 0, from: 0, next: null, previous: null });
  });

  it('gives the same pages for a search matching thousands as reading every match and sorting them would', async () => {
    temp = await tempCore({ setUp: true });
    await generatePeople(temp.core, 20_000, 5);
    // The letter most keys start with walks the name order (over 5,000 keys); the others read their matches and sort them.
    const [busiest, keys] = temp.sqlite
      .prepare('SELECT substr(key, 1, 1), count(*) AS n FROM person_search_keys GROUP BY 1 ORDER BY n DESC LIMIT 1')
      .raw()
      .get() as [string, number];
    expect(keys).toBeGreaterThan(5000);
    for (const query of [busiest, 'ma', 'z']) {
      const expected = temp.sqlite
        .prepare(
          `SELECT person_id FROM person_sort_keys WHERE person_id IN (SELECT person_id FROM person_search_keys WHERE key >= ? AND key < ?)
           ORDER BY key, person_id`,
        )
        .pluck()
        .all(query, `${query}\u{10FFFF}`) as string[];
      const first = await temp.call('people.page', { query, pageSize: 40 });
      expect(first.total, query).toBe(expected.length);
      expect(first.rows.map((person) => person.id)).toEqual(expected.slice(0, 40));
      if (!first.next) continue;
      const second = await temp.call('people.page', { query, pageSize: 40, after: first.next });
      expect(second.from).toBe(41);
      expect(second.rows.map((person) => person.id)).toEqual(expected.slice(40, 80));
      const back = await temp.call('people.page', { query, pageSize: 40, before: second.previous! });
      expect(back.rows.map((person) => person.id)).toEqual(expected.slice(0, 40));
      expect(back).toMatchObject({ from: 1, previous: null });
    }
  });
});

describe('paging through organisations', () => {
  it('counts them and walks the pages in name order, case set aside', async () => {
    temp = await tempCore({ setUp: true });
    const names = Array.from({ length: 57 }, (_, index) => `${index % 2 ? 'north' : 'North'} Surgery ${String(index).padStart(2, '0')}`);
    for (const name of names) await temp.call('organisations.create', { name, sector: 'statutory' });
    await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    const first = await temp.call('organisations.page', { pageSize: 25 });
    expect(first).toMatchObject({ total: 58, from: 1, previous: null });
    expect(first.rows[0]!.name).toBe('Age Concern');
    const second = await temp.call('organisations.page', { pageSize: 25, after: first.next! });
    const third = await temp.call('organisations.page', { pageSize: 25, after: second.next! });
    expect([second.from, third.from, third.rows.length, third.next]).toEqual([26, 51, 8, null]);
    const all = [...first.rows, ...second.rows, ...third.rows].map((organisation) => organisation.name);
    expect(all).toEqual(['Age Concern', ...[...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }))]);
    expect((await temp.call('organisations.page', { pageSize: 25, before: third.previous! })).rows).toEqual(second.rows);
    expect(await temp.call('organisations.page', { query: 'surgery 1', pageSize: 25 })).toMatchObject({ total: 10, from: 1, next: null });
  });
});
