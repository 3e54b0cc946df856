import { createHash, generateKeyPairSync } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Device } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { DeviceTable } from '../../db/schema';
import { encodeHlc } from '../../sync/hlc';
import { localDate, type CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';

export const SIGNING_KEY_NAME = 'device-signing-key';
export const AGE_IDENTITY_NAME = 'device-age-identity';

/**
 * Short enough to read aloud and compare on two screens: "3F2A-9C1B-77D0-E4A5".
 * It covers both public keys, so neither can be swapped without it changing.
 */
export function fingerprintOf(signingPublicKeyBase64: string, ageRecipient: string | null): string {
  const hash = createHash('sha256').update(Buffer.from(signingPublicKeyBase64, 'base64'));
  if (ageRecipient) hash.update('\0').update(ageRecipient);
  return hash.digest('hex').slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-');
}

/** A new age (X25519) key pair for receiving files; the identity is the private half. */
export async function newAgeKey(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

function toDevice(row: DeviceTable): Device {
  return {
    id: row.id,
    role: row.role,
    name: row.name,
    createdAt: row.created_at,
    fingerprint: fingerprintOf(row.signing_public_key, row.age_recipient),
  };
}

export function deviceHandlers(ctx: CoreContext): HandlerGroup<'device'> {
  const current = () => ctx.db.selectFrom('device').selectAll().executeTakeFirst();

  return {
    async 'device.status'() {
      const row = await current();
      return { device: row ? toDevice(row) : null, today: localDate(ctx.clock()) };
    },

    async 'device.setUp'({ role, name }) {
      const ageKey = await newAgeKey();
      // One transaction, so a double click cannot make two devices or leave
      // a private key that does not match the saved public key.
      return ctx.db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('device').select('id').executeTakeFirst()) {
          throw new FieldbookError('DEVICE_ALREADY_SET_UP', 'No need to set it up again: this computer is already set up.');
        }
        const id = ctx.newId();
        const now = ctx.clock();
        // The signing key proves later that a bundle came from this device.
        const { publicKey, privateKey } = generateKeyPairSync('ed25519');
        const row: DeviceTable = {
          id,
          singleton: 1,
          role,
          name,
          created_at: now.toISOString(),
          signing_public_key: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
          clock: encodeHlc({ wallMs: now.getTime(), counter: 0, deviceId: id }),
          age_recipient: ageKey.recipient,
        };
        await trx.insertInto('device').values(row).execute();
        // Kept last: if storing the key fails, the device row rolls back with it.
        ctx.keyStore.set(SIGNING_KEY_NAME, privateKey.export({ type: 'pkcs8', format: 'der' }));
        ctx.keyStore.set(AGE_IDENTITY_NAME, Buffer.from(ageKey.identity));
        return toDevice(row);
      });
    },
  };
}
