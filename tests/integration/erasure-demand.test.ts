import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { ReportChoice } from '../../shared/contract';
import { localTime } from '../support/bookings';
import { reportWorld } from '../support/reports';
import { xlsxRows } from '../support/spreadsheets';
import { dumpDatabase, testClock } from '../support/temp-core';
import { tempCoreForEachTest } from '../support/each-test';

/**
 * The demand report after an erasure: its waitlists and released places rest
 * on bookings, which go with the person. October 2025: a session of one
 * place, Ana booked, Ben and Cat on its waitlist; on the day Ana does not
 * come and her place goes to Ben, who is in the room. Ben is erased on
 * 2 December 2026: the report counts one fewer on a waitlist, and no released
 * place given, and says so; a day before the session, another month or an
 * organisation he was not from says nothing; nothing kept names him.
 *
 * November 2025: a session of two places opened on 1 November, full on the
 * 3rd with Dee's and Fay's bookings, and Gus on its waitlist from the 12th.
 * Fay is erased: the session now reads as full only on the 12th, so it is no
 * longer one of the sessions full within 7 days of opening, and the report
 * says so. And a wait erased beside another of the same length leaves the
 * median as it was, so the note says nothing of the median.
 */

const temp = tempCoreForEachTest(() => ({ setUp: true, clock: testClock('2025-08-01T09:00:00.000Z') }));

const october = (asOf: string, filters: ReportChoice['filters'] = {}): ReportChoice => ({
  kind: 'demand',
  period: { kind: 'custom', from: '2025-10-01', to: '2025-10-31' },
  asOf,
  filters,
});
const erasureNotes = (notes: string[]) => notes.filter((note) => note.includes('erased'));
const BEN_ERASED = [
  '1 waitlist entry and 1 released place given by 1 person erased since 2 December 2026 are no longer counted, so figures printed before then may be higher.',
  // His was the one wait that got a place (17 days, 3 to 20 October): the median now has none.
  '1 wait for a place by 1 person erased since 2 December 2026 is no longer counted in the median days from the waitlist to a place, which was 17 with it, so figures printed before then may differ.',
];

async function octoberWithAWaitlist() {
  const world = await reportWorld(temp);
  const nhs = await temp.call('organisations.create', { name: 'City NHS Trust', sector: 'statutory' });
  const charity = await temp.call('organisations.create', { name: 'Refugee Welcome', sector: 'vcse' });
  const at = (day: string, time = '09:00') => temp.clock.set(localTime(day, time));
  at('2025-10-01');
  const session = await temp.call('sessions.create', {
    courseId: world.course.id, venueId: world.venue.id, contractId: null, startsAt: '2025-10-20T10:00', endsAt: '2025-10-20T13:00', capacity: 1, facilitators: ['Sam Okafor'],
  });
  const ana = await world.person('Ana', nhs.id);
  const ben = (await temp.call('people.create', { givenName: 'Benedikt', familyName: 'Quillfeather', email: 'ben.q@example.org', organisationId: nhs.id })).id;
  const cat = await world.person('Cat', charity.id);
  const book = (personId: string) => temp.call('signIn.book', { sessionId: session.id, personId });
  at('2025-10-02');
  await book(ana);
  at('2025-10-03');
  await book(ben); // joins the waitlist
  at('2025-10-04');
  await book(cat); // joins the waitlist
  // On the day Ana does not come; Ben is in the room and gets her place.
  at('2025-10-20', '10:05');
  await temp.call('signIn.signIn', { sessionId: session.id, personId: ben });
  await temp.call('bookings.releaseNoShows', { sessionId: session.id });
  return { nhs, charity, ana, ben };
}

const november = (asOf: string, filters: ReportChoice['filters'] = {}): ReportChoice => ({ ...october(asOf, filters), period: { kind: 'custom', from: '2025-11-01', to: '2025-11-30' } });

/** A November session of `capacity` places, opened (first recorded) on 1 November, and a way to book it on a given day. */
async function novemberSession(capacity: number) {
  const world = await reportWorld(temp);
  temp.clock.set(localTime('2025-11-01', '09:00'));
  const session = await temp.call('sessions.create', {
    courseId: world.course.id, venueId: world.venue.id, contractId: null, startsAt: '2025-11-20T10:00', endsAt: '2025-11-20T13:00', capacity, facilitators: ['Sam Okafor'],
  });
  const on = (day: string) => temp.clock.set(localTime(day, '09:00'));
  const book = (day: string, personId: string) => {
    on(day);
    return temp.call('signIn.book', { sessionId: session.id, personId });
  };
  return { world, session, on, book };
}

