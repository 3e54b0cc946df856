import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportChoice } from '../../shared/contract';
import { localTime } from '../support/bookings';
import { reportWorld } from '../support/reports';
import { xlsxRows } from '../support/spreadsheets';
import { dumpDatabase, tempCore, testClock, type TempCore } from '../support/temp-core';

/**
 * The demand report after an erasure: its waitlists and released places rest
 * on bookings, which go with the person. October 2025: a session of one
 * place, Ana booked, Ben and Cat on its waitlist; on the day Ana does not
 * come and her place goes to Ben, who is in the room. Ben is erased on
 * 2 December 2026: the report counts one fewer on a waitlist, and no released
 * place given, and says so; a day before the session, another month or an
 * organisation he was not from says nothing; nothing kept names him.
 */

let temp: TempCore;
beforeEach(async () => {
  temp = await tempCore({ setUp: true, clock: testClock('2025-08-01T09:00:00.000Z') });
});
afterEach(async () => {
  for (const logged of temp.loggedErrors) console.error(logged.error);
  await temp.cleanup();
});

const october = (asOf: string, filters: ReportChoice['filters'] = {}): ReportChoice => ({
  kind: 'demand',
  period: { kind: 'custom', from: '2025-10-01', to: '2025-10-31' },
  asOf,
  filters,
});
const erasureNotes = (notes: string[]) => notes.filter((note) => note.includes('erased'));
const BEN_ERASED = '1 waitlist entry and 1 released place given by 1 person erased since 2 December 2026 are no longer counted, so figures printed before then may be higher.';

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

async function erase(personId: string) {
  temp.clock.set('2026-12-02T10:00:00.000Z');
  await temp.call('erasure.erase', { personIds: [personId], reason: 'Asked to be forgotten', erasedBy: 'Priya at the office' });
}

describe('the demand report after an erasure', () => {
  it('counts one fewer on the waitlist and says so; an earlier day or another organisation says nothing', async () => {
    const { nhs, charity, ben } = await octoberWithAWaitlist();
    const before = await temp.call('reports.run', october('2025-10-31'));
    expect(before.data).toMatchObject({ waitlisted: 2, waitlistPlaced: 1, placesReleased: 1, releasedPlacesTaken: 1 });
    expect(erasureNotes(before.notes)).toEqual([]);

    await erase(ben);

    const after = await temp.call('reports.run', october('2025-10-31'));
    expect(after.data).toMatchObject({ waitlisted: 1, waitlistPlaced: 0, placesReleased: 1, releasedPlacesTaken: 0 });
    expect(erasureNotes(after.notes)).toEqual([BEN_ERASED]);
    // His organisation and sector say so; the other organisation's figures are as they were.
    expect(erasureNotes((await temp.call('reports.run', october('2025-10-31', { organisationId: nhs.id }))).notes)).toEqual([BEN_ERASED]);
    expect(erasureNotes((await temp.call('reports.run', october('2025-10-31', { sector: 'statutory' }))).notes)).toEqual([BEN_ERASED]);
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
});
