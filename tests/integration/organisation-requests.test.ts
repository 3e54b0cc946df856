import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Course, Organisation, Venue } from '../../shared/contract';
import { refusedWritingNothing } from '../support/bookings';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * Organisations asking for the course to be delivered to their own staff:
 * a queue in order of arrival, declined with a reason or scheduled as a
 * session with the organisation's places held.
 */

let temp: TempCore;
let course: Course;
let venue: Venue;
let council: Organisation;
let carers: Organisation;
let ageConcern: Organisation;

beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  course = await temp.call('courses.create', { title: 'Cultural competency', durationMinutes: 180, learningOutcomes: ['Listen first'] });
  venue = await temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
  council = await temp.call('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
  carers = await temp.call('organisations.create', { name: 'Gateshead Carers', sector: 'vcse' });
  ageConcern = await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
});

afterEach(async () => {
  await temp.cleanup();
});

async function request(organisation: Organisation, staffCount: number) {
  const created = await temp.call('requests.create', {
    organisationId: organisation.id,
    courseId: course.id,
    contactName: 'Priya Shah',
    contactEmail: 'priya@example.org',
    staffCount,
    preferredDates: 'May or June, not Fridays',
  });
  temp.clock.advance(60 * 60_000);
  return created;
}

const slot = { startsAt: '2026-05-06T09:30', endsAt: '2026-05-06T12:30', facilitators: ['Sam Okafor'] };

describe('organisation requests', () => {
  it('queue in order of arrival, each showing its place in the queue', async () => {
    const first = await request(council, 12);
    const second = await request(carers, 6);
    const third = await request(ageConcern, 8);
    expect(first).toMatchObject({ status: 'waiting', queuePosition: 1, staffCount: 12, organisationName: 'Newcastle City Council', courseTitle: 'Cultural competency' });

    const list = await temp.call('requests.list', {});
    expect(list.map((item) => [item.id, item.queuePosition])).toEqual([
      [first.id, 1],
      [second.id, 2],
      [third.id, 3],
    ]);
    expect(list[1]).toMatchObject({ contactName: 'Priya Shah', contactEmail: 'priya@example.org', preferredDates: 'May or June, not Fridays', notes: null });
  });

  it('refuses a request for an organisation or course that does not exist, writing nothing', async () => {
    const error = await refusedWritingNothing(temp, 'requests.create', {
      organisationId: '01950000-0000-7000-8000-000000000000',
      courseId: course.id,
      contactName: 'Priya Shah',
      staffCount: 4,
    });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { organisationId: 'Choose an organisation from the list.' } });
  });

  it('need a reason to be declined, and then leave the queue', async () => {
    const first = await request(council, 12);
    const second = await request(carers, 6);
    const silent = await refusedWritingNothing(temp, 'requests.decline', { id: first.id, reason: '  ' });
    expect(silent).toMatchObject({ code: 'INVALID_INPUT', message: 'Enter the reason.' });

    const declined = await temp.call('requests.decline', { id: first.id, reason: 'We only deliver in Tyne and Wear' });
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'We only deliver in Tyne and Wear', queuePosition: null, sessionId: null });
    expect((await temp.call('requests.list', { status: 'waiting' })).map((item) => [item.id, item.queuePosition])).toEqual([[second.id, 1]]);
    expect((await temp.call('requests.list', { status: 'declined' })).map((item) => item.id)).toEqual([first.id]);
  });

  it('when scheduled, create a session with the organisation’s staff places held', async () => {
    const asked = await request(council, 12);
    const scheduled = await temp.call('requests.schedule', { id: asked.id, venueId: venue.id, capacity: 15, ...slot });
    expect(scheduled).toMatchObject({ status: 'scheduled', queuePosition: null, sessionId: expect.any(String) });

    const session = await temp.call('sessions.get', { id: scheduled.sessionId! });
    expect(session).toMatchObject({ courseId: course.id, venueId: venue.id, capacity: 15, status: 'scheduled', ...slot });
    expect(await temp.call('bookings.groups', { sessionId: session.id })).toEqual([
      { id: expect.any(String), organisationId: council.id, organisationName: 'Newcastle City Council', places: 12, named: [] },
    ]);
    const roster = await temp.call('signIn.roster', { sessionId: session.id });
    expect(roster.counts).toMatchObject({ capacity: 15, groupPlaces: 12, booked: 0, seatsLeft: 3 });
  });

  it('refuse a session with fewer places than the organisation’s staff, writing nothing', async () => {
    const asked = await request(council, 12);
    const error = await refusedWritingNothing(temp, 'requests.schedule', { id: asked.id, venueId: venue.id, capacity: 11, ...slot });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', fields: { capacity: 'Enter at least 12 places.' } });
    expect(error.message).toMatch(/at least 12 places/);
  });

  it('cannot be scheduled or declined again once scheduled or declined', async () => {
    const scheduled = await request(council, 4);
    const declined = await request(carers, 4);
    await temp.call('requests.schedule', { id: scheduled.id, venueId: venue.id, capacity: 10, ...slot });
    await temp.call('requests.decline', { id: declined.id, reason: 'Asked to withdraw' });

    for (const [id, status] of [[scheduled.id, 'scheduled'], [declined.id, 'declined']] as const) {
      const again = await refusedWritingNothing(temp, 'requests.schedule', { id, venueId: venue.id, capacity: 10, ...slot });
      expect(again).toMatchObject({ code: 'CONFLICT', message: `No need to do it again: this request is already ${status}.` });
      const decline = await refusedWritingNothing(temp, 'requests.decline', { id, reason: 'Duplicate' });
      expect(decline.code).toBe('CONFLICT');
    }
    expect(await temp.call('sessions.list', { from: '2026-01-01' })).toHaveLength(1);
  });
});
