import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { Encrypter } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNING_KEY_NAME } from '../../electron/core/device/device';
import { encodePayload, type WireChange } from '../../electron/sync/payload';
import { recipientFingerprint, sealFile, SEALED_FILE_FORMAT } from '../../electron/sync/sealed-file';
import type { FieldbookErrorPayload } from '../../shared/errors';
import { evaluatedSession, signedInPeople } from '../support/evaluations';
import { asIncoming, bytesOf, enrolLaptop, incomingBytes, sendPackage, syncWorld, type SyncWorld } from '../support/sync';
import { countRows, DAY_MS, databaseHash, dumpDatabase, refusal, tempCore, type TempCore } from '../support/temp-core';

/**
 * Files the office (or a laptop) must refuse whole, each with a message that
 * says why in plain words, writing nothing at all; and files that are fine
 * but need care: a replay (a logged no-op), a bundle from a clock far ahead
 * (held for review), a weeks-old bundle (imports), and gaps in a laptop's
 * sequence (shown in the manifest).
 */

let world: SyncWorld;
const extra: TempCore[] = [];
afterEach(async () => {
  await world?.cleanup();
  for (const temp of extra.splice(0)) await temp.cleanup();
});

interface Scene {
  office: TempCore;
  laptop: TempCore;
  laptopId: string;
  sessionId: string;
}

/** An office and "Hall laptop 2", paired, with today's session in the laptop's package. */
async function scene(): Promise<Scene> {
  world = await syncWorld(['Hall laptop 2']);
  const { office, laptops } = world;
  const laptop = laptops[0]!;
  const { session } = await evaluatedSession(office.call);
  await sendPackage(office, laptop);
  const laptopId = (await laptop.call('device.status', {})).device!.id;
  return { office, laptop, laptopId, sessionId: session.id };
}

/** Offers a file to the office and returns the refusal, checking that not one byte of its database changed. */
async function refusedByOffice(office: TempCore, bytes: Uint8Array, fileName = 'bundle.fieldbook'): Promise<FieldbookErrorPayload> {
  const before = databaseHash(office.sqlite);
  const error = await refusal(office.dispatch, 'sync.importFile', incomingBytes(bytes, fileName));
  expect(databaseHash(office.sqlite)).toBe(before);
  expect(office.loggedErrors).toEqual([]);
  return error;
}

async function refusedByLaptop(laptop: TempCore, bytes: Uint8Array, fileName: string): Promise<FieldbookErrorPayload> {
  const before = databaseHash(laptop.sqlite);
  const error = await refusal(laptop.dispatch, 'sync.importPackage', incomingBytes(bytes, fileName));
  expect(databaseHash(laptop.sqlite)).toBe(before);
  expect(laptop.loggedErrors).toEqual([]);
  return error;
}

function officeRecipient(office: TempCore): string {
  return office.sqlite.prepare('SELECT age_recipient FROM device').pluck().get() as string;
}

/** A bundle's payload as a laptop writes it, holding one change. */
function somePayload(laptopId: string): Uint8Array {
  return encodePayload({ kind: 'bundle', deviceName: 'Hall laptop 2', summary: { changes: 1, sessions: 0, signIns: 0, evaluations: 0, newPeople: 1 } }, [
    ['01950000-0000-7000-8000-000000000001', `${String(Date.now()).padStart(15, '0')}-000000-${laptopId}`, laptopId, 'people', '01950000-0000-7000-8000-000000000002', '{"given_name":"Eve","family_name":"Forger"}', null],
  ]);
}

/**
 * A sealed file built by hand: the header line Fieldbook writes (with the
 * signature left out, or over an envelope this build does not write), then
 * the payload, encrypted with age directly.
 */
