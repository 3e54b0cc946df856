import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course, Member, SchemeView, Venue } from '../../shared/contract';
import { localTime, refusedWritingNothing } from '../support/bookings';
import { countRows, refusal, tempCore, type TempCore } from '../support/temp-core';

/**
 * The office's membership scheme: members join, renew or rejoin, and must
 * attend the required course before joining or within six calendar months.
 * Attendance is a sign-in not undone at a session not cancelled.
 */

let temp: TempCore;
let core: Course;
let firstAid: Course;
let venue: Venue;
let allies: SchemeView;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  core = await temp.call('courses.create', { title: 'Cultural competency', durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  firstAid = await temp.call('courses.create', { title: 'First aid', durationMinutes: 120, learningOutcomes: ['Call for help'] });
  venue = await temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
  allies = await temp.call('schemes.create', { name: 'Allies', requiredCourseIds: [core.id], yearStarts: '05-01', feePence: 2500 });
});

afterEach(async () => {
  await temp.cleanup();
});

const onDay = (day: string) => temp.clock.set(localTime(day, '09:00'));

async function person(givenName: string) {
  return (await temp.call('people.create', { givenName, familyName: 'Okafor' })).id;
}

/** A session of a course on a day, with these people signed in (the clock set to that day, as at the venue). */
async function sessionOn(day: string, course: Course, signedIn: string[] = [], booked: string[] = []) {
  onDay(day);
  const session = await temp.call('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    startsAt: `${day}T10:00`,
    endsAt: `${day}T13:00`,
    capacity: 20,
    facilitators: ['Sam Okafor'],
    status: 'scheduled',
  });
  for (const personId of booked) await temp.call('signIn.book', { sessionId: session.id, personId });
  for (const personId of signedIn) await temp.call('signIn.signIn', { sessionId: session.id, personId });
  return session;
}

const join = (personId: string, startsOn: string) => temp.call('members.join', { schemeId: allies.id, personId, startsOn });
const training = (member: Member) => member.memberships[0]!.joinings.at(-1)!;
const asOf = (personId: string, day: string) => temp.call('members.get', { personId, asOf: day });

describe('membership terms', () => {
  it('joins, renews within the grace period and rejoins after a longer gap, origin worked out each time', async () => {
    const amara = await person('Amara');
    onDay('2024-05-01');
    const joined = await join(amara, '2024-05-01');
    expect(joined.memberships[0]!.terms).toMatchObject([{ startsOn: '2024-05-01', endsOn: '2025-04-30', origin: 'new', feePence: 2500, paidOn: null }]);

    // 20 days after the term ended, inside the 30-day grace period: the renewal runs on from the day after.
    onDay('2025-05-20');
    expect((await asOf(amara, '2025-05-20')).memberships[0]!.status).toBe('in_grace');
    const renewed = await temp.call('members.renew', { schemeId: allies.id, personId: amara, paidOn: '2025-05-20' });
    expect(renewed.memberships[0]!.terms[1]).toMatchObject({ startsOn: '2025-05-01', endsOn: '2026-04-30', origin: 'renewal', paidOn: '2025-05-20' });
    expect(renewed.memberships[0]!.status).toBe('current');

    // Two months after the next term ended: longer than the grace period, so a rejoin starting today.
    onDay('2026-07-01');
    expect((await asOf(amara, '2026-07-01')).memberships[0]!.status).toBe('expired');
    const rejoined = await temp.call('members.renew', { schemeId: allies.id, personId: amara });
    expect(rejoined.memberships[0]!.terms[2]).toMatchObject({ startsOn: '2026-07-01', endsOn: '2027-04-30', origin: 'rejoin' });
    // Each joining has its own training window.
    expect(rejoined.memberships[0]!.joinings.map((joining) => [joining.joinedOn, joining.dueBy])).toEqual([
      ['2024-05-01', '2024-11-01'],
      ['2026-07-01', '2027-01-01'],
    ]);
  });

  it('gives the status of any date from the terms, the same before and after a cancellation is recorded', async () => {
    const amara = await person('Amara');
    onDay('2024-06-01');
    await join(amara, '2024-05-01');
    const before = await temp.call('members.list', { schemeId: allies.id, asOf: '2024-10-31' });
    expect(before.map((row) => row.status)).toEqual(['current']);

    onDay('2024-11-01');
    const { id: termId, version } = (await asOf(amara, '2024-11-01')).memberships[0]!.terms[0]!;
    await temp.call('members.cancel', { termId, version, cancelledOn: '2024-11-01' });
    expect((await asOf(amara, '2024-10-31')).memberships[0]!.status).toBe('current');
    expect((await asOf(amara, '2024-11-01')).memberships[0]!.status).toBe('cancelled');
    expect(await temp.call('members.list', { schemeId: allies.id, asOf: '2024-10-31', status: 'current' })).toHaveLength(1);
    expect(await temp.call('members.list', { schemeId: allies.id, asOf: '2024-11-01', status: 'current' })).toHaveLength(0);
    expect(await temp.call('members.list', { schemeId: allies.id, asOf: '2024-11-01', status: 'cancelled' })).toHaveLength(1);
    // Before their first term nobody is listed.
    expect(await temp.call('members.list', { schemeId: allies.id, asOf: '2024-04-30' })).toHaveLength(0);
  });

  it('records a fee paid later, or unpaid', async () => {
    const amara = await person('Amara');
    onDay('2024-05-01');
    const { id: termId, version } = (await temp.call('members.join', { schemeId: allies.id, personId: amara, startsOn: '2024-05-01', feePence: null })).memberships[0]!.terms[0]!;
    const paid = await temp.call('members.recordFee', { termId, version, feePence: 2000, paidOn: '2024-05-14' });
    expect(paid.memberships[0]!.terms[0]).toMatchObject({ feePence: 2000, paidOn: '2024-05-14' });
  });
});

