import { createHash } from 'node:crypto';

/**
 * An id derived from what a record is about rather than random: a booking is
 * "this person on this session", an equality answer is "this person's". The
 * same record made on two laptops then has one id, and a merge compares its
 * fields instead of finding two rows for one thing. Shaped as an RFC 9562
 * UUID, version 8 (custom), variant 10.
 */
export function derivedId(kind: string, ...parts: string[]): string {
  const hex = createHash('sha256').update([kind, ...parts].join(':')).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
