import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingFile } from '../../shared/contract';
import { localTime } from '../support/bookings';
import { answersFor, evaluatedSession, signedInPeople } from '../support/evaluations';
import { asIncoming, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { countRows, DAY_MS, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * What the office reviews after merging laptops' bundles: values one laptop's
 * edit overwrote (and putting them back), sessions the merge took over
 * capacity, people two laptops added separately; and what a laptop removes
 * once the office has its data.
 */

let world: SyncWorld;
const extra: TempCore[] = [];
afterEach(async () => {
  await world?.cleanup();
  for (const temp of extra.splice(0)) await temp.cleanup();
});

const deviceIdOf = async (temp: TempCore) => (await temp.call('device.status', {})).device!.id;
const import_ = (office: TempCore, file: OutgoingFile) => office.call('sync.importFile', asIncoming(file));

/** An office with two laptops, a session today with `capacity` places, people booked on it, everything in the laptops' packages. */
async function twoLaptops(capacity = 30) {
  world = await syncWorld(['Hall laptop 1', 'Hall laptop 2']);
  const { office, laptops } = world;
  const { course, session } = await evaluatedSession(office.call, 'linked');
  await office.call('bookings.setCapacity', { sessionId: session.id, capacity });
  const amira = await office.call('people.create', { givenName: 'Amira', familyName: 'Khan', email: 'amira@example.org' });
  await office.call('signIn.book', { sessionId: session.id, personId: amira.id });
  // Booked on a later session, so both laptops have them to book on today's.
  const later = await office.call('sessions.create', {
    courseId: course.id,
    venueId: session.venueId,
    startsAt: '2026-03-19T10:00',
    endsAt: '2026-03-19T13:00',
    capacity: 30,
    facilitators: ['Sam Okafor'],
    status: 'scheduled',
  });
  const others = [];
  for (const givenName of ['Bogdan', 'Chidi']) {
    const person = await office.call('people.create', { givenName, familyName: 'Nowak' });
    await office.call('signIn.book', { sessionId: later.id, personId: person.id });
    others.push(person);
  }
  for (const laptop of laptops) await sendPackage(office, laptop);
  return { office, one: laptops[0]!, two: laptops[1]!, session, amira, bogdan: others[0]!, chidi: others[1]! };
}

async function editEmail(laptop: TempCore, personId: string, email: string) {
  const { id: _, organisationName: __, version: _version, ...fields } = await laptop.call('people.get', { id: personId });
  await laptop.call('people.update', { id: personId, version: (await laptop.call('people.get', { id: personId })).version, fields: { ...fields, email } });
}

/** Laptop 1 (at 10:00) and laptop 2 (at 10:05) each change Amira's email without seeing the other's. */
async function emailEditedOnBoth() {
  const world = await twoLaptops();
  const { one, two, amira } = world;
  one.clock.set('2026-03-12T10:00:00.000Z');
  two.clock.set('2026-03-12T10:05:00.000Z');
  await editEmail(one, amira.id, 'amira.khan@nhs.example');
  await editEmail(two, amira.id, 'a.khan@council.example');
  return world;
}

/** Both laptops' bundles imported by the evening, and the conflict for laptop 1's overwritten email. */
async function laptopOneOverwritten() {
  const world = await emailEditedOnBoth();
  const { office, one, two } = world;
  office.clock.set('2026-03-12T18:00:00.000Z');
  await import_(office, await one.call('sync.exportBundle', {}));
  await import_(office, await two.call('sync.exportBundle', {}));
  const conflict = (await office.call('sync.conflicts', {})).find((c) => c.overwrittenBy === 'Hall laptop 1')!;
  return { ...world, conflict };
}

describe('conflicts: the same field edited on two laptops', () => {
  it('keeps the later edit by clock whatever order the bundles arrive in, and lists the value it overwrote with who and when', async () => {
    const { office, one, two, amira } = await emailEditedOnBoth();
    const fromOne = await one.call('sync.exportBundle', {});
    const fromTwo = await two.call('sync.exportBundle', {});
    office.clock.set('2026-03-12T18:00:00.000Z');

    // The later edit arrives first. It replaced the value laptop 2 had received from the
    // office, so it is an ordinary edit, not a conflict. The earlier one, imported after,
    // does not win for arriving last, and laptop 2 never saw it: that is the conflict.
    expect((await import_(office, fromTwo)).conflicts).toBe(0);
    expect((await import_(office, fromOne)).conflicts).toBe(1);
    expect((await office.call('people.get', { id: amira.id })).email).toBe('a.khan@council.example');

    const conflicts = await office.call('sync.conflicts', {});
    const laptopOnes = conflicts.filter((conflict) => conflict.overwrittenBy === 'Hall laptop 1');
    expect(laptopOnes).toEqual([
      {
        id: expect.any(String),
        table: 'people',
        rowId: amira.id,
        record: 'Amira Khan',
        field: 'email',
        keptValue: 'a.khan@council.example',
        keptBy: 'Hall laptop 2',
        keptAt: '2026-03-12T10:05:00.000Z',
        overwrittenValue: 'amira.khan@nhs.example',
        overwrittenBy: 'Hall laptop 1',
        overwrittenAt: '2026-03-12T10:00:00.000Z',
        status: 'open',
        resolvedBy: null,
        resolvedAt: null,
      },
    ]);
    // Both laptops had received the office's value before editing it: editing over it is not a conflict.
    expect(conflicts).toHaveLength(1);
  });

  it('"reverse" puts the overwritten value back, and it wins on the laptops in their next package', async () => {
    const { office, one, two, amira, conflict } = await laptopOneOverwritten();

    const reversed = await office.call('sync.resolveConflict', { id: conflict.id, action: 'reverse' });
    expect(reversed).toMatchObject({ id: conflict.id, status: 'reversed', overwrittenValue: 'amira.khan@nhs.example' });
    expect((await office.call('people.get', { id: amira.id })).email).toBe('amira.khan@nhs.example');
    expect((await office.call('sync.conflicts', {})).find((c) => c.id === conflict.id)!.status).toBe('reversed');

    // Both laptops, whatever they held, take the restored value from their next package.
    for (const laptop of [one, two]) {
      await sendPackage(office, laptop);
      expect((await laptop.call('people.get', { id: amira.id })).email).toBe('amira.khan@nhs.example');
    }
  });

  it('"accept" marks the conflict and changes nothing else', async () => {
    const { office, amira, conflict } = await laptopOneOverwritten();
    const changes = countRows(office.sqlite, 'change_log');

    // The desktop app has no accounts: resolved then, by no one named.
    expect(await office.call('sync.resolveConflict', { id: conflict.id, action: 'accept' })).toEqual({
      ...conflict,
      status: 'accepted',
      resolvedBy: null,
      resolvedAt: office.clock().toISOString(),
    });
    expect((await office.call('people.get', { id: amira.id })).email).toBe('a.khan@council.example');
    expect(countRows(office.sqlite, 'change_log')).toBe(changes);
    const listed = await office.call('sync.conflicts', {});
    expect(listed.find((c) => c.id === conflict.id)).toEqual({ ...conflict, status: 'accepted', resolvedAt: office.clock().toISOString() });
    // Open ones are listed first.
    expect(listed.map((c) => c.status)).toEqual([...listed.map((c) => c.status)].sort((a, b) => Number(b === 'open') - Number(a === 'open')));
  });

  /**
   * Laptop 1 changes Amira's email and then changes it back, in two bundles.
   * Whatever order they arrive in, the conflict log ends the same: a value
   * put back is not listed as overwritten.
   */
  it('lists the same conflicts whatever order a laptop’s bundles arrive in', async () => {
    const { office, one, amira } = await twoLaptops();
    await editEmail(one, amira.id, 'amira.khan@nhs.example');
    const first = await one.call('sync.exportBundle', {});
    one.clock.advance(60_000);
    await editEmail(one, amira.id, 'amira@example.org');
    const second = await one.call('sync.exportBundle', {});
    office.clock.advance(DAY_MS);

    const inOrder = await tempCore({ copyOf: office, clock: office.clock });
    const reversedOrder = await tempCore({ copyOf: office, clock: office.clock });
    extra.push(inOrder, reversedOrder);
    for (const file of [first, second]) await import_(inOrder, file);
    for (const file of [second, first]) await import_(reversedOrder, file);
    expect((await inOrder.call('people.get', { id: amira.id })).email).toBe('amira@example.org');
    expect((await reversedOrder.call('people.get', { id: amira.id })).email).toBe('amira@example.org');

    const listed = async (temp: TempCore) => (await temp.call('sync.conflicts', {})).map(({ id: _, ...conflict }) => conflict);
    expect(await listed(inOrder)).toEqual(await listed(reversedOrder));
  });

  /**
   * The import outcome counts only the values that import added to the
   * conflict log, not ones already there that it met again.
   */
  it('counts in the import outcome only the values that import added to the conflict log', async () => {
    const { office, one, two, amira } = await emailEditedOnBoth();
    // The office corrects the email too, after the laptops' packages: neither laptop sees it.
    office.clock.set('2026-03-12T09:30:00.000Z');
    await editEmail(office, amira.id, 'amira.k@example.org');
    office.clock.set('2026-03-12T18:00:00.000Z');
    expect((await import_(office, await two.call('sync.exportBundle', {}))).conflicts).toBe(1);
    expect(await office.call('sync.conflicts', {})).toHaveLength(1);
    const outcome = await import_(office, await one.call('sync.exportBundle', {}));
    expect(await office.call('sync.conflicts', {})).toHaveLength(2);
    expect(outcome.conflicts).toBe(1);
  });
});

describe('capacity: places booked on two laptops', () => {
  it('flags a session the merge takes over capacity, changes no booking, and clears the flag when capacity is raised', async () => {
    // Two places, Amira holds one: each laptop gives the last place to someone else.
    const { office, one, two, session, bogdan, chidi } = await twoLaptops(2);
    await one.call('signIn.book', { sessionId: session.id, personId: bogdan.id });
    await two.call('signIn.book', { sessionId: session.id, personId: chidi.id });
    for (const laptop of [one, two]) expect((await laptop.call('signIn.roster', { sessionId: session.id })).counts.seatsLeft).toBe(0);

    expect((await import_(office, await one.call('sync.exportBundle', {}))).capacityFlags).toBe(0);
    expect(await office.call('sync.capacityFlags', {})).toEqual([]);
    expect((await import_(office, await two.call('sync.exportBundle', {}))).capacityFlags).toBe(1);

    expect(await office.call('sync.capacityFlags', {})).toEqual([
      {
        sessionId: session.id,
        title: 'Working with different communities',
        startsAt: session.startsAt,
        capacity: 2,
        held: 3,
        flaggedAt: office.clock().toISOString(),
      },
    ]);
    // Nobody was moved to the waitlist or dropped to make it fit.
    const roster = await office.call('signIn.roster', { sessionId: session.id });
    expect(roster.entries.filter((entry) => entry.state === 'booked').map((entry) => entry.name).sort()).toEqual(['Amira Khan', 'Bogdan Nowak', 'Chidi Nowak']);

    await office.call('bookings.setCapacity', { sessionId: session.id, capacity: 3 });
    expect(await office.call('sync.capacityFlags', {})).toEqual([]);
  });
});

describe('possible duplicates: the same walk-in added on two laptops', () => {
  async function sameWalkIns() {
    const scene = await twoLaptops();
    const { office, one, two, session } = scene;
    for (const laptop of [one, two]) {
      for (const person of [
        { givenName: 'Grace', familyName: 'Walker', email: 'grace.walker@example.org' },
        { givenName: 'Hamid', familyName: 'Rahimi', email: 'hamid@example.org' },
      ]) {
        await laptop.call('signIn.addWalkIn', { sessionId: session.id, person, confirmedNew: true });
      }
      await import_(office, await laptop.call('sync.exportBundle', {}));
    }
    const duplicates = await office.call('sync.duplicates', {});
    const pair = (givenName: string) => duplicates.find((candidate) => candidate.first.name.startsWith(givenName))!;
    return { ...scene, duplicates, grace: pair('Grace'), hamid: pair('Hamid') };
  }

  it('lists each pair once, saying who added each and why they look alike', async () => {
    const { duplicates, grace } = await sameWalkIns();
    expect(duplicates).toHaveLength(2);
    expect(grace.reason).toBe('Same name and email');
    expect([grace.first.addedBy, grace.second.addedBy].sort()).toEqual(['Hall laptop 1', 'Hall laptop 2']);
    expect(grace.first).toMatchObject({ name: 'Grace Walker', email: 'grace.walker@example.org', sessions: 1 });
    expect(grace.second).toMatchObject({ name: 'Grace Walker', email: 'grace.walker@example.org', sessions: 1 });
  });

  it('merging keeps both people’s sign-ins, and search then finds one person', async () => {
    const { office, session, grace } = await sameWalkIns();
    const signIns = (personId: string) => office.sqlite.prepare('SELECT count(*) FROM sign_ins WHERE person_id = ?').pluck().get(personId);
    expect([signIns(grace.first.id), signIns(grace.second.id)]).toEqual([1, 1]);
    expect(await office.call('people.list', { query: 'grace', limit: 10 })).toHaveLength(2);

    await office.call('sync.resolveDuplicate', { keepId: grace.first.id, otherId: grace.second.id, action: 'merge' });
    expect([signIns(grace.first.id), signIns(grace.second.id)]).toEqual([1, 1]);
    expect((await office.call('people.list', { query: 'grace', limit: 10 })).map((person) => person.id)).toEqual([grace.first.id]);
    expect((await office.call('sync.duplicates', {})).map((candidate) => candidate.first.name)).toEqual(['Hamid Rahimi']);
    // Both sign-ins are still on the session's record.
    const roster = await office.call('signIn.roster', { sessionId: session.id });
    expect(roster.entries.filter((entry) => entry.name === 'Grace Walker').map((entry) => [entry.personId, entry.state])).toEqual([
      [grace.first.id, 'signed_in'],
      [grace.second.id, 'signed_in'],
    ]);
  });

  it('keeping a pair apart takes it off the list and leaves both people', async () => {
    const { office, hamid } = await sameWalkIns();
    await office.call('sync.resolveDuplicate', { keepId: hamid.first.id, otherId: hamid.second.id, action: 'keep_apart' });
    expect((await office.call('sync.duplicates', {})).map((candidate) => candidate.first.name)).toEqual(['Grace Walker']);
    expect(await office.call('people.list', { query: 'hamid', limit: 10 })).toHaveLength(2);
  });
});

describe('pruning on the laptop once the office has its data', () => {
  it('removes a past session’s personal data once acknowledged and past the retention window, and keeps what the office has not acknowledged', async () => {
    world = await syncWorld(['Hall laptop 2']);
    const { office, laptops } = world;
    const laptop = laptops[0]!;
    laptop.clock.set(localTime(TEST_TODAY, '09:00'));
    office.clock.set(localTime(TEST_TODAY, '08:00'));
    const { course, session: morning } = await evaluatedSession(office.call, 'linked');
    const afternoon = await office.call('sessions.create', {
      courseId: course.id,
      venueId: morning.venueId,
      startsAt: `${TEST_TODAY}T14:00`,
      endsAt: `${TEST_TODAY}T16:00`,
      capacity: 30,
      facilitators: ['Sam Okafor'],
      status: 'scheduled',
    });
    const amira = await office.call('people.create', { givenName: 'Amira', familyName: 'Khan' });
    await office.call('signIn.book', { sessionId: morning.id, personId: amira.id });
    await sendPackage(office, laptop);

    // The morning: Amira signs in, a walk-in joins; the end-of-day bundle carries both.
    await laptop.call('signIn.signIn', { sessionId: morning.id, personId: amira.id });
    await laptop.call('signIn.addWalkIn', { sessionId: morning.id, person: { givenName: 'Grace', familyName: 'Walker' }, confirmedNew: true });
    const grace = (await laptop.call('people.list', { query: 'grace', limit: 5 }))[0]!;
    const bundle = await laptop.call('sync.exportBundle', {});
    // The afternoon, not yet sent: a walk-in the office has never seen.
    await laptop.call('signIn.addWalkIn', { sessionId: afternoon.id, person: { givenName: 'Hamid', familyName: 'Rahimi' }, confirmedNew: true });
    const hamid = (await laptop.call('people.list', { query: 'hamid', limit: 5 }))[0]!;

    const onLaptop = () => ({
      morningSignIns: laptop.sqlite.prepare('SELECT count(*) FROM sign_ins WHERE session_id = ?').pluck().get(morning.id),
      morningBookings: laptop.sqlite.prepare('SELECT count(*) FROM bookings WHERE session_id = ?').pluck().get(morning.id),
      afternoonSignIns: laptop.sqlite.prepare('SELECT count(*) FROM sign_ins WHERE session_id = ?').pluck().get(afternoon.id),
      people: (laptop.sqlite.prepare('SELECT given_name FROM people ORDER BY given_name').pluck().all() as string[]).join(', '),
      changesFor: (rowIds: string[]) =>
        laptop.sqlite.prepare(`SELECT count(*) FROM change_log WHERE row_id IN (${rowIds.map(() => '?').join(', ')})`).pluck().get(...rowIds),
    });
    const before = onLaptop();
    expect(before).toMatchObject({ morningSignIns: 2, morningBookings: 2, afternoonSignIns: 1, people: 'Amira, Grace, Hamid' });

    // Five weeks later a package arrives that does not yet acknowledge the bundle: nothing goes.
    office.clock.set(localTime(TEST_TODAY, '18:00'));
    laptop.clock.advance(35 * DAY_MS);
    const early = await sendPackage(office, laptop);
    expect(early).toMatchObject({ acknowledged: 0, prunedSessions: 0 });
    expect(onLaptop()).toMatchObject({ morningSignIns: 2, morningBookings: 2, afternoonSignIns: 1, people: 'Amira, Grace, Hamid' });

    // The office imports the bundle; its next package acknowledges it, and the morning's personal data goes.
    expect((await import_(office, bundle)).status).toBe('imported');
    const outcome = await sendPackage(office, laptop);
    expect(outcome).toMatchObject({ status: 'imported', acknowledged: 1, prunedSessions: 1 });
    const after = onLaptop();
    expect(after).toMatchObject({ morningSignIns: 0, morningBookings: 0, afternoonSignIns: 1, people: 'Hamid' });
    const morningRows = [amira.id, grace.id, ...(office.sqlite.prepare('SELECT id FROM sign_ins WHERE session_id = ?').pluck().all(morning.id) as string[])];
    expect(after.changesFor(morningRows)).toBe(0);
    expect(after.changesFor([hamid.id])).toBeGreaterThan(0);
    expect((await laptop.call('sync.outbox', {})).bundles[0]).toMatchObject({ sequence: 1, acknowledgedAt: expect.any(String) });
    // The session itself stays, and the office still has everything.
    expect(countRows(laptop.sqlite, 'sessions')).toBe(2);
    expect((await office.call('signIn.roster', { sessionId: morning.id })).counts.signedIn).toBe(2);

    // What was not acknowledged still travels in the next bundle.
    const next = await laptop.call('sync.exportBundle', {});
    office.clock.advance(35 * DAY_MS);
    expect(next.bundle).toMatchObject({ sequence: 2, summary: { signIns: 1, newPeople: 1 } });
    await import_(office, next);
    expect((await office.call('people.list', { query: 'hamid', limit: 5 })).map((person) => person.id)).toEqual([hamid.id]);
  });

  it('keeps a past session whose anonymous answers are still held on the laptop, and the people who gave them, until they have been sent', async () => {
    world = await syncWorld(['Hall laptop 2']);
    const { office, laptops } = world;
    const laptop = laptops[0]!;
    laptop.clock.set(localTime(TEST_TODAY, '09:00'));
    office.clock.set(localTime(TEST_TODAY, '08:00'));
    const { course, session } = await evaluatedSession(office.call, 'anonymous');
    await sendPackage(office, laptop);
    const people = await signedInPeople(laptop, session.id, 'Amira', 'Bogdan');
    // The day's bundle goes before the evaluation: the sign-ins reach the office and are acknowledged.
    office.clock.set(localTime(TEST_TODAY, '18:00'));
    expect((await import_(office, await laptop.call('sync.exportBundle', {}))).status).toBe('imported');
    const form = await laptop.call('evaluations.template', { courseId: course.id });
    for (const personId of people) {
      await laptop.call('evaluations.submit', { sessionId: session.id, personId, templateId: form.id, answers: answersFor(form), language: 'en' });
    }
    const held = () => laptop.sqlite.prepare('SELECT count(*) FROM pending_anonymous_responses').pluck().get();
    expect(held()).toBe(2);

    // Five weeks on, the package acknowledges the bundle: the session's answers have not been sent, so nothing goes.
    laptop.clock.advance(35 * DAY_MS);
    expect(await sendPackage(office, laptop)).toMatchObject({ status: 'imported', acknowledged: 1, prunedSessions: 0 });
    expect(held()).toBe(2);
    expect(countRows(laptop.sqlite, 'sign_ins')).toBe(2);

    // Once exported and acknowledged, the session's personal data goes as usual.
    office.clock.advance(35 * DAY_MS);
    expect((await import_(office, await laptop.call('sync.exportBundle', {}))).status).toBe('imported');
    expect(await sendPackage(office, laptop)).toMatchObject({ status: 'imported', acknowledged: 1, prunedSessions: 1 });
    expect(countRows(laptop.sqlite, 'sign_ins')).toBe(0);
    expect(office.sqlite.prepare('SELECT count(*) FROM evaluation_responses WHERE session_id = ? AND person_id IS NULL').pluck().get(session.id)).toBe(2);
  });
});
