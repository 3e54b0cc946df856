import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POINTERS } from '../../electron/core/erasure/erased-rows';
import { sharedTableNames } from '../../electron/db/schema';
import { answersFor, evaluatedSession } from '../support/evaluations';
import { asIncoming, bytesOf, enrolLaptop, incomingBytes, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { DAY_MS, dumpDatabase, refusal, tempCore, testClock, type TempCore } from '../support/temp-core';
import { cleanUpAfterEachTest } from '../support/each-test';

let world: SyncWorld | null = null;
let temp: TempCore | null = null;
const cleanedUpAfterTest = cleanUpAfterEachTest();

const GIVEN = 'Zofia';
const FAMILY = 'Quillfeather';

/** Whether any row of any table on this computer holds the text. */
const holds = (core: TempCore, text: string) => dumpDatabase(core.sqlite).includes(text);

async function personSignedIn(core: TempCore, sessionId: string, givenName = GIVEN, familyName = FAMILY): Promise<string> {
  const person = await core.call('people.create', { givenName, familyName, email: `${givenName.toLowerCase()}@example.org` });
  await core.call('signIn.book', { sessionId, personId: person.id });
  await core.call('signIn.signIn', { sessionId, personId: person.id });
  return person.id;
}

describe('erasing a person at the office', () => {
  it('names what will go, removes the person and the record merged into them from every table, and keeps one line without names', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const { session } = await evaluatedSession(temp.call, 'linked');
    const personId = await personSignedIn(temp, session.id);
    const twice = await temp.call('people.create', { givenName: GIVEN, familyName: FAMILY });
    await temp.call('people.merge', { keepId: personId, otherId: twice.id });
    const template = await temp.call('evaluations.template', { courseId: session.courseId });
    await temp.call('evaluations.submit', { sessionId: session.id, personId, templateId: template.id, answers: answersFor(template), language: 'en' });
    const other = await personSignedIn(temp, session.id, 'Bogdan', 'Kept');
    // Refused files that name them: one chosen on the Import screen, one in the inbox, and a note an earlier version left there.
    const inbox = mkdtempSync(join(tmpdir(), 'fieldbook-inbox-'));
    await temp.call('sync.saveSettings', { inboxFolder: inbox, retentionDays: 30, version: (await temp.call('sync.settings', {})).version });
    await temp.dispatch('sync.importFile', incomingBytes(new TextEncoder().encode('not a file'), `${GIVEN} ${FAMILY} list.fieldbook`));
    await temp.dispatch('sync.importFile', incomingBytes(new TextEncoder().encode('not a file'), 'Bogdan Kept list.fieldbook'));
    mkdirSync(join(inbox, 'Refused'));
    writeFileSync(join(inbox, 'Refused', 'sheet.fieldbook'), `Name,Email\n${GIVEN} ${FAMILY},${GIVEN.toLowerCase()}@example.org\n`);
    writeFileSync(join(inbox, 'Refused', 'old.fieldbook.why.txt'), `Ask ${GIVEN.toLowerCase()}@example.org to export it again.\n`);
    writeFileSync(join(inbox, 'Refused', 'sealed.fieldbook'), 'sealed bytes');
    expect((await temp.call('sync.importLog', {})).filter((entry) => entry.status === 'refused')).toHaveLength(3);

    const preview = await temp.call('erasure.preview', { personId: twice.id });
    expect(preview.people.map((person) => person.name)).toEqual([`${GIVEN} ${FAMILY}`, `${GIVEN} ${FAMILY}`]);
    expect(Object.fromEntries(preview.counts.map((count) => [count.table, count.count]))).toMatchObject({
      people: 2,
      bookings: 1,
      sign_ins: 1,
      evaluation_responses: 1,
      evaluation_completions: 1,
    });
    expect(preview.counts.find((count) => count.table === 'change_log')!.label).toBe('Change history entries');
    // The preview changes nothing.
    expect(holds(temp, FAMILY)).toBe(true);

    const result = await temp.call('erasure.erase', { personIds: [personId], reason: 'Asked to be forgotten by email', erasedBy: 'Priya at the office' });
    expect(result.message).toMatch(/^Erased 2 person records and \d+ records about them\. Each laptop is told in its next package\.$/);
    for (const text of [personId, twice.id, FAMILY, `${GIVEN.toLowerCase()}@example.org`]) {
      expect(holds(temp, text), text).toBe(false);
    }
    expect(holds(temp, 'Kept')).toBe(true);
    // No refused note or file names them; the refused file about someone else is still in the log.
    expect((await temp.call('sync.importLog', {})).filter((entry) => entry.status === 'refused').map((entry) => entry.fileName)).toEqual(['Bogdan Kept list.fieldbook']);
    expect(readdirSync(join(inbox, 'Refused'))).toEqual(['sealed.fieldbook']);
    expect(temp.sqlite.prepare("SELECT count(*) FROM sign_ins WHERE person_id = ?").pluck().get(other)).toBe(1);

    const [line] = await temp.call('erasure.list', {});
    expect(line).toMatchObject({ erasedBy: 'Priya at the office', reason: 'Asked to be forgotten by email', laptops: [] });
    expect(line!.counts.find((count) => count.table === 'people')!.count).toBe(2);
    // The write-ahead log was checkpointed: nothing of theirs waits to be copied into the file.
    expect(temp.sqlite.pragma('wal_checkpoint(PASSIVE)', { simple: false })).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
  });

  it('refuses a reason that names the person, and a person not here, writing nothing', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const person = await temp.call('people.create', { givenName: GIVEN, familyName: FAMILY });
    const before = dumpDatabase(temp.sqlite);
    expect(await refusal(temp.dispatch, 'erasure.erase', { personIds: [person.id], reason: `${GIVEN} ${FAMILY} asked by phone`, erasedBy: 'Priya' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: "Write the reason without the person's name: the record of an erasure keeps no names.",
    });
    expect(await refusal(temp.dispatch, 'erasure.erase', { personIds: [person.id], reason: 'Asked by phone', erasedBy: ' ' })).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { erasedBy: 'Enter your name, so the record says who erased them.' },
    });
    await temp.call('erasure.erase', { personIds: [person.id], reason: 'Asked by phone', erasedBy: 'Priya' });
    const after = dumpDatabase(temp.sqlite);
    expect(await refusal(temp.dispatch, 'erasure.erase', { personIds: [person.id], reason: 'Asked by phone', erasedBy: 'Priya' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(dumpDatabase(temp.sqlite)).toBe(after);
    expect(before).not.toBe(after);
  });

  it('covers every column that points at a person or at a row an erasure reaches', () => {
    temp = null;
    const reached = new Set(['people', ...POINTERS.map((pointer) => pointer.table)]);
    const covered = new Set(POINTERS.map((pointer) => `${pointer.table}.${pointer.column}`));
    return tempCore({ setUp: true }).then(async (core) => {
      temp = cleanedUpAfterTest(core);
      for (const table of sharedTableNames) {
        const keys = core.sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as { from: string; table: string }[];
        for (const key of keys) if (reached.has(key.table)) expect(covered, `${table}.${key.from}`).toContain(`${table}.${key.from}`);
      }
    });
  });
});

describe('erasure reaches every copy', () => {
  it('an old end-of-day file brings nothing back, and says what it dropped', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const { office } = world;
    const laptop = world.laptops[0]!;
    const { session } = await evaluatedSession(office.call);
    await sendPackage(office, laptop);
    const personId = await personSignedIn(laptop, session.id);
    const bundle = await laptop.call('sync.exportBundle', {});
    expect((await office.call('sync.importFile', asIncoming(bundle))).status).toBe('imported');

    await office.call('erasure.erase', { personIds: [personId], reason: 'Asked to be forgotten', erasedBy: 'Priya' });
    // The same file again is a repeat; a copy under another name is still that bundle; the laptop's own copy written again too.
    expect((await office.call('sync.importFile', asIncoming(bundle))).status).toBe('already_imported');
    expect(holds(office, FAMILY)).toBe(false);

    // A laptop that has not had its package yet corrects their record.
    await laptop.call('people.update', { id: personId, version: (await laptop.call('people.get', { id: personId })).version, fields: { givenName: GIVEN, familyName: FAMILY, preferredName: 'Zo', email: null, phone: null, organisationId: null, membershipJoinedOn: null } });
    const next = await laptop.call('sync.exportBundle', {});
    const outcome = await office.call('sync.importFile', asIncoming(next));
    expect(outcome.message).toContain('1 change about an erased person was discarded from Hall laptop 2.');
    expect(holds(office, FAMILY)).toBe(false);
    expect(holds(office, personId)).toBe(false);
  });

  it('a laptop offline for a month erases on its next package, drops its unsent changes, and confirms in its next end-of-day file', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2', 'Hall laptop 3']));
    const { office } = world;
    const [laptop, otherLaptop] = world.laptops as [TempCore, TempCore];
    const { session } = await evaluatedSession(office.call);
    const personId = await personSignedIn(office, session.id);
    await sendPackage(office, laptop);
    expect((await laptop.call('signIn.find', { sessionId: session.id, query: 'quill', limit: 10 })).length).toBe(1);
    // An edit on the laptop not yet sent: it must not travel after the erasure.
    await laptop.call('people.update', { id: personId, version: (await laptop.call('people.get', { id: personId })).version, fields: { givenName: GIVEN, familyName: FAMILY, preferredName: 'Zo', email: null, phone: null, organisationId: null, membershipJoinedOn: null } });

    await office.call('erasure.erase', { personIds: [personId], reason: 'Asked to be forgotten', erasedBy: 'Priya' });
    const [erasure] = await office.call('erasure.list', {});
    expect(erasure!.laptops.map((entry) => [entry.name, entry.confirmedAt])).toEqual([
      ['Hall laptop 2', null],
      ['Hall laptop 3', null],
    ]);

    laptop.clock.advance(31 * DAY_MS);
    office.clock.advance(31 * DAY_MS);
    const outcome = await sendPackage(office, laptop);
    expect(outcome.message).toContain('1 erasure from the office carried out here; the next end-of-day file confirms it.');
    for (const text of [personId, FAMILY, '"Zo"']) expect(holds(laptop, text), text).toBe(false);
    const roster = await laptop.call('signIn.roster', { sessionId: session.id });
    expect(roster.entries).toEqual([]);

    const bundle = await laptop.call('sync.exportBundle', {});
    expect(await office.call('sync.importFile', asIncoming(bundle))).toMatchObject({ message: expect.stringContaining('Hall laptop 2 confirmed 1 erasure.') });
    const [confirmed] = await office.call('erasure.list', {});
    expect(confirmed!.laptops.find((entry) => entry.name === 'Hall laptop 2')!.confirmedAt).not.toBeNull();
    expect(confirmed!.laptops.find((entry) => entry.name === 'Hall laptop 3')!.confirmedAt).toBeNull();
    void otherLaptop;
  });

  it('a held end-of-day file is sealed again without the erased person, and imports the rest', async () => {
    world = cleanedUpAfterTest(await syncWorld([]));
    const { office } = world;
    const { session } = await evaluatedSession(office.call);
    const person = await office.call('people.create', { givenName: GIVEN, familyName: FAMILY });
    await office.call('signIn.book', { sessionId: session.id, personId: person.id });
    const ahead = await enrolLaptop(office, 'Hall laptop 4', { clock: testClock(new Date(office.clock().getTime() + 3 * DAY_MS)) });
    world.laptops.push(ahead);
    await sendPackage(office, ahead);
    await ahead.call('people.update', { id: person.id, version: (await ahead.call('people.get', { id: person.id })).version, fields: { givenName: GIVEN, familyName: FAMILY, preferredName: 'Zo', email: null, phone: null, organisationId: null, membershipJoinedOn: null } });
    const stays = await ahead.call('people.create', { givenName: 'Bogdan', familyName: 'Stays' });
    const file = await ahead.call('sync.exportBundle', {});
    expect((await office.call('sync.importFile', asIncoming(file))).status).toBe('held');

    const preview = await office.call('erasure.preview', { personId: person.id });
    expect(preview.heldFiles).toBe(1);
    const result = await office.call('erasure.erase', { personIds: [person.id], reason: 'Asked to be forgotten', erasedBy: 'Priya' });
    expect(result.message).toContain('1 held end-of-day file was sealed again without them.');

    const [held] = await office.call('sync.held', {});
    const outcome = await office.call('sync.importHeld', { bundleId: held!.bundleId });
    expect(outcome.status).toBe('imported');
    expect((await office.call('people.get', { id: stays.id })).familyName).toBe('Stays');
    expect(holds(office, 'Zo"')).toBe(false);
    expect(office.sqlite.prepare('SELECT count(*) FROM people WHERE id = ?').pluck().get(person.id)).toBe(0);
    // The laptop's own copy of the file, imported as it was, brings nothing of them back either.
    expect((await office.call('sync.importFile', asIncoming(file))).status).toBe('already_imported');
    void bytesOf;
  });
});

