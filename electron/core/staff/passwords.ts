import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MIN_PASSWORD_LENGTH } from '../../../shared/contract/staff';
import { commonPasswords } from './common-passwords';

/**
 * Staff passwords are kept only as a salted scrypt hash, memory-hard so a
 * stolen database is slow to guess from: 2^15 rounds with 8-byte blocks use
 * 32 MiB per guess. OWASP suggests 2^17 (128 MiB); 2^15 keeps several staff
 * signing in at once on a small office PC within memory and well under a
 * second each. The cost is stored with each hash, so it can be raised later
 * without locking anyone out.
 */
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((done, fail) => scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? fail(error) : done(key))));
}

const memoryFor = (cost: number, blockSize: number) => 128 * cost * blockSize * 2;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_LENGTH, { N: COST, r: BLOCK_SIZE, p: 1, maxmem: memoryFor(COST, BLOCK_SIZE) });
  return `scrypt:${COST}:${BLOCK_SIZE}:${salt.toString('base64')}:${hash.toString('base64')}`;
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, blockSize, salt, hash] = stored.split(':');
  if (scheme !== 'scrypt' || !cost || !blockSize || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const N = Number(cost);
  const r = Number(blockSize);
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, { N, r, p: 1, maxmem: memoryFor(N, r) });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash made once for an email that has no account, so a sign-in with an
 * unknown email takes as long as one with a wrong password, and the two
 * cannot be told apart by timing.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString('base64'));
  return decoy;
}

/** What is wrong with a new password, in words that say what to do; null when it will do. */
export function passwordProblem(password: string, person: { name: string; email: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  const plain = password.toLowerCase().replace(/\s+/g, '');
  if (commonPasswords.has(plain) || /^(.)\1+$/.test(plain)) return 'Choose a password that is harder to guess: that one is on the list of passwords attackers try first.';
  const emailName = person.email.split('@')[0]!.toLowerCase();
  const name = person.name.toLowerCase().replace(/\s+/g, '');
  if ((emailName.length >= 4 && plain.includes(emailName)) || (name.length >= 4 && plain.includes(name))) {
    return 'Choose a password that does not contain your name or email address.';
  }
  return null;
}
