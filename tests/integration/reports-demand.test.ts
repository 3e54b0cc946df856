import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportChoice, Session } from '../../shared/contract';
import { localTime } from '../support/bookings';
import { reportWorld } from '../support/reports';
import { tempCore, testClock, type TempCore } from '../support/temp-core';

/**
 * The demand report on October 2025, built so every figure is known: a
 * session that filled the day after it opened, whose waitlist got places
 * (one by an offer taken up eight days on, one released at the venue
 * sixteen days on); a session of another course that filled only after a
 * fortnight; a cancelled session whose waitlist does not count; a person on
 * two waitlists under two records, later merged; and requests waiting.
 */

let temp: TempCore;
const october = (asOf: string): ReportChoice => ({ kind: 'demand', period: { kind: 'custom', from: '2025-10-01', to: '2025-10-31' }, asOf, filters: {} });

beforeAll(async () => {
  // Set up before the sessions open: a session's opening is read from the device's clock stamps, which never go back.
  temp = await tempCore({ setUp: true, clock: testClock('2025-08-01T09:00:00.000Z') });
  const world = await reportWorld(temp);
  const firstAid = await temp.call('courses.create', { title: 'First aid', durationMinutes: 120, learningOutcomes: ['Call for help'] });
  const nhs = await temp.call('organisations.create', { name: 'City NHS Trust', sector: 'statutory' });
  const at = (day: string, time = '09:00') => temp.clock.set(localTime(day, time));
  const sessionOf = (day: string, courseId: string, capacity: number): Promise<Session> =>
    temp.call('sessions.create', { courseId, venueId: world.venue.id, contractId: null, startsAt: `${day}T10:00`, endsAt: `${day}T13:00`, capacity, facilitators: ['Sam Okafor'] });
  const book = (session: Session, personId: string) => temp.call('signIn.book', { sessionId: session.id, personId });

  at('2025-10-01');
  const busy = await sessionOf('2025-10-20', world.course.id, 2);
  const slow = await sessionOf('2025-10-25', firstAid.id, 1);
  const quiet = await sessionOf('2025-10-27', world.course.id, 5);
  const dropped = await sessionOf('2025-10-28', world.course.id, 1);
  const people: string[] = [];
  for (const name of ['Ana', 'Ben', 'Cat', 'Dan', 'Cathy', 'Fred', 'Gwen']) people.push(await world.person(name, nhs.id));
  const [ana, ben, cat, dan, cathy, fred, gwen] = people;

  at('2025-10-02');
  await book(busy, ana!);
  await book(busy, ben!); // full the day after opening
  await book(quiet, fred!);
  await book(dropped, fred!);
  await book(dropped, gwen!); // waiting on a session later cancelled
  at('2025-10-03');
  await book(busy, cat!); // joins the waitlist
  at('2025-10-04');
  await book(busy, dan!); // joins the waitlist
  at('2025-10-06');
  await temp.call('signIn.cancelBooking', { sessionId: busy.id, personId: ana! }); // Cat is offered the place
  at('2025-10-11');
  await temp.call('bookings.acceptOffer', { sessionId: busy.id, personId: cat! }); // 8 days after joining
  at('2025-10-15');
  await book(slow, ben!); // full a fortnight after opening
  at('2025-10-16');
  await book(slow, cathy!); // Cat's duplicate record waits for first aid
  await temp.call('sync.resolveDuplicate', { keepId: cat!, otherId: cathy!, action: 'merge' });

  const { courseId, venueId, startsAt, endsAt, capacity, facilitators } = dropped;
  await temp.call('sessions.update', { id: dropped.id, version: (await temp.call('sessions.get', { id: dropped.id })).version, fields: { courseId, venueId, startsAt, endsAt, capacity, facilitators, status: 'cancelled' } });

  // On the day: Ben does not come; Dan is in the room and gets the released place, 16 days after joining.
  at('2025-10-20', '10:05');
  await temp.call('signIn.signIn', { sessionId: busy.id, personId: cat! });
  await temp.call('signIn.signIn', { sessionId: busy.id, personId: dan! });
  await temp.call('bookings.releaseNoShows', { sessionId: busy.id });

  const request = (courseId: string) =>
    temp.call('requests.create', { organisationId: nhs.id, courseId, contactName: 'Pat Jones', staffCount: 12 });
  at('2025-09-01');
  await request(world.course.id); // waiting 60 days on 31 October
  at('2025-09-15');
  const declined = await request(firstAid.id);
  at('2025-10-10');
  await request(firstAid.id); // waiting 21 days
  await temp.call('requests.decline', { id: declined.id, reason: 'We do not run that course in-house.' });
  at('2025-11-01');
  await request(world.course.id); // after the as-of date
}, 120_000);