describe('the training requirement', () => {
  it('counts the required course attended before joining', async () => {
    const amara = await person('Amara');
    await sessionOn('2024-03-01', core, [amara]);
    await join(amara, '2024-05-01');
    expect(training(await asOf(amara, '2024-05-01'))).toMatchObject({ outcome: 'trained', attendedOn: '2024-03-01', dueBy: '2024-11-01' });
  });

  it('counts attendance on the last day of the window, not one day later', async () => {
    const [onTime, late] = [await person('Amara'), await person('Bilal')];
    onDay('2024-05-01');
    await join(onTime, '2024-05-01');
    await join(late, '2024-05-01');
    await sessionOn('2024-11-01', core, [onTime]);
    await sessionOn('2024-11-02', core, [late]);
    expect(training(await asOf(onTime, '2024-12-01'))).toMatchObject({ outcome: 'trained', attendedOn: '2024-11-01' });
    expect(training(await asOf(late, '2024-12-01'))).toMatchObject({ outcome: 'not_trained', attendedOn: '2024-11-02' });
    // On the due day itself, before the late session, Bilal was still due.
    expect(training(await asOf(late, '2024-11-01'))).toMatchObject({ outcome: 'due' });
  });

  it('does not count a booked member who never came, a different course, an undone sign-in, or a cancelled session', async () => {
    const [absent, otherCourse, undone, cancelled] = [await person('Amara'), await person('Bilal'), await person('Chen'), await person('Dana')];
    onDay('2024-05-01');
    for (const id of [absent, otherCourse, undone, cancelled]) await join(id, '2024-05-01');
    const coreSession = await sessionOn('2024-06-10', core, [undone], [absent]);
    await temp.call('signIn.undo', { sessionId: coreSession.id, personId: undone });
    await sessionOn('2024-06-11', firstAid, [otherCourse]);
    const dropped = await sessionOn('2024-06-12', core, [cancelled]);
    await temp.call('sessions.update', {
      id: dropped.id,
      version: (await temp.call('sessions.get', { id: dropped.id })).version,
      fields: { courseId: core.id, venueId: venue.id, startsAt: dropped.startsAt, endsAt: dropped.endsAt, capacity: 20, facilitators: ['Sam Okafor'], status: 'cancelled' },
    });

    for (const id of [absent, otherCourse, undone, cancelled]) {
      expect(training(await asOf(id, '2024-07-01'))).toMatchObject({ outcome: 'due', attendedOn: null });
      expect(training(await asOf(id, '2024-11-02'))).toMatchObject({ outcome: 'not_trained', attendedOn: null });
    }
    const due = await temp.call('members.list', { schemeId: allies.id, asOf: '2024-10-15', dueSoon: true });
    expect(due.map((row) => row.training.dueBy)).toEqual(['2024-11-01', '2024-11-01', '2024-11-01', '2024-11-01']);
    expect(await temp.call('members.list', { schemeId: allies.id, asOf: '2024-07-01', dueSoon: true })).toHaveLength(0);
    expect(await temp.call('members.list', { schemeId: allies.id, asOf: '2024-11-02', training: 'not_trained' })).toHaveLength(4);
  });

  it("counts a duplicate's attendance for the person they were merged into", async () => {
    const [kept, duplicate] = [await person('Amara'), await person('Amara')];
    onDay('2024-05-01');
    await join(kept, '2024-05-01');
    await sessionOn('2024-06-10', core, [duplicate]);
    await temp.call('sync.resolveDuplicate', { keepId: kept, otherId: duplicate, action: 'merge' });
    expect(training(await asOf(kept, '2024-07-01'))).toMatchObject({ outcome: 'trained', attendedOn: '2024-06-10' });
  });

  it('marks a joining exempt with the reason the office typed, and a reason is required', async () => {
    const amara = await person('Amara');
    onDay('2024-05-01');
    await join(amara, '2024-05-01');
    onDay('2025-05-01');
    const renewed = await temp.call('members.renew', { schemeId: allies.id, personId: amara });
    const renewalId = renewed.memberships[0]!.terms[1]!.id;
    // The reason goes on the term they joined with, so the version sent is that term's.
    const version = renewed.memberships[0]!.terms[0]!.version;
    expect((await refusedWritingNothing(temp, 'members.exempt', { termId: renewalId, version, reason: '  ' })).message).toBe('Enter the reason for the exemption.');
    const exempt = await temp.call('members.exempt', { termId: renewalId, version, reason: 'Completed the course with another provider' });
    // The reason is kept on the term they joined with.
    expect(exempt.memberships[0]!.terms.map((term) => term.exemptReason)).toEqual(['Completed the course with another provider', null]);
    expect(training(exempt)).toMatchObject({ outcome: 'exempt', exemptReason: 'Completed the course with another provider' });
    expect(await temp.call('members.list', { training: 'exempt' })).toHaveLength(1);
  });
});

