import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HybridLogicalClock, MAX_DRIFT_MS, decodeHlc, encodeHlc, type HlcStamp } from '../../electron/sync/hlc';

const DAY_MS = 24 * 60 * 60 * 1000;
const LAPTOP = '0195f0a4-3b2c-7d1e-8f00-000000000001';
const OFFICE = '0195f0a4-3b2c-7d1e-8f00-000000000002';
const START = Date.parse('2026-03-12T09:00:00.000Z');

/** A wall clock the test moves by hand. */
function wallClock(start = START) {
  let now = start;
  return {
    now: () => now,
    set: (ms: number) => {
      now = ms;
    },
  };
}

function compareStamps(a: HlcStamp, b: HlcStamp): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.deviceId === b.deviceId ? 0 : a.deviceId < b.deviceId ? -1 : 1;
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('hybrid logical clock', () => {
  it('keeps moving forward when the laptop clock is set back by days', () => {
    const wall = wallClock();
    const clock = new HybridLogicalClock(LAPTOP, wall.now);
    const before = clock.tick();
    wall.set(START - 3 * DAY_MS);
    const after = [clock.tick(), clock.tick()];
    expect(after[0]! > before).toBe(true);
    expect(after[1]! > after[0]!).toBe(true);
    // It does not pretend the clock went back: the stamps stay at the latest time seen.
    expect(decodeHlc(after[1]!).wallMs).toBe(START);
  });

  it('counts changes made within the same millisecond', () => {
    const clock = new HybridLogicalClock(LAPTOP, () => START);
    const stamps = [clock.tick(), clock.tick(), clock.tick()].map(decodeHlc);
    expect(stamps.map((s) => s.wallMs)).toEqual([START, START, START]);
    expect(stamps.map((s) => s.counter)).toEqual([0, 1, 2]);
  });

  it('starts the counter again when the wall clock moves on', () => {
    const wall = wallClock();
    const clock = new HybridLogicalClock(LAPTOP, wall.now);
    clock.tick();
    clock.tick();
    wall.set(START + 1);
    expect(decodeHlc(clock.tick())).toEqual({ wallMs: START + 1, counter: 0, deviceId: LAPTOP });
  });

  it('sorts local changes after a change received from a device whose clock is a few minutes ahead', () => {
    const wall = wallClock();
    const clock = new HybridLogicalClock(LAPTOP, wall.now);
    const remote = encodeHlc({ wallMs: START + 4 * 60_000, counter: 41, deviceId: OFFICE });
    expect(clock.receive(remote)).toBe(true);
    const next = clock.tick();
    expect(next > remote).toBe(true);
    expect(decodeHlc(next).deviceId).toBe(LAPTOP);
  });

  it('is not moved by a stamp more than five minutes ahead, or one with a full counter', () => {
    const wall = wallClock();
    const clock = new HybridLogicalClock(LAPTOP, wall.now);
    const before = clock.tick();
    for (const remote of [
      encodeHlc({ wallMs: START + MAX_DRIFT_MS + 1, counter: 0, deviceId: OFFICE }),
      encodeHlc({ wallMs: Date.parse('2100-01-01T00:00:00Z'), counter: 0, deviceId: OFFICE }),
      encodeHlc({ wallMs: 10 ** 15 - 1, counter: 999_999, deviceId: OFFICE }),
      encodeHlc({ wallMs: START, counter: 999_999, deviceId: OFFICE }),
    ]) {
      expect(clock.receive(remote)).toBe(false);
    }
    expect(clock.current()).toBe(before);
    expect(decodeHlc(clock.tick()).wallMs).toBe(START);
  });

  it('sorts local changes after a received change with the same time and a higher counter', () => {
    const clock = new HybridLogicalClock(LAPTOP, () => START);
    clock.tick();
    const remote = encodeHlc({ wallMs: START, counter: 9, deviceId: OFFICE });
    clock.receive(remote);
    expect(clock.tick() > remote).toBe(true);
  });

  it('goes on from the last stamp it was given after a restart', () => {
    const wall = wallClock();
    const first = new HybridLogicalClock(LAPTOP, wall.now);
    first.tick();
    const last = first.tick();
    wall.set(START - DAY_MS);
    const restarted = new HybridLogicalClock(LAPTOP, wall.now, first.current());
    expect(restarted.tick() > last).toBe(true);
  });

  it('borrows the next millisecond rather than overflow the counter', () => {
    const full = encodeHlc({ wallMs: START, counter: 999_999, deviceId: LAPTOP });
    const clock = new HybridLogicalClock(LAPTOP, () => START, full);
    const next = clock.tick();
    expect(next > full).toBe(true);
    expect(decodeHlc(next)).toEqual({ wallMs: START + 1, counter: 0, deviceId: LAPTOP });
  });

  it('refuses text that is not a stamp', () => {
    for (const text of [
      'yesterday',
      `999999999999999-9999999-${OFFICE}`,
      `1773306000000-000000-${OFFICE}`,
      `001773306000000-000000-someone`,
      `001773306000000-000000-${OFFICE}x`,
      `001773306000000-000000-${OFFICE.toUpperCase()}`,
    ]) {
      expect(() => decodeHlc(text)).toThrow(/Not a clock stamp/);
    }
  });
});

