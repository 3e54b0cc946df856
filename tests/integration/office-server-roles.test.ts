import { describe, expect, it } from 'vitest';
import { procedures, type ProcedureName } from '../../shared/contract';
import { staffRoles } from '../../shared/contract/staff';
import { FieldbookError } from '../../shared/errors';
import { roleMayCall } from '../../shared/staff-roles';
import { asStaff } from '../../electron/core/staff/caller';
import type { StaffClient } from '../support/staff-client';
import { officeServerForEachTest } from '../support/office-server-each-test';
import { databaseHash } from '../support/temp-core';

const STAFF = {
  admin: { name: 'Priya Shah', email: 'priya@example.org', role: 'admin' as const, password: 'violet-harbour-lantern' },
  coordinator: { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'coordinator' as const, password: 'amber-river-compass' },
  viewer: { name: 'Amira Khan', email: 'amira@example.org', role: 'viewer' as const, password: 'silver-heron-window' },
};

const office = officeServerForEachTest(Object.values(STAFF));

function signedIn(role: keyof typeof STAFF): Promise<StaffClient> {
  return office.server.signedIn(STAFF[role]);
}

describe('roles on the office server', { timeout: 120_000 }, () => {
  it('refuses each role, in the core, every procedure its role may not call, and writes nothing', async () => {
    const before = databaseHash(office.temp.sqlite);
    for (const role of staffRoles) {
      const caller = { staffId: 'someone', name: 'Someone', role, address: '127.0.0.1' };
      for (const name of Object.keys(procedures) as ProcedureName[]) {
        if (roleMayCall(role, name)) continue;
        // Straight to the core's handler, with nothing valid: the role is checked before anything else.
        const handler = office.temp.core.handlers[name] as (input: unknown) => Promise<unknown>;
        const refused = await asStaff(caller, () => handler({})).then(
          () => null,
          (error: unknown) => error,
        );
        expect({ role, name, code: refused instanceof FieldbookError ? refused.code : String(refused) }).toEqual({ role, name, code: 'NOT_ALLOWED' });
      }
    }
    expect(databaseHash(office.temp.sqlite)).toBe(before);
  });

  it('lets a coordinator change the catalogue but not the devices, and a viewer read but not change or download people', async () => {
    const coordinator = await signedIn('coordinator');
    const viewer = await signedIn('viewer');
    const course = await coordinator.call('courses.create', { title: 'Cultural Competency', description: null, durationMinutes: 180, learningOutcomes: ['Name three barriers'] });
    expect(course.result, JSON.stringify(course.result)).toMatchObject({ ok: true });
    expect((await viewer.call('courses.list', {})).result.value).toHaveLength(1);

    const viewerWrite = await viewer.call('courses.create', { title: 'Another course', description: null, durationMinutes: 60, learningOutcomes: ['One'] });
    expect(viewerWrite.result.error).toEqual({ code: 'NOT_ALLOWED', message: 'Ask a coordinator or an admin to do this: a viewer reads reports and lists only.' });
    expect((await viewer.call('exports.download', { list: 'people', format: 'csv', query: '' })).result.error?.code).toBe('NOT_ALLOWED');
    expect((await coordinator.call('exports.download', { list: 'people', format: 'csv', query: '' })).result.ok).toBe(true);
    expect((await coordinator.call('pairing.status', {})).result.error).toEqual({
      code: 'NOT_ALLOWED',
      message: 'Ask an admin to do this: only admins manage staff, devices, settings, backups and erasure.',
    });
    expect((await (await signedIn('admin')).call('pairing.status', {})).result.ok).toBe(true);
    expect((await office.temp.call('courses.list', {})).map((c) => c.title)).toEqual(['Cultural Competency']);
    expect(office.server.lines).toContain('Refused courses.create for Amira Khan (viewer): Ask a coordinator or an admin to do this: a viewer reads reports and lists only.');
  });

  it('puts exports of personal data and erasures in the admins’ audit trail, with who did them', async () => {
    const person = await office.temp.call('people.create', { givenName: 'Siobhán', familyName: "O'Brien" });
    const coordinator = await signedIn('coordinator');
    expect((await coordinator.call('exports.download', { list: 'people', format: 'csv', query: '' })).result.ok).toBe(true);
    expect((await coordinator.call('exports.download', { list: 'sessions', format: 'csv', query: '', includePast: false })).result.ok).toBe(true);
    expect((await coordinator.call('subjectAccess.report', { personId: person.id })).result.ok).toBe(true);
    const admin = await signedIn('admin');
    const erased = await admin.call('erasure.erase', { personIds: [person.id], reason: 'Asked to be forgotten by email', erasedBy: 'Priya Shah' });
    expect(erased.result, JSON.stringify(erased.result)).toMatchObject({ ok: true });
    const trail = (await admin.call('staff.audit', {})).result.value as { kind: string; staffName: string; detail: string }[];
    const lines = trail.filter((line) => line.kind === 'personal_data_exported' || line.kind === 'person_erased').reverse();
    expect(lines).toEqual([
      expect.objectContaining({ kind: 'personal_data_exported', staffName: 'Tomasz Nowak', detail: 'Downloaded the people list as CSV.' }),
      expect.objectContaining({ kind: 'personal_data_exported', staffName: 'Tomasz Nowak', detail: `Opened everything held about person ${person.id}.` }),
      expect.objectContaining({ kind: 'person_erased', staffName: 'Priya Shah', detail: 'Erased 1 person (asked for by Priya Shah: Asked to be forgotten by email).' }),
    ]);
    // The desktop app has no accounts, so nothing of its own is audited here.
    await office.temp.call('exports.download', { list: 'people', format: 'csv', query: '' });
    expect((await admin.call('staff.audit', {})).result.value).toHaveLength(trail.length);
  });

  it('records the staff member beside every change they make, and the booking history says who booked', async () => {
    const course = await office.temp.call('courses.create', { title: 'First aid', durationMinutes: 360, learningOutcomes: ['Call for help'] });
    const venue = await office.temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
    const person = await office.temp.call('people.create', { givenName: 'Siobhán', familyName: "O'Brien" });
    const changesBefore = office.temp.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
    expect(office.temp.sqlite.prepare('SELECT count(*) FROM change_log_staff').pluck().get()).toBe(0);

    const coordinator = await signedIn('coordinator');
    const session = await coordinator.call('sessions.create', {
      courseId: course.id, venueId: venue.id, startsAt: '2026-03-20T09:30', endsAt: '2026-03-20T15:30', capacity: 12, facilitators: ['Sam Okafor'], status: 'scheduled',
    });
    expect(session.result, JSON.stringify(session.result)).toMatchObject({ ok: true });
    const booked = await coordinator.call('bookings.bookPeople', { sessionId: session.result.value.id, personIds: [person.id] });
    expect(booked.result, JSON.stringify(booked.result)).toMatchObject({ ok: true });

    const history = (await coordinator.call('bookings.history', { sessionId: session.result.value.id, personId: person.id })).result.value as { event: string; by: string }[];
    expect(history.at(-1)?.by).toBe('Central office, by Tomasz Nowak');
    // Every change the coordinator's calls wrote is theirs; none written before.
    const changesAfter = office.temp.sqlite.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
    const theirs = office.temp.sqlite.prepare('SELECT DISTINCT staff_name FROM change_log_staff').pluck().all();
    expect(theirs).toEqual(['Tomasz Nowak']);
    expect(office.temp.sqlite.prepare('SELECT count(*) FROM change_log_staff').pluck().get()).toBe(changesAfter - changesBefore);
  });

  it('gives the last place to one of two staff booking at once, and waitlists the other', async () => {
    const course = await office.temp.call('courses.create', { title: 'First aid', durationMinutes: 360, learningOutcomes: ['Call for help'] });
    const venue = await office.temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
    const session = await office.temp.call('sessions.create', {
      courseId: course.id, venueId: venue.id, startsAt: '2026-03-20T09:30', endsAt: '2026-03-20T15:30', capacity: 1, facilitators: ['Sam Okafor'], status: 'scheduled',
    });
    const first = await office.temp.call('people.create', { givenName: 'Siobhán', familyName: "O'Brien" });
    const second = await office.temp.call('people.create', { givenName: 'Zoë', familyName: 'Clarke' });
    const [coordinator, admin] = [await signedIn('coordinator'), await signedIn('admin')];
    const answers = await Promise.all([
      coordinator.call('bookings.bookPeople', { sessionId: session.id, personIds: [first.id] }),
      admin.call('bookings.bookPeople', { sessionId: session.id, personIds: [second.id] }),
    ]);
    for (const answer of answers) expect(answer.result, JSON.stringify(answer.result)).toMatchObject({ ok: true });
    const states = office.temp.sqlite.prepare('SELECT state FROM bookings WHERE session_id = ? ORDER BY state').pluck().all(session.id);
    expect(states).toEqual(['booked', 'waitlisted']);
  });

  it('keeps the desktop app (no accounts) able to do everything', async () => {
    expect(await office.temp.call('pairing.status', {})).toBeDefined();
    expect(await office.temp.call('courses.list', {})).toEqual([]);
  });
});