describe('retention', () => {
  it('keeps settings, lists people not seen for longer than the period, and erases them from the list in one action', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true, clock: testClock('2026-03-12T09:00:00.000Z') }));
    const old = await temp.call('people.create', { givenName: 'Old', familyName: 'Record' });
    temp.clock.set('2033-03-12T09:00:00.000Z');
    const recent = await temp.call('people.create', { givenName: 'New', familyName: 'Record' });
    const opened = await temp.call('erasure.settings', {});
    expect(opened).toMatchObject({ personRetentionYears: 6, inboxRetentionDays: 30 });
    const past = await temp.call('erasure.pastRetention', {});
    expect(past).toMatchObject({ personRetentionYears: 6, before: '2027-03-12', total: 1 });
    expect(past.people).toEqual([{ id: old.id, name: 'Old Record', organisationName: null, lastSeen: '2026-03-12' }]);
    const saved = await temp.call('erasure.saveSettings', { personRetentionYears: 8, inboxRetentionDays: 60, version: opened.version });
    expect(saved).toMatchObject({ personRetentionYears: 8, inboxRetentionDays: 60 });
    expect((await temp.call('erasure.pastRetention', {})).total).toBe(0);
    await temp.call('erasure.saveSettings', { personRetentionYears: 6, inboxRetentionDays: 30, version: saved.version });
    await temp.call('erasure.erase', { personIds: past.people.map((person) => person.id), reason: 'Past the retention period', erasedBy: 'Priya' });
    expect((await temp.call('erasure.pastRetention', {})).total).toBe(0);
    expect((await temp.call('people.get', { id: recent.id })).givenName).toBe('New');
  });

  it('the inbox keeps imported and refused files only for the retention period', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const folder = mkdtempSync(join(tmpdir(), 'fieldbook-inbox-'));
    await temp.call('sync.saveSettings', { inboxFolder: folder, retentionDays: 30, version: (await temp.call('sync.settings', {})).version });
    mkdirSync(join(folder, 'Imported'));
    const stale = join(folder, 'Imported', 'old.fieldbook');
    writeFileSync(stale, 'x');
    const old = new Date(temp.clock().getTime() - 31 * DAY_MS);
    utimesSync(stale, old, old);
    writeFileSync(join(folder, 'Imported', 'fresh.fieldbook'), 'x');
    utimesSync(join(folder, 'Imported', 'fresh.fieldbook'), temp.clock(), temp.clock());
    await temp.call('sync.importInbox', {});
    expect(readdirSync(join(folder, 'Imported'))).toEqual(['fresh.fieldbook']);
  });
});
