import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProcedureName, Roster } from '../../shared/contract';
import { errorCodes, type CallResult } from '../../shared/errors';
import { inState, localTime, queueOf } from '../support/bookings';
import { databaseHash, seedSession, tempCore, TEST_TODAY, type TempCore } from '../support/temp-core';

/**
 * Any order of bookings, cancellations, offers, queue moves, capacity
 * changes, sign-ins, group places and releasing no-shows on one session of
 * today: capacity is never exceeded, nobody is on a session twice, the
 * waitlist is numbered 1..n, and freed places go to the people waiting in
 * queue order. Refusals are typed and write nothing.
 */

const PEOPLE = 8;
/**
 * Who an action is for: mostly someone it makes sense for (an offered person
 * for "accept", someone waiting for "move"), picked from the roster as it
 * stands; sometimes anyone at all, so refusals are exercised too.
 */
const person = fc.record({ index: fc.integer({ min: 0, max: PEOPLE - 1 }), anyone: fc.integer({ min: 0, max: 4 }).map((n) => n === 0) });
type Pick = { index: number; anyone: boolean };

type Action =
  | { kind: 'book' | 'cancel' | 'remove' | 'accept' | 'pass' | 'raise' | 'signIn' | 'undo'; person: Pick }
  | { kind: 'move'; person: Pick; direction: 'up' | 'down' }
  | { kind: 'capacity'; capacity: number }
  | { kind: 'release' }
  | { kind: 'bookGroup'; places: number }
  | { kind: 'fillGroup'; group: number; person: Pick };

const personal = (kind: 'book' | 'cancel' | 'remove' | 'accept' | 'pass' | 'raise' | 'signIn' | 'undo', weight: number) => ({
  weight,
  arbitrary: person.map((p) => ({ kind, person: p })),
});

const action: fc.Arbitrary<Action> = fc.oneof(
  personal('book', 12),
  personal('signIn', 5),
  personal('cancel', 4),
  personal('accept', 3),
  personal('pass', 3),
  personal('remove', 2),
  personal('raise', 2),
  personal('undo', 2),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), person, direction: fc.constantFrom('up' as const, 'down' as const) }) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 7 }).map((capacity) => ({ kind: 'capacity' as const, capacity })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'release' as const }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }).map((places) => ({ kind: 'bookGroup' as const, places })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fillGroup' as const), group: fc.integer({ min: 0, max: 2 }), person }) },
);

interface World {
  temp: TempCore;
  sessionId: string;
  organisationId: string;
  people: string[];
  released: boolean;
}

async function world(capacity: number): Promise<World> {
  const temp = await tempCore({ setUp: true });
  try {
    temp.clock.set(localTime(TEST_TODAY, '09:00'));
    const session = await seedSession(temp.call, { day: TEST_TODAY, start: '10:00', capacity });
    const organisation = await temp.call('organisations.create', { name: 'Newcastle City Council', sector: 'statutory' });
    const people: string[] = [];
    for (let i = 0; i < PEOPLE; i++) people.push((await temp.call('people.create', { givenName: `P${i}`, familyName: 'Prop' })).id);
    return { temp, sessionId: session.id, organisationId: organisation.id, people, released: false };
  } catch (error) {
    await temp.cleanup();
    throw error;
  }
}

const candidates: Partial<Record<Action['kind'], Roster['entries'][number]['state'][]>> = {
  cancel: ['booked', 'offered', 'waitlisted'],
  remove: ['waitlisted'],
  raise: ['waitlisted'],
  move: ['waitlisted'],
  accept: ['offered'],
  pass: ['offered'],
  undo: ['signed_in'],
};

/** The person an action is for, given the roster before it. */
function whoFor(w: World, step: Action, roster: Roster): string | null {
  if (!('person' in step)) return null;
  const states = candidates[step.kind];
  const holding = new Set(roster.entries.filter((entry) => !['cancelled', 'no_show'].includes(entry.state)).map((entry) => entry.personId));
  const fitting = states
    ? roster.entries.filter((entry) => states.includes(entry.state)).map((entry) => entry.personId)
    : step.kind === 'book' ? w.people.filter((id) => !holding.has(id)) : [];
  if (step.person.anyone || fitting.length === 0) return w.people[step.person.index]!;
  return fitting[step.person.index % fitting.length]!;
}

