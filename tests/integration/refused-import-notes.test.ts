import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { incomingBytes, syncWorld, type SyncWorld } from '../support/sync';

/**
 * A refused file's note may name someone from the file, so it is kept in the
 * encrypted database, never as a plain file: nothing in the data folder
 * outside the database holds the reason, and notes an earlier version left
 * in "Refused imports" are moved in and the folder removed. The same goes
 * for the inbox: its Refused folder holds the refused files as they came
 * (sealed, or not Fieldbook files at all) and no note beside them, and the
 * notes an earlier version wrote there (name.why.txt) are moved in too.
 */

let world: SyncWorld | undefined;
afterEach(async () => {
  await world?.cleanup();
  world = undefined;
});

/** Every file in the folder and below it, as paths. */
function filesIn(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('notes of refused imports', () => {
  it('leave no plain file holding the reason beside the database', async () => {
    world = await syncWorld([]);
    const { office } = world;
    const reasonMarker = 'Amira Khan holiday list';
    const refused = await office.dispatch('sync.importFile', incomingBytes(new TextEncoder().encode('not a Fieldbook file'), `${reasonMarker}.fieldbook`));
    expect(refused.ok).toBe(false);
    expect((await office.call('sync.importLog', {}))[0]).toMatchObject({ status: 'refused', fileName: `${reasonMarker}.fieldbook` });
    office.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The database file is encrypted: neither it nor anything beside it shows the name in plain text.
    for (const path of filesIn(dirname(office.sqlite.name))) expect(readFileSync(path).includes(reasonMarker), path).toBe(false);
  });

  it('moves the plain notes an earlier version wrote into the database, and removes them', async () => {
    world = await syncWorld([]);
    const { office } = world;
    const old = join(dirname(office.sqlite.name), 'Refused imports');
    mkdirSync(old);
    const at = office.clock().toISOString();
    writeFileSync(join(old, `${at.replace(/[:.]/g, '-')} note.json`), JSON.stringify({ at, fileName: 'old-refusal.fieldbook', reason: 'Ask for it to be exported again.' }));

    const [entry] = await office.call('sync.importLog', {});
    expect(entry).toMatchObject({ status: 'refused', fileName: 'old-refusal.fieldbook', message: 'Ask for it to be exported again.', at });
    expect(existsSync(old)).toBe(false);
    expect(office.sqlite.prepare('SELECT file_name FROM refused_imports').pluck().all()).toEqual(['old-refusal.fieldbook']);
    // Read again, it is listed once.
    expect((await office.call('sync.importLog', {})).filter((one) => one.status === 'refused')).toHaveLength(1);
  });

  it('leave nothing but the refused file in the inbox, and move an earlier version’s notes there into the database', async () => {
    world = await syncWorld([]);
    const { office } = world;
    const inbox = join(office.folder, 'inbox');
    mkdirSync(join(inbox, 'Refused'), { recursive: true });
    // A note an earlier version wrote beside a file it refused, naming a laptop's facilitator.
    writeFileSync(join(inbox, 'Refused', 'old.fieldbook'), 'sealed bytes');
    writeFileSync(join(inbox, 'Refused', 'old.fieldbook.why.txt'), 'Enrol Amira Khan’s laptop again to import its files.\n');
    await office.call('sync.saveSettings', { inboxFolder: inbox, retentionDays: 30, version: (await office.call('sync.settings', {})).version });
    writeFileSync(join(inbox, 'holiday-photos.fieldbook'), 'not a bundle');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    utimesSync(join(inbox, 'holiday-photos.fieldbook'), twoMinutesAgo, twoMinutesAgo);

    const result = await office.call('sync.importInbox', {});
    expect(result.files).toEqual([{ fileName: 'holiday-photos.fieldbook', outcome: null, refusal: expect.stringMatching(/damaged or incomplete/) }]);
    expect(readdirSync(join(inbox, 'Refused')).sort()).toEqual(['holiday-photos.fieldbook', 'old.fieldbook']);
    const log = (await office.call('sync.importLog', {})).filter((entry) => entry.status === 'refused');
    expect(log.map((entry) => [entry.fileName, entry.message])).toEqual(
      expect.arrayContaining([
        ['holiday-photos.fieldbook', expect.stringMatching(/damaged or incomplete/)],
        ['old.fieldbook', 'Enrol Amira Khan’s laptop again to import its files.'],
      ]),
    );
    expect(log).toHaveLength(2);
    office.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (const path of filesIn(office.folder)) expect(readFileSync(path).includes('Amira Khan'), path).toBe(false);
  });
});
