import { describe, expect, it } from 'vitest';
import { createWritePath } from '../../electron/core/write-path';
import type { Handlers } from '../../electron/core/handler-types';
import { createDispatcher } from '../../electron/dispatch/dispatcher';
import { asIncoming, syncWorld, type SyncWorld } from '../support/sync';
import { openDatabaseFileIn, tempCore, type TempCore } from '../support/temp-core';
import { cleanUpAfterEachTest } from '../support/each-test';

/**
 * The one write path: procedures from the screens, the inbox watcher and
 * the command line run one at a time, each mutation in one transaction
 * whose output is checked before it commits.
 */

let world: SyncWorld | null = null;
let temp: TempCore | null = null;
const cleanedUpAfterTest = cleanUpAfterEachTest();

const count = (core: TempCore, table: string) => Number(core.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());

describe('the one write path', () => {
  it('keeps an import that ran beside a procedure that failed, and the failed one wrote nothing', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 1']));
    const { office, laptops } = world;
    const laptop = laptops[0]!;
    await laptop.call('people.create', { givenName: 'Amira', familyName: 'Khan' });
    const bundle = await laptop.call('sync.exportBundle', {});
    const organisationsBefore = count(office, 'organisations');

    // The inbox watcher's import and a form's save that fails arrive at once.
    const [imported, failed] = await Promise.all([
      office.dispatch('sync.importFile', asIncoming(bundle)),
      office.dispatch('people.create', { givenName: 'Ben', familyName: 'Ode', organisationId: '01950000-0000-7000-8000-00000000dead' }),
    ]);

    expect(imported).toMatchObject({ ok: true, value: { status: 'imported' } });
    expect(failed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await office.call('people.list', { query: 'amira' })).map((person) => person.givenName)).toEqual(['Amira']);
    expect(await office.call('people.list', { query: 'ben' })).toEqual([]);
    expect(count(office, 'organisations')).toBe(organisationsBefore);
    expect(await office.call('sync.importLog', {})).toHaveLength(1);
  });

  it('runs calls made at the same moment one after another, each seeing what the one before saved', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const names = ['Ash Centre', 'Birch Surgery', 'Cedar Trust', 'Dale Hall', 'Elm House'];
    const results = await Promise.all(names.map((name) => temp!.dispatch('organisations.create', { name, sector: 'vcse' })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect((await temp.call('organisations.list', {})).map((organisation) => organisation.name)).toEqual(names);
    // Every change is in the log once, with stamps in the order the calls were made.
    const stamps = temp.sqlite.prepare("SELECT hlc FROM change_log WHERE table_name = 'organisations' ORDER BY rowid").pluck().all() as string[];
    expect(stamps).toEqual([...stamps].sort());
  });

  it('says nothing was saved when a procedure’s answer does not match the contract, and means it', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const real = temp.core.handlers;
    // A handler that saves, then answers in the wrong shape: the check before commit must undo the save.
    const broken = { ...real, 'organisations.create': async (input: never) => ({ ...(await real['organisations.create'](input)), sector: 42 }) };
    const writePath = createWritePath(temp.sqlite);
    const logged: string[] = [];
    const dispatch = createDispatcher(writePath.serialise(broken as unknown as Handlers), (message) => logged.push(message));

    const result = await dispatch('organisations.create', { name: 'Hope Street Surgery', sector: 'statutory' });

    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('nothing was saved') } });
    expect(logged).toEqual(['Unexpected failure in organisations.create']);
    expect(await temp.call('organisations.list', {})).toEqual([]);
    expect(count(temp, 'change_log')).toBe(0);
  });

  it('finishes the procedure in hand before the database closes', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const saving = temp.dispatch('organisations.create', { name: 'Last Call Trust', sector: 'other' });
    const folder = temp.folder;
    await temp.close();
    expect(await saving).toMatchObject({ ok: true });
    const file = openDatabaseFileIn(folder, { readonly: true });
    expect(file.prepare('SELECT name FROM organisations').pluck().all()).toEqual(['Last Call Trust']);
    file.close();
  });
});
