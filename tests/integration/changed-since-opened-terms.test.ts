import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asStaff, type StaffCaller } from '../../electron/core/staff/caller';
import { refusedWritingNothing } from '../support/bookings';
import { tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * Two staff who open the same member's page and both change the same term
 * (its fee, its cancellation, the exemption of its joining): the later save
 * is told the term changed since it was opened, sees the newer values, and
 * writes nothing; a save at the version just read goes through.
 */
let temp: TempCore;
let schemeId: string;
let personId: string;
beforeEach(async () => {
  temp = await tempCore({ setUp: true });
  const course = await temp.call('courses.create', { title: 'Cultural competency', durationMinutes: 180, learningOutcomes: ['Explore what we mean by culture'] });
  schemeId = (await temp.call('schemes.create', { name: 'Allies', requiredCourseIds: [course.id], yearStarts: '05-01', feePence: 2500 })).id;
  personId = (await temp.call('people.create', { givenName: 'Amara', familyName: 'Okafor' })).id;
  await temp.call('members.join', { schemeId, personId, startsOn: '2025-09-01', feePence: null });
});
afterEach(() => temp.cleanup());

const priya: StaffCaller = { staffId: 'staff-priya', name: 'Priya Shah', role: 'coordinator', address: '192.168.1.20' };
const tomasz: StaffCaller = { staffId: 'staff-tomasz', name: 'Tomasz Nowak', role: 'coordinator', address: '192.168.1.21' };

/** The member's terms as their page reads them, each with its version. */
const termsNow = async () => (await temp.call('members.get', { personId })).memberships[0]!.terms;
const opened = async (index = 0) => {
  const term = (await termsNow())[index]!;
  return { termId: term.id, version: term.version };
};
const laterSave = /^Look at the newer values first: Priya Shah changed this member's term today at \d\d:\d\d, since you opened it\. Nothing was saved\.$/;

describe("two staff changing the same member's term", () => {
  it('refuses the later fee, writing nothing, and returns the term as it is now beside who changed it', async () => {
    const both = await opened();
    temp.clock.advance(60 * 60_000);
    const saved = await asStaff(priya, () => temp.call('members.recordFee', { ...both, feePence: 2500, paidOn: TEST_TODAY }));
    const newer = saved.memberships[0]!.terms[0]!;
    expect(newer).toMatchObject({ feePence: 2500, paidOn: TEST_TODAY });
    expect(newer.version).not.toBe(both.version);

    const refused = await asStaff(tomasz, () => refusedWritingNothing(temp, 'members.recordFee', { ...both, feePence: 2000, paidOn: '2026-03-01' }));
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
    expect(refused.message).toMatch(laterSave);
    expect(refused.current).toMatchObject({ id: both.termId, feePence: 2500, paidOn: TEST_TODAY, version: newer.version });
    expect((await termsNow())[0]).toMatchObject({ feePence: 2500, paidOn: TEST_TODAY });

    // Having seen hers, he saves his own on purpose, at the newer version.
    const kept = await asStaff(tomasz, () => temp.call('members.recordFee', { termId: both.termId, version: newer.version, feePence: 2000, paidOn: '2026-03-01' }));
    expect(kept.memberships[0]!.terms[0]).toMatchObject({ feePence: 2000, paidOn: '2026-03-01' });
  });

  it('refuses a cancellation opened before the fee was recorded, and an exemption opened before another', async () => {
    const both = await opened();
    await asStaff(priya, () => temp.call('members.recordFee', { ...both, feePence: 2500, paidOn: TEST_TODAY }));
    const cancel = await asStaff(tomasz, () => refusedWritingNothing(temp, 'members.cancel', { ...both, cancelledOn: TEST_TODAY }));
    expect(cancel.code).toBe('CHANGED_SINCE_OPENED');
    expect(cancel.message).toMatch(laterSave);
    expect(cancel.current).toMatchObject({ cancelledOn: null, feePence: 2500 });

    const again = await opened();
    await asStaff(priya, () => temp.call('members.exempt', { ...again, reason: 'Completed the course with another provider' }));
    const exempt = await asStaff(tomasz, () => refusedWritingNothing(temp, 'members.exempt', { ...again, reason: 'Trained at the council in 2024' }));
    expect(exempt.code).toBe('CHANGED_SINCE_OPENED');
    expect(exempt.current).toMatchObject({ exemptReason: 'Completed the course with another provider' });
  });

  it("checks an exemption against the joining's first term, where the reason is kept, when it is asked through a renewal", async () => {
    temp.clock.advance(24 * 60 * 60_000);
    await temp.call('members.renew', { schemeId, personId, startsOn: '2026-05-01' });
    const [joining, renewal] = [await opened(0), await opened(1)];
    await asStaff(priya, () => temp.call('members.exempt', { ...joining, reason: 'Completed the course with another provider' }));
    const refused = await asStaff(tomasz, () => refusedWritingNothing(temp, 'members.exempt', { termId: renewal.termId, version: joining.version, reason: 'Trained elsewhere' }));
    expect(refused.code).toBe('CHANGED_SINCE_OPENED');
    expect(refused.current).toMatchObject({ id: joining.termId, exemptReason: 'Completed the course with another provider' });
  });

  it('in the desktop app, with one person, each change at the version just read goes through as before', async () => {
    await temp.call('members.recordFee', { ...(await opened()), feePence: 2500, paidOn: TEST_TODAY });
    await temp.call('members.exempt', { ...(await opened()), reason: 'Completed the course with another provider' });
    await temp.call('members.recordFee', { ...(await opened()), feePence: 3000, paidOn: TEST_TODAY });
    const cancelled = await temp.call('members.cancel', { ...(await opened()), cancelledOn: TEST_TODAY });
    expect(cancelled.memberships[0]!.terms[0]).toMatchObject({
      feePence: 3000,
      paidOn: TEST_TODAY,
      cancelledOn: TEST_TODAY,
      exemptReason: 'Completed the course with another provider',
    });
  });
});
