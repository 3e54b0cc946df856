import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedId } from '../../electron/core/derived-id';
import { newUuidV7 } from '../../electron/core/ids';
import { CHANGES_PER_FRAME, MAX_FRAME_BYTES, type WireChange } from '../../electron/sync/payload';
import type { ErrorCode } from '../../shared/errors';
import { bundleMeta, changedTables, frameOf, laptopForger, payloadOf, rowCounts, type Forger } from '../support/crafted-bundles';
import { answersFor } from '../support/evaluations';
import { asIncoming, enrolLaptop, incomingBytes, sendPackage } from '../support/sync';
import { dumpDatabase, refusal, TEST_TODAY, tempCore, testClock, type TempCore } from '../support/temp-core';

/**
 * Bundles signed by an enrolled laptop, with its own keys, exactly as its
 * build writes them, but holding what no procedure on it would write: what
 * a stolen laptop or a faulty build could send. The signature says who sent
 * a file, not that what it says is allowed, so the office must refuse each
 * of these whole, in plain words naming the laptop, writing nothing at all
 * (or, for a clock far ahead, hold it for review and write only that).
 *
 * The world is built once, through the procedures: an office with a
 * catalogue (a linked course and an anonymous one, a venue, sessions,
 * people, bookings) and two enrolled laptops that have signed people in,
 * added walk-ins, taken evaluations and a note, and whose real bundles the
 * office has imported. Each test then works on its own copy of the office.
 */

// ---- the world --------------------------------------------------------------

interface World {
  office: TempCore;
  laptop1: TempCore;
  laptop2: TempCore;
}

/** What the attacks aim at, read from the office's database once the real bundles are in. */
interface Targets {
  laptop1Id: string;
  laptop2Id: string;
  laptop1BundleId: string;
  laptop2BundleId: string;
  organisationId: string;
  linkedCourse: string;
  anonymousCourse: string;
  venue: string;
  /** Today at 10:00, run by Sam Okafor (laptop 2's facilitator), linked evaluations. */
  linkedSession: string;
  /** Today at 14:00, run by Sam Okafor, anonymous evaluations. */
  anonymousSession: string;
  /** Today at 15:00, run by Priya Shah, whom neither laptop has. */
  otherSession: string;
  anonymousTemplate: string;
  amira: string;
  bogdan: string;
  /** Laptop 1's walk-in. */
  chen: string;
  /** Laptop 2's walk-in. */
  dana: string;
  /** Laptop 2's note on the linked session. */
  note: string;
}

let world: World;
let targets: Targets;

async function buildWorld(): Promise<World> {
  const office = await tempCore({ setUp: true });
  const call = office.call;
  const organisation = await call('organisations.create', { name: 'Age Concern', sector: 'vcse' });
  const linked = await call('courses.create', { title: 'Safeguarding adults', durationMinutes: 180, learningOutcomes: ['I know who to tell'], evaluationMode: 'linked' });
  const anonymous = await call('courses.create', {
    title: 'Working with different communities',
    durationMinutes: 180,
    learningOutcomes: ['I can book an interpreter'],
    evaluationMode: 'anonymous',
  });
  for (const course of [linked, anonymous]) {
    const form = await call('evaluations.template', { courseId: course.id });
    await call('evaluations.saveTemplate', { courseId: course.id, items: form.items });
  }
  const venue = await call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
  const session = (courseId: string, start: string, end: string, facilitators: string[]) =>
    call('sessions.create', { courseId, venueId: venue.id, startsAt: `${TEST_TODAY}T${start}`, endsAt: `${TEST_TODAY}T${end}`, capacity: 20, facilitators, status: 'scheduled' });
  const linkedSession = await session(linked.id, '10:00', '12:00', ['Sam Okafor']);
  const anonymousSession = await session(anonymous.id, '14:00', '16:00', ['Sam Okafor']);
  await session(linked.id, '15:00', '17:00', ['Priya Shah']);
  const amira = await call('people.create', { givenName: 'Amira', familyName: 'Haddad', email: 'amira@example.org', organisationId: organisation.id });
  const bogdan = await call('people.create', { givenName: 'Bogdan', familyName: 'Nowak' });
  for (const sessionId of [linkedSession.id, anonymousSession.id]) {
    for (const personId of [amira.id, bogdan.id]) await call('signIn.book', { sessionId, personId });
  }

  const laptop1 = await enrolLaptop(office, 'Hall laptop 1', { facilitators: ['Sam Okafor'] });
  const laptop2 = await enrolLaptop(office, 'Hall laptop 2', { facilitators: ['Sam Okafor'] });
  await sendPackage(office, laptop1);
  await sendPackage(office, laptop2);

  // Laptop 1: a sign-in, a walk-in and a linked evaluation at 10:00; a sign-in and an anonymous evaluation at 14:00.
  await laptop1.call('signIn.signIn', { sessionId: linkedSession.id, personId: amira.id });
  await laptop1.call('signIn.addWalkIn', { sessionId: linkedSession.id, person: { givenName: 'Chen', familyName: 'Wei' }, confirmedNew: true });
  const linkedForm = await laptop1.call('evaluations.template', { courseId: linked.id });
  await laptop1.call('evaluations.submit', { sessionId: linkedSession.id, personId: amira.id, templateId: linkedForm.id, answers: answersFor(linkedForm), language: 'en' });
  await laptop1.call('signIn.signIn', { sessionId: anonymousSession.id, personId: bogdan.id });
  const anonymousForm = await laptop1.call('evaluations.template', { courseId: anonymous.id });
  await laptop1.call('evaluations.submit', { sessionId: anonymousSession.id, personId: bogdan.id, templateId: anonymousForm.id, answers: answersFor(anonymousForm), language: 'en' });
  expect((await office.call('sync.importFile', asIncoming(await laptop1.call('sync.exportBundle', {})))).status).toBe('imported');

  // Laptop 2: a walk-in at 14:00, a note at 10:00, and a correction to Bogdan's details.
  await laptop2.call('signIn.addWalkIn', { sessionId: anonymousSession.id, person: { givenName: 'Dana', familyName: 'Okoro', email: 'dana@example.org' }, confirmedNew: true });
  await laptop2.call('notes.add', { sessionId: linkedSession.id, text: 'The hearing loop was off', tags: ['venue'], needsResponse: true });
  await laptop2.call('people.update', { id: bogdan.id, version: (await laptop2.call('people.get', { id: bogdan.id })).version, fields: { givenName: 'Bogdan', familyName: 'Nowak', phone: '07700 900123' } });
  expect((await office.call('sync.importFile', asIncoming(await laptop2.call('sync.exportBundle', {})))).status).toBe('imported');

  const one = <T>(sql: string, ...params: unknown[]) => office.sqlite.prepare(sql).pluck().get(...params) as T;
  const laptop1Id = one<string>("SELECT device_id FROM enrolled_devices WHERE name = 'Hall laptop 1'");
  const laptop2Id = one<string>("SELECT device_id FROM enrolled_devices WHERE name = 'Hall laptop 2'");
  targets = {
    laptop1Id,
    laptop2Id,
    laptop1BundleId: one('SELECT bundle_id FROM received_bundles WHERE sender_device_id = ?', laptop1Id),
    laptop2BundleId: one('SELECT bundle_id FROM received_bundles WHERE sender_device_id = ?', laptop2Id),
    organisationId: organisation.id,
    linkedCourse: linked.id,
    anonymousCourse: anonymous.id,
    venue: venue.id,
    linkedSession: linkedSession.id,
    anonymousSession: anonymousSession.id,
    otherSession: one("SELECT id FROM sessions WHERE facilitators LIKE '%Priya Shah%'"),
    anonymousTemplate: one('SELECT id FROM evaluation_templates WHERE course_id = ? ORDER BY version DESC', anonymous.id),
    amira: amira.id,
    bogdan: bogdan.id,
    chen: one("SELECT id FROM people WHERE given_name = 'Chen'"),
    dana: one("SELECT id FROM people WHERE given_name = 'Dana'"),
    note: one('SELECT id FROM session_notes'),
  };
  return { office, laptop1, laptop2 };
}

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  for (const core of [world?.office, world?.laptop1, world?.laptop2]) await core?.cleanup();
});

