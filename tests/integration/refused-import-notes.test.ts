import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { incomingBytes, syncWorld, type SyncWorld } from '../support/sync';

/**
 * A refused file's note may name someone from the file, so it is kept in the
 * encrypted database, never as a plain file: nothing in the data folder
 * outside the database holds the reason, and notes an earlier version left
 * in "Refused imports" are moved in and the folder removed.
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
});
