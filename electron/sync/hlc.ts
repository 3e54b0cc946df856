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
const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;

export function encodeHlc(stamp: HlcStamp): string {
  return `${String(stamp.wallMs).padStart(WALL_WIDTH, '0')}-${String(stamp.counter).padStart(COUNTER_WIDTH, '0')}-${stamp.deviceId}`;
}

export function decodeHlc(text: string): HlcStamp {
  const match = /^(\d{15})-(\d{6})-(.+)$/.exec(text);
  if (!match) throw new Error(`Not a clock stamp: ${text}`);
  return { wallMs: Number(match[1]), counter: Number(match[2]), deviceId: match[3]! };
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

  /** Takes account of a stamp from another device so later local stamps sort after it. */
  receive(remote: string): void {
    const other = decodeHlc(remote);
    const wall = this.now();
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
      this.wallMs += 1;
      this.counter = 0;
    }
  }
}
