import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/contract';
import { equalityAnsweredOnTwoLaptops, TWO_ANSWERS } from '../support/equality';
import { asIncoming, enrolLaptop, sendPackage, type SyncWorld } from '../support/sync';
import { byHeading, bytesOfFile, csvRows, startsWithBom, xlsxRows } from '../support/spreadsheets';
import { tempCore, type TempCore } from '../support/temp-core';

/**
 * Every list a screen shows can be downloaded as a spreadsheet or a CSV file.
 * The files are read back with the same libraries, as a person's spreadsheet
 * program (or Fieldbook's own import) would read them.
 */

let office: TempCore;
let laptop: TempCore;
let sessionId = '';

const download = async (core: TempCore, input: ProcedureInput<'exports.download'>) => bytesOfFile(await core.call('exports.download', input));

beforeAll(async () => {
  office = await tempCore({ setUp: true });
  const clinic = await office.call('organisations.create', { name: 'Riverside Clinic', sector: 'statutory' });
  const siobhan = await office.call('people.create', {
    givenName: 'Siobhán',
    familyName: "O'Brien",
    email: 'siobhan@example.org',
    organisationId: clinic.id,
    membershipJoinedOn: '2025-09-01',
  });
  const prankster = await office.call('people.create', { givenName: '=HYPERLINK("http://evil.example","Click")', familyName: 'Smith' });
  const course = await office.call('courses.create', { title: 'First aid', durationMinutes: 180, learningOutcomes: ['Call for help'] });
  const venue = await office.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
  const session = await office.call('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    startsAt: '2026-03-12T10:00',
    endsAt: '2026-03-12T13:00',
    capacity: 1,
    facilitators: ['Sam Okafor'],
  });
  sessionId = session.id;
  await office.call('signIn.book', { sessionId, personId: siobhan.id });
  await office.call('signIn.signIn', { sessionId, personId: siobhan.id });
  // The one place is taken, so the next person waits.
  await office.call('signIn.book', { sessionId, personId: prankster.id });
  laptop = await enrolLaptop(office, 'Hall laptop 2');
  await sendPackage(office, laptop);
});

afterAll(async () => {
  for (const core of [office, laptop]) await core?.cleanup();
});

describe('the people list', () => {
  it('downloads as a spreadsheet with plain headings, names intact and dates as real dates', async () => {
    const rows = await xlsxRows(await download(office, { list: 'people', format: 'xlsx', query: '' }));
    expect(rows[0]).toEqual(['Given name', 'Family name', 'Preferred name', 'Organisation', 'Email', 'Phone', 'Member since']);
    const siobhan = byHeading(rows).find((row) => row['Family name'] === "O'Brien");
    expect(siobhan).toMatchObject({ 'Given name': 'Siobhán', Organisation: 'Riverside Clinic', Email: 'siobhan@example.org' });
    expect(siobhan!['Member since']).toEqual(new Date('2025-09-01T00:00:00Z'));
  });

  it('downloads as UTF-8 CSV with a byte-order mark, and a name typed as a formula stays text', async () => {
    const bytes = await download(office, { list: 'people', format: 'csv', query: '' });
    expect(startsWithBom(bytes)).toBe(true);
    const rows = byHeading(csvRows(bytes));
    expect(rows.map((row) => row['Given name'])).toEqual(expect.arrayContaining(['Siobhán', `'=HYPERLINK("http://evil.example","Click")`]));
    expect(rows.find((row) => row['Given name'] === 'Siobhán')!['Member since']).toBe('2025-09-01');
    // Nothing in the file starts a cell with a formula character.
    expect(csvRows(bytes).flat().filter((value) => /^[=+\-@\t\r]/.test(value))).toEqual([]);
  });

  it('follows the search the screen shows', async () => {
    const rows = byHeading(csvRows(await download(office, { list: 'people', format: 'csv', query: 'sio' })));
    expect(rows.map((row) => row['Family name'])).toEqual(["O'Brien"]);
  });
});

describe("a session's roster", () => {
  it('has the columns of the printed sign-in sheet first, then where each person stands', async () => {
    const file = await office.call('exports.download', { list: 'roster', format: 'xlsx', sessionId });
    expect(file.fileName).toBe('Roster First aid 2026-03-12.xlsx');
    const rows = await xlsxRows(bytesOfFile(file));
    expect(rows[0]!.slice(0, 3)).toEqual(['Name', 'Organisation', 'Signature']);
    const siobhan = byHeading(rows).find((row) => row.Name === "Siobhán O'Brien");
    expect(siobhan).toMatchObject({ Organisation: 'Riverside Clinic', Status: 'Signed in', Course: 'First aid', Venue: 'Riverside Hall' });
    expect(siobhan!.Signature).toBeNull();
    expect(siobhan!['Session starts']).toEqual(new Date('2026-03-12T10:00:00Z'));
    expect(siobhan!['Signed in at']).toBeInstanceOf(Date);
  });

  it('has its waiting list, in order, as a list of its own', async () => {
    const rows = byHeading(csvRows(await download(office, { list: 'waitlist', format: 'csv', sessionId })));
    expect(rows).toEqual([expect.objectContaining({ Number: '1', Name: `'=HYPERLINK("http://evil.example","Click") Smith`, Status: 'Waiting list' })]);
  });
});

