import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asStaff, type StaffCaller } from '../../electron/core/staff/caller';
import { refusedWritingNothing } from '../support/bookings';
import { seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * Two staff who open the same record and both save: the later save is told
 * the record changed since it was opened, sees the newer values, and writes
 * nothing; a save opened at the current version goes through.
 */
let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore();
  await temp.setUp('Central office');
});
afterEach(() => temp.cleanup());

const priya: StaffCaller = { staffId: 'staff-priya', name: 'Priya Shah', role: 'coordinator', address: '192.168.1.20' };
const tomasz: StaffCaller = { staffId: 'staff-tomasz', name: 'Tomasz Nowak', role: 'coordinator', address: '192.168.1.21' };

async function fieldsOf(id: string) {
  const { id: _id, courseTitle: _c, venueName: _v, contractName: _k, version, ...fields } = await temp.call('sessions.get', { id });
  return { version, fields };
}

describe('two staff editing the same session', () => {
  it('refuses the later save, writing nothing, and returns the newer values beside who changed them and when', async () => {
    const session = await seedSession(temp.call, { day: TEST_TODAY, capacity: 20 });
    // Both open the session at the same version.
    const opened = await fieldsOf(session.id);
    temp.clock.advance(60 * 60_000);
    const saved = await asStaff(priya, () => temp.call('sessions.update', { id: session.id, version: opened.version, fields: { ...opened.fields, capacity: 24 } }));
    expect(saved.capacity).toBe(24);
    expect(saved.version).not.toBe(opened.version);

    const refused = await asStaff(tomasz, () =>
      refusedWritingNothing(temp, 'sessions.update', { id: session.id, version: opened.version, fields: { ...opened.fields, facilitators: ['Amina Yusuf'] } }),
    );
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
    expect(refused.message).toMatch(/^Look at the newer values first: Priya Shah changed this session today at \d\d:\d\d, since you opened it\. Nothing was saved\.$/);
    // Theirs, as the session is now, with the version to save against.
    expect(refused.current).toMatchObject({ id: session.id, capacity: 24, facilitators: ['Sam Okafor'], version: saved.version });
    expect((await temp.call('sessions.get', { id: session.id })).facilitators).toEqual(['Sam Okafor']);
  });

  it('saves an edit made at the newer version, so the later person can keep their own values on purpose', async () => {
    const session = await seedSession(temp.call, { day: TEST_TODAY });
    const opened = await fieldsOf(session.id);
    await asStaff(priya, () => temp.call('sessions.update', { id: session.id, version: opened.version, fields: { ...opened.fields, capacity: 24 } }));
    const refused = await asStaff(tomasz, () => temp.dispatch('sessions.update', { id: session.id, version: opened.version, fields: { ...opened.fields, capacity: 30 } }));
    expect(refused.ok).toBe(false);
    const newer = !refused.ok && (refused.error.current as { version: string }).version;
    const kept = await asStaff(tomasz, () => temp.call('sessions.update', { id: session.id, version: newer as string, fields: { ...opened.fields, capacity: 30 } }));
    expect(kept.capacity).toBe(30);
  });

  it('counts a change made elsewhere too (the places changed from the roster), and says where when no staff member made it', async () => {
    const session = await seedSession(temp.call, { day: TEST_TODAY });
    const opened = await fieldsOf(session.id);
    await temp.call('bookings.setCapacity', { sessionId: session.id, capacity: 25 });
    const refused = await refusedWritingNothing(temp, 'sessions.update', { id: session.id, version: opened.version, fields: { ...opened.fields, status: 'cancelled' } });
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
    expect(refused.message).toMatch(/^Look at the newer values first: this session was changed on this computer today at \d\d:\d\d, since you opened it\./);
    expect(refused.current).toMatchObject({ capacity: 25, status: 'scheduled' });
  });

  it('in the desktop app, with one person, a save at the version just read goes through as before', async () => {
    const session = await seedSession(temp.call, { day: TEST_TODAY });
    for (const capacity of [21, 22, 23]) {
      const { version, fields } = await fieldsOf(session.id);
      expect((await temp.call('sessions.update', { id: session.id, version, fields: { ...fields, capacity } })).capacity).toBe(capacity);
    }
  });
});

