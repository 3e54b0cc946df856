/**
 * Hybrid logical clock. Timestamps order changes across devices whose wall
 * clocks disagree: each is the larger of the wall clock and the last stamp
 * seen, plus a counter, plus the device id as a tie-breaker. It never runs
 * backwards, even when a laptop's clock is set back by days.
 *
 * Encoded as fixed-width text so that string order is clock order, which lets
 * SQLite index and compare stamps directly.
 */
export interface HlcStamp {
  wallMs: number;
  counter: number;
  deviceId: string;
}

const WALL_WIDTH = 15;
const COUNTER_WIDTH = 6;
export const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;
const MAX_WALL_MS = 10 ** WALL_WIDTH - 1;

/**
 * How far past this device's own clock a received stamp may be and still be
 * taken into account. A stamp further ahead (a laptop whose date is 2100), or
 * one whose counter is at its maximum, never moves this clock: following it
 * would make every later edit here lose to it, and a stamp near the end of
 * the fixed width would leave no stamp to issue next. Actual Budget's clock
 * keeps the same 5-minute bound.
 */
export const MAX_DRIFT_MS = 5 * 60 * 1000;

/** Exactly what encodeHlc writes: 15-digit milliseconds, 6-digit counter, a device id (a UUID). */
const STAMP = /^(\d{15})-(\d{6})-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export class ClockStampError extends Error {}

export function encodeHlc(stamp: HlcStamp): string {
  return `${String(stamp.wallMs).padStart(WALL_WIDTH, '0')}-${String(stamp.counter).padStart(COUNTER_WIDTH, '0')}-${stamp.deviceId}`;
}

export function decodeHlc(text: string): HlcStamp {
  const match = typeof text === 'string' ? STAMP.exec(text) : null;
  if (!match) throw new ClockStampError(`Not a clock stamp: ${String(text).slice(0, 80)}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), deviceId: match[3]! };
}

/** Whether text is a clock stamp this build can read and order. */
export function isClockStamp(text: unknown): text is string {
  return typeof text === 'string' && STAMP.test(text);
}

export class HybridLogicalClock {
  private wallMs: number;
  private counter: number;

  constructor(
    readonly deviceId: string,
    private readonly now: () => number,
    last?: string,
  ) {
    const start = last ? decodeHlc(last) : { wallMs: 0, counter: 0 };
    this.wallMs = start.wallMs;
    this.counter = start.counter;
  }

  /** A new stamp for a local change, later than every stamp issued or seen. */
  tick(): string {
    const wall = this.now();
    if (wall > this.wallMs) {
      this.wallMs = wall;
      this.counter = 0;
    } else {
      this.advanceCounter();
    }
    return this.current();
  }

  /**
   * Takes account of a stamp from another device so later local stamps sort
   * after it. Returns false, leaving the clock as it was, for a stamp more
   * than MAX_DRIFT_MS past this device's wall clock or with a full counter.
   * `trustedTimeMs` is a time this device takes as real even when its own
   * clock is behind: a laptop takes its office's, from the package it wrote.
   */
  receive(remote: string, trustedTimeMs = 0): boolean {
    const other = decodeHlc(remote);
    const wall = this.now();
    if (other.wallMs > Math.max(wall, trustedTimeMs) + MAX_DRIFT_MS || other.counter >= MAX_COUNTER) return false;
    const maxWall = Math.max(wall, this.wallMs, other.wallMs);
    if (maxWall === this.wallMs && maxWall === other.wallMs) {
      this.counter = Math.max(this.counter, other.counter);
      this.advanceCounter();
    } else if (maxWall === this.wallMs) {
      this.advanceCounter();
    } else if (maxWall === other.wallMs) {
      this.wallMs = other.wallMs;
      this.counter = other.counter;
      this.advanceCounter();
    } else {
      this.wallMs = wall;
      this.counter = 0;
    }
    return true;
  }

  /** The last stamp issued, to persist so the clock survives a restart. */
  current(): string {
    return encodeHlc({ wallMs: this.wallMs, counter: this.counter, deviceId: this.deviceId });
  }

  private advanceCounter(): void {
    if (this.counter < MAX_COUNTER) {
      this.counter += 1;
    } else {
      // A million changes in one millisecond: borrow the next millisecond
      // rather than overflow the fixed width and break string ordering.
      if (this.wallMs >= MAX_WALL_MS) throw new ClockStampError('This device\'s clock has reached the last time it can write.');
      this.wallMs += 1;
      this.counter = 0;
    }
  }
}
