import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** PINs are short, so they are stored only as a salted scrypt hash and wrong tries are slowed down. */
const COST = 2 ** 14;
const KEY_LENGTH = 32;

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, KEY_LENGTH, { N: COST });
  return `scrypt:${COST}:${salt.toString('base64')}:${hash.toString('base64')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, cost, salt, hash] = stored.split(':');
  if (scheme !== 'scrypt' || !cost || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(cost) });
  return timingSafeEqual(actual, expected);
}

/** Free tries before waiting; then 30 s, doubling with each wrong PIN, at most 15 minutes. */
export const FREE_TRIES = 3;
export function lockoutMs(failedAttempts: number): number {
  if (failedAttempts < FREE_TRIES) return 0;
  return Math.min(30_000 * 2 ** (failedAttempts - FREE_TRIES), 15 * 60_000);
}
