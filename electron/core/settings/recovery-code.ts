import { randomInt } from 'node:crypto';
import { hashPin, pinMatches } from '../kiosk/pin';

/**
 * A laptop's kiosk PIN recovery code: 16 characters from Crockford's base32
 * (digits and capitals without I, L, O and U, so nothing reads as something
 * else), 80 random bits, in four groups. It is shown once and kept only as a
 * salted scrypt hash, the way the PIN is (kiosk/pin.ts): with 80 bits, no
 * wait between wrong tries is needed, and none stands in the way of the
 * facilitator the PIN's wait has locked out.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;

export function newRecoveryCode(): string {
  const characters = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]!).join('');
  return characters.match(/.{4}/g)!.join('-');
}

/** As typed: either case, with or without dashes and spaces; O read as 0 and I or L as 1, as Crockford's base32 allows. */
export function normaliseRecoveryCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export const hashRecoveryCode = (code: string): string => hashPin(normaliseRecoveryCode(code));

export function recoveryCodeMatches(typed: string, stored: string | null): boolean {
  const code = normaliseRecoveryCode(typed);
  if (!stored || code.length !== LENGTH) return false;
  return pinMatches(code, stored);
}
