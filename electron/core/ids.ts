import { getRandomValues } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * Random bytes fetched from the operating system a thousand ids at a time:
 * the uuid library asks for 16 bytes per id, and one system call per id is
 * a large share of a bulk import's time (a 100,000-row sheet makes half a
 * million ids). Ids are unique, not secret, so holding the next few
 * thousand random bytes in memory gives nothing away.
 */
const pool = new Uint8Array(16 * 1024);
let taken = pool.length;

function nextRandom(): Uint8Array {
  if (taken === pool.length) {
    getRandomValues(pool);
    taken = 0;
  }
  taken += 16;
  return pool.subarray(taken - 16, taken);
}

/**
 * The uuid library's own order for ids made within one millisecond (its
 * state is private once random bytes are passed in): the counter starts from
 * random bits each millisecond and counts up, so ids sort by creation.
 */
const order = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

/** UUIDv7: made offline on any device, unique everywhere, and sortable by creation time. */
export function newUuidV7(): string {
  const random = nextRandom();
  const now = Date.now();
  if (now > order.msecs) {
    order.msecs = now;
    order.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    order.seq = (order.seq + 1) | 0;
    if (order.seq === 0) order.msecs += 1;
  }
  return uuidv7({ random, msecs: order.msecs, seq: order.seq });
}
