import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { Decrypter, Encrypter } from 'age-encryption';
import { z } from 'zod';
import { FieldbookError } from '../../shared/errors';
import { dayInWords } from './words';
import { isClockStamp } from './hlc';
import { FILE_FORMAT_WRITTEN, FILE_FORMATS_READ } from './payload';

/**
 * The file format every bundle and package travels in: sign, then encrypt,
 * binding both ends.
 *
 *   age( header line + "\n" + payload )
 *   header line = {"fieldbook":"sealed-file","envelope":"<envelope JSON text>","signature":"<base64>"}
 *
 * The envelope names the sender, the recipient key, the sequence number and
 * the payload's SHA-256, and the sender's Ed25519 signature covers it
 * byte for byte. age (X25519, ChaCha20-Poly1305 STREAM) detects any change or
 * truncation before a single byte of plaintext is released.
 */
export const SEALED_FILE_FORMAT = FILE_FORMAT_WRITTEN;

export const Envelope = z.object({
  format: z.number().int(),
  kind: z.enum(['bundle', 'package']),
  bundleId: z.string().min(1),
  senderDeviceId: z.string().min(1),
  sequence: z.number().int().min(1),
  recipientFingerprint: z.string().min(1),
  /** The sender's clock stamp when it wrote the file. */
  createdAt: z.string().refine(isClockStamp),
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
  payloadBytes: z.number().int().min(0),
});
export type Envelope = z.infer<typeof Envelope>;

const Header = z.object({
  fieldbook: z.literal('sealed-file'),
  envelope: z.string(),
  signature: z.string().optional(),
});

/** The machine check that a file was addressed to this key (the envelope carries it, signed). */
export function recipientFingerprint(ageRecipient: string): string {
  return createHash('sha256').update(ageRecipient).digest('hex');
}

export interface SealInput {
  envelope: Omit<Envelope, 'format' | 'payloadSha256' | 'payloadBytes'>;
  payload: Uint8Array;
  /** The sender's Ed25519 private key, PKCS#8 DER. */
  signingKey: Buffer;
  /** The recipient's age public key, "age1…". */
  recipient: string;
}

export async function sealFile(input: SealInput): Promise<Uint8Array> {
  const envelope: Envelope = {
    format: SEALED_FILE_FORMAT,
    ...input.envelope,
    payloadSha256: createHash('sha256').update(input.payload).digest('hex'),
    payloadBytes: input.payload.byteLength,
  };
  const envelopeText = JSON.stringify(envelope);
  const signature = sign(null, Buffer.from(envelopeText), createPrivateKey({ key: input.signingKey, format: 'der', type: 'pkcs8' }));
  const header = Buffer.from(`${JSON.stringify({ fieldbook: 'sealed-file', envelope: envelopeText, signature: signature.toString('base64') })}\n`);
  const plaintext = Buffer.concat([header, input.payload]);
  const encrypter = new Encrypter();
  encrypter.addRecipient(input.recipient);
  return encrypter.encrypt(plaintext);
}

/** Who may have sent a file, as this device knows them. */
export interface KnownSender {
  name: string;
  /** Ed25519 public key, SPKI DER base64. */
  signingPublicKey: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface OpenInput {
  /** This device's age identity, "AGE-SECRET-KEY-1…". */
  identity: string;
  /** This device's age public key, to check the signed envelope names it. */
  ownRecipient: string;
  /** What this device accepts: the office takes bundles, a laptop takes packages. */
  expectedKind: Envelope['kind'];
  sender(deviceId: string): KnownSender | null;
}

export interface OpenedFile {
  envelope: Envelope;
  sender: KnownSender;
  payload: Uint8Array;
}

const damaged = () =>
  new FieldbookError(
    'FILE_DAMAGED',
    'This file is damaged or incomplete: it was changed or cut short after it was written, so none of it was imported. Ask for it to be exported again.',
  );

/** A file of the other kind: a package offered to the office, or a bundle to a laptop. */
export function wrongKind(kind: Envelope['kind']): FieldbookError {
  return new FieldbookError(
    'WRONG_DEVICE_ROLE',
    kind === 'package' ? 'Import it on a laptop: this is a package from the office.' : "Import it at the office: this is a laptop's end-of-day file.",
  );
}

/** What each kind of file is called when Fieldbook writes it. */
export const FILE_EXTENSIONS: Record<Envelope['kind'], string> = { bundle: '.fieldbook', package: '.fieldbook-package' };

/** Decrypts with age alone; anything but a whole, unchanged file addressed to this key is refused. */
export async function decryptFile(file: Uint8Array, identity: string): Promise<Uint8Array> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  try {
    return await decrypter.decrypt(file);
  } catch (error) {
    if (error instanceof Error && /no identity matched/i.test(error.message)) {
      throw new FieldbookError(
        'WRONG_RECIPIENT',
        'This file is addressed to another computer: it was encrypted for a different key, so this one cannot open it. Check it was written for this office (or this laptop).',
      );
    }
    throw damaged();
  }
}

