import { FieldbookError } from '../../../shared/errors';
import type { DeviceTable } from '../../db/schema';
import type { CoreContext } from '../deps';
import { AGE_IDENTITY_NAME, fingerprintOf, newAgeKey, SIGNING_KEY_NAME } from '../device/device';

export interface DeviceKeys {
  device: DeviceTable & { age_recipient: string };
  fingerprint: string;
  /** Ed25519 private key, PKCS#8 DER. */
  signingKey: Buffer;
  /** age identity, "AGE-SECRET-KEY-1…". */
  ageIdentity: string;
}

/** This device's row, checked to be set up (and, when asked, in the given role); no keys are read. */
export async function thisDevice(ctx: CoreContext, role?: DeviceTable['role']): Promise<DeviceTable> {
  const device = await ctx.db.selectFrom('device').selectAll().executeTakeFirst();
  if (!device) throw new FieldbookError('DEVICE_NOT_SET_UP', 'Finish setting up this device first.');
  if (role && device.role !== role) {
    throw new FieldbookError(
      'WRONG_DEVICE_ROLE',
      role === 'office' ? 'Use the central office for this: this computer is a facilitator laptop.' : 'Use a facilitator laptop for this: this computer is the central office.',
    );
  }
  return device;
}

/**
 * This device's row and private keys, for signing and opening files. A
 * device set up before files could travel gets its age key now, once, the
 * first time it is needed.
 */
export async function deviceKeys(ctx: CoreContext, role?: DeviceTable['role']): Promise<DeviceKeys> {
  let device = await thisDevice(ctx, role);
  const signingKey = ctx.keyStore.get(SIGNING_KEY_NAME);
  if (!signingKey) throw new FieldbookError('INTERNAL', 'Restore this computer from a backup: its signing key is missing from its key store.');
  let identity = ctx.keyStore.get(AGE_IDENTITY_NAME)?.toString('utf8');
  if (device.age_recipient && !identity) {
    // A new key would silently change the fingerprint and orphan every file already addressed to this device.
    throw new FieldbookError('INTERNAL', 'Restore this computer from a backup: its key for receiving files is missing from its key store.');
  }
  if (!device.age_recipient || !identity) {
    const key = await newAgeKey();
    ctx.keyStore.set(AGE_IDENTITY_NAME, Buffer.from(key.identity));
    await ctx.db.updateTable('device').set({ age_recipient: key.recipient }).where('id', '=', device.id).execute();
    device = { ...device, age_recipient: key.recipient };
    identity = key.identity;
  }
  const withRecipient = device as DeviceKeys['device'];
  return {
    device: withRecipient,
    fingerprint: fingerprintOf(device.signing_public_key, withRecipient.age_recipient),
    signingKey,
    ageIdentity: identity,
  };
}
