import { afterEach, describe, expect, it } from 'vitest';
import { newUuidV7 } from '../../electron/core/ids';
import { changedTables, laptopForger, officeForger } from '../support/crafted-bundles';
import { asIncoming, incomingBytes, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { DAY_MS, dumpDatabase, refusal, seedSession, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * Membership on a facilitator's laptop: the office's package carries status
 * lines for the people booked on the laptop's sessions (never the fee), the
 * roster reads them, a "wants to join" request travels back in the bundle
 * and the office confirms it; and whatever else about memberships a file
 * brings is refused whole.
 */

/** A fee no clock stamp or id would hold by chance, so its absence from the laptop can be searched for. */
const FEE = 1_234_567;

let world: SyncWorld;
afterEach(async () => world?.cleanup());

async function scene() {
  world = await syncWorld(['Hall laptop 2']);
  const { office } = world;
  const laptop = world.laptops[0]!;
  const session = await seedSession(office.call, { day: '2026-03-20', title: 'Core training' });
  const scheme = await office.call('schemes.create', { name: 'Allies', requiredCourseIds: [session.courseId], yearStarts: '05-01', feePence: FEE });
  const person = (givenName: string) => office.call('people.create', { givenName, familyName: 'Okoro' });
  // Amara is a member booked on the session; Bea a member not booked on any; Chidi booked and not a member.
  const [amara, bea, chidi] = [await person('Amara'), await person('Bea'), await person('Chidi')];
  for (const member of [amara, bea]) {
    await office.call('members.join', { schemeId: scheme.id, personId: member.id, startsOn: '2026-01-31', paidOn: '2026-01-31' });
  }
  for (const booked of [amara, chidi]) await office.call('signIn.book', { sessionId: session.id, personId: booked.id });
  const laptopId = (await laptop.call('device.status', {})).device!.id;
  return { office, laptop, laptopId, session, scheme, amara, bea, chidi };
}

async function refusedBy(core: TempCore, procedure: 'sync.importPackage' | 'sync.importFile', file: Uint8Array) {
  const before = dumpDatabase(core.sqlite);
  const error = await refusal(core.dispatch, procedure, incomingBytes(file, procedure === 'sync.importFile' ? 'b.fieldbook' : 'p.fieldbook-package'));
  expect(changedTables(before, dumpDatabase(core.sqlite))).toEqual([]);
  expect(core.loggedErrors).toEqual([]);
  return error;
}

describe('membership lines in the package', () => {
  it('carries a line only for the people booked on the laptop’s sessions, and never the fee', async () => {
    const { office, laptop, session, scheme, amara, bea, chidi } = await scene();
    await sendPackage(office, laptop);

    const onRoster = await laptop.call('memberLines.forSession', { sessionId: session.id });
    expect(onRoster).toEqual({
      asOf: TEST_TODAY,
      canRequest: true,
      schemes: [{ id: scheme.id, name: 'Allies' }],
      // Joined 31 January with a 6-month window: due by 31 July, still open on 12 March.
      lines: [{ personId: amara.id, schemeId: scheme.id, schemeName: 'Allies', requiredCourses: ['Core training'], status: 'current', outcome: 'due', dueBy: '2026-07-31' }],
      requests: [],
    });
    const stored = laptop.sqlite.prepare('SELECT person_id FROM package_membership_lines').pluck().all();
    expect(stored).toEqual([amara.id]);
    expect(stored).not.toContain(bea.id);
    expect(stored).not.toContain(chidi.id);
    // Schemes and terms stay at the office; the fee is nowhere on the laptop.
    expect(laptop.sqlite.prepare('SELECT count(*) FROM membership_terms').pluck().get()).toBe(0);
    expect(laptop.sqlite.prepare('SELECT count(*) FROM membership_schemes').pluck().get()).toBe(0);
    expect(dumpDatabase(laptop.sqlite)).not.toContain(String(FEE));
    // The office's own screens stay closed to the laptop.
    expect((await refusal(laptop.dispatch, 'members.list', {})).code).toBe('NOT_ALLOWED');
  });

  it('is not shown while the kiosk is open', async () => {
    const { office, laptop, session } = await scene();
    await office.call('sessions.update', {
      id: session.id,
      version: (await office.call('sessions.get', { id: session.id })).version,
      fields: { courseId: session.courseId, venueId: session.venueId, startsAt: `${TEST_TODAY}T10:00`, endsAt: `${TEST_TODAY}T13:00`, capacity: 20, facilitators: ['Sam Okafor'], status: 'scheduled' },
    });
    await sendPackage(office, laptop);
    await laptop.call('kiosk.start', { sessionId: session.id, pin: '2468', mode: 'sign_in' });
    const error = await refusal(laptop.dispatch, 'memberLines.forSession', { sessionId: session.id });
    expect(error.message).not.toContain('Allies');
  });

  it('refuses a package whose membership line carries a fee, names someone it does not bring, or is not a date, writing nothing', async () => {
    const { office, laptop, laptopId, scheme, amara } = await scene();
    await sendPackage(office, laptop);
    const forger = officeForger(office, laptopId);
    const meta = (lines: unknown[]) => ({
      kind: 'package',
      officeName: 'Central office',
      laptopDeviceId: laptopId,
      acknowledged: [],
      sessions: 0,
      people: 0,
      membership: { asOf: TEST_TODAY, schemes: [{ id: scheme.id, name: 'Allies', requiredCourses: ['Core training'] }], lines },
    });
    const line = { personId: amara.id, schemeId: scheme.id, status: 'current', outcome: 'due', dueBy: '2026-07-31' };
    const cases: [unknown, string][] = [
      [{ ...line, feePence: FEE }, 'The package from Central office holds a fee in membership line 1; an office never sends that. Nothing was imported.'],
      [{ ...line, personId: newUuidV7() }, 'The package from Central office holds membership line 1 for someone it does not bring; an office never sends that. Nothing was imported.'],
      [{ ...line, dueBy: 'soon' }, 'The package from Central office holds membership line 1 with the training due date not as it should be; an office never sends that. Nothing was imported.'],
      [{ ...line, schemeId: newUuidV7() }, 'The package from Central office holds membership line 1 for a scheme it does not name; an office never sends that. Nothing was imported.'],
    ];
    for (const [bad, message] of cases) {
      const error = await refusedBy(laptop, 'sync.importPackage', await forger.file({ meta: meta([line, bad].slice(1)) }));
      expect(error).toEqual({ code: 'INVALID_RECORD', message });
    }
    // The same package with the good line imports.
    expect((await laptop.call('sync.importPackage', incomingBytes(await forger.file({ meta: meta([line]) }), 'p.fieldbook-package'))).status).toBe('imported');
  });
});

describe('wants to join', () => {
  it('is recorded on the laptop, travels in its bundle, and the office confirms it as a new member', async () => {
    const { office, laptop, session, scheme, chidi } = await scene();
    await sendPackage(office, laptop);
    const after = await laptop.call('memberRequests.record', { sessionId: session.id, personId: chidi.id, schemeId: scheme.id, notes: 'Asked at the break' });
    expect(after.requests).toEqual([expect.objectContaining({ personId: chidi.id, schemeName: 'Allies' })]);
    // Asking twice records it once.
    await laptop.call('memberRequests.record', { sessionId: session.id, personId: chidi.id, schemeId: scheme.id });
    expect(laptop.sqlite.prepare('SELECT count(*) FROM membership_requests').pluck().get()).toBe(1);

    await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
    const [request] = await office.call('memberRequests.list', {});
    expect(request).toMatchObject({ name: 'Chidi Okoro', schemeName: 'Allies', schemeKnown: true, courseTitle: 'Core training', laptopName: 'Hall laptop 2', notes: 'Asked at the break', status: 'open' });

    const confirmed = await office.call('memberRequests.confirm', { id: request!.id });
    expect(confirmed).toMatchObject({ status: 'confirmed', termId: expect.any(String) });
    const member = await office.call('members.get', { personId: chidi.id });
    expect(member.memberships[0]!.terms).toEqual([expect.objectContaining({ startsOn: TEST_TODAY, origin: 'new', feePence: FEE, notes: 'Asked at the break' })]);
    expect(await office.call('memberRequests.list', {})).toEqual([]);
    expect((await refusal(office.dispatch, 'memberRequests.confirm', { id: request!.id })).code).toBe('CONFLICT');

    // The next package brings their line; the request is no longer open.
    await sendPackage(office, laptop);
    const lines = (await laptop.call('memberLines.forSession', { sessionId: session.id })).lines;
    expect(lines.find((line) => line.personId === chidi.id)).toMatchObject({ status: 'current', outcome: 'due', dueBy: '2026-09-12' });
  });

  it('is declined with a reason, and a current member’s request cannot be confirmed', async () => {
    const { office, laptop, session, scheme, chidi } = await scene();
    await sendPackage(office, laptop);
    await laptop.call('memberRequests.record', { sessionId: session.id, personId: chidi.id, schemeId: scheme.id });
    await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
    const [request] = await office.call('memberRequests.list', {});
    await office.call('members.join', { schemeId: scheme.id, personId: chidi.id, startsOn: TEST_TODAY });
    const error = await refusal(office.dispatch, 'memberRequests.confirm', { id: request!.id });
    expect(error.message).toBe('Decline this request, or renew from their page: Chidi Okoro is already a member of Allies until 30 April 2026.');
    const declined = await office.call('memberRequests.decline', { id: request!.id, reason: 'Joined by phone' });
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Joined by phone' });
    expect(await office.call('memberRequests.list', { status: 'declined' })).toHaveLength(1);
  });

  it('is pruned from the laptop with the session’s other personal rows once the office holds it', async () => {
    const { office, laptop, session, scheme, chidi } = await scene();
    await sendPackage(office, laptop);
    await laptop.call('memberRequests.record', { sessionId: session.id, personId: chidi.id, schemeId: scheme.id });
    await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
    for (const core of [office, laptop]) core.clock.advance(40 * DAY_MS);
    expect((await sendPackage(office, laptop)).prunedSessions).toBe(1);
    expect(laptop.sqlite.prepare('SELECT count(*) FROM membership_requests').pluck().get()).toBe(0);
    expect(laptop.sqlite.prepare('SELECT count(*) FROM people WHERE id = ?').pluck().get(chidi.id)).toBe(0);
    expect(laptop.sqlite.prepare('SELECT count(*) FROM package_membership_lines').pluck().get()).toBe(0);
    // The office keeps it.
    expect(await office.call('memberRequests.list', {})).toHaveLength(1);
  });

  it('is refused for someone not on the session, a scheme the package did not bring, and at the office', async () => {
    const { office, laptop, session, scheme, amara, bea } = await scene();
    await sendPackage(office, laptop);
    const record = (personId: string, schemeId = scheme.id) => refusal(laptop.dispatch, 'memberRequests.record', { sessionId: session.id, personId, schemeId });
    expect((await record(bea.id)).code).toBe('INVALID_INPUT');
    expect((await record(amara.id, newUuidV7())).code).toBe('INVALID_INPUT');
    expect((await record(amara.id)).message).toBe('No need to ask the office: Amara is already a member of Allies.');
    expect((await refusal(office.dispatch, 'memberRequests.record', { sessionId: session.id, personId: amara.id, schemeId: scheme.id })).code).toBe('WRONG_DEVICE_ROLE');
    expect(laptop.sqlite.prepare('SELECT count(*) FROM membership_requests').pluck().get()).toBe(0);
  });
});

describe('what a laptop’s bundle may say about memberships', () => {
  it('refuses a signed bundle that adds a term, confirms its own request, or takes one already decided, writing nothing', async () => {
    const { office, laptop, laptopId, session, scheme, chidi } = await scene();
    await sendPackage(office, laptop);
    const forger = laptopForger(laptop);
    const term = forger.change({
      table: 'membership_terms',
      rowId: newUuidV7(),
      fields: { scheme_id: scheme.id, person_id: chidi.id, starts_on: TEST_TODAY, ends_on: '2026-04-30', origin: 'new', fee_pence: 0, paid_on: null, organisation_id: null, notes: null, cancelled_on: null, exempt_reason: null, created_at: new Date().toISOString() },
    });
    const termError = await refusedBy(office, 'sync.importFile', await forger.of(term));
    expect(termError).toEqual({ code: 'NOT_ALLOWED', message: "Hall laptop 2 tried to add a member's term; only the office can. Nothing was imported." });

    const requestFields = {
      scheme_id: scheme.id,
      scheme_name: 'Allies',
      person_id: chidi.id,
      session_id: session.id,
      notes: null,
      requested_at: new Date().toISOString(),
      device_id: laptopId,
      status: 'confirmed',
      decided_at: null,
      decline_reason: null,
      term_id: null,
    };
    const decided = await refusedBy(office, 'sync.importFile', await forger.of(forger.change({ table: 'membership_requests', rowId: newUuidV7(), fields: requestFields })));
    expect(decided.code).toBe('NOT_ALLOWED');

    // A real request, then the laptop's own edit confirming it.
    await laptop.call('memberRequests.record', { sessionId: session.id, personId: chidi.id, schemeId: scheme.id });
    await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})));
    const [request] = await office.call('memberRequests.list', {});
    const created = office.sqlite.prepare("SELECT id FROM change_log WHERE table_name = 'membership_requests'").pluck().get() as string;
    const edit = forger.change({ table: 'membership_requests', rowId: request!.id, fields: { status: 'confirmed' }, replaces: { status: created } });
    const editError = await refusedBy(office, 'sync.importFile', await forger.of(edit));
    expect(editError.code).toBe('NOT_ALLOWED');
    expect(editError.message).toMatch(/^Hall laptop 2 tried to change the status of a request to join a membership scheme; only the office can\. Nothing was imported\.$/);
    expect((await office.call('memberRequests.list', {}))[0]!.status).toBe('open');
  });
});
