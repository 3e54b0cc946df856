import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asStaff, type StaffCaller } from '../../electron/core/staff/caller';
import { refusedWritingNothing } from '../support/bookings';
import { tempCoreForEachTest } from '../support/each-test';

/**
 * Two admins who open the Backups screen and both choose a backup folder:
 * the later is told the folder changed since it was opened, sees the one
 * chosen first, and writes nothing; the desktop app's one user, saving at
 * the version just read or just saved, is never refused.
 */
const temp = tempCoreForEachTest({ setUp: true });
const folders: string[] = [];
afterEach(() => {
  for (const made of folders.splice(0)) rmSync(made, { recursive: true, force: true });
});

const priya: StaffCaller = { staffId: 'staff-priya', name: 'Priya Shah', role: 'admin', address: '192.168.1.20' };
const tomasz: StaffCaller = { staffId: 'staff-tomasz', name: 'Tomasz Nowak', role: 'admin', address: '192.168.1.21' };

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'fieldbook-backups-'));
  folders.push(made);
  return made;
}

describe('two admins choosing the backup folder', () => {
  it('refuses the later folder, writing nothing, with the folder the other chose', async () => {
    const opened = await temp.call('backup.status', {});
    const [hers, his] = [folder(), folder()];
    const saved = await asStaff(priya, () => temp.call('backup.setFolder', { version: opened.version, folder: hers }));
    expect(saved.version).not.toBe(opened.version);

    const refused = await asStaff(tomasz, () => refusedWritingNothing(temp, 'backup.setFolder', { version: opened.version, folder: his }));
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
    expect(refused.message).toBe('Look at the newer values first: these settings were changed since you opened them. Nothing was saved.');
    expect(refused.current).toMatchObject({ folder: hers, version: saved.version });
    expect((await temp.call('backup.status', {})).folder).toBe(hers);

    // Having seen hers, he chooses his own on purpose, at the newer version.
    expect((await asStaff(tomasz, () => temp.call('backup.setFolder', { version: saved.version, folder: his }))).folder).toBe(his);
  });

  it('refuses stopping the daily backup over a folder chosen since', async () => {
    const opened = await temp.call('backup.status', {});
    await asStaff(priya, () => temp.call('backup.setFolder', { version: opened.version, folder: folder() }));
    const refused = await asStaff(tomasz, () => refusedWritingNothing(temp, 'backup.setFolder', { version: opened.version, folder: null }));
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
  });

  it('does not count a backup taken meanwhile: only the folder is what a new folder replaces', async () => {
    const chosen = await temp.call('backup.setFolder', { version: (await temp.call('backup.status', {})).version, folder: folder() });
    await temp.call('backup.now', {});
    const other = folder();
    expect((await asStaff(tomasz, () => temp.call('backup.setFolder', { version: chosen.version, folder: other }))).folder).toBe(other);
  });
});

describe('the desktop app, with one person', () => {
  it('saves each time from the version it read, or the one its last save answered with', async () => {
    let status = await temp.call('backup.status', {});
    for (const chosen of [folder(), folder(), null]) status = await temp.call('backup.setFolder', { version: status.version, folder: chosen });
    expect(status.folder).toBeNull();
  });
});
