import { describe, expect, it } from 'vitest';
import { reportWorld } from '../support/reports';
import { enrolLaptop, sendPackage } from '../support/sync';
import { TEST_TODAY } from '../support/temp-core';
import { tempCoreForEachTest } from '../support/each-test';

/**
 * People trained in a contract year, counted on a real database with every
 * edge the definition names: the first and last day of the year, the day
 * before it, an undone sign-in, a cancelled session, someone who came twice,
 * a person merged into another, a booking never attended, and a session
 * under no contract.
 */

const temp = tempCoreForEachTest({ setUp: true });

describe('the training report for the 2025–26 contract year', () => {
  it('counts each attendance once and each person once, inside the year only', async () => {
    const world = await reportWorld(temp);
    const nhs = await temp.call('organisations.create', { name: 'City NHS Trust', sector: 'statutory' });
    const charity = await temp.call('organisations.create', { name: 'Refugee Welcome', sector: 'vcse' });
    const firstDay = await world.session('2025-08-01');
    const lastDay = await world.session('2026-07-31');
    const dayBefore = await world.session('2025-07-31');
    const cancelled = await world.session('2025-09-01');
    const paidFor = await world.session('2025-10-01', null);

    const alice = await world.person('Alice', nhs.id);
    await world.attend(firstDay, alice);
    await world.attend(lastDay, alice);
    const bob = await world.person('Bob', charity.id);
    await world.attend(firstDay, bob);
    await temp.call('signIn.undo', { sessionId: firstDay.id, personId: bob });
    const cara = await world.person('Cara', charity.id);
    await world.attend(cancelled, cara);
    const { courseId, venueId, startsAt, endsAt, capacity, facilitators } = cancelled;
    await temp.call('sessions.update', { id: cancelled.id, version: (await temp.call('sessions.get', { id: cancelled.id })).version, fields: { courseId, venueId, startsAt, endsAt, capacity, facilitators, status: 'cancelled' } });
    const dan = await world.person('Dan', nhs.id);
    await world.book(lastDay, dan);
    const eve = await world.person('Eve', nhs.id);
    await world.attend(dayBefore, eve);
    const finn = await world.person('Finn');
    const finnAgain = await world.person('Finnegan');
    await world.attend(firstDay, finn);
    await world.attend(lastDay, finnAgain);
    await temp.call('sync.resolveDuplicate', { keepId: finn, otherId: finnAgain, action: 'merge' });
    const gail = await world.person('Gail', charity.id);
    await world.attend(paidFor, gail);

    const report = await temp.call('reports.run', {
      kind: 'training',
      period: { kind: 'contractYear', contractId: world.contract.id, startYear: 2025 },
      asOf: '2026-08-15',
      filters: { contractId: world.contract.id },
    });
    expect(report.period).toMatchObject({ from: '2025-08-01', to: '2026-07-31', partYear: false });
    expect(report.period.label).toBe('City public health contract year 2025–26 (1 August 2025 to 31 July 2026)');
    expect(report.data).toMatchObject({ peopleTrained: 2, attendances: 4, sessions: 2 });
    expect(report.data.bySector).toMatchObject({
      statutory: { peopleTrained: 1, attendances: 2 },
      vcse: { peopleTrained: 0, attendances: 0 },
      other: { peopleTrained: 0 },
      none: { peopleTrained: 1, attendances: 2 },
    });
    expect(report.data.byOrganisation).toEqual([
      { name: 'City NHS Trust', peopleTrained: 1, attendances: 2, sessions: 2 },
      { name: 'No organisation recorded', peopleTrained: 1, attendances: 2, sessions: 2 },
    ]);
    expect(report.data.byCourse).toEqual([{ name: 'Cultural competency', peopleTrained: 2, attendances: 4, sessions: 2 }]);
    expect(report.definitions.map((definition) => definition.term)).toContain('People trained');
    expect(report.filters).toEqual([{ label: 'Contract', value: 'City public health' }]);

    // Without the contract filter the paid-for session counts too, and Gail with it.
    const everything = await temp.call('reports.run', {
      kind: 'training',
      period: { kind: 'contractYear', contractId: world.contract.id, startYear: 2025 },
      asOf: '2026-08-15',
    });
    expect(everything.data).toMatchObject({ peopleTrained: 3, attendances: 5, sessions: 3 });
    expect(everything.data.bySector).toMatchObject({ vcse: { peopleTrained: 1 } });

    // As of the day before the last, the last day's session has not happened: part year.
    const partYear = await temp.call('reports.run', {
      kind: 'training',
      period: { kind: 'contractYear', contractId: world.contract.id, startYear: 2025 },
      asOf: '2026-07-30',
      filters: { contractId: world.contract.id },
    });
    expect(partYear.period.partYear).toBe(true);
    expect(partYear.data).toMatchObject({ peopleTrained: 2, attendances: 2, sessions: 1 });
    expect(partYear.notes.join(' ')).toContain('part year');
  });

  it('gives zeros and says there were no sessions for an empty period', async () => {
    await reportWorld(temp);
    const report = await temp.call('reports.run', { kind: 'training', period: { kind: 'month', year: 2024, month: 2 }, asOf: '2026-03-12' });
    expect(report.data).toMatchObject({ peopleTrained: 0, attendances: 0, sessions: 0 });
    expect(report.notes).toContain('No sessions in this period.');
  });

  it('refuses a custom period that ends before it starts, in a plain sentence', async () => {
    const result = await temp.dispatch('reports.run', { kind: 'training', period: { kind: 'custom', from: '2026-05-01', to: '2026-04-01' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe('Choose a first day on or before the last: 1 May 2026 is after 1 April 2026.');
  });

  it('on a laptop counts the laptop’s own sessions, and says so', async () => {
    const course = await temp.call('courses.create', { title: 'Cultural competency', durationMinutes: 180, learningOutcomes: ['Recognise good practice'] });
    const venue = await temp.call('venues.create', { name: "St Mark's Church Hall", address: '4 Church Street' });
    const session = await temp.call('sessions.create', {
      courseId: course.id,
      venueId: venue.id,
      startsAt: `${TEST_TODAY}T10:00`,
      endsAt: `${TEST_TODAY}T13:00`,
      capacity: 20,
      facilitators: ['Sam Okafor'],
    });
    const amara = await temp.call('people.create', { givenName: 'Amara', familyName: 'Osei' });
    await temp.call('signIn.book', { sessionId: session.id, personId: amara.id });
    const laptop = await enrolLaptop(temp, 'Hall laptop', { facilitators: ['Sam Okafor'] });
    try {
      await sendPackage(temp, laptop);
      await laptop.call('signIn.signIn', { sessionId: session.id, personId: amara.id });
      const report = await laptop.call('reports.run', { kind: 'training', period: { kind: 'financialYear', startYear: 2025 }, asOf: TEST_TODAY });
      expect(report.data).toMatchObject({ peopleTrained: 1, attendances: 1, sessions: 1 });
      expect(report.notes.join(' ')).toContain("On this laptop the report counts only this laptop's own sessions");
      expect((await laptop.call('reports.options', {})).courses.map((c) => c.name)).toEqual(['Cultural competency']);
    } finally {
      await laptop.cleanup();
    }
  });
});
