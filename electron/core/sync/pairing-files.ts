import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { FieldbookError } from '../../../shared/errors';
import { fingerprintOf } from '../device/device';

/**
 * The two small files that pair a laptop with the office. They carry public
 * keys only, signed by the key they introduce (the request) or by the office
 * (the answer), and people compare the fingerprint on both screens before
 * accepting.
 */

const PublicKeys = z.object({
  deviceId: z.string().min(1),
  name: z.string().min(1).max(200),
  signingPublicKey: z.string().min(1),
  ageRecipient: z.string().startsWith('age1'),
});
export type PublicKeys = z.infer<typeof PublicKeys>;

export const EnrolmentRequestBody = PublicKeys.extend({ kind: z.literal('enrolment-request'), format: z.literal(1) });
export type EnrolmentRequestBody = z.infer<typeof EnrolmentRequestBody>;

/** An office that runs as a server says where, and which certificate key it answers with (0031); older files have none. */
const OfficeServerInEnrolment = z.object({
  addresses: z.array(z.url({ protocol: /^https$/ }).max(300)).min(1).max(20),
  spkiSha256: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
});

export const EnrolmentBody = z.object({
  kind: z.literal('enrolment'),
  format: z.literal(1),
  office: PublicKeys,
  laptopDeviceId: z.string().min(1),
  team: z.string().nullable(),
  facilitators: z.array(z.string()),
  enrolledAt: z.string(),
  server: OfficeServerInEnrolment.optional(),
});
export type EnrolmentBody = z.infer<typeof EnrolmentBody>;

const SignedFile = z.object({ fieldbook: z.literal('signed'), body: z.string(), signature: z.string() });

export function writeSignedFile(body: object, signingKey: Buffer): string {
  const text = JSON.stringify(body);
  const signature = sign(null, Buffer.from(text), createPrivateKey({ key: signingKey, format: 'der', type: 'pkcs8' }));
  return `${JSON.stringify({ fieldbook: 'signed', body: text, signature: signature.toString('base64') }, null, 2)}\n`;
}

function checkSignature(text: string, signature: string, signingPublicKey: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(signingPublicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(text), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** Reads and checks a signed pairing file; `signer` picks the key that must have signed it. */
export function readSignedFile<T>(
  contentBase64: string,
  schema: z.ZodType<T>,
  what: string,
  signer: (body: T) => string,
): T {
  const refuse = () => new FieldbookError('FILE_DAMAGED', `This is not ${what}, or it was changed after it was written. Ask for a new one.`);
  let outer: z.infer<typeof SignedFile>;
  let body: T;
  try {
    outer = SignedFile.parse(JSON.parse(Buffer.from(contentBase64, 'base64').toString('utf8')));
    body = schema.parse(JSON.parse(outer.body));
  } catch {
    throw refuse();
  }
  if (!checkSignature(outer.body, outer.signature, signer(body))) throw refuse();
  return body;
}

export function publicKeysFingerprint(keys: PublicKeys): string {
  return fingerprintOf(keys.signingPublicKey, keys.ageRecipient);
}

/** "Hall laptop 2" → "hall-laptop-2", for file names people can recognise. */
export function fileSafe(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'device'
  );
}
