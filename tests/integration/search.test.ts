import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PersonFinder } from '../../electron/core/people/person-finder';
import type { Session } from '../../shared/contract';
import { seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * A facilitator (or a participant at the kiosk) types the first letters of a
 * name and expects to find the person however the name is spelt with accents,
 * case or punctuation, among many people, quickly.
 */

let temp: TempCore;
let session: Session;
let organisationId: string;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  session = await seedSession(temp.call, { day: TEST_TODAY, capacity: 100 });
  organisationId = (await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' })).id;
});

afterEach(async () => {
  await temp.cleanup();
});

async function addPerson(givenName: string, familyName: string, extra: { preferredName?: string; book?: boolean } = {}) {
  const person = await temp.call('people.create', { givenName, familyName, preferredName: extra.preferredName ?? null, organisationId });
  if (extra.book) await temp.call('signIn.book', { sessionId: session.id, personId: person.id });
  return person;
}

/** The names a facilitator sees for what they typed. */
async function found(query: string, limit?: number): Promise<string[]> {
  const matches = await temp.call('signIn.find', { sessionId: session.id, query, ...(limit ? { limit } : {}) });
  return matches.map((match) => match.name);
}

describe('typing the first letters of a name', () => {
  beforeEach(async () => {
    await addPerson('Siobhán', 'Murphy');
    await addPerson('Aoife', "O'Brien");
    await addPerson('Pieter', 'van der Berg');
    await addPerson('Łukasz', 'Nowak');
    await addPerson('Zoë', 'Clarke');
    await addPerson('فاطمة', 'الزهراء');
    await addPerson('小明', '王');
    await addPerson('Margaret', 'Smith', { preferredName: 'Peggy' });
    await addPerson('Oliver', 'Bennett');
  });

  it('finds Siobhán from "sio", without typing the accent or the capital', async () => {
    expect(await found('sio')).toEqual(['Siobhán Murphy']);
    expect(await found('SIOBHAN')).toEqual(['Siobhán Murphy']);
    // The office's people list forgives accents the same way.
    expect((await temp.call('people.list', { query: 'sio' })).map((person) => person.givenName)).toEqual(['Siobhán']);
  });

  it("finds O'Brien from \"o'b\", \"ob\" and \"O’B\" with a curly apostrophe", async () => {
    expect(await found("o'b")).toEqual(["Aoife O'Brien"]);
    expect(await found('ob')).toEqual(["Aoife O'Brien"]);
    expect(await found('O’B')).toEqual(["Aoife O'Brien"]);
    expect(await found('OBRIEN')).toEqual(["Aoife O'Brien"]);
  });

  it('finds "van der Berg" from "van der" and from "berg"', async () => {
    expect(await found('van der')).toEqual(['Pieter van der Berg']);
    expect(await found('van der b')).toEqual(['Pieter van der Berg']);
    expect(await found('berg')).toEqual(['Pieter van der Berg']);
    expect(await found('pieter van')).toEqual(['Pieter van der Berg']);
  });

  it('finds Łukasz from "lukasz" and Zoë from "zoe"', async () => {
    expect(await found('lukasz')).toEqual(['Łukasz Nowak']);
    expect(await found('łuk')).toEqual(['Łukasz Nowak']);
    expect(await found('zoe')).toEqual(['Zoë Clarke']);
  });

  it('finds Arabic-script and Chinese names by their first characters', async () => {
    expect(await found('فاط')).toEqual(['فاطمة الزهراء']);
    expect(await found('الز')).toEqual(['فاطمة الزهراء']);
    expect(await found('王')).toEqual(['小明 王']);
    expect(await found('小')).toEqual(['小明 王']);
  });

  it('finds a person by their preferred name and shows it', async () => {
    expect(await found('peg')).toEqual(['Peggy Smith']);
    expect(await found('marg')).toEqual(['Peggy Smith']);
  });

  it('finds nothing for a name nobody has, or for punctuation alone', async () => {
    expect(await found('xq')).toEqual([]);
    expect(await found("'")).toEqual([]);
  });

  it('shows the person once even when several of their names match', async () => {
    await addPerson('Bennett', 'Bennetton');
    expect((await found('benn')).sort()).toEqual(['Bennett Bennetton', 'Oliver Bennett']);
  });
});

