import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CULTURAL_COMPETENCY_TITLE } from '../../electron/demo/catalogue-data';
import { generatePeople } from '../../electron/demo/generate-people';
import { loadDemoData } from '../../electron/demo/load-demo';
import { countRows, databaseHash, tempCore, testClock, type TempCore } from '../support/temp-core';

// A Thursday morning, local time: the demo is built around whatever "today" it is given.
const now = new Date(2026, 2, 12, 8, 15);
const today = '2026-03-12';

const daysAfterToday = (startsAt: string) => Math.round((Date.parse(startsAt.slice(0, 10)) - Date.parse(today)) / 86_400_000);

let temp: TempCore;

beforeEach(async () => {
  temp = await tempCore({ clock: testClock(now) });
});

afterEach(async () => {
  await temp.cleanup();
});

describe('demo data', () => {
  it('sets up a new folder as the central office and reports what it loaded', async () => {
    const summary = await loadDemoData(temp.dispatch, { today: now, seed: 1 });

    const { device } = await temp.call('device.status', {});
    expect(device).toMatchObject({ role: 'office', name: 'Central office (demo)' });
    expect(summary).toMatchObject({ deviceName: 'Central office (demo)', deviceSetUpNow: true, firstSessionDay: today });
    expect(summary.courses).toBeGreaterThanOrEqual(3);
    expect(summary.venues).toBe(4);
  });

  it('has the cultural-competency course with its five learning outcomes in teaching order', async () => {
    await loadDemoData(temp.dispatch, { today: now, seed: 1 });

    const [course] = await temp.call('courses.list', { query: 'Cultural Competency' });
    expect(course?.title).toBe(CULTURAL_COMPETENCY_TITLE);
    expect(course?.durationMinutes).toBe(180);
    expect(course?.learningOutcomes.map((outcome) => outcome.text)).toEqual([
      'Explore what we mean by culture',
      'Understand the diverse and intersecting characteristics of local communities',
      'Develop skills to identify barriers to accessing services',
      'Recognise good practice',
      'Feel more confident in working with different communities',
    ]);
  });

  it('schedules sessions today and through the following weeks at realistic times and sizes', async () => {
    await loadDemoData(temp.dispatch, { today: now, seed: 1 });

    const sessions = await temp.call('sessions.list', { from: today });
    const todays = sessions.filter((session) => session.startsAt.startsWith(today));
    expect(todays.length).toBeGreaterThanOrEqual(1);
    expect(todays.length).toBeLessThanOrEqual(2);

    const weeksWithSessions = new Set(sessions.map((session) => Math.floor(daysAfterToday(session.startsAt) / 7)));
    expect(weeksWithSessions.size).toBeGreaterThanOrEqual(4);
    for (const session of sessions) {
      expect(daysAfterToday(session.startsAt)).toBeLessThan(7 * 7);
      expect(session.endsAt > session.startsAt).toBe(true);
      expect(session.capacity).toBeGreaterThanOrEqual(12);
      expect(session.capacity).toBeLessThanOrEqual(30);
      expect(session.facilitators.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('adds a few hundred people, most working for statutory or VCSE organisations', async () => {
    await loadDemoData(temp.dispatch, { today: now, seed: 1 });

    const organisations = await temp.call('organisations.list', { limit: 500 });
    const sectorOf = new Map(organisations.map((organisation) => [organisation.id, organisation.sector]));
    expect(new Set(sectorOf.values())).toEqual(new Set(['statutory', 'vcse', 'other']));

    const people = await temp.call('people.list', { limit: 500 });
    expect(people.length).toBeGreaterThanOrEqual(200);
    const inSector = (sector: string) => people.filter((person) => sectorOf.get(person.organisationId ?? '') === sector).length;
    expect(inSector('statutory')).toBeGreaterThan(50);
    expect(inSector('vcse')).toBeGreaterThan(20);
    expect(people.some((person) => person.membershipJoinedOn !== null)).toBe(true);
    expect(people.some((person) => person.email !== null)).toBe(true);

    const found = await temp.call('people.list', { query: 'Siob' });
    expect(found.map((person) => `${person.givenName} ${person.familyName}`)).toContain("Siobhán O'Brien");
  });

  it('refuses to load a second time, says why, and adds nothing', async () => {
    await loadDemoData(temp.dispatch, { today: now, seed: 1 });
    const before = databaseHash(temp.sqlite);

    await expect(loadDemoData(temp.dispatch, { today: now, seed: 2 })).rejects.toThrow(
      /Demo data is already loaded here.*Nothing was added/,
    );

    expect(databaseHash(temp.sqlite)).toBe(before);
    expect(await temp.call('courses.list', { query: 'Cultural Competency' })).toHaveLength(1);
  });

  it('keeps an office that is already set up as it is', async () => {
    await temp.call('device.setUp', { role: 'office', name: 'North office' });

    const summary = await loadDemoData(temp.dispatch, { today: now, seed: 1 });

    expect(summary).toMatchObject({ deviceName: 'North office', deviceSetUpNow: false });
    expect((await temp.call('device.status', {})).device).toMatchObject({ role: 'office', name: 'North office' });
  });

  it('refuses a laptop in plain words and adds nothing: its catalogue comes from the office', async () => {
    await temp.call('device.setUp', { role: 'laptop', name: 'Laptop 3' });
    const before = databaseHash(temp.sqlite);

    await expect(loadDemoData(temp.dispatch, { today: now, seed: 1 })).rejects.toThrow(
      "This data folder is a facilitator's laptop (Laptop 3). Demo data goes into the central office: load it into a new folder, then send this laptop a package. Nothing was added.",
    );
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('gives the same people and schedule for the same seed', async () => {
    const other = await tempCore({ clock: testClock(now) });
    try {
      await loadDemoData(temp.dispatch, { today: now, seed: 7 });
      await loadDemoData(other.dispatch, { today: now, seed: 7 });
      const visible = async (on: TempCore) => ({
        people: (await on.call('people.list', { limit: 500 })).map((person) => [person.givenName, person.familyName, person.email]),
        sessions: (await on.call('sessions.list', { from: today })).map((session) => [session.startsAt, session.venueName]),
      });
      expect(await visible(other)).toEqual(await visible(temp));
    } finally {
      await other.cleanup();
    }
  });
});

describe('generated people for benchmarks', () => {
  it('adds the requested number of varied people, each recorded for sync like a typed-in person', async () => {
    await loadDemoData(temp.dispatch, { today: now, seed: 1 });
    const distinct = (column: string) => temp.sqlite.prepare(`SELECT count(DISTINCT ${column}) FROM people`).pluck().get() as number;
    const loggedPeople = () => temp.sqlite.prepare(`SELECT count(*) FROM change_log WHERE table_name = 'people'`).pluck().get();
    const peopleBefore = countRows(temp.sqlite, 'people');
    const loggedBefore = loggedPeople() as number;

    const added = await generatePeople(temp.core, 3_000, 42, { batchSize: 1_000, clock: temp.clock });

    expect(added).toBe(3_000);
    expect(countRows(temp.sqlite, 'people')).toBe(peopleBefore + 3_000);
    expect(loggedPeople()).toBe(loggedBefore + 3_000);
    expect(distinct('family_name')).toBeGreaterThan(200);
    expect(distinct('given_name')).toBeGreaterThan(250);
    // They work for the organisations already there, so reports by sector have something to count.
    const employed = temp.sqlite.prepare('SELECT count(*) FROM people WHERE organisation_id IS NOT NULL').pluck().get() as number;
    expect(employed).toBeGreaterThan(2_000);

    // And the search box finds them, accents forgiven, like anyone added through a form.
    const last = temp.sqlite.prepare('SELECT given_name, family_name FROM people ORDER BY id DESC LIMIT 1').get() as {
      given_name: string;
      family_name: string;
    };
    const found = await temp.call('people.list', { query: last.family_name.normalize('NFD').replace(/\p{M}/gu, ''), limit: 500 });
    expect(found.map((person) => person.familyName)).toContain(last.family_name);
  });

  it('needs the device to be set up first, like any other change', async () => {
    await expect(generatePeople(temp.core, 10, 1)).rejects.toThrow(/setting up this device/);
    expect(countRows(temp.sqlite, 'people')).toBe(0);
  });
});