// ---- each test's office, and what it reads --------------------------------------

interface Scene extends Targets {
  /** A copy of the world's office, this test's own. */
  office: TempCore;
  /** Files in Hall laptop 2's name, with its keys and its clock. */
  laptop2: Forger;
  /** The first change of a row, as the office holds it. */
  firstChange(table: string, rowId: string): { id: string; hlc: string; fields: Record<string, unknown> };
  /** The row as the office holds it. */
  row(table: string, rowId: string): Record<string, unknown>;
}

const opened: TempCore[] = [];
afterAll(async () => {
  for (const core of opened.splice(0)) await core.cleanup();
});

async function scene(): Promise<Scene> {
  const office = await tempCore({ copyOf: world.office, clock: testClock(world.office.clock()) });
  opened.push(office);
  return {
    ...targets,
    office,
    laptop2: laptopForger(world.laptop2),
    firstChange(table, rowId) {
      const row = office.sqlite.prepare('SELECT id, hlc, fields FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc LIMIT 1').get(table, rowId) as
        | { id: string; hlc: string; fields: string }
        | undefined;
      if (!row) throw new Error(`The office has no change of ${table} ${rowId}.`);
      return { id: row.id, hlc: row.hlc, fields: JSON.parse(row.fields) as Record<string, unknown> };
    },
    row(table, rowId) {
      return office.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(rowId) as Record<string, unknown>;
    },
  };
}

/** Laptop 1's sign-in of Amira at 10:00, as the office holds it. */
function laptop1SignIn(s: Scene) {
  const rowId = s.office.sqlite.prepare('SELECT id FROM sign_ins WHERE device_id = ? AND person_id = ? AND session_id = ?').pluck().get(s.laptop1Id, s.amira, s.linkedSession) as string;
  const change = s.firstChange('sign_ins', rowId);
  return { rowId, changeId: change.id, fields: change.fields };
}

/** A new person's whole row, as people.create writes it. */
const personRow = (fields: Record<string, unknown> = {}) => ({
  given_name: 'Eve',
  family_name: 'Forger',
  preferred_name: null,
  email: null,
  phone: null,
  organisation_id: null,
  membership_joined_on: null,
  ...fields,
});

/** A new sign-in by laptop 2, as signIn.signIn writes it: its hlc column is the change's own stamp. */
function signInChange(s: Scene, fields: Record<string, unknown> = {}, stamp = s.laptop2.tick()): WireChange {
  return s.laptop2.change({
    table: 'sign_ins',
    rowId: newUuidV7(),
    hlc: stamp,
    fields: { session_id: s.anonymousSession, person_id: s.dana, kind: 'sign_in', method: 'facilitator', corrects_id: null, hlc: stamp, recorded_at: s.office.clock().toISOString(), device_id: s.laptop2.deviceId, ...fields },
  });
}

