import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTableNames } from '../../electron/db/schema';
import { CONSENT_TEXT_VERSION, type ImportOutcome } from '../../shared/contract';
import { errorCodes, type CallResult } from '../../shared/errors';
import { localTime } from '../support/bookings';
import { disagreementsWithChangeLog } from '../support/change-log-fold';
import { answersFor } from '../support/evaluations';
import { enrolLaptop, incomingBytes, sendPackage } from '../support/sync';
import { tempCore, TEST_TODAY, testClock, type TempCore } from '../support/temp-core';

/**
 * Several laptops work on the same people and sessions, each unaware of the
 * others, and send the office bundles at random moments. Whatever order the
 * office imports those files in, with some files offered twice and some
 * written again by the laptop (same bundle, new encryption), the office ends
 * with the same data as importing each bundle once in sequence order, and
 * shows the same review lists; every session the merge took over capacity is
 * flagged.
 *
 * Each laptop works in two rounds: before and after a package from an office
 * that has imported everyone's first round, so the second round edits, books
 * and signs in people other laptops added, and its bundles can arrive before
 * the rows they change.
 *
 * Every device (the offices after their imports, each laptop after its own
 * work and after its package) also holds, in every shared row and field, what
 * an independent fold of its change log says (tests/support/change-log-fold.ts):
 * import orders agreeing with each other is not enough if all are wrong alike.
 *
 * Runs: PROPERTY_RUNS (default 15) cases, each with 2 to 3 laptops and 2 to 3
 * import orders. Pairing is slow next to the rest, so it happens once: each
 * case starts from copies of the paired office and laptops' database files
 * (with the same key stores), which is the same as pairing them afresh.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 15);
const PEOPLE = 6;
const KIOSK_PIN = '1357';

interface Template {
  office: TempCore;
  laptops: TempCore[];
  sessions: string[];
  /** Each session's course: the morning's keeps answers with the person, the afternoon's is anonymous. */
  courseOfSession: string[];
  people: string[];
}

let template: Template;

beforeAll(async () => {
  const office = await tempCore({ clock: testClock(localTime(TEST_TODAY, '08:00')), setUp: true });
  const laptops: TempCore[] = [];
  try {
    const organisation = await office.call('organisations.create', { name: 'Gateshead Carers', sector: 'vcse' });
    const course = await office.call('courses.create', {
      title: 'Working with different communities',
      durationMinutes: 180,
      learningOutcomes: ['Recognise good practice'],
      evaluationMode: 'linked',
    });
    // Anonymous answers are held on the laptop and released in shuffled batches of 5 or at export.
    const anonymous = await office.call('courses.create', {
      title: 'Health equity in practice',
      durationMinutes: 120,
      learningOutcomes: ['Identify barriers to accessing services'],
      evaluationMode: 'anonymous',
    });
    const venue = await office.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
    const sessions: string[] = [];
    const courseOfSession = [course.id, anonymous.id];
    for (const [index, [start, end, capacity]] of ([['10:00', '13:00', 3], ['14:00', '16:00', 6]] as const).entries()) {
      const session = await office.call('sessions.create', {
        courseId: courseOfSession[index]!,
        venueId: venue.id,
        startsAt: `${TEST_TODAY}T${start}`,
        endsAt: `${TEST_TODAY}T${end}`,
        capacity,
        facilitators: ['Sam Okafor'],
        status: 'scheduled',
      });
      sessions.push(session.id);
    }
    const people: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const person = await office.call('people.create', {
        givenName: ['Amira', 'Bogdan', 'Chidi', 'Dorota', 'Eilidh', 'Farhan'][i]!,
        familyName: 'Shared',
        email: i % 2 === 0 ? `person${i}@example.org` : null,
        organisationId: i % 3 === 0 ? organisation.id : null,
      });
      people.push(person.id);
      // A booking on one of the sessions is what puts a person in a laptop's package.
      await office.call('signIn.book', { sessionId: sessions[i % 2]!, personId: person.id });
    }
    for (const name of ['Hall laptop 1', 'Hall laptop 2', 'Hall laptop 3']) {
      const laptop = await enrolLaptop(office, name, { clock: testClock(localTime(TEST_TODAY, '08:30')) });
      laptops.push(laptop);
      await sendPackage(office, laptop);
    }
    template = { office, laptops, sessions, courseOfSession, people };
  } catch (error) {
    for (const temp of [office, ...laptops]) await temp.cleanup();
    throw error;
  }
}, 60_000);

