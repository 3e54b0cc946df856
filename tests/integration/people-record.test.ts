import { afterEach, describe, expect, it } from 'vitest';
import { asIncoming, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * A person's page at the office: what they are booked on and came to, and
 * every change with the computer it was made on; the check for someone
 * already here before New person saves; and the office's merge of two
 * records of one person, which keeps both histories.
 */

let temp: TempCore | undefined;
let world: SyncWorld | undefined;

afterEach(async () => {
  await temp?.cleanup();
  await world?.cleanup();
  temp = world = undefined;
});

describe("a person's page", () => {
  it('shows bookings past and future, attendance and a history that names the laptop and the session', async () => {
    world = await syncWorld(['Hall laptop 1']);
    const { office } = world;
    const laptop = world.laptops[0]!;
    const today = await seedSession(office.call, { day: TEST_TODAY, title: 'First aid' });
    const later = await seedSession(office.call, { day: '2026-04-20', title: 'Dementia awareness' });
    const amira = await office.call('people.create', { givenName: 'Amira', familyName: 'Khan', email: 'amira@example.org' });
    await office.call('signIn.book', { sessionId: today.id, personId: amira.id });
    await office.call('signIn.book', { sessionId: later.id, personId: amira.id });
    await sendPackage(office, laptop);
    await laptop.call('signIn.signIn', { sessionId: today.id, personId: amira.id });
    await laptop.call('signIn.undo', { sessionId: today.id, personId: amira.id });
    await laptop.call('signIn.signIn', { sessionId: today.id, personId: amira.id });
    await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
    await office.call('people.update', { id: amira.id, version: (await office.call('people.get', { id: amira.id })).version, fields: { givenName: 'Amira', familyName: 'Khan', email: 'amira.khan@example.org' } });

    const record = await office.call('people.record', { id: amira.id });
    expect(record.bookings.map((booking) => [booking.courseTitle, booking.state, booking.signedIn])).toEqual([
      ['Dementia awareness', 'booked', false],
      ['First aid', 'booked', true],
    ]);
    expect(record.attended).toBe(1);
    expect(record.mergedInto).toBeNull();

    const history = await office.call('people.history', { id: amira.id });
    const lines = history.map((entry) => [entry.what, entry.deviceName, entry.where?.courseTitle ?? null]);
    expect(lines[0]).toEqual(['Amira Khan: email changed to amira.khan@example.org', 'Central office', null]);
    expect(lines.filter(([, device]) => device === 'Hall laptop 1').map(([what, , where]) => [what, where])).toEqual([
      ['Signed in', 'First aid'],
      ['Sign-in undone', 'First aid'],
      ['Signed in', 'First aid'],
    ]);
    expect(lines.at(-1)).toEqual(['Amira Khan added', 'Central office', null]);
    expect(lines.filter(([what]) => String(what).startsWith('Booking:'))).toHaveLength(2);

    // The laptop has the same page for the people on its sessions, naming the office for what the office did.
    const onLaptop = await laptop.call('people.history', { id: amira.id });
    expect(onLaptop.at(-1)).toMatchObject({ what: 'Amira Khan added', deviceName: 'Central office' });
    expect((await laptop.call('people.record', { id: amira.id })).attended).toBe(1);
  });

  it('lists the evaluations kept with their name, and never an anonymous one', async () => {
    temp = await tempCore({ setUp: true });
    const venue = await temp.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
    const person = await temp.call('people.create', { givenName: 'Chen', familyName: 'Wei' });
    for (const evaluationMode of ['linked', 'anonymous'] as const) {
      const course = await temp.call('courses.create', { title: `First aid (${evaluationMode})`, durationMinutes: 180, learningOutcomes: ['Call for help'], evaluationMode });
      const session = await temp.call('sessions.create', {
        courseId: course.id,
        venueId: venue.id,
        startsAt: `${TEST_TODAY}T10:00`,
        endsAt: `${TEST_TODAY}T13:00`,
        capacity: 10,
        facilitators: ['Sam Okafor'],
      });
      await temp.call('signIn.book', { sessionId: session.id, personId: person.id });
      await temp.call('signIn.signIn', { sessionId: session.id, personId: person.id });
      const template = await temp.call('evaluations.template', { courseId: course.id });
      const answers = { [template.items[0]!.id]: 4, confidence: { before: 2, after: 4 } };
      await temp.call('evaluations.submit', { sessionId: session.id, personId: person.id, templateId: template.id, answers, language: 'en' });
    }
    const record = await temp.call('people.record', { id: person.id });
    expect(record.evaluations.map((evaluation) => evaluation.courseTitle)).toEqual(['First aid (linked)']);
    expect(record.attended).toBe(2);
    const history = await temp.call('people.history', { id: person.id });
    expect(history.filter((entry) => entry.what === 'Gave an evaluation').map((entry) => entry.where?.courseTitle)).toEqual(['First aid (linked)']);
  });

  it('says plainly when there is no such person', async () => {
    temp = await tempCore({ setUp: true });
    await expect(temp.call('people.record', { id: '01900000-0000-7000-8000-000000000000' })).rejects.toThrow('Choose the person again: that one could not be found.');
  });
});

describe('checking for someone already here before saving', () => {
  it('offers the same name with the same email or organisation, or with no organisation at all, and not a namesake elsewhere', async () => {
    temp = await tempCore({ setUp: true });
    const surgery = await temp.call('organisations.create', { name: 'Hope Street Surgery', sector: 'statutory' });
    const council = await temp.call('organisations.create', { name: 'Gateshead Council', sector: 'statutory' });
    const atSurgery = await temp.call('people.create', { givenName: 'Siobhán', familyName: "O'Brien", organisationId: surgery.id });
    const onTheirOwn = await temp.call('people.create', { givenName: 'Femi', familyName: 'Adeyemi' });
    await temp.call('people.create', { givenName: 'Femi', familyName: 'Adeyemi', organisationId: council.id });

    const similar = (fields: { givenName: string; familyName: string; organisationId?: string; email?: string }) =>
      temp!.call('people.similar', fields).then((found) => found.map((person) => person.personId));
    expect(await similar({ givenName: 'siobhan', familyName: 'obrien', organisationId: surgery.id })).toEqual([atSurgery.id]);
    expect(await similar({ givenName: 'Siobhan', familyName: "O'Brien", organisationId: council.id })).toEqual([]);
    expect(await similar({ givenName: 'Femi', familyName: 'Adeyemi' })).toEqual([onTheirOwn.id]);
    // Editing a person is not a duplicate of themselves.
    expect(await temp.call('people.similar', { givenName: 'Femi', familyName: 'Adeyemi', exceptId: onTheirOwn.id })).toEqual([]);
  });

  it('offers "Hope Street Surgery" for "hope street surgery", however it is written', async () => {
    temp = await tempCore({ setUp: true });
    const surgery = await temp.call('organisations.create', { name: 'Hope Street Surgery', sector: 'statutory' });
    await temp.call('organisations.create', { name: 'Hope Street Pharmacy', sector: 'other' });
    for (const name of ['hope street surgery', 'The Hope Street Surgery Ltd.', 'HOPE  STREET  SURGERY']) {
      expect((await temp.call('organisations.similar', { name, sector: 'vcse' })).map((o) => o.id), name).toEqual([surgery.id]);
    }
    expect(await temp.call('organisations.similar', { name: 'Hope Street Surgery', sector: 'statutory', exceptId: surgery.id })).toEqual([]);
  });
});

describe('merging two records of one person at the office', () => {
  it('keeps both histories and both bookings on the person kept, and lists them once', async () => {
    temp = await tempCore({ setUp: true });
    const first = await seedSession(temp.call, { day: TEST_TODAY, title: 'First aid' });
    const second = await seedSession(temp.call, { day: '2026-05-01', title: 'Safeguarding' });
    const grace = await temp.call('people.create', { givenName: 'Grace', familyName: 'Walker', email: 'grace@example.org' });
    const typedAgain = await temp.call('people.create', { givenName: 'Grace', familyName: 'Walker' });
    await temp.call('signIn.book', { sessionId: first.id, personId: grace.id });
    await temp.call('signIn.signIn', { sessionId: first.id, personId: grace.id });
    await temp.call('signIn.book', { sessionId: second.id, personId: typedAgain.id });
    const before = (await temp.call('people.history', { id: typedAgain.id })).length;

    const kept = await temp.call('people.merge', { keepId: grace.id, otherId: typedAgain.id });
    expect(kept.email).toBe('grace@example.org');
    const record = await temp.call('people.record', { id: grace.id });
    expect(record.bookings.map((booking) => booking.courseTitle)).toEqual(['Safeguarding', 'First aid']);
    expect(record.merged.map((person) => person.id)).toEqual([typedAgain.id]);
    const history = await temp.call('people.history', { id: grace.id });
    expect(history[0]!.what).toBe('Grace Walker merged into Grace Walker');
    expect(history.filter((entry) => entry.what === 'Grace Walker added')).toHaveLength(2);
    expect(history.length).toBeGreaterThan(before + 1);
    expect((await temp.call('people.record', { id: typedAgain.id })).mergedInto?.id).toBe(grace.id);
    expect((await temp.call('people.page', { query: 'grace' })).total).toBe(1);
    // The same merge twice is refused in plain words, and nothing changes.
    await expect(temp.call('people.merge', { keepId: grace.id, otherId: typedAgain.id })).rejects.toThrow('already been merged');
  });

  it('is the office’s decision: a laptop is told it cannot merge', async () => {
    world = await syncWorld(['Hall laptop 1']);
    const laptop = world.laptops[0]!;
    const session = await seedSession(world.office.call, { day: TEST_TODAY });
    await sendPackage(world.office, laptop);
    const walkIn = (name: string) =>
      laptop.call('signIn.addWalkIn', { sessionId: session.id, person: { givenName: 'Ola', familyName: name }, confirmedNew: true });
    await walkIn('Nowak');
    await walkIn('Nowak');
    const [one, two] = (await laptop.call('people.page', { query: 'nowak' })).rows;
    await expect(laptop.call('people.merge', { keepId: one!.id, otherId: two!.id })).rejects.toThrow('Ask the central office');
  });
});
