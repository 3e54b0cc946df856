import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import type { DeviceKeys } from './device-keys';
import { writePackage } from './packages';
import { readSignedFile, writeSignedFile } from './pairing-files';

/**
 * A laptop asking the office server for its package. The request is a
 * small file signed with the laptop's own Ed25519 key, the key the office
 * enrolled (the same signed-file form as pairing), naming the laptop and
 * when it was made: the office answers only a laptop it enrolled and has
 * not revoked, and only a request made within a few minutes of its own
 * clock. The package itself is encrypted to the laptop, so only it can
 * read what comes back.
 */
const PackageRequestBody = z.object({
  kind: z.literal('package-request'),
  format: z.literal(1),
  deviceId: z.string().min(1).max(100),
  at: z.iso.datetime(),
  nonce: z.string().min(16).max(64),
});
type PackageRequestBody = z.infer<typeof PackageRequestBody>;

/** Laptop and office clocks agree to within a few minutes; a request older than this may be a copy replayed. */
const FRESH_MS = 5 * 60_000;

export function writePackageRequest(ctx: CoreContext, keys: DeviceKeys): string {
  const body: PackageRequestBody = {
    kind: 'package-request',
    format: 1,
    deviceId: keys.device.id,
    at: ctx.clock().toISOString(),
    nonce: randomBytes(16).toString('base64url'),
  };
  return Buffer.from(writeSignedFile(body, keys.signingKey)).toString('base64');
}

interface EnrolledKey {
  name: string;
  signing_public_key: string;
  revoked_at: string | null;
}

/** The office's answer: the laptop's package, once its signature, enrolment and freshness check out. */
export async function packageForLaptop(ctx: CoreContext, requestBase64: string) {
  const device = ctx.sqlite.prepare('SELECT role FROM device').pluck().get() as string | undefined;
  if (device !== 'office') throw new FieldbookError('WRONG_DEVICE_ROLE', 'Ask the central office for packages: this computer is not it.');
  const lookUp = ctx.sqlite.prepare('SELECT name, signing_public_key, revoked_at FROM enrolled_devices WHERE device_id = ?');
  let laptop: EnrolledKey | undefined;
  let body: PackageRequestBody;
  try {
    body = readSignedFile(requestBase64, PackageRequestBody, "a laptop's package request", (request) => {
      laptop = lookUp.get(request.deviceId) as EnrolledKey | undefined;
      // An unknown laptop has no key: no signature verifies against none.
      return laptop?.signing_public_key ?? '';
    });
  } catch (error) {
    if (error instanceof FieldbookError && laptop === undefined) {
      throw new FieldbookError('UNKNOWN_SENDER', 'Enrol this laptop with the office first: the office does not know it, so it sends it no package.');
    }
    throw error;
  }
  if (laptop!.revoked_at) {
    throw new FieldbookError('REVOKED_SENDER', `Enrol ${laptop!.name} again to send it packages: it was revoked, so the office no longer sends it any.`);
  }
  const skew = Math.abs(ctx.clock().getTime() - Date.parse(body.at));
  if (skew > FRESH_MS) {
    throw new FieldbookError(
      'BAD_SIGNATURE',
      `Check the date and time on ${laptop!.name}, then send again: its package request was made more than 5 minutes from the office's time.`,
    );
  }
  return writePackage(ctx, body.deviceId);
}
