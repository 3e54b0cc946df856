import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { officeCoreWithStaff, startTestOfficeServer, type TestOfficeServer } from '../support/office-server';
import { databaseHash, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * Two admins signed in to the office server change the same member's term
 * and the same retention settings: the later save is answered 409 with the
 * values as they are now, and writes nothing.
 */
const PRIYA = { name: 'Priya Shah', email: 'priya@example.org', role: 'admin' as const, password: 'violet-harbour-lantern' };
const TOMASZ = { name: 'Tomasz Nowak', email: 'tomasz@example.org', role: 'admin' as const, password: 'amber-river-compass' };

let temp: TempCore;
let office: TestOfficeServer;

beforeEach(async () => {
  temp = await officeCoreWithStaff([PRIYA, TOMASZ]);
  office = await startTestOfficeServer(temp, { signInsPerMinute: 1000 });
});

afterEach(async () => {
  await office.close();
  await temp.cleanup();
});

describe("two admins changing the same member's term or the same settings on the office server", { timeout: 60_000 }, () => {
  it('refuses the later fee on the same term, by whom, with the term as it is now', async () => {
    const course = await temp.call('courses.create', { title: 'Cultural competency', durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
    const scheme = await temp.call('schemes.create', { name: 'Allies', requiredCourseIds: [course.id] });
    const person = await temp.call('people.create', { givenName: 'Amara', familyName: 'Okafor' });
    await temp.call('members.join', { schemeId: scheme.id, personId: person.id, startsOn: TEST_TODAY, feePence: null });
    const [priya, tomasz] = [await office.signedIn(PRIYA), await office.signedIn(TOMASZ)];
    // Both open the member's page.
    const opened = await Promise.all([priya, tomasz].map(async (client) => (await client.call('members.get', { personId: person.id })).result.value.memberships[0].terms[0]));

    const first = await priya.call('members.recordFee', { termId: opened[0].id, version: opened[0].version, feePence: 2500, paidOn: TEST_TODAY });
    expect(first.result.ok).toBe(true);
    const before = databaseHash(temp.sqlite);
    const second = await tomasz.call('members.recordFee', { termId: opened[1].id, version: opened[1].version, feePence: 3000, paidOn: TEST_TODAY });
    expect(second.status).toBe(409);
    expect(second.result.error).toMatchObject({
      code: 'CHANGED_SINCE_OPENED',
      message: expect.stringMatching(/^Look at the newer values first: Priya Shah changed this member's term today at \d\d:\d\d, since you opened it\. Nothing was saved\.$/),
      current: { id: opened[1].id, feePence: 2500, version: first.result.value.memberships[0].terms[0].version },
    });
    expect(databaseHash(temp.sqlite)).toBe(before);
  });

  it('refuses the later retention save, with the retention as it is now', async () => {
    const [priya, tomasz] = [await office.signedIn(PRIYA), await office.signedIn(TOMASZ)];
    const opened = await Promise.all([priya, tomasz].map(async (client) => (await client.call('erasure.settings', {})).result.value));
    const first = await priya.call('erasure.saveSettings', { version: opened[0].version, personRetentionYears: 8, inboxRetentionDays: 30 });
    expect(first.result.ok).toBe(true);
    const before = databaseHash(temp.sqlite);
    const second = await tomasz.call('erasure.saveSettings', { version: opened[1].version, personRetentionYears: 6, inboxRetentionDays: 90 });
    expect(second.status).toBe(409);
    expect(second.result.error).toMatchObject({
      code: 'CHANGED_SINCE_OPENED',
      message: 'Look at the newer values first: these settings were changed since you opened them. Nothing was saved.',
      current: { personRetentionYears: 8, inboxRetentionDays: 30, version: first.result.value.version },
    });
    expect(databaseHash(temp.sqlite)).toBe(before);
  });
});