const stampArb = fc.record({
  wallMs: fc.integer({ min: 0, max: 10 ** 15 - 1 }),
  counter: fc.integer({ min: 0, max: 999_999 }),
  deviceId: fc.constantFrom(LAPTOP, OFFICE, '0195f0a4-3b2c-7d1e-8f00-00000000000a'),
});

describe('clock stamps as text', () => {
  it('sort as text in the same order as the clock', () => {
    fc.assert(
      fc.property(stampArb, stampArb, (a, b) => {
        const textOrder = encodeHlc(a) < encodeHlc(b) ? -1 : encodeHlc(a) > encodeHlc(b) ? 1 : 0;
        expect(textOrder).toBe(sign(compareStamps(a, b)));
      }),
      { numRuns: 1000 },
    );
  });

  it('read back as the stamp that was written', () => {
    fc.assert(
      fc.property(stampArb, (stamp) => {
        expect(decodeHlc(encodeHlc(stamp))).toEqual(stamp);
      }),
    );
  });
});

type Step =
  | { kind: 'tick' }
  | { kind: 'jump'; byMs: number }
  | { kind: 'receive'; offsetMs: number; counter: number; deviceId: string };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'tick' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('jump' as const),
      // From a week back to a week forward, with plenty of "no change" and tiny moves.
      byMs: fc.oneof(fc.constant(0), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -7 * DAY_MS, max: 7 * DAY_MS })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      offsetMs: fc.oneof(fc.constant(0), fc.integer({ min: -2, max: 2 }), fc.integer({ min: -7 * DAY_MS, max: 7 * DAY_MS })),
      counter: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 999_990, max: 999_999 })),
      deviceId: fc.constantFrom(OFFICE, '0195f0a4-3b2c-7d1e-8f00-000000000000', 'ffffffff-ffff-7fff-bfff-ffffffffffff'),
    }),
  },
);

describe('hybrid logical clock under any history', () => {
  it('issues every stamp after the one before and after every stamp it has received', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 80 }), (steps) => {
        const wall = wallClock();
        const clock = new HybridLogicalClock(LAPTOP, wall.now);
        let highest = '';
        let lastIssued = '';
        for (const step of steps) {
          if (step.kind === 'jump') {
            wall.set(Math.max(0, wall.now() + step.byMs));
          } else if (step.kind === 'receive') {
            const remote = encodeHlc({ wallMs: Math.max(0, wall.now() + step.offsetMs), counter: step.counter, deviceId: step.deviceId });
            const taken = clock.receive(remote);
            expect(taken).toBe(step.offsetMs <= MAX_DRIFT_MS && step.counter < 999_999);
            if (taken && remote > highest) highest = remote;
          } else {
            const stamp = clock.tick();
            expect(stamp > lastIssued).toBe(true);
            expect(stamp > highest).toBe(true);
            expect(decodeHlc(stamp).deviceId).toBe(LAPTOP);
            expect(decodeHlc(stamp).wallMs).toBeGreaterThanOrEqual(wall.now());
            lastIssued = stamp;
            highest = stamp;
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