/** The enrolment files are signed JSON, never encrypted: easy to pick by mistake in a file chooser. */
function isPairingFile(file: Uint8Array): boolean {
  if (file[0] !== 0x7b) return false;
  try {
    return (JSON.parse(Buffer.from(file).toString('utf8')) as { fieldbook?: unknown }).fieldbook === 'signed';
  } catch {
    return false;
  }
}

/**
 * Opens a sealed file, checking in order: age decryption (change, truncation,
 * wrong key), format version, signature by a known and unrevoked sender,
 * the recipient named in the envelope, and the payload hash. Throws a
 * FieldbookError with plain words on the first failure; returns nothing
 * partial.
 */
export async function openSealedFile(file: Uint8Array, input: OpenInput): Promise<OpenedFile> {
  if (isPairingFile(file)) {
    throw new FieldbookError(
      'FILE_DAMAGED',
      'This is a pairing file (an enrolment request or an enrolment), not an end-of-day file or package. Import it on the Devices screen.',
    );
  }
  const plaintext = await decryptFile(file, input.identity);
  const newline = plaintext.indexOf(0x0a);
  if (newline < 0) throw damaged();
  let header: z.infer<typeof Header>;
  let envelope: Envelope;
  try {
    header = Header.parse(JSON.parse(Buffer.from(plaintext.subarray(0, newline)).toString('utf8')));
    const raw = JSON.parse(header.envelope) as { format?: unknown };
    if (typeof raw.format === 'number' && raw.format > SEALED_FILE_FORMAT) {
      throw new FieldbookError(
        'UNSUPPORTED_VERSION',
        `This file was written by a newer version of Fieldbook (file format ${raw.format}; this version reads format ${SEALED_FILE_FORMAT}). Update Fieldbook on this computer, then import it again.`,
      );
    }
    envelope = Envelope.parse(raw);
  } catch (error) {
    if (error instanceof FieldbookError) throw error;
    throw damaged();
  }
  if (!FILE_FORMATS_READ.includes(envelope.format)) {
    throw new FieldbookError('UNSUPPORTED_VERSION', `This file uses file format ${envelope.format}, which this version of Fieldbook does not read. Nothing was imported.`);
  }
  if (!header.signature) {
    throw new FieldbookError('BAD_SIGNATURE', 'This file is not signed, so Fieldbook cannot tell which laptop wrote it. Nothing was imported.');
  }
  const sender = input.sender(envelope.senderDeviceId);
  if (!sender) {
    throw new FieldbookError(
      'UNKNOWN_SENDER',
      'This file comes from a computer this one has not paired with. Enrol the laptop first (Devices), then import the file again.',
    );
  }
  const publicKey = createPublicKey({ key: Buffer.from(sender.signingPublicKey, 'base64'), format: 'der', type: 'spki' });
  if (!verify(null, Buffer.from(header.envelope), publicKey, Buffer.from(header.signature, 'base64'))) {
    throw new FieldbookError(
      'BAD_SIGNATURE',
      `This file says it comes from ${sender.name}, but it is not signed with ${sender.name}'s key, so it was not imported.`,
    );
  }
  if (sender.revokedAt) {
    throw new FieldbookError(
      'REVOKED_SENDER',
      `This file comes from ${sender.name}, which was revoked on ${dayInWords(sender.revokedAt)}${sender.revokedReason ? ` (${sender.revokedReason})` : ''}. Nothing was imported.`,
    );
  }
  if (envelope.recipientFingerprint !== recipientFingerprint(input.ownRecipient)) {
    throw new FieldbookError(
      'WRONG_RECIPIENT',
      `This file from ${sender.name} was written for another computer's key, so it was not imported here.`,
    );
  }
  if (envelope.kind !== input.expectedKind) throw wrongKind(envelope.kind);
  const payload = plaintext.subarray(newline + 1);
  if (payload.byteLength !== envelope.payloadBytes || createHash('sha256').update(payload).digest('hex') !== envelope.payloadSha256) {
    throw damaged();
  }
  return { envelope, sender, payload };
}