/** The procedure and input for an action, as the screens would send it. */
async function callFor(w: World, step: Action, who: string | null): Promise<[ProcedureName, unknown]> {
  const sessionId = w.sessionId;
  const at = { sessionId, personId: who! };
  switch (step.kind) {
    case 'book': return ['signIn.book', at];
    case 'cancel': return ['signIn.cancelBooking', at];
    case 'remove': return ['bookings.removeFromWaitlist', { ...at, reason: 'No longer needs the course' }];
    case 'accept': return ['bookings.acceptOffer', at];
    case 'pass': return ['bookings.passOffer', { ...at, reason: 'Cannot come' }];
    case 'raise': return ['bookings.raisePriority', { ...at, reason: 'Membership deadline' }];
    case 'move': return ['bookings.move', { ...at, direction: step.direction, reason: 'Asked by the office' }];
    case 'signIn': return ['signIn.signIn', at];
    case 'undo': return ['signIn.undo', at];
    case 'capacity': return ['bookings.setCapacity', { sessionId, capacity: step.capacity }];
    case 'release': return ['bookings.releaseNoShows', { sessionId }];
    case 'bookGroup': return ['bookings.bookGroup', { sessionId, organisationId: w.organisationId, places: step.places }];
    case 'fillGroup': {
      const groups = await w.temp.call('bookings.groups', { sessionId });
      const group = groups[step.group % Math.max(groups.length, 1)];
      // With no group yet, a well-formed reference to none: the core must say it is not found.
      return ['bookings.fillGroupPlace', { groupBookingId: group?.id ?? '01950000-0000-7000-8000-000000000000', personId: who! }];
    }
  }
}

/** What must hold after every step, whatever came before. */
async function checkInvariants(w: World, roster: Roster): Promise<void> {
  const { counts, entries } = roster;
  const ids = entries.map((entry) => entry.personId);
  expect(new Set(ids).size, 'one entry per person').toBe(ids.length);

  const groups = await w.temp.call('bookings.groups', { sessionId: w.sessionId });
  const groupPlaces = groups.reduce((sum, group) => sum + group.places, 0);
  for (const group of groups) expect(group.named.length, 'named staff fit in their group').toBeLessThanOrEqual(group.places);
  const holding = entries.filter((entry) => ['booked', 'offered', 'signed_in'].includes(entry.state));
  const individual = holding.filter((entry) => entry.groupBookingId === null).length;
  expect(individual + groupPlaces, 'places held never exceed capacity').toBeLessThanOrEqual(counts.capacity);
  expect(counts.booked + counts.offered + counts.groupPlaces).toBe(individual + groupPlaces);
  expect(counts.seatsLeft).toBe(counts.capacity - individual - groupPlaces);
  expect(counts.offered).toBe(inState(roster, 'offered').length);
  for (const entry of entries.filter((e) => e.groupBookingId !== null)) {
    expect(['booked', 'signed_in', 'cancelled', 'no_show'], 'a group place is a place, never a queue spot').toContain(entry.state);
  }

  const waiting = entries.filter((entry) => entry.state === 'waitlisted');
  expect(waiting.map((entry) => entry.waitlistPosition).sort((a, b) => a! - b!)).toEqual(waiting.map((_, i) => i + 1));
  expect(entries.filter((entry) => entry.state !== 'waitlisted').every((entry) => entry.waitlistPosition === null)).toBe(true);
  expect(counts.waiting).toBe(waiting.length);

  // A free place never sits beside someone who could have it. After no-shows are released,
  // people waiting who are not in the room wait for an offer, not a place.
  if (counts.seatsLeft > 0) {
    for (const entry of waiting) expect({ entry: entry.name, blocked: w.released && !entry.present }).toEqual({ entry: entry.name, blocked: true });
  }
}

