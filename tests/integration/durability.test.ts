import { createPrivateKey, createPublicKey } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SIGNING_KEY_NAME } from '../../electron/core/device/device';
import type { CoreContext } from '../../electron/core/deps';
import { newUuidV7 } from '../../electron/core/ids';
import { write } from '../../electron/core/write';
import { FieldbookError } from '../../shared/errors';
import { changeLog, countRows, databaseHash, tempCore, type TempCore } from '../support/temp-core';

let temp: TempCore;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
});

afterEach(async () => {
  await temp.cleanup();
});

const unknownId = '0195f0a4-3b2c-7d1e-8f00-0123456789ab';

describe('a saved course', () => {
  it('is still there after the app is closed and opened again', async () => {
    const course = await temp.call('courses.create', {
      title: 'Safeguarding adults',
      description: 'Level 1',
      durationMinutes: 180,
      learningOutcomes: ['Recognise signs of abuse', 'Know who to tell'],
    });
    const log = changeLog(temp.sqlite);

    await temp.reopen();

    // `get` adds the version an edit is checked against (the course's newest change-log stamp).
    const { version, ...saved } = await temp.call('courses.get', { id: course.id });
    expect(saved).toEqual(course);
    expect(version).toEqual(expect.any(String));
    expect(await temp.call('courses.list', { query: 'safeguarding' })).toEqual([course]);
    expect(changeLog(temp.sqlite)).toEqual(log);
    expect((await temp.call('device.status', {})).device).not.toBeNull();
  });
});

describe('a write that fails', () => {
  it('leaves no session and no change-log entry when the venue does not exist', async () => {
    const course = await temp.call('courses.create', { title: 'First aid', durationMinutes: 60, learningOutcomes: ['Call for help'] });
    const before = databaseHash(temp.sqlite);
    const logBefore = changeLog(temp.sqlite).length;

    const result = await temp.dispatch('sessions.create', {
      courseId: course.id,
      venueId: unknownId,
      startsAt: '2026-03-20T09:30',
      endsAt: '2026-03-20T15:30',
      capacity: 12,
      facilitators: ['Amina Yusuf'],
    });

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'That venue could not be found. Choose one from the list.',
        fields: { venueId: 'That venue could not be found. Choose one from the list.' },
      },
    });
    expect(countRows(temp.sqlite, 'sessions')).toBe(0);
    expect(changeLog(temp.sqlite)).toHaveLength(logBefore);
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('leaves no person behind when their organisation does not exist', async () => {
    const before = databaseHash(temp.sqlite);
    const result = await temp.dispatch('people.create', { givenName: 'Amina', familyName: 'Yusuf', organisationId: unknownId });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { organisationId: expect.any(String) } } });
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('saves neither the record nor its change-log entry if the change log cannot be written', async () => {
    const before = databaseHash(temp.sqlite);
    // The venue row is inserted first; the change-log insert after it then fails.
    temp.sqlite.exec(`
      CREATE TEMP TRIGGER refuse_change_log BEFORE INSERT ON main.change_log
      BEGIN SELECT RAISE(ABORT, 'disk full'); END;
    `);

    const result = await temp.dispatch('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
    expect(countRows(temp.sqlite, 'venues')).toBe(0);
    expect(databaseHash(temp.sqlite)).toBe(before);

    // Once the problem is gone the same save works, so nothing was left locked or half-open.
    temp.sqlite.exec('DROP TRIGGER temp.refuse_change_log');
    const venue = await temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
    expect(changeLog(temp.sqlite).map((row) => row.row_id)).toContain(venue.id);
  });

  it('leaves the earlier rows of the same change out when a later step refuses', async () => {
    const before = databaseHash(temp.sqlite);
    const ctx: CoreContext = temp.core.context;

    await expect(
      write(ctx, async (scope) => {
        await scope.insert('organisations', { id: scope.newId(), name: 'Age Concern', sector: 'vcse' });
        await scope.insert('venues', { id: scope.newId(), name: 'Riverside Hall', address: '1 River Lane', access_notes: null });
        throw new FieldbookError('CONFLICT', 'Something else changed first.');
      }),
    ).rejects.toThrow('Something else changed first.');

    expect(databaseHash(temp.sqlite)).toBe(before);
    expect(countRows(temp.sqlite, 'organisations')).toBe(0);
    expect(countRows(temp.sqlite, 'venues')).toBe(0);
  });
});

describe('setting up the device', () => {
  // Known bug: device.setUp (electron/core/device/device.ts) checks for a device,
  // stores the private key, then inserts the row, with no transaction around them.
  // A double click stores the losing attempt's key over the winner's, answers the
  // second click with INTERNAL, and leaves a signing key that does not match the
  // device's public key. Remove `.fails` once fixed.
  it('keeps one device whose signing key matches, when Set up is clicked twice at once', async () => {
    const fresh = await tempCore();
    try {
      const results = await Promise.all([
        fresh.dispatch('device.setUp', { role: 'office', name: 'Office A' }),
        fresh.dispatch('device.setUp', { role: 'office', name: 'Office B' }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ error: { code: 'DEVICE_ALREADY_SET_UP' } });

      const stored = fresh.sqlite.prepare('SELECT signing_public_key FROM device').pluck().get() as string;
      const privateKey = createPrivateKey({ key: fresh.keyStore.get(SIGNING_KEY_NAME)!, format: 'der', type: 'pkcs8' });
      expect(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64')).toBe(stored);
    } finally {
      await fresh.cleanup();
    }
  });

  it('keeps the signing key that matches the device, when set up once', async () => {
    const stored = temp.sqlite.prepare('SELECT signing_public_key FROM device').pluck().get() as string;
    const privateKey = createPrivateKey({ key: temp.keyStore.get(SIGNING_KEY_NAME)!, format: 'der', type: 'pkcs8' });
    expect(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64')).toBe(stored);
    const again = await temp.dispatch('device.setUp', { role: 'laptop', name: 'Laptop 2' });
    expect(again).toEqual({ ok: false, error: { code: 'DEVICE_ALREADY_SET_UP', message: 'No need to set it up again: this computer is already set up.' } });
  });
});