async function erase(personId: string, day = '2026-12-02') {
  temp.clock.set(`${day}T10:00:00.000Z`);
  await temp.call('erasure.erase', { personIds: [personId], reason: 'Asked to be forgotten', erasedBy: 'Priya at the office' });
}

describe('the demand report after an erasure', () => {
  it('counts one fewer on the waitlist and says so; an earlier day or another organisation says nothing', async () => {
    const { nhs, charity, ben } = await octoberWithAWaitlist();
    const before = await temp.call('reports.run', october('2025-10-31'));
    expect(before.data).toMatchObject({ waitlisted: 2, waitlistPlaced: 1, medianDaysToPlace: 17, placesReleased: 1, releasedPlacesTaken: 1 });
    expect(erasureNotes(before.notes)).toEqual([]);

    await erase(ben);

    const after = await temp.call('reports.run', october('2025-10-31'));
    expect(after.data).toMatchObject({ waitlisted: 1, waitlistPlaced: 0, medianDaysToPlace: null, placesReleased: 1, releasedPlacesTaken: 0 });
    expect(erasureNotes(after.notes)).toEqual(BEN_ERASED);
    // His organisation and sector say so; the other organisation's figures are as they were.
    expect(erasureNotes((await temp.call('reports.run', october('2025-10-31', { organisationId: nhs.id }))).notes)).toEqual(BEN_ERASED);
    expect(erasureNotes((await temp.call('reports.run', october('2025-10-31', { sector: 'statutory' }))).notes)).toEqual(BEN_ERASED);
    expect(erasureNotes((await temp.call('reports.run', october('2025-10-31', { organisationId: charity.id }))).notes)).toEqual([]);
    // As of 19 October the session had not been held, so the report counts none of it and says nothing.
    expect(erasureNotes((await temp.call('reports.run', october('2025-10-19'))).notes)).toEqual([]);
    // Another month holds none of it.
    const november = await temp.call('reports.run', { ...october('2025-11-30'), period: { kind: 'custom', from: '2025-11-01', to: '2025-11-30' } });
    expect(erasureNotes(november.notes)).toEqual([]);

    // Nothing kept for the note names him or holds his ids.
    const dump = dumpDatabase(temp.sqlite);
    for (const trace of [ben, 'Quillfeather', 'Benedikt', 'ben.q@example.org']) expect(dump.includes(trace), trace).toBe(false);
  });

  it('says when a no-show erased released a place, in the CSV and XLSX too', async () => {
    const { ana } = await octoberWithAWaitlist();
    await erase(ana);
    const note = '1 place released at the venue by 1 person erased since 2 December 2026 is no longer counted, so figures printed before then may be higher.';
    const report = await temp.call('reports.run', october('2025-10-31'));
    expect(report.data).toMatchObject({ waitlisted: 2, placesReleased: 0, releasedPlacesTaken: 1 });
    expect(erasureNotes(report.notes)).toEqual([note]);
    const csv = await temp.call('reports.export', { choice: october('2025-10-31'), format: 'csv' });
    const lines = parse(Buffer.from(csv.contentBase64, 'base64'), { bom: true, relax_column_count: true }) as string[][];
    expect(lines).toContainEqual(['Note', note]);
    const xlsx = await temp.call('reports.export', { choice: october('2025-10-31'), format: 'xlsx' });
    expect(await xlsxRows(Buffer.from(xlsx.contentBase64, 'base64'))).toContainEqual(['Note', note]);
  });

  it('says when a session full within 7 days of opening was full only with an erased person\'s place', async () => {
    const { world, book } = await novemberSession(2);
    await book('2025-11-02', await world.person('Dee'));
    const fay = (await temp.call('people.create', { givenName: 'Fayette', familyName: 'Brackenbury', email: 'fay.b@example.org' })).id;
    await book('2025-11-03', fay); // full two days after opening
    await book('2025-11-12', await world.person('Gus')); // joins the waitlist, eleven days after opening
    expect((await temp.call('reports.run', november('2025-11-30'))).data).toMatchObject({ sessions: 1, sessionsFullWithin7Days: 1 });

    await erase(fay);

    const note = '1 session is no longer counted as full within 7 days of opening: without the places of 1 person erased since 2 December 2026 it filled later or not at all, so figures printed before then may be higher.';
    const report = await temp.call('reports.run', november('2025-11-30'));
    expect(report.data).toMatchObject({ sessions: 1, sessionsFullWithin7Days: 0 });
    expect(erasureNotes(report.notes)).toEqual([note]);
    // As of 19 November the session had not been held, so the report counts none of it and says nothing.
    expect(erasureNotes((await temp.call('reports.run', november('2025-11-19'))).notes)).toEqual([]);
    // The session's figure is of its places, whoever holds them: an organisation filter (of the people waiting) still says so.
    const charity = await temp.call('organisations.create', { name: 'Refugee Welcome', sector: 'vcse' });
    expect(erasureNotes((await temp.call('reports.run', november('2025-11-30', { organisationId: charity.id }))).notes)).toEqual([note]);
    // October holds none of it.
    expect(erasureNotes((await temp.call('reports.run', october('2025-11-30'))).notes)).toEqual([]);
    const dump = dumpDatabase(temp.sqlite);
    for (const trace of [fay, 'Brackenbury', 'Fayette', 'fay.b@example.org']) expect(dump.includes(trace), trace).toBe(false);
  });

  it('says so when two erasures together made a session full only later, since the first of them', async () => {
    const { world, book } = await novemberSession(2);
    const [dee, fay, hal, gus] = [await world.person('Dee'), await world.person('Fay'), await world.person('Hal'), await world.person('Gus')];
    await book('2025-11-02', dee);
    await book('2025-11-03', fay); // full
    await book('2025-11-05', hal); // waits: full four days after opening, even without Fay
    await book('2025-11-12', gus); // waits
    await erase(fay);
    const afterFay = await temp.call('reports.run', november('2025-11-30'));
    expect(afterFay.data).toMatchObject({ sessionsFullWithin7Days: 1 });
    expect(erasureNotes(afterFay.notes)).toEqual([]);

    await erase(hal, '2026-12-05');

    const report = await temp.call('reports.run', november('2025-11-30'));
    expect(report.data).toMatchObject({ sessionsFullWithin7Days: 0 });
    expect(erasureNotes(report.notes)).toEqual([
      '1 waitlist entry by 1 person erased since 5 December 2026 is no longer counted, so figures printed before then may be higher.',
      '1 session is no longer counted as full within 7 days of opening: without the places of 2 people erased since 2 December 2026 it filled later or not at all, so figures printed before then may be higher.',
    ]);
  });

  it('says nothing of the median when the waits erased leave it as it was', async () => {
    const { world, session, on, book } = await novemberSession(1);
    const [ana, ben, cat] = [await world.person('Ana'), await world.person('Ben'), await world.person('Cat')];
    await book('2025-11-02', ana);
    await book('2025-11-03', ben); // waits
    on('2025-11-07');
    await temp.call('signIn.cancelBooking', { sessionId: session.id, personId: ana });
    await temp.call('bookings.acceptOffer', { sessionId: session.id, personId: ben }); // 4 days
    await book('2025-11-08', cat); // waits
    on('2025-11-12');
    await temp.call('signIn.cancelBooking', { sessionId: session.id, personId: ben });
    await temp.call('bookings.acceptOffer', { sessionId: session.id, personId: cat }); // 4 days too
    expect((await temp.call('reports.run', november('2025-11-30'))).data).toMatchObject({ waitlisted: 2, waitlistPlaced: 2, medianDaysToPlace: 4, sessionsFullWithin7Days: 1 });

    await erase(cat);

    const report = await temp.call('reports.run', november('2025-11-30'));
    expect(report.data).toMatchObject({ waitlisted: 1, waitlistPlaced: 1, medianDaysToPlace: 4, sessionsFullWithin7Days: 1 });
    expect(erasureNotes(report.notes)).toEqual(['1 waitlist entry by 1 person erased since 2 December 2026 is no longer counted, so figures printed before then may be higher.']);
  });
});