/** What a step that succeeded must have done, judged from the roster before it. */
function checkStep(step: Action, who: string | null, before: Roster, after: Roster, value: unknown, released: boolean): void {
  const queueBefore = queueOf(before).filter((id) => id !== who);
  const entry = (roster: Roster) => roster.entries.find((candidate) => candidate.personId === who);

  const freesPlaces = step.kind === 'cancel' || step.kind === 'remove' || step.kind === 'pass' || step.kind === 'capacity';
  if (freesPlaces) {
    const offeredBefore = new Set(inState(before, 'offered'));
    const newlyOffered = inState(after, 'offered').filter((id) => !offeredBefore.has(id));
    // Exactly the first people in the queue at that moment, and the rest keep their order.
    expect(new Set(newlyOffered)).toEqual(new Set(queueBefore.slice(0, newlyOffered.length)));
    expect(queueOf(after)).toEqual(queueBefore.slice(newlyOffered.length));
    if (queueOf(after).length > 0) expect(after.counts.seatsLeft).toBe(0);
  }
  if (step.kind === 'book') {
    if (before.counts.seatsLeft > 0) expect(entry(after)!.state).toBe('booked');
    else expect(entry(after)).toMatchObject({ state: 'waitlisted', waitlistPosition: queueBefore.length + 1 });
  }
  if (step.kind === 'signIn' && entry(after)!.state !== 'signed_in') {
    expect(entry(after)).toMatchObject({ state: 'waitlisted', present: true });
    expect(after.counts.seatsLeft).toBe(0);
  }
  if (step.kind === 'raise') expect(queueOf(after)).toEqual([who, ...queueBefore]);
  if (step.kind === 'move') {
    const queue = queueOf(before);
    const index = queue.indexOf(who!);
    const other = step.direction === 'up' ? index - 1 : index + 1;
    [queue[index], queue[other]] = [queue[other]!, queue[index]!];
    expect(queueOf(after), 'a move swaps with the neighbour only').toEqual(queue);
  }
  if (step.kind === 'release') {
    // Everyone with a place is now in the room; the free places went to those waiting here, in queue order.
    expect(inState(after, 'booked')).toEqual([]);
    expect(inState(after, 'offered')).toEqual([]);
    const names = new Map(before.entries.map((e) => [e.name, e]));
    const seatedFromQueue = (value as { seated: string[] }).seated.map((name) => names.get(name)!).filter((e) => e.state === 'waitlisted');
    // Those waiting from before come first in queue order, then walk-ins in the order they arrived.
    const entryOf = (id: string) => before.entries.find((e) => e.personId === id)!;
    const present = queueOf(before).filter((id) => entryOf(id).present);
    const presentQueue = [...present.filter((id) => !entryOf(id).walkIn), ...present.filter((id) => entryOf(id).walkIn)];
    expect(seatedFromQueue.map((e) => e.personId)).toEqual(presentQueue.slice(0, seatedFromQueue.length));
  }
}

async function runSteps(w: World, steps: Action[]): Promise<void> {
  const { temp } = w;
  let before = await temp.call('signIn.roster', { sessionId: w.sessionId });
  for (const step of steps) {
    temp.clock.advance(15_000);
    if (step.kind === 'release' && !w.released) temp.clock.set(localTime(TEST_TODAY, '10:01'));
    const who = whoFor(w, step, before);
    const [name, input] = await callFor(w, step, who);
    const hash = databaseHash(temp.sqlite);
    const result = (await temp.dispatch(name, input)) as CallResult<unknown>;
    const after = await temp.call('signIn.roster', { sessionId: w.sessionId });
    if (result.ok) {
      checkStep(step, who, before, after, result.value, w.released);
      if (step.kind === 'release') w.released = true;
    } else {
      expect(errorCodes).toContain(result.error.code);
      expect({ step, code: result.error.code }).not.toEqual({ step, code: 'INTERNAL' });
      expect(databaseHash(temp.sqlite), `${name} was refused but wrote something`).toBe(hash);
    }
    await checkInvariants(w, after);
    before = after;
  }
  expect(temp.loggedErrors).toEqual([]);
}

describe('a session under any sequence of waitlist actions', () => {
  it('never exceeds capacity, never books anyone twice, and offers freed places in queue order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.array(action, { minLength: 1, maxLength: 40, size: 'max' }), async (capacity, steps) => {
        const w = await world(capacity);
        try {
          await runSteps(w, steps);
        } finally {
          await w.temp.cleanup();
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 80) },
    );
  }, 120_000);
});