async function handmade(recipient: string, envelope: Record<string, unknown>, payload: Uint8Array, signingKey: Buffer | null): Promise<Uint8Array> {
  const envelopeText = JSON.stringify({
    ...envelope,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
    payloadBytes: payload.byteLength,
  });
  const header: Record<string, string> = { fieldbook: 'sealed-file', envelope: envelopeText };
  if (signingKey) header.signature = sign(null, Buffer.from(envelopeText), { key: signingKey, format: 'der', type: 'pkcs8' }).toString('base64');
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  return encrypter.encrypt(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
}

function envelopeFor(laptopId: string, office: TempCore, sequence = 1) {
  return {
    kind: 'bundle' as const,
    bundleId: `forged-${sequence}`,
    senderDeviceId: laptopId,
    sequence,
    recipientFingerprint: recipientFingerprint(officeRecipient(office)),
    createdAt: `${String(office.clock().getTime()).padStart(15, '0')}-000000-${laptopId}`,
  };
}

/** A bundle signed by the enrolled laptop, with an envelope and changes as given: what a faulty build could write. */
async function signedBundle(office: TempCore, laptop: TempCore, laptopId: string, options: { createdAt?: string; changes?: WireChange[]; payload?: Uint8Array }) {
  const stamp = `${String(office.clock().getTime()).padStart(15, '0')}-000000-${laptopId}`;
  const meta = { kind: 'bundle', deviceName: 'Hall laptop 2', summary: { changes: 1, sessions: 0, signIns: 0, evaluations: 0, newPeople: 1 } };
  return sealFile({
    envelope: { ...envelopeFor(laptopId, office), createdAt: options.createdAt ?? stamp },
    payload: options.payload ?? encodePayload(meta, options.changes ?? []),
    signingKey: laptop.keyStore.get(SIGNING_KEY_NAME)!,
    recipient: officeRecipient(office),
  });
}

function change(laptopId: string, overrides: Partial<Record<'id' | 'hlc' | 'device' | 'table' | 'fields', string>> = {}): WireChange {
  return [
    overrides.id ?? '01950000-0000-7000-8000-0000000000c1',
    overrides.hlc ?? `${String(Date.parse('2026-03-12T09:00:00Z')).padStart(15, '0')}-000000-${laptopId}`,
    overrides.device ?? laptopId,
    overrides.table ?? 'people',
    '01950000-0000-7000-8000-0000000000a1',
    overrides.fields ?? '{"given_name":"Eve","family_name":"Forger"}',
    null,
  ];
}

const UNREADABLE = 'This file is signed and whole, but Fieldbook cannot read what is inside. It may come from a different version of Fieldbook. Nothing was imported.';

describe('files refused whole, with their reason in plain words', () => {
  it('refuses a bundle written for another office', async () => {
    const { office } = await scene();
    // A laptop paired with a different office writes its bundle for that office's key.
    const otherOffice = await tempCore({ setUp: true });
    extra.push(otherOffice);
    const stranger = await enrolLaptop(otherOffice, 'Library laptop');
    extra.push(stranger);
    await stranger.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const file = await stranger.call('sync.exportBundle', {});

    expect(await refusedByOffice(office, bytesOf(file))).toEqual({
      code: 'WRONG_RECIPIENT',
      message:
        'This file is addressed to another computer: it was encrypted for a different key, so this one cannot open it. Check it was written for this office (or this laptop).',
    });
  });

  it('refuses a bundle encrypted to this office whose signed envelope names another key', async () => {
    const { office, laptop, laptopId } = await scene();
    const file = await sealFile({
      envelope: { ...envelopeFor(laptopId, office), recipientFingerprint: recipientFingerprint('age1someoneelse') },
      payload: somePayload(laptopId),
      signingKey: laptop.keyStore.get(SIGNING_KEY_NAME)!,
      recipient: officeRecipient(office),
    });
    expect(await refusedByOffice(office, file)).toEqual({
      code: 'WRONG_RECIPIENT',
      message: "This file from Hall laptop 2 was written for another computer's key, so it was not imported here.",
    });
  });

  it('refuses a bundle naming an enrolled laptop but signed with a different key', async () => {
    const { office, laptopId } = await scene();
    const forger = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' });
    const file = await sealFile({ envelope: envelopeFor(laptopId, office), payload: somePayload(laptopId), signingKey: forger, recipient: officeRecipient(office) });
    expect(await refusedByOffice(office, file)).toEqual({
      code: 'BAD_SIGNATURE',
      message: "This file says it comes from Hall laptop 2, but it is not signed with Hall laptop 2's key, so it was not imported.",
    });
  });

  it('refuses a bundle from a laptop the office revoked, even one written before the revocation', async () => {
    const { office, laptop, laptopId, sessionId } = await scene();
    await signedInPeople(laptop, sessionId, 'Amira');
    const file = await laptop.call('sync.exportBundle', {});
    const revoked = await office.call('pairing.revoke', { deviceId: laptopId, reason: 'Stolen from a car' });
    expect(revoked.revokedAt).not.toBeNull();

    expect(await refusedByOffice(office, bytesOf(file))).toEqual({
      code: 'REVOKED_SENDER',
      message: 'This file comes from Hall laptop 2, which was revoked on 12 March 2026 (Stolen from a car). Nothing was imported.',
    });
    expect((await office.call('sync.manifest', {}))[0]).toMatchObject({ name: 'Hall laptop 2', revoked: true, received: [] });
    // The office writes it no more packages either.
    expect(await refusal(office.dispatch, 'sync.writePackage', { deviceId: laptopId })).toMatchObject({ code: 'REVOKED_SENDER' });
  });

  it('refuses a bundle from a laptop this office never enrolled', async () => {
    const { office } = await scene();
    // A copy of the office (same keys, say a restored backup) enrols a laptop the office itself never saw.
    const copy = await tempCore({ copyOf: office });
    extra.push(copy);
    const unknown = await enrolLaptop(copy, 'Spare laptop');
    extra.push(unknown);
    await unknown.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const file = await unknown.call('sync.exportBundle', {});

    expect(await refusedByOffice(office, bytesOf(file))).toEqual({
      code: 'UNKNOWN_SENDER',
      message: 'This file comes from a computer this one has not paired with. Enrol the laptop first (Devices), then import the file again.',
    });
  });

  it('refuses a file that is encrypted to the office but not signed', async () => {
    const { office, laptopId } = await scene();
    const file = await handmade(officeRecipient(office), { format: SEALED_FILE_FORMAT, ...envelopeFor(laptopId, office) }, somePayload(laptopId), null);
    expect(await refusedByOffice(office, file)).toEqual({
      code: 'BAD_SIGNATURE',
      message: 'This file is not signed, so Fieldbook cannot tell which laptop wrote it. Nothing was imported.',
    });
  });

  it('refuses a file in a format version this build does not know, even signed by the laptop', async () => {
    const { office, laptop, laptopId } = await scene();
    const file = await handmade(officeRecipient(office), { format: SEALED_FILE_FORMAT + 1, ...envelopeFor(laptopId, office) }, somePayload(laptopId), laptop.keyStore.get(SIGNING_KEY_NAME)!);
    expect(await refusedByOffice(office, file)).toEqual({
      code: 'UNSUPPORTED_VERSION',
      message:
        'This file was written by a newer version of Fieldbook (file format 3; this version reads format 2). Update Fieldbook on this computer, then import it again.',
    });
  });

  it('still imports a format 1 file from a laptop not yet updated (it carries no erasures)', async () => {
    const { office, laptop, laptopId } = await scene();
    const stamp = `${String(office.clock().getTime()).padStart(15, '0')}-000000-${laptopId}`;
    const payload = encodePayload({ kind: 'bundle', deviceName: 'Hall laptop 2', summary: { changes: 1, sessions: 0, signIns: 0, evaluations: 0, newPeople: 1 } }, [
      ['01950000-0000-7000-8000-000000000011', stamp, laptopId, 'people', '01950000-0000-7000-8000-000000000012', '{"given_name":"Olu","family_name":"Older"}', null],
    ]);
    const file = await handmade(officeRecipient(office), { format: 1, ...envelopeFor(laptopId, office) }, payload, laptop.keyStore.get(SIGNING_KEY_NAME)!);
    expect((await office.call('sync.importFile', incomingBytes(file))).status).toBe('imported');
  });

  it('refuses a file signed by an enrolled laptop whose contents this build cannot read', async () => {
    const { office, laptop, laptopId } = await scene();
    const cases: [string, Parameters<typeof signedBundle>[3], FieldbookErrorPayload][] = [
      ['a creation stamp that is not a clock stamp', { createdAt: 'yesterday', changes: [change(laptopId)] }, { code: 'FILE_DAMAGED', message: expect.stringMatching(/^This file is damaged or incomplete/) }],
      ['a change whose clock stamp is unreadable', { changes: [change(laptopId, { hlc: 'not-a-stamp' })] }, { code: 'UNSUPPORTED_VERSION', message: UNREADABLE }],
      ['frames that do not inflate', { payload: Buffer.from([0, 0, 0, 3, 1, 2, 3]) }, { code: 'UNSUPPORTED_VERSION', message: UNREADABLE }],
      [
        'a table this version does not have',
        { changes: [change(laptopId, { table: 'secrets', fields: '{"a":1}' })] },
        {
          code: 'UNSUPPORTED_VERSION',
          message:
            'This file is signed and whole, but it holds a table called "secrets", which this version of Fieldbook does not know. It may come from a newer version of Fieldbook. Nothing was imported.',
        },
      ],
      [
        'a change made by another device',
        { changes: [change(laptopId), change(laptopId, { id: '01950000-0000-7000-8000-0000000000c2', device: 'someone-else' })] },
        { code: 'NOT_ALLOWED', message: "Hall laptop 2 sent changes another device made; a laptop's file carries only its own. Nothing was imported." },
      ],
    ];
    for (const [what, options, expected] of cases) {
      const file = await signedBundle(office, laptop, laptopId, options);
      expect({ what, refusal: await refusedByOffice(office, file) }).toEqual({ what, refusal: expected });
    }
  });

  /**
   * A signed change whose field holds an object, or a number where text
   * belongs, is refused in plain words before anything is stored.
   */
  it('refuses a signed change holding values of the wrong type in plain words', async () => {
    const { office, laptop, laptopId } = await scene();
    for (const fields of ['{"given_name":{"x":1},"family_name":"Forger"}', '{"given_name":5,"family_name":"Forger"}']) {
      const file = await signedBundle(office, laptop, laptopId, { changes: [change(laptopId, { fields })] });
      expect(await refusedByOffice(office, file)).toEqual({
        code: 'INVALID_RECORD',
        message: 'Hall laptop 2 sent a person with a value of the wrong kind for its given name. Nothing was imported.',
      });
    }
  });

  it('refuses a package chosen on the office and a bundle chosen on a laptop, saying which computer each is for', async () => {
    const { office, laptop, laptopId, sessionId } = await scene();
    const pkg = await office.call('sync.writePackage', { deviceId: laptopId });
    expect(await refusedByOffice(office, bytesOf(pkg), pkg.fileName)).toEqual({
      code: 'WRONG_DEVICE_ROLE',
      message: 'Import it on a laptop: this is a package from the office.',
    });

    await signedInPeople(laptop, sessionId, 'Amira');
    const bundle = await laptop.call('sync.exportBundle', {});
    expect(await refusedByLaptop(laptop, bytesOf(bundle), bundle.fileName)).toEqual({
      code: 'WRONG_DEVICE_ROLE',
      message: "Import it at the office: this is a laptop's end-of-day file.",
    });

    // The procedures themselves belong to one role each.
    expect(await refusal(laptop.dispatch, 'sync.importFile', asIncoming(bundle))).toEqual({
      code: 'WRONG_DEVICE_ROLE',
      message: 'Use the central office for this: this computer is a facilitator laptop.',
    });
    expect(await refusal(office.dispatch, 'sync.importPackage', asIncoming(pkg))).toEqual({
      code: 'WRONG_DEVICE_ROLE',
      message: 'Use a facilitator laptop for this: this computer is the central office.',
    });
  });

  it('refuses a file of the other kind even when it is addressed to this computer', async () => {
    const { office, laptop, laptopId } = await scene();
    const file = await sealFile({
      envelope: { ...envelopeFor(laptopId, office), kind: 'package' },
      payload: somePayload(laptopId),
      signingKey: laptop.keyStore.get(SIGNING_KEY_NAME)!,
      recipient: officeRecipient(office),
    });
    expect(await refusedByOffice(office, file)).toEqual({ code: 'WRONG_DEVICE_ROLE', message: 'Import it on a laptop: this is a package from the office.' });
  });

  it('refuses an export with nothing new, writing nothing (not even the clock)', async () => {
    const { laptop, sessionId } = await scene();
    const before = databaseHash(laptop.sqlite);
    expect(await refusal(laptop.dispatch, 'sync.exportBundle', {})).toEqual({
      code: 'NOTHING_TO_EXPORT',
      message: 'No need to export: nothing has been recorded on this laptop yet.',
    });
    expect(databaseHash(laptop.sqlite)).toBe(before);

    await signedInPeople(laptop, sessionId, 'Amira');
    await laptop.call('sync.exportBundle', {});
    const after = databaseHash(laptop.sqlite);
    expect(await refusal(laptop.dispatch, 'sync.exportBundle', {})).toEqual({
      code: 'NOTHING_TO_EXPORT',
      message: 'No need to export: nothing is new since end-of-day file 1.',
    });
    expect(databaseHash(laptop.sqlite)).toBe(after);
  });

  it('refuses an export from a laptop not yet enrolled', async () => {
    world = await syncWorld([]);
    const lone = await tempCore();
    extra.push(lone);
    await lone.call('device.setUp', { role: 'laptop', name: 'New laptop' });
    await lone.call('people.create', { givenName: 'Nadia', familyName: 'Haddad' });
    const before = databaseHash(lone.sqlite);
    expect(await refusal(lone.dispatch, 'sync.exportBundle', {})).toEqual({
      code: 'NOT_PAIRED',
      message: 'This laptop is not enrolled with the office yet. Enrol it first (Devices), then export.',
    });
    expect(databaseHash(lone.sqlite)).toBe(before);
  });

  it('refuses a package written for another laptop', async () => {
    const { office, laptopId } = await scene();
    const other = await enrolLaptop(office, 'Hall laptop 3');
    extra.push(other);
    const pkg = await office.call('sync.writePackage', { deviceId: laptopId });
    expect(await refusedByLaptop(other, bytesOf(pkg), pkg.fileName)).toEqual({
      code: 'WRONG_RECIPIENT',
      message:
        'This file is addressed to another computer: it was encrypted for a different key, so this one cannot open it. Check it was written for this office (or this laptop).',
    });
  });
});

/** The database without the import log and the count of repeats: what a replay may change. */
function withoutReplayLog(office: TempCore): unknown {
  const dump = JSON.parse(dumpDatabase(office.sqlite)) as Record<string, unknown>;
  delete dump.import_log;
  dump.received_bundles = (dump.received_bundles as string[]).map((row) => (JSON.parse(row) as unknown[]).slice(0, -1));
  return dump;
}

describe('files that import, or wait, with care', () => {
  it('treats the same bundle offered again as a logged no-op', async () => {
    const { office, laptop, sessionId } = await scene();
    await signedInPeople(laptop, sessionId, 'Amira');
    const file = await laptop.call('sync.exportBundle', {});
    expect((await office.call('sync.importFile', asIncoming(file))).status).toBe('imported');
    const before = withoutReplayLog(office);
    const logged = countRows(office.sqlite, 'import_log');

    office.clock.advance(2 * DAY_MS);
    const again = await office.call('sync.importFile', { ...asIncoming(file), fileName: 'copy of bundle.fieldbook' });
    expect(again).toMatchObject({
      status: 'already_imported',
      message: 'Already imported on 12 March 2026 from Hall laptop 2 (end-of-day file 1). Nothing changed.',
      senderName: 'Hall laptop 2',
      sequence: 1,
    });
    expect(withoutReplayLog(office)).toEqual(before);
    expect(countRows(office.sqlite, 'import_log')).toBe(logged + 1);
    expect((await office.call('sync.importLog', {}))[0]).toMatchObject({
      fileName: 'copy of bundle.fieldbook',
      senderName: 'Hall laptop 2',
      status: 'already_imported',
      message: again.message,
    });
    expect((await office.call('sync.manifest', {}))[0]).toMatchObject({ received: [1], missing: [], repeatsSeen: 1 });
    // The laptop writing it again for a lost stick is the same bundle too.
    const rewritten = await laptop.call('sync.rewriteBundle', { sequence: 1 });
    expect(rewritten.contentBase64).not.toBe(file.contentBase64);
    expect((await office.call('sync.importFile', asIncoming(rewritten))).status).toBe('already_imported');
    expect((await office.call('sync.manifest', {}))[0]).toMatchObject({ received: [1], repeatsSeen: 2 });
  });

  it('holds a bundle from a laptop whose clock is days ahead, and imports it when someone says so', async () => {
    const { office, laptop, sessionId } = await scene();
    laptop.clock.advance(3 * DAY_MS);
    await laptop.call('notes.add', { sessionId, text: 'Written on a laptop whose date is wrong', tags: [], needsResponse: false });
    const file = await laptop.call('sync.exportBundle', {});
    const notesBefore = countRows(office.sqlite, 'session_notes');
    const changesBefore = countRows(office.sqlite, 'change_log');

    const outcome = await office.call('sync.importFile', asIncoming(file));
    expect(outcome).toMatchObject({
      status: 'held',
      message:
        "Held for review: end-of-day file 1 from Hall laptop 2 is stamped 3 days ahead of this computer's clock. Check that laptop's date and time, then import it from the held list.",
    });
    expect(countRows(office.sqlite, 'session_notes')).toBe(notesBefore);
    expect(countRows(office.sqlite, 'change_log')).toBe(changesBefore);
    const held = await office.call('sync.held', {});
    expect(held).toEqual([
      {
        bundleId: file.bundle.bundleId,
        fileName: file.fileName,
        senderName: 'Hall laptop 2',
        sequence: 1,
        createdAt: expect.stringMatching(/^2026-03-15T/),
        reason: outcome.message,
        receivedAt: office.clock().toISOString(),
      },
    ]);
    expect((await office.call('sync.manifest', {}))[0]).toMatchObject({ received: [], missing: [] });
    // Offered again while held, it stays held, once.
    expect((await office.call('sync.importFile', asIncoming(file))).status).toBe('held');
    expect(await office.call('sync.held', {})).toHaveLength(1);

    const imported = await office.call('sync.importHeld', { bundleId: file.bundle.bundleId });
    expect(imported).toMatchObject({ status: 'imported', sequence: 1 });
    expect(await office.call('sync.held', {})).toEqual([]);
    expect((await office.call('notes.list', { sessionId })).map((note) => note.text)).toEqual(['Written on a laptop whose date is wrong']);
    expect((await office.call('sync.manifest', {}))[0]).toMatchObject({ received: [1] });
    expect(await refusal(office.dispatch, 'sync.importHeld', { bundleId: file.bundle.bundleId })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('after a bundle from a clock days ahead is imported, neither the office nor other laptops take on its time, and only that laptop’s later bundles pass', async () => {
    const { office, laptop, sessionId } = await scene();
    const other = await enrolLaptop(office, 'Hall laptop 3');
    extra.push(other);
    await sendPackage(office, other);
    laptop.clock.advance(3 * DAY_MS);
    await laptop.call('notes.add', { sessionId, text: 'Written on a laptop whose date is wrong', tags: [], needsResponse: false });
    const early = await laptop.call('sync.exportBundle', {});
    expect((await office.call('sync.importFile', asIncoming(early))).status).toBe('held');
    expect((await office.call('sync.importHeld', { bundleId: early.bundle.bundleId })).status).toBe('imported');

    // The office's clock stayed on today: its next edit reaches laptop 3, whose bundle then imports as usual.
    const officeClock = office.sqlite.prepare('SELECT clock FROM device').pluck().get() as string;
    expect(Number(officeClock.slice(0, 15))).toBeLessThan(office.clock().getTime() + 5 * 60_000);
    await office.call('bookings.setCapacity', { sessionId, capacity: 25 });
    await sendPackage(office, other);
    await signedInPeople(other, sessionId, 'Amira');
    const outcome = await office.call('sync.importFile', asIncoming(await other.call('sync.exportBundle', {})));
    expect(outcome).toMatchObject({ status: 'imported', senderName: 'Hall laptop 3' });
    expect(await office.call('sync.held', {})).toEqual([]);

    // The laptop that was reviewed goes on with its wrong date without being held again.
    await laptop.call('notes.add', { sessionId, text: 'Still on the wrong date', tags: [], needsResponse: false });
    expect((await office.call('sync.importFile', asIncoming(await laptop.call('sync.exportBundle', {})))).status).toBe('imported');

    // Another laptop whose own clock goes wrong waits for review, even by less than the one reviewed.
    other.clock.advance(2 * DAY_MS);
    await other.call('notes.add', { sessionId, text: 'Clock now wrong here too', tags: [], needsResponse: false });
    expect((await office.call('sync.importFile', asIncoming(await other.call('sync.exportBundle', {})))).status).toBe('held');
  });

  it('imports a bundle a few minutes ahead, and one weeks old, normally', async () => {
    const { office, laptop, sessionId } = await scene();
    laptop.clock.advance(4 * 60_000);
    await signedInPeople(laptop, sessionId, 'Amira');
    const soon = await laptop.call('sync.exportBundle', {});
    expect((await office.call('sync.importFile', asIncoming(soon))).status).toBe('imported');

    await laptop.call('notes.add', { sessionId, text: 'Sent much later', tags: [], needsResponse: false });
    const old = await laptop.call('sync.exportBundle', {});
    office.clock.advance(5 * 7 * DAY_MS);
    const outcome = await office.call('sync.importFile', asIncoming(old));
    expect(outcome).toMatchObject({ status: 'imported', message: 'Imported end-of-day file 2 from Hall laptop 2: 1 session, 0 sign-ins, 0 evaluations, 0 new people.' });
    expect((await office.call('notes.list', { sessionId })).map((note) => note.text)).toEqual(['Sent much later']);
  });

  it('lists the bundles that have not arrived in the manifest', async () => {
    const { office, laptop, sessionId } = await scene();
    const files = [];
    for (const name of ['Amira', 'Bogdan', 'Chidi']) {
      await signedInPeople(laptop, sessionId, name);
      files.push(await laptop.call('sync.exportBundle', {}));
    }
    await office.call('sync.importFile', asIncoming(files[0]!));
    await office.call('sync.importFile', asIncoming(files[2]!));
    expect(await office.call('sync.manifest', {})).toEqual([
      {
        deviceId: (await laptop.call('device.status', {})).device!.id,
        name: 'Hall laptop 2',
        revoked: false,
        received: [1, 3],
        missing: [2],
        repeatsSeen: 0,
        lastImportedAt: office.clock().toISOString(),
      },
    ]);
    // Bundle 3's sign-in waits for nothing: Chidi is on the roster though bundle 2 has not come.
    const roster = await office.call('signIn.roster', { sessionId });
    expect(roster.entries.filter((entry) => entry.state === 'signed_in').map((entry) => entry.name).sort()).toEqual(['Amira Test', 'Chidi Test']);

    await office.call('sync.importFile', asIncoming(files[1]!));
    expect((await office.call('sync.manifest', {}))[0]).toMatchObject({ received: [1, 2, 3], missing: [] });
  });
});
