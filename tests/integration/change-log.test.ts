import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Device } from '../../shared/contract';
import { decodeHlc } from '../../electron/sync/hlc';
import { DAY_MS, changeLog, countRows, databaseHash, isUuidV7, tempCore, type TempCore } from '../support/temp-core';

let temp: TempCore;
let device: Device;

beforeEach(async () => {
  temp = await tempCore();
  device = await temp.setUp();
});

afterEach(async () => {
  await temp.cleanup();
});

async function someCourse() {
  return temp.call('courses.create', {
    title: 'First aid',
    description: 'Emergency first aid at work',
    durationMinutes: 360,
    learningOutcomes: ['Call for help', 'Recovery position'],
  });
}

async function someVenue() {
  return temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane', accessNotes: 'Step-free entrance at the side' });
}

async function someSession() {
  const [course, venue] = [await someCourse(), await someVenue()];
  const session = await temp.call('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    startsAt: '2026-03-20T09:30',
    endsAt: '2026-03-20T15:30',
    capacity: 12,
    facilitators: ['Amina Yusuf'],
  });
  return { course, venue, session };
}

/** Runs a change and returns the change-log rows it added. */
async function logged(change: () => Promise<unknown>) {
  const before = changeLog(temp.sqlite).length;
  await change();
  return changeLog(temp.sqlite).slice(before);
}

describe('creating a record', () => {
  it('logs an organisation with every field, this device and the new id', async () => {
    let id = '';
    const rows = await logged(async () => {
      id = (await temp.call('organisations.create', { name: ' Age Concern ', sector: 'vcse' })).id;
    });
    expect(rows).toEqual([
      {
        id: expect.any(String),
        hlc: expect.any(String),
        device_id: device.id,
        table_name: 'organisations',
        row_id: id,
        fields: { name: 'Age Concern', sector: 'vcse' },
      },
    ]);
  });

  it('logs a person with every field', async () => {
    const organisation = await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    let id = '';
    const rows = await logged(async () => {
      id = (
        await temp.call('people.create', {
          givenName: 'Amina',
          familyName: 'Yusuf',
          email: 'amina@example.org',
          organisationId: organisation.id,
          membershipJoinedOn: '2025-09-01',
        })
      ).id;
    });
    expect(rows).toEqual([
      expect.objectContaining({
        device_id: device.id,
        table_name: 'people',
        row_id: id,
        fields: {
          given_name: 'Amina',
          family_name: 'Yusuf',
          preferred_name: null,
          email: 'amina@example.org',
          phone: null,
          organisation_id: organisation.id,
          membership_joined_on: '2025-09-01',
        },
      }),
    ]);
  });

  it('logs a course with its learning outcomes and how its evaluations are kept', async () => {
    let course: Awaited<ReturnType<typeof someCourse>> | undefined;
    const rows = await logged(async () => {
      course = await someCourse();
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ device_id: device.id, table_name: 'courses', row_id: course!.id });
    expect(rows[0]!.fields).toEqual({
      title: 'First aid',
      description: 'Emergency first aid at work',
      duration_minutes: 360,
      learning_outcomes: JSON.stringify(course!.learningOutcomes),
      // Left out when creating, a course's evaluations are anonymous.
      evaluation_mode: 'anonymous',
    });
  });

  it('logs a venue with every field', async () => {
    let id = '';
    const rows = await logged(async () => {
      id = (await someVenue()).id;
    });
    expect(rows).toEqual([
      expect.objectContaining({
        device_id: device.id,
        table_name: 'venues',
        row_id: id,
        fields: { name: 'Riverside Hall', address: '1 River Lane', access_notes: 'Step-free entrance at the side' },
      }),
    ]);
  });

  it('logs a session with every field', async () => {
    const { course, venue, session } = await someSession();
    const rows = changeLog(temp.sqlite).filter((row) => row.table_name === 'sessions');
    expect(rows).toEqual([
      expect.objectContaining({
        device_id: device.id,
        row_id: session.id,
        fields: {
          course_id: course.id,
          venue_id: venue.id,
          starts_at: '2026-03-20T09:30',
          ends_at: '2026-03-20T15:30',
          capacity: 12,
          facilitators: '["Amina Yusuf"]',
          // No facilitator record of that name: the name refers to none.
          facilitator_ids: '[]',
          status: 'scheduled',
        },
      }),
    ]);
  });

  it('logs one entry per record and nothing for reading', async () => {
    await someSession();
    await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    await temp.call('people.create', { givenName: 'Amina', familyName: 'Yusuf' });
    const before = changeLog(temp.sqlite);
    expect(before.map((row) => row.table_name)).toEqual(['courses', 'venues', 'sessions', 'organisations', 'people']);
    for (const name of ['organisations.list', 'people.list', 'courses.list', 'venues.list', 'sessions.list'] as const) {
      await temp.call(name, {});
    }
    expect(changeLog(temp.sqlite)).toEqual(before);
  });
});

