import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingFile, ProcedureOutput } from '../../shared/contract';
import { localTime } from '../support/bookings';
import { asIncoming, enrolLaptop } from '../support/sync';
import { dumpDatabase, tempCore, TEST_TODAY, testClock, type TempCore } from '../support/temp-core';

/**
 * Whatever two laptops did before and after an erasure, and in whatever
 * order the office then imports their end-of-day files (old ones again,
 * written again, before or after their packages), once every laptop has had
 * a package and sent a file back: no table on any computer holds the erased
 * person's id, name or email, and every laptop has confirmed the erasure.
 * The people not erased are all still there.
 *
 * Runs: PROPERTY_RUNS (default 8). Pairing is slow, so each case starts from
 * copies of a paired office and laptops.
 */

const RUNS = Number(process.env.PROPERTY_RUNS ?? 8);
const FAMILIES = ['Abernathy', 'Blackwood', 'Castellanos', 'Dunleavy'];
const WALK_INS = ['Everhart', 'Fairweather'];

interface Template {
  office: TempCore;
  laptops: TempCore[];
}
let template: Template;

beforeAll(async () => {
  const office = await tempCore({ clock: testClock(localTime(TEST_TODAY, '08:00')), setUp: true });
  const laptops = [];
  for (const name of ['Hall laptop 1', 'Hall laptop 2']) laptops.push(await enrolLaptop(office, name, { clock: testClock(localTime(TEST_TODAY, '08:00')) }));
  template = { office, laptops };
});

afterAll(async () => {
  for (const core of template ? [template.office, ...template.laptops] : []) await core.cleanup();
});

type Action = { laptop: number; kind: 'signIn' | 'edit' | 'walkIn'; person: number };
type Step = { laptop: number; kind: 'importOld' | 'package' | 'editTarget' | 'export' | 'writeAgain' };

const action: fc.Arbitrary<Action> = fc.record({
  laptop: fc.integer({ min: 0, max: 1 }),
  kind: fc.constantFrom('signIn', 'edit', 'walkIn'),
  person: fc.integer({ min: 0, max: FAMILIES.length - 1 }),
});
const step: fc.Arbitrary<Step> = fc.record({
  laptop: fc.integer({ min: 0, max: 1 }),
  kind: fc.constantFrom('importOld', 'package', 'editTarget', 'export', 'writeAgain'),
});

interface World {
  office: TempCore;
  laptops: TempCore[];
  sessionId: string;
  people: Map<string, string>;
  /** Every end-of-day file each laptop wrote, in order. */
  files: OutgoingFile[][];
}

async function world(): Promise<World> {
  const office = await tempCore({ copyOf: template.office, clock: testClock(localTime(TEST_TODAY, '08:30')) });
  const laptops = [];
  for (const laptop of template.laptops) laptops.push(await tempCore({ copyOf: laptop, clock: testClock(localTime(TEST_TODAY, '08:30')) }));
  const course = await office.call('courses.create', { title: 'Working with different communities', durationMinutes: 180, learningOutcomes: ['Recognise good practice'] });
  const venue = await office.call('venues.create', { name: 'Riverside Hall', address: '1 River Lane' });
  const session = await office.call('sessions.create', {
    courseId: course.id,
    venueId: venue.id,
    startsAt: `${TEST_TODAY}T10:00`,
    endsAt: `${TEST_TODAY}T13:00`,
    capacity: 20,
    facilitators: ['Sam Okafor'],
    status: 'scheduled',
  });
  const people = new Map<string, string>();
  for (const family of FAMILIES) {
    const person = await office.call('people.create', { givenName: 'Alex', familyName: family, email: `${family.toLowerCase()}@example.org` });
    await office.call('signIn.book', { sessionId: session.id, personId: person.id });
    people.set(family, person.id);
  }
  const w: World = { office, laptops, sessionId: session.id, people, files: [[], []] };
  for (const laptop of laptops) await packageTo(w, laptop);
  return w;
}

async function packageTo(w: World, laptop: TempCore) {
  const deviceId = (await laptop.call('device.status', {})).device!.id;
  return laptop.call('sync.importPackage', asIncoming(await w.office.call('sync.writePackage', { deviceId })));
}

/** The laptop's next end-of-day file, when it has anything to send. */
async function exportFrom(w: World, index: number): Promise<OutgoingFile | null> {
  const result = await w.laptops[index]!.dispatch('sync.exportBundle', {});
  if (!result.ok) {
    expect(result.error.code).toBe('NOTHING_TO_EXPORT');
    return null;
  }
  const file = result.value as OutgoingFile;
  w.files[index]!.push(file);
  return file;
}

