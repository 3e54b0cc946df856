import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFieldbook } from '../support/cli';
import { openDatabaseFileIn, tempCore, type TempCore } from '../support/temp-core';

/** `fieldbook backup` and `fieldbook restore` over an office's data folder, as their own processes. */

let office: TempCore;
let stick: string;
const person = (givenName: string) => ({ givenName, familyName: 'Stick', preferredName: null, email: null, phone: null, organisationId: null, membershipJoinedOn: null });
beforeEach(async () => {
  office = await tempCore({ setUp: true });
  await office.call('people.create', person('Before'));
  await office.close();
  stick = mkdtempSync(join(tmpdir(), 'fieldbook-stick-'));
});
afterEach(async () => {
  await office.cleanup();
  rmSync(stick, { recursive: true, force: true });
});

const names = () => {
  const db = openDatabaseFileIn(office.folder, { readonly: true });
  try {
    return db.prepare('SELECT given_name FROM people ORDER BY given_name').pluck().all();
  } finally {
    db.close();
  }
};

describe('fieldbook backup and restore', () => {
  it('backs up to a stick, then restores that backup over later changes', async () => {
    const backedUp = await runFieldbook(office.folder, 'backup', '--to', stick, '--data', office.folder);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    const [fileName] = readdirSync(stick);
    expect(backedUp.stdout).toMatch(new RegExp(`^Backed up to ${join(stick, fileName!).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\.\\d MB\\)\\.\\n$`));

    await office.reopen();
    await office.call('people.create', person('After'));
    await office.close();
    expect(names()).toEqual(['After', 'Before']);

    const restored = await runFieldbook(office.folder, 'restore', join(stick, fileName!), '--data', office.folder);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored "Central office" from ${fileName}`);
    expect(restored.stdout).toContain('It holds 1 person, 0 sessions and 0 sign-ins.');
    expect(names()).toEqual(['Before']);
  });

  it('says how to use it, and refuses a file that is not a backup, changing nothing', async () => {
    const usage = await runFieldbook(office.folder, 'restore', '--data', office.folder);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('restore needs a backup file');

    const notes = join(stick, 'notes.txt');
    writeFileSync(notes, 'a shopping list');
    const refused = await runFieldbook(office.folder, 'restore', notes, '--data', office.folder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('Choose another file: notes.txt is not a Fieldbook backup, or it is damaged.\n');
    expect(names()).toEqual(['Before']);
  });
});