describe('updating a record', () => {
  it('logs only the field that changed on an organisation', async () => {
    const organisation = await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    const rows = await logged(async () =>
      temp.call('organisations.update', { id: organisation.id, version: (await temp.call('organisations.get', { id: organisation.id })).version, fields: { name: 'Age UK', sector: 'vcse' } }),
    );
    expect(rows).toEqual([
      expect.objectContaining({ device_id: device.id, table_name: 'organisations', row_id: organisation.id, fields: { name: 'Age UK' } }),
    ]);
  });

  it('logs only the fields that changed on a person', async () => {
    const person = await temp.call('people.create', { givenName: 'Amina', familyName: 'Yusuf', phone: '07700 900123' });
    const rows = await logged(async () =>
      temp.call('people.update', {
        id: person.id,
        version: (await temp.call('people.get', { id: person.id })).version,
        fields: { givenName: 'Amina', familyName: 'Yusuf', phone: '07700 900123', email: 'amina@example.org', preferredName: 'Mina' },
      }),
    );
    expect(rows).toEqual([
      expect.objectContaining({ table_name: 'people', row_id: person.id, fields: { email: 'amina@example.org', preferred_name: 'Mina' } }),
    ]);
  });

  it('logs a reordered course as its new outcome list, keeping each outcome’s id', async () => {
    const course = await someCourse();
    const [first, second] = course.learningOutcomes;
    let updated: typeof course | undefined;
    const rows = await logged(async () => {
      updated = await temp.call('courses.update', {
        id: course.id,
        version: (await temp.call('courses.get', { id: course.id })).version,
        fields: {
          title: 'First aid',
          description: 'Emergency first aid at work',
          durationMinutes: 360,
          learningOutcomes: ['Recovery position', 'Call for help'],
        },
      });
    });
    expect(updated!.learningOutcomes).toEqual([second, first]);
    expect(rows).toEqual([
      expect.objectContaining({ table_name: 'courses', row_id: course.id, fields: { learning_outcomes: JSON.stringify([second, first]) } }),
    ]);
  });

  it('logs only the fields that changed on a venue', async () => {
    const venue = await someVenue();
    const rows = await logged(async () =>
      temp.call('venues.update', { id: venue.id, version: (await temp.call('venues.get', { id: venue.id })).version, fields: { name: 'Riverside Hall', address: '1 River Lane', accessNotes: '' } }),
    );
    expect(rows).toEqual([expect.objectContaining({ table_name: 'venues', row_id: venue.id, fields: { access_notes: null } })]);
  });

  it('logs only the fields that changed on a session, with a capacity change in an entry of its own', async () => {
    const { course, venue, session } = await someSession();
    const rows = await logged(async () =>
      temp.call('sessions.update', {
        id: session.id,
        version: (await temp.call('sessions.get', { id: session.id })).version,
        fields: {
          courseId: course.id,
          venueId: venue.id,
          startsAt: '2026-03-20T09:30',
          endsAt: '2026-03-20T15:30',
          capacity: 16,
          facilitators: ['Amina Yusuf', 'Sam Okafor'],
          status: 'scheduled',
        },
      }),
    );
    // Capacity goes through the waitlist rules (never below places held), so it is logged on its own, after the rest.
    expect(rows).toEqual([
      expect.objectContaining({ table_name: 'sessions', row_id: session.id, fields: { facilitators: '["Amina Yusuf","Sam Okafor"]' } }),
      expect.objectContaining({ table_name: 'sessions', row_id: session.id, fields: { capacity: 16 } }),
    ]);
  });

  it('does not log an update that changes nothing', async () => {
    const organisation = await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    const person = await temp.call('people.create', { givenName: 'Amina', familyName: 'Yusuf', organisationId: organisation.id });
    const { course, venue, session } = await someSession();
    const before = databaseHash(temp.sqlite);

    // The same values, some typed with extra spaces, which are trimmed away.
    await temp.call('organisations.update', { id: organisation.id, version: (await temp.call('organisations.get', { id: organisation.id })).version, fields: { name: ' Age Concern ', sector: 'vcse' } });
    await temp.call('people.update', {
      id: person.id,
      version: (await temp.call('people.get', { id: person.id })).version,
      fields: { givenName: 'Amina ', familyName: 'Yusuf', organisationId: organisation.id, email: '' },
    });
    await temp.call('courses.update', {
      id: course.id,
      version: (await temp.call('courses.get', { id: course.id })).version,
      fields: {
        title: 'First aid',
        description: 'Emergency first aid at work',
        durationMinutes: 360,
        learningOutcomes: ['Call for help', 'Recovery position'],
      },
    });
    await temp.call('venues.update', {
      id: venue.id,
      version: (await temp.call('venues.get', { id: venue.id })).version,
      fields: { name: 'Riverside Hall', address: '1 River Lane', accessNotes: 'Step-free entrance at the side' },
    });
    await temp.call('sessions.update', {
      id: session.id,
      version: (await temp.call('sessions.get', { id: session.id })).version,
      fields: {
        courseId: course.id,
        venueId: venue.id,
        startsAt: '2026-03-20T09:30',
        endsAt: '2026-03-20T15:30',
        capacity: 12,
        facilitators: ['Amina Yusuf'],
      },
    });

    expect(databaseHash(temp.sqlite)).toBe(before);
  });
});

