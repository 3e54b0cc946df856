import { encodePayload, type WireChange } from '../../sync/payload';
import { openSealedFile, recipientFingerprint, sealFile, type KnownSender } from '../../sync/sealed-file';
import type { CoreContext } from '../deps';
import type { DeviceKeys } from '../sync/device-keys';
import { BundleMeta } from '../sync/summary';
import { decodePayload } from '../../sync/payload';

/**
 * End-of-day files held for review sit in the office's database, whole and
 * encrypted, until someone imports them. One that holds an erased person is
 * sealed again without their changes (signed by the office: the laptop's
 * signature covered the old content, so the office vouches for the cut copy,
 * and its import checks the office's key), or dropped when nothing else is
 * left in it. Both are worked out before the erasure's transaction (age is
 * asynchronous) and stored inside it.
 */

export interface HeldFileChange {
  bundleId: string;
  /** The file sealed again without the erased person's changes; null to drop the held file. */
  file: Buffer | null;
}

interface HeldRow {
  bundle_id: string;
  sender_device_id: string;
  file: Buffer;
  resealed: number;
}

/** Who signed a held file: its laptop, or the office when it was sealed again here. */
export function heldFileSigner(ctx: CoreContext, keys: DeviceKeys, resealed: boolean) {
  const enrolled = ctx.sqlite.prepare('SELECT name, signing_public_key, revoked_at, revoked_reason FROM enrolled_devices WHERE device_id = ?');
  return (deviceId: string): KnownSender | null => {
    const row = enrolled.get(deviceId) as { name: string; signing_public_key: string; revoked_at: string | null; revoked_reason: string | null } | undefined;
    if (!row) return null;
    return {
      name: row.name,
      signingPublicKey: resealed ? keys.device.signing_public_key : row.signing_public_key,
      revokedAt: row.revoked_at,
      revokedReason: row.revoked_reason,
    };
  };
}

/** Each held file holding a change the predicate says is about an erased row, cut or dropped. */
export async function cutHeldFiles(ctx: CoreContext, keys: DeviceKeys, isErased: (change: WireChange) => boolean): Promise<HeldFileChange[]> {
  const rows = ctx.sqlite.prepare('SELECT bundle_id, sender_device_id, file, resealed FROM held_bundles').all() as HeldRow[];
  const changed: HeldFileChange[] = [];
  for (const row of rows) {
    const opened = await openSealedFile(new Uint8Array(row.file), {
      identity: keys.ageIdentity,
      ownRecipient: keys.device.age_recipient,
      expectedKind: 'bundle',
      // A laptop revoked since its file was held still had its file checked when it came; its import stays refused.
      sender: (deviceId) => {
        const sender = heldFileSigner(ctx, keys, row.resealed === 1)(deviceId);
        return sender && { ...sender, revokedAt: null };
      },
    });
    const payload = decodePayload(opened.payload, BundleMeta, opened.sender.name);
    const kept: WireChange[] = [];
    let dropped = 0;
    for (const frame of payload.changeFrames()) {
      for (const change of frame) {
        if (isErased(change)) dropped += 1;
        else kept.push(change);
      }
    }
    if (dropped === 0) continue;
    if (kept.length === 0 && !payload.meta.erasures?.length) {
      changed.push({ bundleId: row.bundle_id, file: null });
      continue;
    }
    const { envelope } = opened;
    const file = await sealFile({
      envelope: {
        kind: 'bundle',
        bundleId: envelope.bundleId,
        senderDeviceId: envelope.senderDeviceId,
        sequence: envelope.sequence,
        recipientFingerprint: recipientFingerprint(keys.device.age_recipient),
        createdAt: envelope.createdAt,
      },
      payload: encodePayload(payload.meta, kept),
      signingKey: keys.signingKey,
      recipient: keys.device.age_recipient,
    });
    changed.push({ bundleId: row.bundle_id, file: Buffer.from(file) });
  }
  return changed;
}

/** Stores what cutHeldFiles worked out; inside the erasure's transaction. */
export function storeHeldFiles(ctx: CoreContext, changes: readonly HeldFileChange[]): void {
  const drop = ctx.sqlite.prepare('DELETE FROM held_bundles WHERE bundle_id = ?');
  const reseal = ctx.sqlite.prepare('UPDATE held_bundles SET file = ?, resealed = 1 WHERE bundle_id = ?');
  for (const change of changes) {
    if (change.file) reseal.run(change.file, change.bundleId);
    else drop.run(change.bundleId);
  }
}
