import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import * as vectors from 'cctv-age';
import { generateX25519Identity } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { decryptFile } from '../../electron/sync/sealed-file';
import { FieldbookError } from '../../shared/errors';

/**
 * The age test kit (npm `cctv-age`, from C2SP) run through Fieldbook's own
 * decrypt path, `decryptFile(file, identity)`: every vector that expects
 * success decrypts to exactly its payload; every other one is refused with a
 * FieldbookError and releases no plaintext at all (the call throws, so
 * nothing is returned; age-encryption decrypts the whole file before
 * returning, so a payload failure half-way through gives back nothing either).
 *
 * Skipped, because Fieldbook never makes or reads such files:
 * - passphrase (scrypt) vectors: Fieldbook encrypts only to device keys;
 * - armored (ASCII) vectors: Fieldbook files are binary age files.
 * Hybrid post-quantum identities (AGE-SECRET-KEY-PQ-1…) are not used by
 * Fieldbook either, but decryptFile accepts them, so they run.
 * A vector with no identity at all is run with an unrelated X25519 identity
 * (it expects the header to fail before any key matters); a vector with two
 * identities is run once with each, since decryptFile takes one, and must
 * fail with each.
 */

interface Vector {
  name: string;
  expect: 'success' | 'no match' | 'HMAC failure' | 'header failure' | 'payload failure' | 'armor failure';
  payload: string | null;
  identities: string[];
  passphrase: boolean;
  armored: boolean;
  file: Uint8Array;
}

function parse(name: string, bytes: Uint8Array): Vector {
  const buffer = Buffer.from(bytes);
  const split = buffer.indexOf('\n\n');
  expect(split).toBeGreaterThan(0);
  const header = buffer.subarray(0, split).toString('utf8').split('\n');
  const values = (key: string) => header.filter((line) => line.startsWith(`${key}: `)).map((line) => line.slice(key.length + 2));
  const body = buffer.subarray(split + 2);
  const compressed = values('compressed')[0];
  if (compressed !== undefined) expect(compressed).toBe('zlib');
  return {
    name,
    expect: values('expect')[0] as Vector['expect'],
    payload: values('payload')[0] ?? null,
    identities: values('identity'),
    passphrase: values('passphrase').length > 0,
    armored: values('armored')[0] === 'yes',
    file: new Uint8Array(compressed ? inflateSync(body) : body),
  };
}

const all = Object.entries(vectors as Record<string, Uint8Array>).map(([name, bytes]) => parse(name, bytes));
const skipped = all.filter((vector) => vector.passphrase || vector.armored);
const run = all.filter((vector) => !vector.passphrase && !vector.armored);

/** What Fieldbook says for each kind of failure the kit names. */
const expectedCode: Record<Exclude<Vector['expect'], 'success' | 'armor failure'>, string> = {
  'no match': 'WRONG_RECIPIENT',
  'HMAC failure': 'FILE_DAMAGED',
  'header failure': 'FILE_DAMAGED',
  'payload failure': 'FILE_DAMAGED',
};

async function outcome(file: Uint8Array, identity: string): Promise<{ plaintext: Uint8Array } | { error: unknown }> {
  try {
    return { plaintext: await decryptFile(file, identity) };
  } catch (error) {
    return { error };
  }
}

describe('the age test kit through decryptFile', () => {
  it('has the vectors this test expects, and skips only passphrase and armored ones', () => {
    expect(all.length).toBe(143);
    // Counted so that a new release of the kit that changes them is noticed.
    expect({ skipped: skipped.length, passphrase: skipped.filter((v) => v.passphrase).length, armored: skipped.filter((v) => v.armored).length }).toEqual({
      skipped: 58,
      passphrase: 26,
      // One armored vector is also a passphrase one.
      armored: 33,
    });
    expect(run.length).toBe(85);
    expect(run.filter((vector) => vector.expect === 'success').length).toBe(18);
    expect(new Set(run.map((vector) => vector.expect))).toEqual(new Set(['success', 'no match', 'HMAC failure', 'header failure', 'payload failure']));
  });

  it.each(run.filter((vector) => vector.expect === 'success').map((vector) => [vector.name, vector] as const))(
    '%s decrypts to its payload',
    async (_name, vector) => {
      expect(vector.identities).toHaveLength(1);
      const result = await outcome(vector.file, vector.identities[0]!);
      expect(result).toHaveProperty('plaintext');
      const plaintext = (result as { plaintext: Uint8Array }).plaintext;
      expect(createHash('sha256').update(plaintext).digest('hex')).toBe(vector.payload);
    },
  );

  it.each(run.filter((vector) => vector.expect !== 'success').map((vector) => [`${vector.name} (${vector.expect})`, vector] as const))(
    '%s is refused and releases nothing',
    async (_name, vector) => {
      const identities = vector.identities.length > 0 ? vector.identities : [await generateX25519Identity()];
      for (const identity of identities) {
        const result = await outcome(vector.file, identity);
        expect(result).not.toHaveProperty('plaintext');
        const { error } = result as { error: unknown };
        expect(error).toBeInstanceOf(FieldbookError);
        const code = (error as FieldbookError).code;
        // With one of two identities, a header the other identity would reject may simply not match.
        const allowed = identities.length > 1 ? ['FILE_DAMAGED', 'WRONG_RECIPIENT'] : [expectedCode[vector.expect as keyof typeof expectedCode]];
        expect(allowed).toContain(code);
        expect((error as FieldbookError).message).not.toMatch(/\bage\b|stanza|hmac|chacha|x25519|identity/i);
      }
    },
  );
});