describe('booking members due soon', () => {
  it('books them onto the next session of the required course by the normal rules, waiting ones at the front with the reason', async () => {
    const [amara, bilal, chen] = [await person('Amara'), await person('Bilal'), await person('Chen')];
    onDay('2024-05-01');
    await join(amara, '2024-05-01');
    await join(bilal, '2024-05-01');
    onDay('2024-10-01');
    // An earlier session of another course, and a full-up later one of the required course.
    await temp.call('sessions.create', { courseId: firstAid.id, venueId: venue.id, startsAt: '2024-10-08T10:00', endsAt: '2024-10-08T12:00', capacity: 5, facilitators: [], status: 'scheduled' });
    const next = await temp.call('sessions.create', { courseId: core.id, venueId: venue.id, startsAt: '2024-10-10T10:00', endsAt: '2024-10-10T13:00', capacity: 2, facilitators: [], status: 'scheduled' });
    await temp.call('signIn.book', { sessionId: next.id, personId: chen });
    const booked = await temp.call('members.book', { schemeId: allies.id, personIds: [amara, bilal], priorityReason: 'Membership: core training due by 1 November' });
    expect(booked).toMatchObject({ sessionId: next.id, courseTitle: 'Cultural competency', startsAt: '2024-10-10T10:00' });
    expect(booked.people.map((row) => row.outcome).sort()).toEqual(['booked', 'waitlisted']);
    const roster = await temp.call('signIn.roster', { sessionId: next.id });
    const waiting = roster.entries.filter((entry) => entry.state === 'waitlisted');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ waitlistPosition: 1, priorityReason: 'Membership: core training due by 1 November' });
    // Booking them again changes nothing.
    const again = await temp.call('members.book', { schemeId: allies.id, personIds: [amara, bilal] });
    expect(again.people.map((row) => row.outcome)).toEqual(['already', 'already']);
  });
});