describe('ranking and limits', () => {
  it('puts people booked on this session before others with the same first letters', async () => {
    await addPerson('Sam', 'Adams');
    await addPerson('Samantha', 'Brown');
    await addPerson('Samir', 'Cole');
    const booked = await addPerson('Samuel', 'Zed', { book: true });

    const matches = await temp.call('signIn.find', { sessionId: session.id, query: 'sam' });
    expect(matches).toHaveLength(4);
    expect(matches[0]).toMatchObject({ personId: booked.id, name: 'Samuel Zed', bookedHere: true, signedInHere: false });
    expect(matches.slice(1).every((match) => !match.bookedHere)).toBe(true);

    // Even when only one result fits, it is the booked person.
    expect(await found('sam', 1)).toEqual(['Samuel Zed']);

    await temp.call('signIn.signIn', { sessionId: session.id, personId: booked.id });
    const [first] = await temp.call('signIn.find', { sessionId: session.id, query: 'sam' });
    expect(first).toMatchObject({ personId: booked.id, bookedHere: true, signedInHere: true });
  });

  it('returns no more results than asked for, 20 by default', async () => {
    for (let i = 0; i < 25; i++) await addPerson('Alex', `Family${String(i).padStart(2, '0')}`);
    expect(await found('alex')).toHaveLength(20);
    expect(await found('alex', 5)).toHaveLength(5);
    expect(await found('alex', 50)).toHaveLength(25);
  });
});

describe('the search index', () => {
  /** Every statement the finder prepares, captured by handing it a database that records what it is asked to prepare. */
  function finderStatements(sqlite: Database): string[] {
    const prepared: string[] = [];
    const recording = new Proxy(sqlite, {
      get(target, property) {
        if (property === 'prepare') {
          return (source: string) => {
            prepared.push(source);
            return target.prepare(source);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    new PersonFinder(recording);
    return prepared;
  }

  function plan(sqlite: Database, source: string): string[] {
    const parameters = (source.match(/\?/g) ?? []).map(() => null);
    const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters) as { detail: string }[];
    return rows.map((row) => row.detail);
  }

  it('looks names up through the key index, never by reading every person', async () => {
    const statements = finderStatements(temp.sqlite);
    const keyQueries = statements.filter((source) => source.includes('person_search_keys'));
    expect(keyQueries.length).toBeGreaterThan(0);
    for (const source of statements) {
      const steps = plan(temp.sqlite, source);
      const text = steps.join('\n');
      // The only scan allowed is over the short list of chosen ids handed in as JSON.
      expect(steps.filter((step) => /^SCAN /.test(step) && !step.startsWith('SCAN json_each')), text).toEqual([]);
      if (source.includes('person_search_keys')) {
        expect(text, source).toMatch(/SEARCH (person_search_keys|k) USING (COVERING INDEX|INDEX|PRIMARY KEY)/);
      }
    }
  });

  it('follows a rename: the new name is found and the old one no longer is', async () => {
    const person = await addPerson('Aoife', "O'Brien");
    await temp.call('people.update', { id: person.id, version: (await temp.call('people.get', { id: person.id })).version, fields: { givenName: 'Aoife', familyName: 'Kowalczyk', organisationId } });
    expect(await found('kowal')).toEqual(['Aoife Kowalczyk']);
    expect(await found('obrien')).toEqual([]);
    expect(await found('aoife')).toEqual(['Aoife Kowalczyk']);
  });

  it('rebuilds the keys on the next start when they were built by another version', async () => {
    await addPerson('Siobhán', 'Murphy');
    await addPerson('Łukasz', 'Nowak');
    expect(await found('sio')).toEqual(['Siobhán Murphy']);

    temp.sqlite.exec(`DELETE FROM person_search_keys; DELETE FROM local_settings WHERE key = 'search_keys_version'`);
    // Without its keys nobody can be found: this is what the rebuild must put right.
    expect(await found('sio')).toEqual([]);

    await temp.reopen();
    expect(await found('sio')).toEqual(['Siobhán Murphy']);
    expect(await found('lukasz')).toEqual(['Łukasz Nowak']);

    temp.sqlite.exec(`DELETE FROM person_search_keys; UPDATE local_settings SET value = 'an older version' WHERE key = 'search_keys_version'`);
    await temp.reopen();
    expect(await found('nowak')).toEqual(['Łukasz Nowak']);
  });
});
