import type { BundleSummary, ImportOutcome } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { deviceKeys } from './device-keys';
import { BundleMeta } from './summary';
import { flagOverCapacity } from './capacity-flags';
import { dayInWords } from '../../sync/words';
import { aheadBy, durationInWords, FUTURE_TOLERANCE_MS, markReviewed, mergeReceived, openReceived } from './receive';
import type { KnownSender } from '../../sync/sealed-file';

/**
 * The office's import of a laptop's bundle. Refused whole when anything is
 * wrong with the file; a bundle already imported is a logged no-op; one
 * stamped far in the future is held for review; everything else merges in
 * one transaction.
 */

export interface ImportOptions {
  fileName: string;
  /** Import a bundle stamped in the future anyway: someone reviewed it. */
  allowFuture?: boolean;
  onProgress?: (framesDone: number, framesTotal: number) => void;
}

function enrolledSender(ctx: CoreContext) {
  const read = ctx.sqlite.prepare('SELECT name, signing_public_key, revoked_at, revoked_reason FROM enrolled_devices WHERE device_id = ?');
  return (deviceId: string): KnownSender | null => {
    const row = read.get(deviceId) as { name: string; signing_public_key: string; revoked_at: string | null; revoked_reason: string | null } | undefined;
    return row ? { name: row.name, signingPublicKey: row.signing_public_key, revokedAt: row.revoked_at, revokedReason: row.revoked_reason } : null;
  };
}

export async function importBundle(ctx: CoreContext, file: Uint8Array, options: ImportOptions): Promise<ImportOutcome> {
  const keys = await deviceKeys(ctx, 'office');
  const received = await openReceived(keys, file, 'bundle', BundleMeta, enrolledSender(ctx), options.fileName);
  const { envelope, sender } = received;
  const summary: BundleSummary = received.payload.meta.summary;
  const base = { bundleId: envelope.bundleId, senderName: sender.name, sequence: envelope.sequence, summary, capacityFlags: 0, conflicts: 0 };
  const now = ctx.clock().toISOString();
  const log = (status: ImportOutcome['status'], message: string) =>
    ctx.sqlite
      .prepare('INSERT INTO import_log (id, at, file_name, bundle_id, sender_device_id, sequence, status, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(ctx.newId(), now, options.fileName, envelope.bundleId, envelope.senderDeviceId, envelope.sequence, status, message);

  const already = ctx.sqlite.prepare('SELECT imported_at FROM received_bundles WHERE bundle_id = ?').pluck().get(envelope.bundleId) as string | undefined;
  if (already) {
    const message = `Already imported on ${dayInWords(already)} from ${sender.name} (bundle ${envelope.sequence}). Nothing changed.`;
    ctx.sqlite.transaction(() => {
      ctx.sqlite.prepare('UPDATE received_bundles SET repeats_seen = repeats_seen + 1 WHERE bundle_id = ?').run(envelope.bundleId);
      log('already_imported', message);
    })();
    return { ...base, status: 'already_imported', message };
  }

  const ahead = aheadBy(ctx, envelope.createdAt);
  if (ahead > FUTURE_TOLERANCE_MS && !options.allowFuture) {
    const message = `Held for review: bundle ${envelope.sequence} from ${sender.name} is stamped ${durationInWords(ahead)} ahead of this computer's clock. Check that laptop's date and time, then import it from the held list.`;
    ctx.sqlite.transaction(() => {
      ctx.sqlite
        .prepare(
          `INSERT INTO held_bundles (bundle_id, sender_device_id, sequence, created_hlc, file_name, file, reason, received_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bundle_id) DO NOTHING`,
        )
        .run(envelope.bundleId, envelope.senderDeviceId, envelope.sequence, envelope.createdAt, options.fileName, Buffer.from(file), message, now);
      log('held', message);
    })();
    return { ...base, status: 'held', message };
  }

  return ctx.db.transaction().execute(async (trx) => {
    const tally = mergeReceived(ctx, received, { senderChangesOnly: true, recordConflicts: true, onProgress: options.onProgress });
    const capacityFlags = await flagOverCapacity(trx, tally.touchedSessions, now);
    const message = `Imported bundle ${envelope.sequence} from ${sender.name}: ${describe(summary)}.`;
    ctx.sqlite
      .prepare(
        `INSERT INTO received_bundles (bundle_id, sender_device_id, sequence, kind, created_hlc, imported_at, file_name, summary)
         VALUES (?, ?, ?, 'bundle', ?, ?, ?, ?)`,
      )
      .run(envelope.bundleId, envelope.senderDeviceId, envelope.sequence, envelope.createdAt, now, options.fileName, JSON.stringify(summary));
    ctx.sqlite.prepare('DELETE FROM held_bundles WHERE bundle_id = ?').run(envelope.bundleId);
    if (options.allowFuture && ahead > FUTURE_TOLERANCE_MS) markReviewed(ctx, envelope.createdAt);
    log('imported', message);
    return { ...base, status: 'imported' as const, message, capacityFlags, conflicts: tally.conflicts };
  });
}

export function describe(summary: BundleSummary): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    plural(summary.sessions, 'session', 'sessions'),
    plural(summary.signIns, 'sign-in', 'sign-ins'),
    plural(summary.evaluations, 'evaluation', 'evaluations'),
    plural(summary.newPeople, 'new person', 'new people'),
  ].join(', ');
}

/** Reads a held bundle back for "Import anyway". */
export async function importHeld(ctx: CoreContext, bundleId: string): Promise<ImportOutcome> {
  const held = await ctx.db.selectFrom('held_bundles').select(['file', 'file_name']).where('bundle_id', '=', bundleId).executeTakeFirst();
  if (!held) throw new FieldbookError('NOT_FOUND', 'That bundle is not waiting for review.');
  return importBundle(ctx, new Uint8Array(held.file), { fileName: held.file_name, allowFuture: true });
}