afterAll(async () => {
  for (const logged of temp.loggedErrors) console.error(logged.error);
  await temp.cleanup();
});

describe('the demand report', () => {
  it('counts waitlists, days to a place, places released, requests waiting and sessions that filled fast', async () => {
    const report = await temp.call('reports.run', october('2025-10-31'));
    expect(report.title).toBe('Demand');
    expect(report.data).toMatchObject({
      waitlisted: 2, // Cat (under both her records) and Dan; Gwen's session was cancelled
      waitlistPlaced: 2,
      medianDaysToPlace: 12,
      placesReleased: 1,
      releasedPlacesTaken: 1,
      requestsWaiting: 2,
      requestsMedianDaysWaiting: 40.5,
      requestsLongestDaysWaiting: 60,
      sessions: 3,
      sessionsFullWithin7Days: 1,
    });
    expect(report.data.waitlistByCourse).toEqual([
      { name: 'Cultural competency', waitlisted: 2, placed: 2 },
      { name: 'First aid', waitlisted: 1, placed: 0 },
    ]);
    expect(report.data.waitlistBySession).toEqual([
      { course: 'Cultural competency', startsAt: '2025-10-20T10:00', venue: "St Mark's Church Hall", waitlisted: 2, placed: 2 },
      { course: 'First aid', startsAt: '2025-10-25T10:00', venue: "St Mark's Church Hall", waitlisted: 1, placed: 0 },
    ]);
    expect(report.data.requestsByCourse).toEqual([
      { course: 'Cultural competency', waiting: 1, medianDays: 60, longestDays: 60 },
      { course: 'First aid', waiting: 1, medianDays: 21, longestDays: 21 },
    ]);
    expect(report.definitions.map((definition) => definition.term)).toContain('Full within 7 days of opening');
  });

  it('counts as things stood on an earlier day', async () => {
    // On 5 October no session of the month had been held yet. One request was waiting 34 days; the one declined later reads as declined, as a request's history is not kept.
    const report = await temp.call('reports.run', october('2025-10-05'));
    expect(report.notes).toContain('No sessions in this period.');
    expect(report.data).toMatchObject({ waitlisted: 0, sessions: 0, requestsWaiting: 1, requestsLongestDaysWaiting: 34 });
  });

  it('exports the same numbers', async () => {
    const file = await temp.call('reports.export', { choice: october('2025-10-31'), format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(book.getWorksheet('Waitlists by course')!.getRow(2).values).toEqual([undefined, 'Cultural competency', 2, 2]);
    const summary = book.getWorksheet('Summary')!;
    const figure = (label: string) => summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).value === label)!.getCell(2).value;
    expect(figure('Median days from the waitlist to a place')).toBe(12);
    expect(figure('Sessions full within 7 days of opening')).toBe(1);
    const csv = Buffer.from((await temp.call('reports.export', { choice: october('2025-10-31'), format: 'csv' })).contentBase64, 'base64').toString('utf8');
    expect(csv).toContain('Organisation requests waiting,2');
  });
});