afterAll(async () => {
  for (const temp of template ? [template.office, ...template.laptops] : []) await temp.cleanup();
});

// ---- what laptops do --------------------------------------------------------

type Action =
  | { kind: 'edit'; person: number; field: 'email' | 'phone' | 'preferredName'; value: number }
  | { kind: 'book' | 'cancel' | 'signIn' | 'undo' | 'evaluate'; session: number; person: number }
  | { kind: 'kiosk'; session: number; person: number; ethnicity: number }
  | { kind: 'walkIn'; session: number; name: number; email: boolean }
  | { kind: 'note'; session: number; text: number }
  | { kind: 'capacity'; session: number; capacity: number }
  | { kind: 'export' };

const sessionPick = fc.integer({ min: 0, max: 1 });
const personPick = fc.nat({ max: 40 });
const sessionPerson = (kind: 'book' | 'cancel' | 'signIn' | 'undo' | 'evaluate') =>
  fc.record({ kind: fc.constant(kind), session: sessionPick, person: personPick });

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      person: personPick,
      field: fc.constantFrom('email' as const, 'phone' as const, 'preferredName' as const),
      value: fc.nat({ max: 3 }),
    }),
  },
  { weight: 5, arbitrary: sessionPerson('book') },
  { weight: 2, arbitrary: sessionPerson('cancel') },
  { weight: 5, arbitrary: sessionPerson('signIn') },
  { weight: 1, arbitrary: sessionPerson('undo') },
  { weight: 2, arbitrary: sessionPerson('evaluate') },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('kiosk' as const), session: sessionPick, person: personPick, ethnicity: fc.nat({ max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('walkIn' as const), session: sessionPick, name: fc.nat({ max: 3 }), email: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('note' as const), session: sessionPick, text: fc.nat({ max: 2 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('capacity' as const), session: sessionPick, capacity: fc.integer({ min: 2, max: 6 }) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'export' as const }) },
);

const WALK_INS = [
  { givenName: 'Grace', familyName: 'Walker', email: 'grace.walker@example.org' },
  { givenName: 'Hamid', familyName: 'Rahimi', email: 'hamid@example.org' },
  { givenName: 'Ines', familyName: 'Silva', email: 'ines@example.org' },
  { givenName: 'Amira', familyName: 'Shared', email: 'person0@example.org' },
];
const VALUES = {
  email: ['new@example.org', 'work@example.nhs.uk', null, 'old@example.org'],
  phone: ['0191 496 0000', '07700 900123', null, '0191 496 0999'],
  preferredName: ['Ami', 'Bo', null, 'Dee'],
};
const ETHNICITIES = ['asian-bangladeshi', 'white-british', 'prefer-not-to-say', null] as const;
const NOTES = ['Asked how to register with a GP', 'Interpreter needed for Polish', 'Room too cold'];

interface Bundle {
  laptop: number;
  sequence: number;
  bundleId: string;
  bytes: Uint8Array;
  /** The same bundle written again (rewriteBundle): same id and changes, new encryption. */
  rewritten: Uint8Array;
}