/** An edit of one field of a row, replacing the row's first change as the laptop's procedure would. */
function editOf(s: Scene, table: string, rowId: string, fields: Record<string, unknown>): WireChange {
  const first = s.firstChange(table, rowId);
  return s.laptop2.change({ table, rowId, fields, replaces: Object.fromEntries(Object.keys(fields).map((field) => [field, first.id])) });
}

// ---- what a refusal must look like ------------------------------------------------

type RefusalCode = Extract<ErrorCode, 'NOT_ALLOWED' | 'INVALID_RECORD' | 'BAD_SEQUENCE' | 'FILE_TOO_LARGE' | 'FILE_DAMAGED'>;

interface Case {
  name: string;
  file(s: Scene): Promise<Uint8Array>;
  code: RefusalCode;
  /** The whole message, or what it must say. */
  message: string | RegExp;
  /**
   * A bug in the product this case shows, in words. With `in: 'message'` the
   * group still checks the code and that nothing was written, and a separate
   * `it.fails` holds the message as it should be; with `in: 'outcome'` the
   * whole case is an `it.fails`.
   */
  bug?: { in: 'message' | 'outcome'; what: string };
}

const NOTHING = 'Nothing was imported.';

/** Plain words: no column names, JSON or record ids, the laptop named, and the file's fate said last. */
function expectPlainRefusal(message: string): void {
  expect(message).toContain('Hall laptop 2');
  expect(message.endsWith(` ${NOTHING}`)).toBe(true);
  expect(message).not.toMatch(/[a-z]+_[a-z]+|[{}[\]"\\]|[0-9a-f]{8}-[0-9a-f]{4}-/);
}

/** Offers the file to the office; returns the refusal, having checked that not one row of any table changed. */
async function refusedWritingNothing(s: Scene, file: Uint8Array) {
  const before = dumpDatabase(s.office.sqlite);
  const error = await refusal(s.office.dispatch, 'sync.importFile', incomingBytes(file, 'hall-laptop-2-bundle.fieldbook'));
  expect(changedTables(before, dumpDatabase(s.office.sqlite))).toEqual([]);
  expect(s.office.loggedErrors).toEqual([]);
  return error;
}

async function checkCase(s: Scene, c: Case, checkMessage: boolean): Promise<void> {
  const error = await refusedWritingNothing(s, await c.file(s));
  expect({ case: c.name, code: error.code }).toEqual({ case: c.name, code: c.code });
  if (!checkMessage) return;
  if (typeof c.message === 'string') expect(error.message).toBe(c.message);
  else expect(error.message).toMatch(c.message);
  expectPlainRefusal(error.message);
}

/**
 * One `it` for a group's cases (and whatever else the group checks on the
 * same office afterwards), plus one `it.fails` per case that shows a bug.
 */
function refusals(title: string, cases: Case[], after?: (s: Scene) => Promise<void>): void {
  it(title, async () => {
    const s = await scene();
    for (const c of cases) if (c.bug?.in !== 'outcome') await checkCase(s, c, !c.bug);
    await after?.(s);
  });
  for (const c of cases.filter((candidate) => candidate.bug)) {
    it.fails(`${title}: ${c.name} (bug: ${c.bug!.what})`, async () => {
      await checkCase(await scene(), c, true);
    });
  }
}

/** Office writes still work, and its clock is where the test clock says. */
async function officeStillWrites(s: Scene): Promise<void> {
  const organisation = await s.office.call('organisations.create', { name: `Written after, ${newUuidV7().slice(-4)}`, sector: 'other' });
  expect(organisation.id).toBeTruthy();
  const clock = s.office.sqlite.prepare('SELECT clock FROM device').pluck().get() as string;
  expect(Math.abs(Number(clock.slice(0, 15)) - s.office.clock().getTime())).toBeLessThan(5 * 60_000);
}

// ---- the cases ------------------------------------------------------------------------

describe('a signed bundle is trusted only as far as a laptop may write', () => {
  refusals('1. the catalogue is the office’s: courses, venues, sessions, evaluation templates', [
    {
      name: 'rename a course',
      file: (s) => s.laptop2.of(editOf(s, 'courses', s.linkedCourse, { title: 'Renamed by a laptop' })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 tried to change the title of a course; only the office can. ${NOTHING}`,
    },
    {
      name: "switch a course's evaluations from anonymous to linked",
      file: (s) => s.laptop2.of(editOf(s, 'courses', s.anonymousCourse, { evaluation_mode: 'linked' })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 tried to change the evaluation setting (anonymous or linked) of a course; only the office can. ${NOTHING}`,
    },
    {
      name: 'rewrite a course whole, in place, as if creating it',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'courses', rowId: s.anonymousCourse, fields: { ...s.firstChange('courses', s.anonymousCourse).fields, evaluation_mode: 'linked' } })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 tried to add a course; only the office can. ${NOTHING}`,
    },
    {
      name: 'add a venue',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'venues', rowId: newUuidV7(), fields: { name: 'Back room', address: '2 River Lane', access_notes: null } })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 tried to add a venue; only the office can. ${NOTHING}`,
    },
    {
      name: 'add a session',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'sessions', rowId: newUuidV7(), fields: { ...s.firstChange('sessions', s.linkedSession).fields, starts_at: `${TEST_TODAY}T18:00`, ends_at: `${TEST_TODAY}T19:00` } })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 tried to add a session; only the office can. ${NOTHING}`,
    },
    {
      name: "change who runs a session (valid facilitators, not the laptop's to change)",
      file: (s) => s.laptop2.of(editOf(s, 'sessions', s.otherSession, { facilitators: '["Sam Okafor"]' })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 tried to change the facilitators of a session; only the office can. ${NOTHING}`,
    },
    {
      name: 'add an evaluation template',
      file: (s) => {
        const template = s.firstChange('evaluation_templates', s.anonymousTemplate).fields;
        return s.laptop2.of(s.laptop2.change({ table: 'evaluation_templates', rowId: newUuidV7(), fields: { ...template, version: 9 } }));
      },
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 tried to add an evaluation template; only the office can. ${NOTHING}`,
    },
  ]);

  const rewrite = (what: (s: Scene, signIn: ReturnType<typeof laptop1SignIn>) => Record<string, unknown>) => (s: Scene) => {
    const signIn = laptop1SignIn(s);
    const stamp = s.laptop2.tick();
    // Laptop 2's own name and clock in the row, so only the rewrite itself is wrong.
    return s.laptop2.of(s.laptop2.change({ table: 'sign_ins', rowId: signIn.rowId, hlc: stamp, fields: { ...signIn.fields, hlc: stamp, device_id: s.laptop2.deviceId, ...what(s, signIn) } }));
  };
  const ONCE = `Hall laptop 2 tried to change a sign-in; once recorded, a sign-in is never changed. ${NOTHING}`;
  const REWRITE = `Hall laptop 2 tried to rewrite a sign-in made on another device. ${NOTHING}`;
  refusals('2. facts never change: another laptop’s sign-in cannot be rewritten', [
    // An undo in place corrects its own record: no procedure writes that, so it is refused as such.
    {
      name: "turn laptop 1's sign-in into an undo, in place",
      file: rewrite((_s, signIn) => ({ kind: 'undo', corrects_id: signIn.rowId })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent an undo that corrects itself. ${NOTHING}`,
    },
    { name: "move laptop 1's sign-in to another person", file: rewrite((s) => ({ person_id: s.bogdan })), code: 'NOT_ALLOWED', message: REWRITE },
    { name: "move laptop 1's sign-in to another session", file: rewrite((s) => ({ session_id: s.anonymousSession })), code: 'NOT_ALLOWED', message: REWRITE },
    {
      name: "edit laptop 1's sign-in, naming the change it replaces",
      file: (s) => {
        const signIn = laptop1SignIn(s);
        return s.laptop2.of(s.laptop2.change({ table: 'sign_ins', rowId: signIn.rowId, fields: { person_id: s.bogdan }, replaces: { person_id: signIn.changeId } }));
      },
      code: 'NOT_ALLOWED',
      message: ONCE,
    },
    {
      name: "edit laptop 1's sign-in with no change replaced",
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'sign_ins', rowId: laptop1SignIn(s).rowId, fields: { kind: 'undo', corrects_id: laptop1SignIn(s).rowId } })),
      code: 'NOT_ALLOWED',
      message: ONCE,
    },
  ]);

  refusals('3. a laptop writes only in its own name and with its own clock', [
    {
      name: "a sign-in whose device column names laptop 1",
      file: (s) => s.laptop2.of(signInChange(s, { device_id: s.laptop1Id })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 wrote a sign-in in another device's name. ${NOTHING}`,
    },
    {
      name: "a sign-in whose hlc column is laptop 1's clock",
      file: (s) => s.laptop2.of(signInChange(s, { hlc: s.laptop2.stampAt(s.office.clock(), 3, s.laptop1Id) })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 wrote a sign-in with another device's clock. ${NOTHING}`,
    },
    {
      name: "a booking's history written in laptop 1's name",
      file: (s) => {
        const event = s.office.sqlite.prepare("SELECT fields FROM change_log WHERE table_name = 'booking_events' AND device_id = ?").pluck().get(s.laptop2Id) as string;
        const stamp = s.laptop2.tick();
        return s.laptop2.of(s.laptop2.change({ table: 'booking_events', rowId: newUuidV7(), hlc: stamp, fields: { ...(JSON.parse(event) as object), hlc: stamp, device_id: s.laptop1Id } }));
      },
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 wrote a booking's history in another device's name. ${NOTHING}`,
    },
    {
      name: "a change whose clock stamp is laptop 1's",
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: personRow(), hlc: s.laptop2.stampAt(s.office.clock(), 5, s.laptop1Id) })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 sent a change stamped with another device's clock. ${NOTHING}`,
    },
    {
      name: 'a change whose author is laptop 1',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: personRow(), author: s.laptop1Id, hlc: s.laptop2.stampAt(s.office.clock(), 5, s.laptop1Id) })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 sent changes another device made; a laptop's file carries only its own. ${NOTHING}`,
    },
  ]);

  refusals('4. merging people is the office’s decision', [
    {
      name: 'set merged_into in an edit',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'people', rowId: s.bogdan, fields: { merged_into: s.amira } })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 tried to change the duplicate merge (which person it was merged into) of a person; only the office can. ${NOTHING}`,
    },
    {
      name: 'create a new person already merged into another',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: personRow({ merged_into: s.amira }) })),
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 tried to add a person with its duplicate merge (which person it was merged into) already set; only the office sets that. ${NOTHING}`,
    },
  ]);

  refusals(
    '5. a laptop changes the capacity only of sessions its facilitators run',
    [
      {
        name: "the capacity of Priya Shah's session, from a laptop enrolled for Sam Okafor",
        file: (s) => s.laptop2.of(editOf(s, 'sessions', s.otherSession, { capacity: 40 })),
        code: 'NOT_ALLOWED',
        message: `Hall laptop 2 tried to change the capacity of a session its facilitators do not run. ${NOTHING}`,
      },
    ],
    async (s) => {
      // The same change to a session Sam Okafor runs is what bookings.setCapacity on the laptop writes: it imports.
      const outcome = await s.office.call('sync.importFile', incomingBytes(await s.laptop2.of(editOf(s, 'sessions', s.linkedSession, { capacity: 25 }))));
      expect(outcome.status).toBe('imported');
      expect(s.row('sessions', s.linkedSession).capacity).toBe(25);
      expect(s.row('sessions', s.otherSession).capacity).toBe(20);
    },
  );

  refusals('6. an anonymous evaluation’s answers carry no one’s name', [
    {
      name: 'an answer to the anonymous course naming Bogdan',
      file: (s) => {
        const answer = s.office.sqlite.prepare('SELECT fields FROM change_log WHERE table_name = ? AND fields LIKE ?').pluck().get('evaluation_responses', `%${s.anonymousSession}%`) as string;
        return s.laptop2.of(s.laptop2.change({ table: 'evaluation_responses', rowId: newUuidV7(), fields: { ...(JSON.parse(answer) as object), person_id: s.bogdan, language: 'en' } }));
      },
      code: 'NOT_ALLOWED',
      message: `Hall laptop 2 put a person's name to an answer of an anonymous evaluation. ${NOTHING}`,
    },
  ]);

  const NOT_REPLACED = `Hall laptop 2 sent an edit of a person that claims to replace a change it could not have replaced. ${NOTHING}`;
  refusals('7. an edit replaces only an earlier value of the same field', [
    {
      name: "replaces naming another person's change",
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'people', rowId: s.dana, fields: { given_name: 'Danielle' }, replaces: { given_name: s.firstChange('people', s.amira).id } })),
      code: 'NOT_ALLOWED',
      message: NOT_REPLACED,
    },
    {
      name: 'replaces naming a later change in the same file',
      file: (s) => {
        const later = s.laptop2.change({ table: 'people', rowId: s.dana, fields: { given_name: 'Second' }, hlc: s.laptop2.stampAt(s.office.clock().getTime() + 2000) });
        const first = s.laptop2.change({ table: 'people', rowId: s.dana, fields: { given_name: 'First' }, replaces: { given_name: later[0] }, hlc: s.laptop2.stampAt(s.office.clock().getTime() + 1000) });
        return s.laptop2.file({ changes: [first, later], createdAt: s.laptop2.stampAt(s.office.clock().getTime() + 3000) });
      },
      code: 'NOT_ALLOWED',
      message: NOT_REPLACED,
    },
    {
      name: 'replaces naming a change stamped after the edit',
      file: (s) => {
        const created = s.firstChange('people', s.dana);
        return s.laptop2.of(s.laptop2.change({ table: 'people', rowId: s.dana, fields: { given_name: 'Earlier' }, replaces: { given_name: created.id }, hlc: s.laptop2.stampAt(s.office.clock().getTime() - 60 * 60_000) }));
      },
      code: 'NOT_ALLOWED',
      message: NOT_REPLACED,
    },
    {
      name: 'replaces naming a field the edit does not change',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'people', rowId: s.dana, fields: { given_name: 'Danielle' }, replaces: { family_name: s.firstChange('people', s.dana).id } })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent an edit that names what it replaced for a field it did not change. ${NOTHING}`,
    },
  ]);

  const bookingRow = (s: Scene, fields: Record<string, unknown> = {}) => ({
    session_id: s.linkedSession,
    person_id: s.dana,
    state: 'booked',
    booked_at: s.office.clock().toISOString(),
    waitlist_position: null,
    priority_reason: null,
    present_at: null,
    walk_in: 0,
    group_booking_id: null,
    ...fields,
  });
  refusals('8. every row passes the same checks as the procedure that would write it', [
    {
      name: 'facilitators as {"a":1}',
      file: (s) => s.laptop2.of(editOf(s, 'sessions', s.linkedSession, { facilitators: '{"a":1}' })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent a session whose facilitators is not something Fieldbook would store. ${NOTHING}`,
    },
    {
      name: 'a note edited to tags {"a":1}',
      file: (s) => s.laptop2.of(editOf(s, 'session_notes', s.note, { tags: '{"a":1}' })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent a session note whose tags is not something Fieldbook would store. ${NOTHING}`,
    },
    {
      name: 'a new note with tags {"a":1}',
      file: (s) =>
        s.laptop2.of(
          s.laptop2.change({
            table: 'session_notes',
            rowId: newUuidV7(),
            fields: { ...s.firstChange('session_notes', s.note).fields, tags: '{"a":1}' },
          }),
        ),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent a session note whose tags is not something Fieldbook would store. ${NOTHING}`,
    },
    {
      name: 'a given name of 10 MB (in one frame, well under the frame limit)',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: personRow({ given_name: 'E'.repeat(10 * 1024 * 1024) }) })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent a person whose given name is not something Fieldbook would store. ${NOTHING}`,
    },
    {
      name: 'an email "not an email"',
      file: (s) => s.laptop2.of(editOf(s, 'people', s.dana, { email: 'not an email' })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent a person whose email is not something Fieldbook would store. ${NOTHING}`,
    },
    {
      name: 'a booking booked at "not a date"',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'bookings', rowId: derivedId('booking', s.linkedSession, s.dana), fields: bookingRow(s, { booked_at: 'not a date' }) })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent a booking whose booking time is not something Fieldbook would store. ${NOTHING}`,
    },
    {
      name: 'a booking whose id is derived for another session',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'bookings', rowId: derivedId('booking', s.linkedSession, s.dana), fields: bookingRow(s, { session_id: s.otherSession }) })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent a booking whose record number does not match what it is about. ${NOTHING}`,
    },
    {
      name: 'a booking whose id is random',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'bookings', rowId: newUuidV7(), fields: bookingRow(s) })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent a booking whose record number does not match what it is about. ${NOTHING}`,
    },
    {
      name: 'a group booking of 0 places',
      file: (s) =>
        s.laptop2.of(
          s.laptop2.change({
            table: 'group_bookings',
            rowId: newUuidV7(),
            fields: { session_id: s.linkedSession, organisation_id: s.organisationId, places: 0, created_at: s.office.clock().toISOString() },
          }),
        ),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent an organisation's group places whose places is not something Fieldbook would store. ${NOTHING}`,
    },
    {
      name: "an undo of Bogdan's sign-in that corrects Amira's",
      file: (s) => s.laptop2.of(signInChange(s, { kind: 'undo', corrects_id: laptop1SignIn(s).rowId, person_id: s.bogdan, session_id: s.linkedSession })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent an undo that corrects someone else's sign-in, or one at another session. ${NOTHING}`,
    },
    {
      name: 'an undo that corrects itself',
      file: (s) => {
        const stamp = s.laptop2.tick();
        const rowId = newUuidV7();
        return s.laptop2.of(s.laptop2.change({ table: 'sign_ins', rowId, hlc: stamp, fields: { session_id: s.linkedSession, person_id: s.amira, kind: 'undo', method: 'facilitator', corrects_id: rowId, hlc: stamp, recorded_at: s.office.clock().toISOString(), device_id: s.laptop2.deviceId } }));
      },
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent an undo that corrects itself. ${NOTHING}`,
    },
    {
      name: 'an undo that corrects no sign-in',
      file: (s) => s.laptop2.of(signInChange(s, { kind: 'undo', corrects_id: null })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent an undo that corrects no sign-in, or a sign-in that claims to correct one. ${NOTHING}`,
    },
  ]);

  refusals(
    '9. bundle numbers: each once, each bundle id one laptop’s',
    [
      {
        name: 'a sequence number of 9007199254740991',
        file: (s) => s.laptop2.file({ sequence: Number.MAX_SAFE_INTEGER, changes: [editOf(s, 'people', s.dana, { phone: '07700 900456' })] }),
        code: 'BAD_SEQUENCE',
        message: `Hall laptop 2 numbered this file 9,007,199,254,740,991, but its newest file here is number 1; a laptop numbers its files one after another. ${NOTHING}`,
      },
      {
        name: 'bundle number 1 again, under a new bundle id',
        file: (s) => s.laptop2.file({ sequence: 1, changes: [editOf(s, 'people', s.dana, { phone: '07700 900456' })] }),
        code: 'BAD_SEQUENCE',
        message: `Hall laptop 2 already sent a different end-of-day file numbered 1, so this one was not imported. ${NOTHING}`,
      },
      {
        name: "laptop 1's imported bundle id, in laptop 2's signed file",
        file: (s) => s.laptop2.file({ bundleId: s.laptop1BundleId, sequence: 1, changes: [editOf(s, 'people', s.dana, { phone: '07700 900456' })] }),
        code: 'BAD_SEQUENCE',
        message: `This file from Hall laptop 2 carries the id of an end-of-day file from another device, so it was not imported. ${NOTHING}`,
      },
      {
        name: "laptop 2's own bundle 1 id under another number",
        file: (s) => s.laptop2.file({ bundleId: s.laptop2BundleId, sequence: 7, changes: [editOf(s, 'people', s.dana, { phone: '07700 900456' })] }),
        code: 'BAD_SEQUENCE',
        message: `This file from Hall laptop 2 carries the id of its end-of-day file 1 with the number 7, so it was not imported. ${NOTHING}`,
      },
    ],
    async (s) => {
      const manifest = await s.office.call('sync.manifest', {});
      expect(manifest.map(({ name, received, missing, repeatsSeen }) => ({ name, received, missing, repeatsSeen }))).toEqual([
        { name: 'Hall laptop 1', received: [1], missing: [], repeatsSeen: 0 },
        { name: 'Hall laptop 2', received: [1], missing: [], repeatsSeen: 0 },
      ]);
    },
  );

  it('9. a bundle numbered far past the laptop’s newest is refused before it could be held, so the manifest never lists millions of missing bundles', async () => {
    const s = await scene();
    // Stamped in 2100, so it would be held unmerged, where its number alone would count as arrived.
    const file = await s.laptop2.file({ sequence: 1_000_000, changes: [s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: personRow(), hlc: s.laptop2.stampAt(Date.parse('2100-01-01T00:00:00Z')) })] });
    expect((await refusedWritingNothing(s, file)).code).toBe('BAD_SEQUENCE');
    // The next number in turn, and one a few files on (numbers of files never saved), are fine.
    expect((await s.office.call('sync.importFile', incomingBytes(await s.laptop2.file({ sequence: 5, changes: [editOf(s, 'people', s.dana, { phone: '07700 900111' })] })))).status).toBe('imported');
    const entry = (await s.office.call('sync.manifest', {})).find((laptop) => laptop.name === 'Hall laptop 2')!;
    expect(entry).toMatchObject({ received: [1, 5], missing: [2, 3, 4] });
  });

  refusals('10. clock stamps: one at its limit is no clock stamp', [
    {
      name: 'a change whose counter is 999999',
      file: (s) => s.laptop2.of(s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: personRow(), hlc: s.laptop2.stampAt(s.office.clock(), 999_999) })),
      code: 'INVALID_RECORD',
      message: `Hall laptop 2 sent a change whose clock stamp is at its limit. ${NOTHING}`,
    },
  ]);

  describe('10. clock stamps far ahead are held for review, never followed', () => {
    /** Imports the file and checks it was held, adding one held bundle and one log line and nothing else. */
    async function held(s: Scene, file: Uint8Array) {
      const before = dumpDatabase(s.office.sqlite);
      const outcome = await s.office.call('sync.importFile', incomingBytes(file, 'hall-laptop-2-bundle.fieldbook'));
      const after = dumpDatabase(s.office.sqlite);
      expect(outcome.status).toBe('held');
      expect(changedTables(before, after)).toEqual(['held_bundles', 'import_log']);
      expect(rowCounts(after, 'held_bundles') - rowCounts(before, 'held_bundles')).toBe(1);
      expect(rowCounts(after, 'import_log') - rowCounts(before, 'import_log')).toBe(1);
      expect(s.office.loggedErrors).toEqual([]);
      return outcome;
    }
    const in2100 = Date.parse('2100-01-01T00:00:00Z');

    it('holds a normal-looking bundle with one change stamped in 2100, and imports it only when told, without following its clock', async () => {
      const s = await scene();
      const eve = newUuidV7();
      const outcome = await held(s, await s.laptop2.file({ changes: [s.laptop2.change({ table: 'people', rowId: eve, fields: personRow(), hlc: s.laptop2.stampAt(in2100) })] }));
      expect(outcome.message).toMatch(/^Held for review: end-of-day file \d+ from Hall laptop 2 holds a change stamped [\d,]+ days ahead of this computer's clock\. Check that laptop's date and time, then import it from the held list\.$/);
      await officeStillWrites(s);

      const imported = await s.office.call('sync.importHeld', { bundleId: outcome.bundleId });
      expect(imported).toMatchObject({ status: 'imported', summary: { changes: 1, newPeople: 1 } });
      expect(s.row('people', eve)).toMatchObject({ given_name: 'Eve', family_name: 'Forger' });
      await officeStillWrites(s);
    });

    it("after Import anyway of a 2100 bundle, the office is told plainly that its own correction of that value would not last, and nothing changes", async () => {
      const s = await scene();
      const eve = newUuidV7();
      const outcome = await held(s, await s.laptop2.file({ changes: [s.laptop2.change({ table: 'people', rowId: eve, fields: personRow(), hlc: s.laptop2.stampAt(in2100) })] }));
      expect((await s.office.call('sync.importHeld', { bundleId: outcome.bundleId })).status).toBe('imported');
      const before = dumpDatabase(s.office.sqlite);
      expect(await refusal(s.office.dispatch, 'people.update', { id: eve, version: (await s.office.call('people.get', { id: eve })).version, fields: { givenName: 'Evelyn', familyName: 'Forger' } })).toEqual({
        code: 'CONFLICT',
        message:
          "Correct the date of the device whose clock said 1 January 2100, then change it there: this value of a person was written on it, so a change made here now would not last. Nothing was saved.",
      });
      expect(changedTables(before, dumpDatabase(s.office.sqlite))).toEqual([]);
      // Values it did not write can still be changed as usual.
      await s.office.call('people.update', { id: s.dana, version: (await s.office.call('people.get', { id: s.dana })).version, fields: { givenName: 'Dana', familyName: 'Okoro', email: 'dana@example.org', phone: '07700 900222' } });
      await officeStillWrites(s);
    });

    it('holds a change stamped 999999999999999-999998, and the office still writes', async () => {
      const s = await scene();
      await held(s, await s.laptop2.of(s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: personRow(), hlc: s.laptop2.stampAt(999_999_999_999_999, 999_998) })));
      await officeStillWrites(s);
    });

    it('holds a bundle whose change is stamped after the file itself', async () => {
      const s = await scene();
      const now = s.office.clock().getTime();
      await held(s, await s.laptop2.file({ changes: [editOf(s, 'people', s.dana, { phone: '07700 900789' })].map((c) => [c[0], s.laptop2.stampAt(now + 60_000), ...c.slice(2)] as WireChange), createdAt: s.laptop2.stampAt(now) }));
      await officeStillWrites(s);
    });

    it('says why a bundle whose change is stamped after the file itself was held', async () => {
      const s = await scene();
      const now = s.office.clock().getTime();
      const file = await s.laptop2.file({ changes: [s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: personRow(), hlc: s.laptop2.stampAt(now) })], createdAt: s.laptop2.stampAt(now - 60 * 60_000) });
      const outcome = await held(s, file);
      // Its envelope is an hour old and its change is stamped now: nothing about it is ahead of this computer's clock.
      expect(outcome.message).not.toMatch(/\b0 minutes ahead/);
      expect(outcome.message).toMatch(/after/);
    });
  });

  const meta = (n: number) => bundleMeta('Hall laptop 2', { changes: n, sessions: 0, signIns: 0, evaluations: 0, newPeople: n });
  refusals('11. size: no more in one frame than Fieldbook writes or reads', [
    {
      name: 'a frame of 5,001 changes',
      file: (s) => {
        const changes = Array.from({ length: CHANGES_PER_FRAME + 1 }, () => s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: personRow() }));
        return s.laptop2.file({ payload: payloadOf(meta(changes.length), frameOf(JSON.stringify(changes))) });
      },
      code: 'FILE_TOO_LARGE',
      message: `This file from Hall laptop 2 is signed and whole, but one part of it holds 5,001 changes; Fieldbook writes at most 5,000. ${NOTHING}`,
    },
    {
      name: 'a frame a few kilobytes long that inflates past 64 MiB',
      file: (s) => {
        const [id, hlc, author, table, rowId] = s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: {} });
        // One change whose given name is a run of one letter longer than a frame may inflate to; deflated, it is about 64 KB.
        const head = Buffer.from(`[${JSON.stringify([id, hlc, author, table, rowId]).slice(0, -1)},"{\\"given_name\\":\\"`);
        const frame = frameOf(Buffer.concat([head, Buffer.alloc(MAX_FRAME_BYTES + 1, 'E'), Buffer.from('\\"}",null]]')]));
        expect(frame.byteLength).toBeLessThan(200_000);
        return s.laptop2.file({ payload: payloadOf(meta(1), frame) });
      },
      code: 'FILE_TOO_LARGE',
      message: `This file from Hall laptop 2 is signed and whole, but it unpacks to more than Fieldbook reads in one part. ${NOTHING}`,
    },
    {
      name: 'a meta frame that inflates past 1 MiB',
      file: (s) => s.laptop2.file({ payload: Buffer.concat([frameOf(JSON.stringify({ ...meta(0), deviceName: 'E'.repeat(2 * 1024 * 1024) }))]) }),
      code: 'FILE_TOO_LARGE',
      message: `This file from Hall laptop 2 is signed and whole, but it unpacks to more than Fieldbook reads in one part. ${NOTHING}`,
    },
  ]);

  const waiting = (s: Scene) => s.office.sqlite.prepare('SELECT count(*) FROM unapplied_rows WHERE device_id = ?').pluck().get(s.laptop2Id) as number;
  const editsOfNobody = (s: Scene, n: number) => Array.from({ length: n }, () => s.laptop2.change({ table: 'people', rowId: newUuidV7(), fields: { given_name: 'Flood' } }));
  refusals(
    '12. a flood of edits to records that never arrive',
    [
      {
        name: '10,001 edits to people the office has never heard of',
        file: (s) => s.laptop2.of(...editsOfNobody(s, 10_001)),
        code: 'NOT_ALLOWED',
        message: `Hall laptop 2 sent changes that leave 10,001 records waiting for others this computer does not have; at most 10,000 may wait. ${NOTHING}`,
      },
    ],
    async (s) => {
      // A hundred such edits are what laptops that missed a bundle could send: they wait.
      const outcome = await s.office.call('sync.importFile', incomingBytes(await s.laptop2.of(...editsOfNobody(s, 100))));
      expect(outcome.status).toBe('imported');
      expect(waiting(s)).toBe(100);
      // And the laptop's next honest bundle still imports.
      await world.laptop2.call('notes.add', { sessionId: s.linkedSession, text: 'Chairs were short', tags: [], needsResponse: false });
      const honest = await s.office.call('sync.importFile', asIncoming(await world.laptop2.call('sync.exportBundle', {})));
      expect(honest).toMatchObject({ status: 'imported', sequence: 2 });
      expect((await s.office.call('notes.list', { sessionId: s.linkedSession })).map((note) => note.text).sort()).toEqual(['Chairs were short', 'The hearing loop was off']);
    },
  );

  it('13. the import log says what the merge did, not what the file says of itself', async () => {
    const s = await scene();
    const file = await s.laptop2.file({
      meta: bundleMeta('Hall laptop 2', { changes: 3, sessions: 50, signIns: 999, evaluations: 7, newPeople: 12 }),
      changes: [editOf(s, 'people', s.dana, { phone: '07700 900321' })],
    });
    const outcome = await s.office.call('sync.importFile', incomingBytes(file));
    const words = `Imported end-of-day file ${outcome.sequence} from Hall laptop 2: 0 sessions, 0 sign-ins, 0 evaluations, 0 new people.`;
    expect(outcome).toMatchObject({ status: 'imported', message: words, summary: { changes: 1, sessions: 0, signIns: 0, undone: 0, evaluations: 0, newPeople: 0 } });
    expect((await s.office.call('sync.importLog', {}))[0]).toMatchObject({ senderName: 'Hall laptop 2', status: 'imported', message: words });
    const stored = s.office.sqlite.prepare('SELECT summary FROM received_bundles WHERE bundle_id = ?').pluck().get(outcome.bundleId) as string;
    expect(JSON.parse(stored)).toEqual({ changes: 1, sessions: 0, signIns: 0, undone: 0, evaluations: 0, newPeople: 0 });
    expect(s.row('people', s.dana).phone).toBe('07700 900321');
  });

  const local = (table: string, fields: Record<string, unknown>): Case => ({
    name: `a change to ${table}`,
    file: (s) => s.laptop2.of(s.laptop2.change({ table, rowId: table === 'enrolled_devices' ? s.laptop2Id : newUuidV7(), fields })),
    code: 'NOT_ALLOWED',
    message: `Hall laptop 2 tried to change this computer's own records (${table.replace(/_/g, ' ')}), which never travel. ${NOTHING}`,
  });
  refusals('14. this computer’s own bookkeeping never travels', [
    local('enrolled_devices', { facilitators: '[]', revoked_at: null }),
    local('device', { clock: '999999999999999-000000-00000000-0000-7000-8000-000000000000' }),
    local('received_bundles', { sequence: 1 }),
    local('held_bundles', { reason: 'none' }),
    local('change_log', { fields: '{}' }),
    local('unapplied_rows', { reason: 'none' }),
  ]);
});
