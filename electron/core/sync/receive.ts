import { z } from 'zod';
import { FieldbookError } from '../../../shared/errors';
import { decodeHlc, HybridLogicalClock } from '../../sync/hlc';
import { decodePayload, type DecodedPayload } from '../../sync/payload';
import { FILE_EXTENSIONS, openSealedFile, wrongKind, type Envelope, type KnownSender, type OpenedFile } from '../../sync/sealed-file';
import type { CoreContext } from '../deps';
import type { DeviceKeys } from './device-keys';
import { saveSetting } from './settings';
import { emptyTally, Merger, type MergeTally } from './merge';

/**
 * What bundles (laptop → office) and packages (office → laptop) share on the
 * way in: open and check the sealed file, then merge its changes frame by
 * frame inside the caller's transaction.
 */

export interface Received<M> {
  envelope: Envelope;
  sender: KnownSender;
  payload: DecodedPayload<M>;
}

export async function openReceived<M>(
  keys: DeviceKeys,
  file: Uint8Array,
  kind: Envelope['kind'],
  metaSchema: z.ZodType<M>,
  sender: (deviceId: string) => KnownSender | null,
  fileName: string,
): Promise<Received<M>> {
  let opened: OpenedFile;
  try {
    opened = await openSealedFile(file, { identity: keys.ageIdentity, ownRecipient: keys.device.age_recipient, expectedKind: kind, sender });
  } catch (error) {
    // The other kind of file is encrypted to the other computer, so age only says "not for this key".
    // Named as Fieldbook names the other kind, it was most likely picked by mistake: say what it is.
    const other = kind === 'bundle' ? 'package' : 'bundle';
    if (error instanceof FieldbookError && error.code === 'WRONG_RECIPIENT' && fileName.toLowerCase().endsWith(FILE_EXTENSIONS[other])) {
      throw wrongKind(other);
    }
    throw error;
  }
  return { envelope: opened.envelope, sender: opened.sender, payload: decodePayload(opened.payload, metaSchema) };
}

export interface MergeOptions {
  /** Bundles carry only the sender's own changes; a package relays everyone's. */
  senderChangesOnly: boolean;
  recordConflicts: boolean;
  onProgress?: (framesDone: number, framesTotal: number) => void;
}

/** Merges every change of a received file. Call inside a transaction: a throw rolls all of it back. */
export function mergeReceived<M>(ctx: CoreContext, received: Received<M>, options: MergeOptions): MergeTally {
  const merger = new Merger(ctx.sqlite, ctx.newId, { recordConflicts: options.recordConflicts });
  const tally = emptyTally();
  const sender = received.envelope.senderDeviceId;
  let done = 0;
  for (const frame of received.payload.changeFrames()) {
    for (const change of frame) {
      if (options.senderChangesOnly && change[2] !== sender) {
        throw new FieldbookError('BAD_SIGNATURE', `This file holds changes that ${received.sender.name} did not make, so it was not imported.`);
      }
      merger.apply(change, tally);
    }
    done += 1;
    options.onProgress?.(done, received.payload.frameCount);
  }
  merger.retryUnapplied(tally);
  if (tally.maxHlc) advanceClock(ctx, tally.maxHlc);
  return tally;
}

/** Later local changes must sort after everything received, or they could lose to older ones. */
function advanceClock(ctx: CoreContext, received: string): void {
  const device = ctx.sqlite.prepare('SELECT id, clock FROM device').get() as { id: string; clock: string };
  const clock = new HybridLogicalClock(device.id, () => ctx.clock().getTime(), device.clock);
  clock.receive(received);
  ctx.sqlite.prepare('UPDATE device SET clock = ? WHERE id = ?').run(clock.current(), device.id);
}

/** How far ahead of this computer's clock a file may be stamped before it is held for review. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * Measured from the later of this computer's clock and the newest stamp of a
 * bundle someone reviewed and imported anyway. After such a bundle, edits made
 * here carry its time, travel to laptops in their packages and come back in
 * their bundles: those stamps are not news. Ordinary imports never move the
 * mark, so whether a bundle is held does not depend on what arrived before it.
 */
export function aheadBy(ctx: CoreContext, stamp: string): number {
  return decodeHlc(stamp).wallMs - Math.max(ctx.clock().getTime(), reviewedUntil(ctx));
}

const REVIEWED_SETTING = 'reviewed_future_clock_ms';

function reviewedUntil(ctx: CoreContext): number {
  const value = Number(ctx.sqlite.prepare('SELECT value FROM local_settings WHERE key = ?').pluck().get(REVIEWED_SETTING) ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/** Records that a bundle stamped this far ahead was reviewed and let in. */
export function markReviewed(ctx: CoreContext, stamp: string): void {
  const wallMs = Math.max(decodeHlc(stamp).wallMs, reviewedUntil(ctx));
  saveSetting(ctx, REVIEWED_SETTING, String(wallMs));
}

/** "3 days", "5 hours", "20 minutes". */
export function durationInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}