async function edit(laptop: TempCore, personId: string, email: string): Promise<void> {
  const found = await laptop.dispatch('people.get', { id: personId });
  if (!found.ok) return; // erased here already, or never here
  const { id: _id, organisationName: _name, version: _version, ...fields } = found.value as ProcedureOutput<'people.get'>;
  await laptop.call('people.update', { id: personId, version: (await laptop.call('people.get', { id: personId })).version, fields: { ...fields, email } });
}

async function work(w: World, act: Action, signedIn: Set<string>, walkIns: number): Promise<number> {
  const laptop = w.laptops[act.laptop]!;
  const family = FAMILIES[act.person]!;
  const personId = w.people.get(family)!;
  if (act.kind === 'signIn' && !signedIn.has(`${act.laptop}:${family}`)) {
    signedIn.add(`${act.laptop}:${family}`);
    await laptop.call('signIn.signIn', { sessionId: w.sessionId, personId });
  } else if (act.kind === 'edit') {
    await edit(laptop, personId, `${family.toLowerCase()}.${act.laptop}@example.org`);
  } else if (act.kind === 'walkIn' && walkIns < WALK_INS.length) {
    const walkIn = WALK_INS[walkIns]!;
    const roster = await laptop.call('signIn.addWalkIn', { sessionId: w.sessionId, person: { givenName: 'Sam', familyName: walkIn }, confirmedNew: true });
    w.people.set(walkIn, roster.entries.find((entry) => entry.name === `Sam ${walkIn}`)!.personId);
    return walkIns + 1;
  }
  return walkIns;
}

describe('erasure whatever the order of files and packages', () => {
  it('leaves no trace of the erased person on any computer, and every laptop confirms', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 1, maxLength: 6 }),
        fc.subarray([0, 1]),
        fc.integer({ min: 0, max: FAMILIES.length + WALK_INS.length - 1 }),
        fc.array(step, { maxLength: 8 }),
        async (before, importedFirst, targetIndex, after) => {
          const w = await world();
          try {
            const signedIn = new Set<string>();
            let walkIns = 0;
            for (const act of before) walkIns = await work(w, act, signedIn, walkIns);
            for (const index of [0, 1]) await exportFrom(w, index);
            for (const index of importedFirst) for (const file of w.files[index]!) await w.office.call('sync.importFile', asIncoming(file));
            // The one erased: someone the office holds now (a walk-in only once their laptop's file came in).
            const held = [...w.people.entries()].filter(([, id]) => w.office.sqlite.prepare('SELECT 1 FROM people WHERE id = ?').get(id));
            const [targetName, targetId] = held[targetIndex % held.length]!;
            await w.office.call('erasure.erase', { personIds: [targetId], reason: 'Asked to be forgotten', erasedBy: 'Priya' });

            for (const next of after) {
              const laptop = w.laptops[next.laptop]!;
              if (next.kind === 'importOld') for (const file of w.files[next.laptop]!) await w.office.call('sync.importFile', asIncoming(file));
              if (next.kind === 'package') await packageTo(w, laptop);
              if (next.kind === 'editTarget') await edit(laptop, targetId, 'still.here@example.org');
              if (next.kind === 'export') {
                const file = await exportFrom(w, next.laptop);
                if (file) await w.office.call('sync.importFile', asIncoming(file));
              }
              if (next.kind === 'writeAgain') {
                const outbox = await laptop.call('sync.outbox', {});
                const open = outbox.bundles.find((bundle) => !bundle.acknowledgedAt);
                if (open) await w.office.call('sync.importFile', asIncoming(await laptop.call('sync.rewriteBundle', { sequence: open.sequence })));
              }
            }
            // Settle: every laptop gets a package and sends a file back; every old file is offered again.
            for (const [index, laptop] of w.laptops.entries()) {
              await packageTo(w, laptop);
              const file = await exportFrom(w, index);
              if (file) await w.office.call('sync.importFile', asIncoming(file));
            }
            for (const files of w.files) for (const file of files) await w.office.call('sync.importFile', asIncoming(file));

            const traces = [targetId, targetName, targetName.toLowerCase(), 'still.here'];
            for (const core of [w.office, ...w.laptops]) {
              const dump = dumpDatabase(core.sqlite);
              for (const trace of traces) expect(dump.includes(trace), `${trace} on ${(await core.call('device.status', {})).device!.name}`).toBe(false);
            }
            const [erasure] = await w.office.call('erasure.list', {});
            expect(erasure!.laptops.map((laptop) => laptop.confirmedAt !== null)).toEqual([true, true]);
            // Everyone else the office held is still there.
            for (const [name, id] of held) {
              if (id !== targetId) expect((await w.office.call('people.get', { id })).familyName).toBe(name);
            }
          } finally {
            for (const core of [w.office, ...w.laptops]) await core.cleanup();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