/** Runs one laptop's actions through the procedures; returns the bundles it exported, in order. */
async function runLaptop(laptop: TempCore, index: number, actions: Action[], steps: number[], known: string[]): Promise<Bundle[]> {
  const people = [...known];
  const bundles: Omit<Bundle, 'rewritten'>[] = [];
  const dispatch = async (name: Parameters<TempCore['dispatch']>[0], input: unknown) => {
    const result = (await laptop.dispatch(name, input)) as CallResult<unknown>;
    if (!result.ok) {
      // Refusals are fine (booking someone twice, signing in someone not booked); crashes are not.
      expect(errorCodes).toContain(result.error.code);
      expect({ name, code: result.error.code }).not.toEqual({ name, code: 'INTERNAL' });
    }
    return result;
  };
  const exportNow = async () => {
    const result = await dispatch('sync.exportBundle', {});
    if (result.ok) {
      const file = result.value as { contentBase64: string; bundle: { sequence: number; bundleId: string } };
      bundles.push({ laptop: index, sequence: file.bundle.sequence, bundleId: file.bundle.bundleId, bytes: Buffer.from(file.contentBase64, 'base64') });
    } else {
      expect(result.error.code).toBe('NOTHING_TO_EXPORT');
    }
  };
  for (const [i, step] of actions.entries()) {
    laptop.clock.advance(steps[i % steps.length]!);
    const sessionId = 'session' in step ? template.sessions[step.session]! : '';
    let personId = 'person' in step ? people[step.person % people.length]! : '';
    if (step.kind === 'evaluate' || step.kind === 'undo') {
      // Mostly someone signed in here, so the evaluation or the undo can happen.
      const signedIn = (await laptop.call('signIn.roster', { sessionId })).entries.filter((entry) => entry.state === 'signed_in');
      if (signedIn.length > 0 && step.person % 4 !== 0) personId = signedIn[step.person % signedIn.length]!.personId;
    }
    switch (step.kind) {
      case 'edit': {
        const current = await laptop.call('people.get', { id: personId });
        const { id: _, organisationName: __, version: _version, ...fields } = current;
        await dispatch('people.update', { id: personId, version: current.version, fields: { ...fields, [step.field]: VALUES[step.field][step.value] } });
        break;
      }
      case 'book':
        await dispatch('signIn.book', { sessionId, personId });
        break;
      case 'cancel':
        await dispatch('signIn.cancelBooking', { sessionId, personId, reason: 'Cannot come' });
        break;
      case 'signIn':
        await dispatch('signIn.signIn', { sessionId, personId });
        break;
      case 'undo':
        await dispatch('signIn.undo', { sessionId, personId });
        break;
      case 'evaluate': {
        const evaluation = await laptop.call('evaluations.template', { courseId: template.courseOfSession[step.session]! });
        await dispatch('evaluations.submit', { sessionId, personId, templateId: evaluation.id, answers: answersFor(evaluation, 4, 2, 4), language: 'en' });
        break;
      }
      case 'kiosk': {
        const started = await dispatch('kiosk.start', { sessionId, pin: KIOSK_PIN, mode: 'sign_in' });
        if (!started.ok) break;
        await dispatch('kiosk.signIn', {
          personId,
          consent: { textVersion: CONSENT_TEXT_VERSION, language: 'en', agreed: true },
          ethnicity: ETHNICITIES[step.ethnicity],
        });
        await laptop.call('kiosk.exit', { pin: KIOSK_PIN });
        break;
      }
      case 'walkIn': {
        const walkIn = WALK_INS[step.name]!;
        const before = new Set((await laptop.call('signIn.roster', { sessionId })).entries.map((entry) => entry.personId));
        const result = await dispatch('signIn.addWalkIn', {
          sessionId,
          person: { ...walkIn, email: step.email ? walkIn.email : null },
          confirmedNew: true,
        });
        if (result.ok) {
          const added = (result.value as { entries: { personId: string }[] }).entries.map((entry) => entry.personId).filter((id) => !before.has(id));
          people.push(...added);
        }
        break;
      }
      case 'note':
        await dispatch('notes.add', { sessionId, text: NOTES[step.text]!, tags: ['GP registration'], needsResponse: step.text === 0 });
        break;
      case 'capacity':
        await dispatch('bookings.setCapacity', { sessionId, capacity: step.capacity });
        break;
      case 'export':
        await exportNow();
        break;
    }
  }
  await exportNow();
  expect(laptop.loggedErrors).toEqual([]);
  expectRowsAsChangeLogSays(laptop, `laptop ${index} after its own work`);
  // Each written again too, as for a lost stick, while it is not yet acknowledged.
  const written: Bundle[] = [];
  for (const bundle of bundles) {
    const again = await laptop.call('sync.rewriteBundle', { sequence: bundle.sequence });
    written.push({ ...bundle, rewritten: Buffer.from(again.contentBase64, 'base64') });
  }
  return written;
}