describe('change-log clock', () => {
  it('stamps each change later than the one before, even when the laptop clock is set back by three days', async () => {
    await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    await someCourse();
    temp.clock.advance(-3 * DAY_MS);
    await someVenue();
    await temp.call('organisations.create', { name: 'Mind', sector: 'vcse' });
    temp.clock.advance(-60_000);
    await temp.call('people.create', { givenName: 'Amina', familyName: 'Yusuf' });

    const stamps = changeLog(temp.sqlite).map((row) => row.hlc);
    expect(stamps).toHaveLength(5);
    for (let i = 1; i < stamps.length; i += 1) expect(stamps[i]! > stamps[i - 1]!).toBe(true);
    for (const stamp of stamps) expect(decodeHlc(stamp).deviceId).toBe(device.id);
  });

  it('stamps changes made within the same millisecond in the order they were made', async () => {
    for (const name of ['A', 'B', 'C']) await temp.call('organisations.create', { name, sector: 'other' });
    const log = changeLog(temp.sqlite);
    const stamps = log.map((row) => decodeHlc(row.hlc));
    expect(stamps.map((stamp) => stamp.counter)).toEqual([1, 2, 3]);
    expect(new Set(stamps.map((stamp) => stamp.wallMs)).size).toBe(1);
  });

  it('keeps going forward after the app is closed and reopened with the clock set back', async () => {
    temp.clock.advance(DAY_MS);
    await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    const beforeRestart = changeLog(temp.sqlite).map((row) => row.hlc);

    await temp.reopen();
    temp.clock.advance(-3 * DAY_MS);
    await temp.call('organisations.create', { name: 'Mind', sector: 'vcse' });
    await temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });

    const afterRestart = changeLog(temp.sqlite).map((row) => row.hlc).slice(beforeRestart.length);
    expect(afterRestart).toHaveLength(2);
    const latestBefore = beforeRestart.at(-1)!;
    expect(afterRestart[0]! > latestBefore).toBe(true);
    expect(afterRestart[1]! > afterRestart[0]!).toBe(true);
  });
});

describe('before the device is set up', () => {
  it('refuses every kind of new record with DEVICE_NOT_SET_UP and writes nothing', async () => {
    const fresh = await tempCore();
    try {
      const before = databaseHash(fresh.sqlite);
      const attempts = [
        fresh.dispatch('organisations.create', { name: 'Age Concern', sector: 'vcse' }),
        fresh.dispatch('people.create', { givenName: 'Amina', familyName: 'Yusuf' }),
        fresh.dispatch('courses.create', { title: 'First aid', durationMinutes: 60, learningOutcomes: ['Call for help'] }),
        fresh.dispatch('venues.create', { name: 'Riverside Hall', address: '1 River Lane' }),
        fresh.dispatch('organisations.update', {
          id: '0195f0a4-3b2c-7d1e-8f00-0123456789ab',
          version: '',
          fields: { name: 'Age UK', sector: 'vcse' },
        }),
        fresh.dispatch('sessions.create', {
          courseId: '0195f0a4-3b2c-7d1e-8f00-0123456789ab',
          venueId: '0195f0a4-3b2c-7d1e-8f00-ba9876543210',
          startsAt: '2026-03-20T09:30',
          endsAt: '2026-03-20T15:30',
          capacity: 12,
          facilitators: [],
        }),
      ];
      for (const result of await Promise.all(attempts)) {
        expect(result).toEqual({
          ok: false,
          error: { code: 'DEVICE_NOT_SET_UP', message: 'Finish setting up this device before adding or changing records.' },
        });
      }
      expect(databaseHash(fresh.sqlite)).toBe(before);
      for (const table of ['organisations', 'people', 'courses', 'venues', 'sessions', 'change_log', 'device']) {
        expect(countRows(fresh.sqlite, table)).toBe(0);
      }
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('ids', () => {
  it('are UUIDv7 for the device, every record, every outcome and every change-log entry', async () => {
    const { course, venue, session } = await someSession();
    const organisation = await temp.call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
    const person = await temp.call('people.create', { givenName: 'Amina', familyName: 'Yusuf' });
    const ids = [
      device.id,
      course.id,
      ...course.learningOutcomes.map((outcome) => outcome.id),
      venue.id,
      session.id,
      organisation.id,
      person.id,
      ...changeLog(temp.sqlite).map((row) => row.id),
    ];
    // 8 ids for things, 5 for their change-log entries.
    expect(ids).toHaveLength(13);
    for (const id of ids) expect({ id, v7: isUuidV7(id) }).toEqual({ id, v7: true });
    expect(new Set(ids).size).toBe(ids.length);
  });
});