describe('on a laptop', () => {
  it('the lists a laptop has download there too', async () => {
    for (const list of ['people', 'organisations', 'sessions', 'requests'] as const) {
      const file = await laptop.call('exports.download', { list, format: 'csv' });
      expect(startsWithBom(bytesOfFile(file))).toBe(true);
    }
    const roster = byHeading(await xlsxRows(await download(laptop, { list: 'roster', format: 'xlsx', sessionId })));
    expect(roster.map((row) => row.Name)).toContain("Siobhán O'Brien");
  });

  it("the office's own lists are refused in plain words, as their screens are", async () => {
    const result = await laptop.dispatch('exports.download', { list: 'importLog', format: 'xlsx' });
    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_DEVICE_ROLE' } });
  });
});

describe('while the laptop is a kiosk', () => {
  it('nothing can be downloaded, so a participant cannot take the lists away', async () => {
    await office.call('kiosk.start', { sessionId, pin: '2468', mode: 'sign_in' });
    try {
      const result = await office.dispatch('exports.download', { list: 'people', format: 'csv' });
      expect(result).toMatchObject({ ok: false, error: { code: 'KIOSK_LOCKED' } });
    } finally {
      await office.call('kiosk.exit', { pin: '2468' });
    }
  });
});

describe('bad input', () => {
  it('an unknown list is refused with the lists there are', async () => {
    const result = await office.dispatch('exports.download', { list: 'invoices', format: 'csv' });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringMatching(/^Choose which list to download: people, .*members\.$/) }),
    });
  });

  it('a roster without its session is refused, naming what is missing', async () => {
    const result = await office.dispatch('exports.download', { list: 'roster', format: 'xlsx' });
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Choose the session to download.', fields: { sessionId: 'Choose the session to download.' } } });
  });

  it('a format other than a spreadsheet or CSV is refused', async () => {
    const result = await office.dispatch('exports.download', { list: 'people', format: 'pdf' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'Choose a spreadsheet (xlsx) or a CSV file.' } });
  });

  it('a session that does not exist is not found', async () => {
    const result = await office.dispatch('exports.download', { list: 'roster', format: 'csv', sessionId: '0195f0a4-3b2c-7d1e-8f00-0123456789ab' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Choose the session again: that one could not be found.' } });
  });
});

describe("the office's review lists", () => {
  let world: SyncWorld;
  beforeAll(async () => {
    world = await equalityAnsweredOnTwoLaptops();
  });
  afterAll(async () => world?.cleanup());

  it('an equality answer changed on two laptops is listed without either answer or whose it was', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const bytes = await download(world.office, { list: 'conflicts', format });
      const rows = format === 'xlsx' ? await xlsxRows(bytes) : csvRows(bytes);
      const equality = byHeading(rows).filter((row) => row.Record === 'An equality answer');
      expect(equality.length).toBeGreaterThan(0);
      expect(equality[0]).toMatchObject({ Field: 'Ethnicity', 'Kept from': expect.stringMatching(/Hall laptop/) });
      const everything = JSON.stringify(rows);
      for (const answer of TWO_ANSWERS) expect(everything).not.toContain(answer);
      expect(everything).not.toContain('Amira');
    }
  });

  it('the import log lists each file imported', async () => {
    const rows = byHeading(await xlsxRows(await download(world.office, { list: 'importLog', format: 'xlsx' })));
    expect(rows.map((row) => row.From).sort()).toEqual(['Hall laptop 1', 'Hall laptop 2']);
    expect(rows.every((row) => row.Outcome === 'Imported' && row.When instanceof Date)).toBe(true);
  });

  it('the same walk-in added on two laptops is listed as a possible duplicate', async () => {
    const [first, second] = world.laptops;
    const today = (await first!.call('signIn.today', {}))[0]!.session.id;
    for (const laptop of [first!, second!]) {
      await laptop.call('signIn.addWalkIn', { sessionId: today, person: { givenName: 'Tomasz', familyName: 'Nowak', email: 'tomasz@example.org' }, confirmedNew: true });
      await world.office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
    }
    const rows = byHeading(csvRows(await download(world.office, { list: 'duplicates', format: 'csv' })));
    expect(rows).toContainEqual(expect.objectContaining({ 'First person': 'Tomasz Nowak', 'Second person': 'Tomasz Nowak' }));
  });
});