/** Everyone a laptop holds, in a stable order: after a package, people other laptops added too. */
function peopleOn(laptop: TempCore): string[] {
  return laptop.sqlite.prepare('SELECT id FROM people WHERE merged_into IS NULL ORDER BY given_name, family_name, id').pluck().all() as string[];
}

// ---- what the office holds --------------------------------------------------

/**
 * The office's shared data, row by row and sorted: every shared table, the
 * change log (every change, from whichever device), rows still waiting for
 * another, and the search keys derived from people. Local bookkeeping (the
 * import log, when and how often a bundle arrived, the office's own clock,
 * conflict and flag ids) is left out.
 */
function sharedContent(sqlite: Database): Record<string, string[]> {
  const rows = (sql: string) => (sqlite.prepare(sql).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort();
  const content: Record<string, string[]> = {};
  for (const table of sharedTableNames) content[table] = rows(`SELECT * FROM ${table}`);
  content.change_log = rows('SELECT id, hlc, device_id, table_name, row_id, fields FROM change_log');
  content.unapplied_rows = rows('SELECT table_name, row_id FROM unapplied_rows');
  content.person_search_keys = rows('SELECT * FROM person_search_keys');
  content.received_bundles = rows('SELECT bundle_id, sender_device_id, sequence, kind, created_hlc, summary FROM received_bundles');
  return content;
}

/** Every shared row holds what the fold of this device's change log says; the failure names table, row and field. */
function expectRowsAsChangeLogSays(core: TempCore, which: string): void {
  const disagreements = disagreementsWithChangeLog(core.sqlite, sharedTableNames);
  expect({ which, disagreements: disagreements.slice(0, 10), count: disagreements.length }).toEqual({ which, disagreements: [], count: 0 });
}

const hashOf = (content: Record<string, string[]>) => createHash('sha256').update(JSON.stringify(content)).digest('hex');

/** The tables that differ, with a few rows from each side, for a readable failure. */
function differences(expected: Record<string, string[]>, actual: Record<string, string[]>) {
  return Object.keys(expected)
    .filter((table) => JSON.stringify(expected[table]) !== JSON.stringify(actual[table]))
    .map((table) => {
      const mine = new Set(actual[table]);
      const theirs = new Set(expected[table]);
      return {
        table,
        missing: expected[table]!.filter((row) => !mine.has(row)).slice(0, 3),
        extra: actual[table]!.filter((row) => !theirs.has(row)).slice(0, 3),
      };
    });
}

/** Conflicts whose kept value is from the change that holds the field's value now. */
function currentConflictIds(sqlite: Database): string[] {
  return (
    sqlite
      .prepare(
        `SELECT c.id FROM conflicts c
         WHERE c.won_change_id = (
           SELECT w.id FROM change_log w
           WHERE w.table_name = c.table_name AND w.row_id = c.row_id AND json_type(w.fields, '$."' || c.field || '"') IS NOT NULL
           ORDER BY w.hlc DESC, w.id DESC LIMIT 1)`,
      )
      .pluck()
      .all() as string[]
  ).sort();
}

/** What the office's review screens show, without ids and times that only say when this office did something. */
async function reviewLists(office: TempCore) {
  const listed = await office.call('sync.conflicts', {});
  // None is stale: each names the value the record holds now.
  expect(currentConflictIds(office.sqlite)).toEqual(listed.map((conflict) => conflict.id).sort());
  const conflicts = listed.map(({ id: _, ...conflict }) => JSON.stringify(conflict)).sort();
  const capacity = (await office.call('sync.capacityFlags', {})).map(({ flaggedAt: _, ...flag }) => flag);
  const duplicates = await office.call('sync.duplicates', {});
  const manifest = (await office.call('sync.manifest', {})).map(({ lastImportedAt: _, repeatsSeen: __, ...entry }) => entry);
  return { conflicts, capacity, duplicates, manifest };
}

async function freshOffice(): Promise<TempCore> {
  return tempCore({ copyOf: template.office, clock: testClock(localTime(TEST_TODAY, '18:00')) });
}

/** Imports files in the order given; each first arrival of a bundle imports, every later one is a no-op. */
async function importAll(office: TempCore, files: { bundle: Bundle; bytes: Uint8Array }[]): Promise<void> {
  const seen = new Set<string>();
  for (const { bundle, bytes } of files) {
    const outcome: ImportOutcome = await office.call('sync.importFile', incomingBytes(bytes, `bundle-${bundle.laptop}-${bundle.sequence}.fieldbook`));
    expect({ bundle: `${bundle.laptop}/${bundle.sequence}`, status: outcome.status }).toEqual({
      bundle: `${bundle.laptop}/${bundle.sequence}`,
      status: seen.has(bundle.bundleId) ? 'already_imported' : 'imported',
    });
    seen.add(bundle.bundleId);
  }
  expect(office.loggedErrors).toEqual([]);
}

const MAX_BUNDLES = 24;
/** An import order: a permutation (by sort keys) of every bundle, plus extra copies inserted anywhere. */
const importOrder = fc.record({
  keys: fc.array(fc.nat({ max: 1000 }), { minLength: MAX_BUNDLES, maxLength: MAX_BUNDLES }),
  extra: fc.array(fc.record({ which: fc.nat(), at: fc.nat(), rewritten: fc.boolean() }), { maxLength: 6 }),
});
type ImportOrder = typeof importOrder extends fc.Arbitrary<infer T> ? T : never;

function arrange(bundles: Bundle[], order: ImportOrder) {
  const files = bundles
    .map((bundle, i) => ({ bundle, key: order.keys[i % MAX_BUNDLES]!, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ bundle }) => ({ bundle, bytes: bundle.bytes }));
  for (const extra of order.extra) {
    const bundle = bundles[extra.which % bundles.length]!;
    files.splice(extra.at % (files.length + 1), 0, { bundle, bytes: extra.rewritten ? bundle.rewritten : bundle.bytes });
  }
  return files;
}

describe('the office importing laptops’ bundles in any order', () => {
  it('ends with the same data as importing each bundle once in sequence order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            actions: fc.array(action, { minLength: 1, maxLength: 25 }),
            // After a package that brings every laptop's first round: edits of people other laptops added.
            later: fc.array(action, { maxLength: 12 }),
            // Milliseconds between actions; 0 makes changes on two laptops share a millisecond.
            steps: fc.array(fc.constantFrom(0, 1, 250, 1000, 20_000), { minLength: 1, maxLength: 5 }),
            // A laptop's clock may be behind the office's by hours; the clock stamps still order its changes.
            skewMinutes: fc.constantFrom(0, 0, -5, -90),
          }),
          { minLength: 2, maxLength: 3 },
        ),
        fc.array(importOrder, { minLength: 2, maxLength: 3 }),
        async (plans, orders) => {
          const cores: TempCore[] = [];
          try {
            const bundles: Bundle[] = [];
            const laptops: TempCore[] = [];
            for (const [index, plan] of plans.entries()) {
              const laptop = await tempCore({
                copyOf: template.laptops[index]!,
                clock: testClock(new Date(localTime(TEST_TODAY, '10:00').getTime() + plan.skewMinutes * 60_000)),
              });
              cores.push(laptop);
              laptops.push(laptop);
              bundles.push(...(await runLaptop(laptop, index, plan.actions, plan.steps, template.people)));
            }
            if (plans.some((plan) => plan.later.length > 0)) {
              // An office takes in the first round and sends each laptop its package; then the second round.
              const hub = await freshOffice();
              cores.push(hub);
              await importAll(hub, [...bundles].sort((a, b) => a.laptop - b.laptop || a.sequence - b.sequence).map((bundle) => ({ bundle, bytes: bundle.bytes })));
              expectRowsAsChangeLogSays(hub, 'the office that sent the packages');
              for (const [index, laptop] of laptops.entries()) {
                await sendPackage(hub, laptop);
                expectRowsAsChangeLogSays(laptop, `laptop ${index} after its package`);
              }
              for (const [index, plan] of plans.entries()) {
                bundles.push(...(await runLaptop(laptops[index]!, index, plan.later, plan.steps, peopleOn(laptops[index]!))));
              }
            }
            if (bundles.length === 0) return;

            // The reference: each bundle once, laptop by laptop in sequence order.
            const reference = await freshOffice();
            cores.push(reference);
            const inSequence = [...bundles].sort((a, b) => a.laptop - b.laptop || a.sequence - b.sequence);
            await importAll(reference, inSequence.map((bundle) => ({ bundle, bytes: bundle.bytes })));
            expectRowsAsChangeLogSays(reference, 'the office that imported in sequence order');
            const expected = sharedContent(reference.sqlite);
            const expectedReview = await reviewLists(reference);


            // A session the merge took over capacity is flagged for the office, never silently changed.
            const overfull = [];
            for (const sessionId of template.sessions) {
              const { counts } = await reference.call('signIn.roster', { sessionId });
              if (counts.booked + counts.offered + counts.groupPlaces > counts.capacity) overfull.push(sessionId);
            }
            expect(expectedReview.capacity.map((flag) => flag.sessionId).sort()).toEqual(overfull.sort());

            // The afternoon's answers reach the office with no person and no language, with their completions
            // (one per person: someone who answered on two laptops has two answers and one completion).
            const anonymousSession = template.sessions[1]!;
            const answers = reference.sqlite
              .prepare('SELECT person_id, language FROM evaluation_responses WHERE session_id = ?')
              .all(anonymousSession) as { person_id: string | null; language: string | null }[];
            expect(answers.filter((answer) => answer.person_id !== null || answer.language !== null)).toEqual([]);
            const completions = Number(reference.sqlite.prepare('SELECT count(*) FROM evaluation_completions WHERE session_id = ?').pluck().get(anonymousSession));
            expect(answers.length >= completions && (completions > 0 || answers.length === 0)).toBe(true);

            // Everything each laptop exported is at the office, and every row could be stored.
            expect(expected.unapplied_rows).toEqual([]);
            const officeChanges = new Set(reference.sqlite.prepare('SELECT id FROM change_log').pluck().all() as string[]);
            for (const laptop of laptops) {
              const exported = laptop.sqlite.prepare('SELECT id FROM change_log WHERE device_id = (SELECT id FROM device)').pluck().all() as string[];
              expect(exported.filter((id) => !officeChanges.has(id))).toEqual([]);
            }

            for (const order of orders) {
              const office = await freshOffice();
              cores.push(office);
              await importAll(office, arrange(bundles, order));
              expectRowsAsChangeLogSays(office, 'an office that imported in another order');
              const actual = sharedContent(office.sqlite);
              expect(differences(expected, actual)).toEqual([]);
              expect(hashOf(actual)).toBe(hashOf(expected));
              expect(await reviewLists(office)).toEqual(expectedReview);
            }
          } finally {
            for (const core of cores) await core.cleanup();
          }
        },
      ),
      { numRuns: RUNS },
    );
  }, Math.max(300_000, RUNS * 3000));
});
