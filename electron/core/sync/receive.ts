import { z } from 'zod';
import { FieldbookError } from '../../../shared/errors';
import { decodeHlc, HybridLogicalClock, MAX_DRIFT_MS } from '../../sync/hlc';
import { decodePayload, type DecodedPayload } from '../../sync/payload';
import { FILE_EXTENSIONS, openSealedFile, wrongKind, type Envelope, type KnownSender, type OpenedFile } from '../../sync/sealed-file';
import type { CoreContext } from '../deps';
import type { DeviceKeys } from './device-keys';
import { saveSetting } from './settings';
import { emptyTally, Merger, type MergeTally } from './merge';
import { ChangeChecks, type Sender, type StampLimits } from './merge-checks';

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
  return { envelope: opened.envelope, sender: opened.sender, payload: decodePayload(opened.payload, metaSchema, opened.sender.name) };
}

export interface MergeOptions {
  /** Who sent the file and what each device in it may change. */
  sender: Sender;
  /** For a bundle: the stamps past which it is held for review instead; null for a package. */
  stamps: StampLimits | null;
  /**
   * A time to take as real though this device's clock is behind: a laptop
   * takes the office's, when it wrote the package, so that the laptop's later
   * edits still sort after what it received. 0 at the office: its clock is the
   * office's own time.
   */
  trustedTimeMs?: number;
  recordConflicts: boolean;
  onProgress?: (framesDone: number, framesTotal: number) => void;
}

/**
 * Checks and merges every change of a received file. Synchronous: call it
 * inside a transaction, after the file was decrypted and verified; a throw
 * (a refusal, or StampedAhead) rolls all of it back.
 */
export function mergeReceived<M>(ctx: CoreContext, received: Received<M>, options: MergeOptions): MergeTally {
  const checks = new ChangeChecks(ctx.sqlite, options.sender, options.stamps);
  const trustedTimeMs = options.trustedTimeMs ?? 0;
  const merger = new Merger(ctx.sqlite, ctx.newId, { recordConflicts: options.recordConflicts, checks, nowMs: Math.max(ctx.clock().getTime(), trustedTimeMs) });
  const tally = emptyTally();
  let done = 0;
  for (const frame of received.payload.changeFrames()) {
    for (const change of frame) merger.apply(change, tally);
    done += 1;
    options.onProgress?.(done, received.payload.frameCount);
  }
  merger.finish(tally);
  if (tally.maxHlc) advanceClock(ctx, tally.maxHlc, trustedTimeMs);
  return tally;
}

/**
 * Later local changes must sort after everything received, or they could
 * lose to older ones; a stamp far ahead of this computer's clock is not
 * followed (the clock's receive() keeps it bounded).
 */
function advanceClock(ctx: CoreContext, received: string, trustedTimeMs: number): void {
  const device = ctx.sqlite.prepare('SELECT id, clock FROM device').get() as { id: string; clock: string };
  const clock = new HybridLogicalClock(device.id, () => ctx.clock().getTime(), device.clock);
  clock.receive(received, trustedTimeMs);
  ctx.sqlite.prepare('UPDATE device SET clock = ? WHERE id = ?').run(clock.current(), device.id);
}

/** How far ahead of this computer's clock a file may be stamped before it is held for review: the clock's own drift bound. */
export const FUTURE_TOLERANCE_MS = MAX_DRIFT_MS;

/**
 * Measured from the later of this computer's clock and the newest stamp of a
 * bundle someone reviewed and imported anyway from the same laptop. Its clock
 * never runs back, so every later bundle from it carries that time too and
 * is not news; other laptops are not let through by it (this computer's
 * clock does not follow such a stamp, so nothing it sends carries the time
 * on). Ordinary imports never move the mark, so whether a bundle is held
 * does not depend on what arrived before it.
 */
export function aheadBy(ctx: CoreContext, stamp: string, laptopId: string): number {
  return decodeHlc(stamp).wallMs - heldFromMs(ctx, laptopId);
}

/** The time a laptop's stamps are measured against for holding. */
export function heldFromMs(ctx: CoreContext, laptopId: string): number {
  return Math.max(ctx.clock().getTime(), reviewedUntil(ctx, laptopId));
}

const reviewedSetting = (laptopId: string) => `reviewed_future_clock_ms:${laptopId}`;

function reviewedUntil(ctx: CoreContext, laptopId: string): number {
  const value = Number(ctx.sqlite.prepare('SELECT value FROM local_settings WHERE key = ?').pluck().get(reviewedSetting(laptopId)) ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/** Records that a bundle from this laptop stamped this far ahead was reviewed and let in. */
export function markReviewed(ctx: CoreContext, stamp: string, laptopId: string): void {
  const wallMs = Math.max(decodeHlc(stamp).wallMs, reviewedUntil(ctx, laptopId));
  saveSetting(ctx, reviewedSetting(laptopId), String(wallMs));
}

/** "3 days", "5 hours", "20 minutes". */
export function durationInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(hours / 24)} days`;
}
