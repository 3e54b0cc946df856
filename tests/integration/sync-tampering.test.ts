import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldbookErrorPayload } from '../../shared/errors';
import { evaluatedSession, signedInPeople } from '../support/evaluations';
import { asIncoming, bytesOf, incomingBytes, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { countRows, databaseHash } from '../support/temp-core';

/**
 * A real bundle (one person signed in), changed one byte at a time and cut
 * short at every length: the office refuses every version whole, says why in
 * plain words, and its database is exactly as it was. Every byte and every
 * length is tried, none sampled: the bundle is about 1,500 bytes, and its
 * 3,000 damaged versions take about 2.5 s to refuse on the build machine
 * (eight decryptions in flight at once).
 */

const DAMAGED =
  'This file is damaged or incomplete: it was changed or cut short after it was written, so none of it was imported. Ask for it to be exported again.';
const NOT_FOR_US =
  'This file is addressed to another computer: it was encrypted for a different key, so this one cannot open it. Check it was written for this office (or this laptop).';

/** Refusals in flight at once: age decryption is asynchronous, so a few overlap. */
const CONCURRENCY = 8;

let world: SyncWorld;
let bundle: Uint8Array;
let sessionId: string;

beforeAll(async () => {
  world = await syncWorld(['Hall laptop 2']);
  const { office, laptops } = world;
  const laptop = laptops[0]!;
  const { session } = await evaluatedSession(office.call);
  sessionId = session.id;
  await sendPackage(office, laptop);
  await signedInPeople(laptop, session.id, 'Amira');
  bundle = bytesOf(await laptop.call('sync.exportBundle', {}));
});

afterAll(async () => world?.cleanup());

/** The byte range of the age header's recipient stanza ("-> X25519 …" and its body line). */
function recipientStanza(file: Uint8Array): [start: number, end: number] {
  const text = Buffer.from(file).toString('latin1');
  const start = text.indexOf('\n-> ') + 1;
  const end = text.indexOf('\n---', start) + 1;
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return [start, end];
}

/** Offers each file to the office, a few at a time, and returns what it said for each, in order. */
async function offerAll(files: Uint8Array[]): Promise<FieldbookErrorPayload[]> {
  const office = world.office;
  const answers: FieldbookErrorPayload[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < files.length; index = next++) {
      const result = await office.dispatch('sync.importFile', incomingBytes(files[index]!, 'tampered.fieldbook'));
      answers[index] = result.ok ? { code: 'INTERNAL', message: `imported: ${JSON.stringify(result.value)}` } : result.error;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answers;
}

/**
 * Rows written, less the import log's notes of refused files (refused_imports, each one row written once):
 * a refusal keeps its note and nothing else.
 */
function writes(): number {
  return world.office.sqlite.prepare('SELECT total_changes() - (SELECT count(*) FROM refused_imports)').pluck().get() as number;
}

describe('a bundle changed or cut short anywhere', () => {
  it('is refused whole for every single byte flipped, and the office database is unchanged', async () => {
    const office = world.office;
    const before = databaseHash(office.sqlite);
    const writesBefore = writes();
    const [stanzaStart, stanzaEnd] = recipientStanza(bundle);

    const flipped = Array.from(bundle, (_, position) => {
      const copy = Uint8Array.from(bundle);
      copy[position]! ^= 0x01;
      return copy;
    });
    const answers = await offerAll(flipped);

    const outcomes = answers.map((answer, position) => {
      const inStanza = position >= stanzaStart && position < stanzaEnd;
      // A changed recipient stanza no longer unwraps with this office's key, which age cannot
      // tell apart from a file written for another key; everywhere else the file is damaged.
      const expected = inStanza && answer.code === 'WRONG_RECIPIENT' ? NOT_FOR_US : DAMAGED;
      return { position, code: answer.code, right: answer.message === expected && (answer.code === 'FILE_DAMAGED' || inStanza) };
    });
    expect(outcomes.filter((outcome) => !outcome.right)).toEqual([]);
    // Both kinds of refusal really occur: the stanza range is not a blanket excuse.
    expect(outcomes.filter((outcome) => outcome.code === 'WRONG_RECIPIENT').length).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => outcome.code === 'FILE_DAMAGED').length).toBeGreaterThan(bundle.length / 2);

    expect(writes()).toBe(writesBefore);
    expect(databaseHash(office.sqlite)).toBe(before);
    expect(office.loggedErrors).toEqual([]);
  });

  it('is refused whole when cut at every length, and the office database is unchanged', async () => {
    const office = world.office;
    const before = databaseHash(office.sqlite);
    const writesBefore = writes();

    const empty = await office.dispatch('sync.importFile', incomingBytes(new Uint8Array(0)));
    expect(empty).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.any(String), fields: { contentBase64: 'Choose another file: that one is empty.' } } });

    const cut = Array.from({ length: bundle.length - 1 }, (_, index) => bundle.subarray(0, index + 1));
    const answers = await offerAll(cut);
    expect(answers.map((answer, index) => ({ length: index + 1, ...answer })).filter((answer) => answer.code !== 'FILE_DAMAGED' || answer.message !== DAMAGED)).toEqual([]);

    expect(writes()).toBe(writesBefore);
    expect(databaseHash(office.sqlite)).toBe(before);
    expect(office.loggedErrors).toEqual([]);
  });

  it('still imports whole and unchanged, so the refusals above were about the damage', async () => {
    const office = world.office;
    const outcome = await office.call('sync.importFile', incomingBytes(bundle));
    expect(outcome).toMatchObject({ status: 'imported', summary: { signIns: 1 } });
    const roster = await office.call('signIn.roster', { sessionId });
    expect(roster.entries.filter((entry) => entry.state === 'signed_in').map((entry) => entry.name)).toEqual(['Amira Test']);
    expect(countRows(office.sqlite, 'import_log')).toBe(1);
  });
});