describe('the members list download', () => {
  it('has the rows the filtered list shows', async () => {
    const [amara, bilal] = [await person('Amara'), await person('Bilal')];
    onDay('2024-05-01');
    await join(amara, '2024-05-01');
    await join(bilal, '2024-05-01');
    await sessionOn('2024-06-10', core, [bilal]);
    const file = await temp.call('exports.download', { list: 'members', format: 'csv', schemeId: allies.id, asOf: '2024-07-01', training: 'due' });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text).toContain('Name,Email,Scheme,Status,Organisation,Term starts,Term ends,Joined,Training,Training due by,Attended,Exempt because');
    expect(text).toContain('Amara Okafor,,Allies,Current,,2024-05-01,2025-04-30,2024-05-01,Due,2024-11-01,,');
    expect(text).not.toContain('Bilal');
  });
});

describe('refusals', () => {
  it('refuses bad input in a plain sentence and writes nothing', async () => {
    const amara = await person('Amara');
    onDay('2024-05-01');
    await join(amara, '2024-05-01');
    const { id: termId, version } = (await asOf(amara, '2024-05-01')).memberships[0]!.terms[0]!;
    const unknown = '0195f0a4-3b2c-7d1e-8f00-000000000009';

    expect((await refusedWritingNothing(temp, 'members.join', { schemeId: unknown, personId: amara, startsOn: '2024-05-01' })).message).toBe(
      'Choose the membership scheme again: that one could not be found.',
    );
    expect((await refusedWritingNothing(temp, 'schemes.create', { name: 'Champions', requiredCourseIds: [unknown] })).message).toBe(
      'Choose the required courses again: one of them could not be found.',
    );
    expect((await refusedWritingNothing(temp, 'members.renew', { schemeId: allies.id, personId: amara, startsOn: '2024-03-01' })).message).toContain(
      'a renewal comes after the term it renews',
    );
    expect((await refusedWritingNothing(temp, 'members.renew', { schemeId: allies.id, personId: amara, startsOn: '2024-09-01' })).message).toContain(
      'already a member from 1 May 2024 to 30 April 2025',
    );
    expect((await refusedWritingNothing(temp, 'members.cancel', { termId, version, cancelledOn: '2024-04-01' })).message).toBe(
      'The term starts on 1 May 2024, so it cannot be cancelled before then.',
    );
    expect((await refusedWritingNothing(temp, 'members.join', { schemeId: allies.id, personId: amara, startsOn: '2025-06-01' })).message).toContain(
      "Renew Amara's membership instead",
    );
    expect((await refusedWritingNothing(temp, 'schemes.create', { name: 'allies', requiredCourseIds: [core.id] })).message).toBe('Choose another name: there is already a scheme called Allies.');
    expect((await refusedWritingNothing(temp, 'schemes.update', { id: allies.id, version: (await temp.call('schemes.get', { id: allies.id })).version, fields: { name: 'Allies', requiredCourseIds: [core.id], windowMonths: 0 } })).message).toBe(
      'Enter a window of at least 1 month.',
    );
    expect(countRows(temp.sqlite, 'membership_terms')).toBe(1);
  });

  it('is the office only: a laptop is refused, in plain words', async () => {
    const laptop = await tempCore();
    try {
      await laptop.call('device.setUp', { role: 'laptop', name: 'Hall laptop' });
      for (const [name, input] of [
        ['schemes.list', {}],
        ['members.list', {}],
        ['schemes.create', { name: 'Allies', requiredCourseIds: [core.id] }],
      ] as const) {
        const error = await refusal(laptop.dispatch, name, input);
        expect(error).toMatchObject({ code: 'NOT_ALLOWED', message: 'Ask the central office: it keeps membership schemes and members, so this laptop cannot see or change them.' });
      }
      expect(countRows(laptop.sqlite, 'membership_schemes')).toBe(0);
    } finally {
      await laptop.cleanup();
    }
  });

  it('updates a scheme: a new window applies to the training rule from then on', async () => {
    const amara = await person('Amara');
    onDay('2024-05-01');
    await join(amara, '2024-05-01');
    const updated = await temp.call('schemes.update', { id: allies.id, version: (await temp.call('schemes.get', { id: allies.id })).version, fields: { name: 'Allies', requiredCourseIds: [core.id, firstAid.id], windowMonths: 3, yearStarts: '05-01' } });
    expect(updated).toMatchObject({ windowMonths: 3, requiredCourses: [{ title: 'Cultural competency' }, { title: 'First aid' }] });
    expect(training(await asOf(amara, '2024-05-01')).dueBy).toBe('2024-08-01');
  });
});
