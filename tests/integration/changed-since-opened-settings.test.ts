import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asStaff, type StaffCaller } from '../../electron/core/staff/caller';
import { refusedWritingNothing } from '../support/bookings';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * Two admins who open the same settings and both save: the later save is
 * told they changed since it was opened, sees the values as they are now,
 * and writes nothing; a save at the version just read (or just saved) goes
 * through, as it always does for the desktop app's one user.
 */
let temp: TempCore;
let folders: string[];
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  folders = [];
});
afterEach(async () => {
  await temp.cleanup();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const priya: StaffCaller = { staffId: 'staff-priya', name: 'Priya Shah', role: 'admin', address: '192.168.1.20' };
const tomasz: StaffCaller = { staffId: 'staff-tomasz', name: 'Tomasz Nowak', role: 'admin', address: '192.168.1.21' };
const laterSave = 'Look at the newer values first: these settings were changed since you opened them. Nothing was saved.';

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), 'fieldbook-inbox-'));
  folders.push(made);
  return made;
}

describe('two admins changing the same settings', () => {
  it('refuses the later retention save, writing nothing, with the retention as it is now', async () => {
    const opened = await temp.call('erasure.settings', {});
    const saved = await asStaff(priya, () => temp.call('erasure.saveSettings', { version: opened.version, personRetentionYears: 8, inboxRetentionDays: 30 }));
    expect(saved.version).not.toBe(opened.version);

    const refused = await asStaff(tomasz, () => refusedWritingNothing(temp, 'erasure.saveSettings', { version: opened.version, personRetentionYears: 6, inboxRetentionDays: 90 }));
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
    expect(refused.message).toBe(laterSave);
    expect(refused.current).toEqual({ personRetentionYears: 8, inboxRetentionDays: 30, version: saved.version });
    expect(await temp.call('erasure.settings', {})).toMatchObject({ personRetentionYears: 8, inboxRetentionDays: 30 });

    // Having seen hers, he keeps his own on purpose, at the newer version.
    const kept = await asStaff(tomasz, () => temp.call('erasure.saveSettings', { version: saved.version, personRetentionYears: 8, inboxRetentionDays: 90 }));
    expect(kept).toMatchObject({ personRetentionYears: 8, inboxRetentionDays: 90 });
  });

  it('refuses the later inbox folder, with the folder the other chose', async () => {
    const opened = await temp.call('sync.settings', {});
    const [hers, his] = [folder(), folder()];
    await asStaff(priya, () => temp.call('sync.saveSettings', { version: opened.version, inboxFolder: hers, retentionDays: opened.retentionDays }));
    const refused = await asStaff(tomasz, () => refusedWritingNothing(temp, 'sync.saveSettings', { version: opened.version, inboxFolder: his, retentionDays: opened.retentionDays }));
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
    expect(refused.message).toBe(laterSave);
    expect(refused.current).toMatchObject({ inboxFolder: hers });
    expect((await temp.call('sync.settings', {})).inboxFolder).toBe(hers);
  });

  it("refuses the later rename of the office's computer, with the name it has now", async () => {
    const opened = await temp.call('settings.get', {});
    await asStaff(priya, () => temp.call('settings.renameDevice', { version: opened.version, name: 'Head office' }));
    const refused = await asStaff(tomasz, () => refusedWritingNothing(temp, 'settings.renameDevice', { version: opened.version, name: 'Office server' }));
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
    expect(refused.current).toMatchObject({ deviceName: 'Head office', role: 'office' });
    expect((await temp.call('settings.get', {})).deviceName).toBe('Head office');
  });

  it('does not count what a rename does not replace: a recovery code made meanwhile leaves the name as it was opened', async () => {
    const opened = await temp.call('settings.get', {});
    await temp.call('settings.makeRecoveryCode', {});
    expect((await temp.call('settings.renameDevice', { version: opened.version, name: 'Head office' })).deviceName).toBe('Head office');
  });
});

describe('the desktop app, with one person', () => {
  it('saves each time from the version it read, or the one its last save answered with', async () => {
    let retention = await temp.call('erasure.settings', {});
    for (const years of [7, 8, 9]) retention = await temp.call('erasure.saveSettings', { version: retention.version, personRetentionYears: years, inboxRetentionDays: 30 });
    expect(retention.personRetentionYears).toBe(9);

    let sync = await temp.call('sync.settings', {});
    for (const inboxFolder of [folder(), null]) sync = await temp.call('sync.saveSettings', { version: sync.version, inboxFolder, retentionDays: 30 });
    expect(sync.inboxFolder).toBeNull();

    let device = await temp.call('settings.get', {});
    for (const name of ['Head office', 'Central office']) device = await temp.call('settings.renameDevice', { version: device.version, name });
    expect(device.deviceName).toBe('Central office');
  });
});
