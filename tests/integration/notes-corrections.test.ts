import { describe, expect, it } from 'vitest';
import { refusedWritingNothing } from '../support/bookings';
import { evaluatedSession } from '../support/evaluations';
import { asIncoming, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';
import { cleanUpAfterEachTest } from '../support/each-test';

/**
 * A note can be corrected: the new text stands and the earlier one is kept
 * beside it, with when and on which computer each was written. A laptop's
 * correction travels to the office like any change.
 */

let temp: TempCore | undefined;
let world: SyncWorld | undefined;

const cleanedUpAfterTest = cleanUpAfterEachTest();

describe('correcting a note', () => {
  it('keeps the earlier text as history, oldest first, and the correction stands', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const session = await seedSession(temp.call, { day: TEST_TODAY });
    const note = await temp.call('notes.add', { sessionId: session.id, text: 'Two people asked about GP registraton', tags: ['GP registration'] });
    expect(note.versions).toEqual([{ text: 'Two people asked about GP registraton', writtenAt: note.createdAt, deviceName: 'Central office' }]);

    temp.clock.advance(5 * 60_000);
    const corrected = await temp.call('notes.correct', { id: note.id, text: 'Three people asked about GP registration' });
    expect(corrected.text).toBe('Three people asked about GP registration');
    expect(corrected.versions.map((version) => version.text)).toEqual(['Two people asked about GP registraton', 'Three people asked about GP registration']);
    expect(corrected.versions[1]).toMatchObject({ writtenAt: '2026-03-12T09:05:00.000Z', deviceName: 'Central office' });
    // Tags, status and when it was first added are the note's still.
    expect(corrected).toMatchObject({ tags: ['gp registration'], status: 'open', createdAt: note.createdAt });

    temp.clock.advance(60_000);
    await temp.call('notes.correct', { id: note.id, text: 'Three people asked how to register with a GP' });
    const [listed] = await temp.call('notes.list', { sessionId: session.id });
    expect(listed!.text).toBe('Three people asked how to register with a GP');
    expect(listed!.versions).toHaveLength(3);
  });

  it('keeps the office’s response beside a corrected note, and a response is not a new version', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const session = await seedSession(temp.call, { day: TEST_TODAY });
    const note = await temp.call('notes.add', { sessionId: session.id, text: 'The hearing loop did not work', needsResponse: true });
    await temp.call('notes.respond', { id: note.id, response: 'The venue has fixed it', status: 'responded' });
    const corrected = await temp.call('notes.correct', { id: note.id, text: 'The hearing loop in room 2 did not work' });
    expect(corrected).toMatchObject({ status: 'responded', response: 'The venue has fixed it' });
    expect(corrected.versions.map((version) => version.text)).toEqual(['The hearing loop did not work', 'The hearing loop in room 2 did not work']);
  });

  it('refuses an empty correction, the same text again, or a note that is not here, writing nothing', async () => {
    temp = cleanedUpAfterTest(await tempCore({ setUp: true }));
    const session = await seedSession(temp.call, { day: TEST_TODAY });
    const note = await temp.call('notes.add', { sessionId: session.id, text: 'Interpreting was booked late' });
    const empty = await refusedWritingNothing(temp, 'notes.correct', { id: note.id, text: '   ' });
    expect(empty).toMatchObject({ code: 'INVALID_INPUT', fields: { text: 'Enter the note.' } });
    const same = await refusedWritingNothing(temp, 'notes.correct', { id: note.id, text: ' Interpreting was booked late ' });
    expect(same).toMatchObject({ code: 'INVALID_INPUT', fields: { text: 'Change the text to correct the note: it says the same as now.' } });
    const missing = await refusedWritingNothing(temp, 'notes.correct', { id: '0195f0a4-3b2c-7d1e-8f00-00000000dead', text: 'Anything' });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('reaches the office from a laptop in its end-of-day file, with both texts and the laptop named', async () => {
    world = cleanedUpAfterTest(await syncWorld(['Hall laptop 2']));
    const { office, laptops } = world;
    const laptop = laptops[0]!;
    const { session } = await evaluatedSession(office.call);
    await sendPackage(office, laptop);
    const note = await laptop.call('notes.add', { sessionId: session.id, text: 'Asked for leaflets in Polish' });
    await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));

    laptop.clock.advance(10 * 60_000);
    office.clock.advance(10 * 60_000);
    await laptop.call('notes.correct', { id: note.id, text: 'Asked for leaflets in Polish and Arabic' });
    const outcome = await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
    expect(outcome.status).toBe('imported');

    const [atOffice] = await office.call('notes.list', { sessionId: session.id });
    expect(atOffice!.text).toBe('Asked for leaflets in Polish and Arabic');
    expect(atOffice!.versions).toEqual([
      { text: 'Asked for leaflets in Polish', writtenAt: note.createdAt, deviceName: 'Hall laptop 2' },
      { text: 'Asked for leaflets in Polish and Arabic', writtenAt: expect.any(String), deviceName: 'Hall laptop 2' },
    ]);
  });
});