describe('a package from the office changed or cut short', () => {
  it('is refused whole by the laptop for every byte flipped and every length, and the laptop is unchanged', async () => {
    const { office, laptops } = world;
    const laptop = laptops[0]!;
    const deviceId = (await laptop.call('device.status', {})).device!.id;
    const file = await office.call('sync.writePackage', { deviceId });
    const bytes = bytesOf(file);
    const before = databaseHash(laptop.sqlite);
    const [stanzaStart, stanzaEnd] = recipientStanza(bytes);

    const versions = [
      ...Array.from(bytes, (_, position) => {
        const copy = Uint8Array.from(bytes);
        copy[position]! ^= 0x01;
        return { what: `byte ${position} flipped`, inStanza: position >= stanzaStart && position < stanzaEnd, bytes: copy };
      }),
      ...Array.from({ length: bytes.length - 1 }, (_, index) => ({ what: `cut at ${index + 1}`, inStanza: false, bytes: bytes.subarray(0, index + 1) })),
    ];
    const wrong: unknown[] = [];
    for (let start = 0; start < versions.length; start += CONCURRENCY) {
      await Promise.all(
        versions.slice(start, start + CONCURRENCY).map(async (version) => {
          const result = await laptop.dispatch('sync.importPackage', incomingBytes(version.bytes, 'tampered.fieldbook-package'));
          const fine =
            !result.ok &&
            ((result.error.code === 'FILE_DAMAGED' && result.error.message === DAMAGED) ||
              (version.inStanza && result.error.code === 'WRONG_RECIPIENT' && result.error.message === NOT_FOR_US));
          if (!fine) wrong.push({ what: version.what, result });
        }),
      );
    }
    expect(wrong).toEqual([]);
    expect(databaseHash(laptop.sqlite)).toBe(before);

    // The untouched package still imports.
    expect((await laptop.call('sync.importPackage', asIncoming(file))).status).toBe('imported');
  });
});