describe('every office record that two staff may edit', () => {
  it('refuses a stale edit of a venue, course, person, organisation, contract and membership scheme', async () => {
    const venue = await temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
    const course = await temp.call('courses.create', { title: 'First aid', durationMinutes: 60, learningOutcomes: ['Call for help'] });
    const organisation = await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    const person = await temp.call('people.create', { givenName: 'Amina', familyName: 'Yusuf' });
    const contract = await temp.call('contracts.create', { name: 'Public Health', funder: 'City Council', yearStarts: '04-01' });
    const scheme = await temp.call('schemes.create', { name: 'Allies', requiredCourseIds: [course.id], windowMonths: 6 });

    const v = {
      venue: (await temp.call('venues.get', { id: venue.id })).version,
      course: (await temp.call('courses.get', { id: course.id })).version,
      organisation: (await temp.call('organisations.get', { id: organisation.id })).version,
      person: (await temp.call('people.get', { id: person.id })).version,
      contract: (await temp.call('contracts.get', { id: contract.id })).version,
      scheme: (await temp.call('schemes.get', { id: scheme.id })).version,
    };
    await asStaff(priya, async () => {
      await temp.call('venues.update', { id: venue.id, version: v.venue, fields: { name: 'Riverside Hall', address: '2 River Lane' } });
      await temp.call('courses.update', { id: course.id, version: v.course, fields: { title: 'First aid at work', durationMinutes: 60, learningOutcomes: ['Call for help'] } });
      await temp.call('organisations.update', { id: organisation.id, version: v.organisation, fields: { name: 'Age UK', sector: 'vcse' } });
      await temp.call('people.update', { id: person.id, version: v.person, fields: { givenName: 'Amina', familyName: 'Yusuf-Okafor' } });
      await temp.call('contracts.update', { id: contract.id, version: v.contract, fields: { name: 'Public Health', funder: 'Westbrook City Council', yearStarts: '04-01' } });
      await temp.call('schemes.update', { id: scheme.id, version: v.scheme, fields: { name: 'Allies', requiredCourseIds: [course.id], windowMonths: 12 } });
    });
    const stale = await asStaff(tomasz, async () => [
      await refusedWritingNothing(temp, 'venues.update', { id: venue.id, version: v.venue, fields: { name: 'Riverside', address: '1 River Lane' } }),
      await refusedWritingNothing(temp, 'courses.update', { id: course.id, version: v.course, fields: { title: 'Basic first aid', durationMinutes: 60, learningOutcomes: ['Call for help'] } }),
      await refusedWritingNothing(temp, 'organisations.update', { id: organisation.id, version: v.organisation, fields: { name: 'Age Concern Westbrook', sector: 'vcse' } }),
      await refusedWritingNothing(temp, 'people.update', { id: person.id, version: v.person, fields: { givenName: 'Mina', familyName: 'Yusuf' } }),
      await refusedWritingNothing(temp, 'contracts.update', { id: contract.id, version: v.contract, fields: { name: 'Health', funder: 'City Council', yearStarts: '04-01' } }),
      await refusedWritingNothing(temp, 'schemes.update', { id: scheme.id, version: v.scheme, fields: { name: 'Allies', requiredCourseIds: [course.id], windowMonths: 3 } }),
    ]);
    expect(stale.map((error) => error.code)).toEqual(Array(6).fill('CHANGED_SINCE_OPENED'));
    expect(stale.map((error) => error.message.split(' today')[0])).toEqual([
      'Look at the newer values first: Priya Shah changed this venue',
      'Look at the newer values first: Priya Shah changed this course',
      'Look at the newer values first: Priya Shah changed this organisation',
      'Look at the newer values first: Priya Shah changed this person',
      'Look at the newer values first: Priya Shah changed this contract',
      'Look at the newer values first: Priya Shah changed this membership scheme',
    ]);
    expect(stale.map((error) => error.current)).toEqual([
      expect.objectContaining({ address: '2 River Lane' }),
      expect.objectContaining({ title: 'First aid at work' }),
      expect.objectContaining({ name: 'Age UK' }),
      expect.objectContaining({ familyName: 'Yusuf-Okafor' }),
      expect.objectContaining({ funder: 'Westbrook City Council' }),
      expect.objectContaining({ windowMonths: 12 }),
    ]);
  });
});
