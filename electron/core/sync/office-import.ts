import { BundleSummary, type ImportOutcome } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { signInsInWords } from '../../../shared/labels';
import type { CoreContext } from '../deps';
import { inOneTransaction } from '../write-path';
import { deviceKeys } from './device-keys';
import { BundleMeta, emptySummary } from './summary';
import { flagOverCapacity } from './capacity-flags';
import { dayInWords } from '../../sync/words';
import { aheadBy, durationInWords, FUTURE_TOLERANCE_MS, heldFromMs, markReviewed, mergeReceived, openReceived, type Received } from './receive';
import { summaryOf } from './merge';
import { StampedAhead, type Sender } from './merge-checks';
import type { KnownSender } from '../../sync/sealed-file';
import { heldFileSigner } from '../erasure/held-files';
import { discardedInWords, recordConfirmations } from '../erasure/confirmations';
import { recordPinResetApplied } from '../settings/laptop-pins';
import { currentStaff } from '../staff/caller';

/**
 * The office's import of a laptop's bundle. The file is decrypted and its
 * signature checked first; then everything else is one synchronous
 * transaction. Refused whole when anything is wrong with the file or with
 * what it tries to change; a bundle already imported is a logged no-op; one
 * stamped far in the future (its envelope or any change in it) is held for
 * review; everything else merges, and the log says what the merge did.
 */

export interface ImportOptions {
  fileName: string;
  /** Import a bundle stamped in the future anyway: someone reviewed it. */
  allowFuture?: boolean;
  onProgress?: (framesDone: number, framesTotal: number) => void;
  /** A held file the office sealed again without an erased person: it carries the office's signature. */
  resealed?: boolean;
}

interface EnrolledRow {
  name: string;
  signing_public_key: string;
  revoked_at: string | null;
  revoked_reason: string | null;
  facilitators: string;
}

function enrolledSender(ctx: CoreContext) {
  const read = ctx.sqlite.prepare('SELECT name, signing_public_key, revoked_at, revoked_reason, facilitators FROM enrolled_devices WHERE device_id = ?');
  return (deviceId: string): KnownSender | null => {
    const row = read.get(deviceId) as EnrolledRow | undefined;
    return row ? { name: row.name, signingPublicKey: row.signing_public_key, revokedAt: row.revoked_at, revokedReason: row.revoked_reason } : null;
  };
}

export async function importBundle(ctx: CoreContext, file: Uint8Array, options: ImportOptions): Promise<ImportOutcome> {
  const keys = await deviceKeys(ctx, 'office');
  const sender = options.resealed ? heldFileSigner(ctx, keys, true) : enrolledSender(ctx);
  const received = await openReceived(keys, file, 'bundle', BundleMeta, sender, options.fileName);
  return inOneTransaction(ctx.sqlite, () => importOpened(ctx, received, file, options));
}

/** Everything after the file is open: reads and writes in the caller's one transaction. */
function importOpened(ctx: CoreContext, received: Received<BundleMeta>, file: Uint8Array, options: ImportOptions): ImportOutcome {
  const { envelope, sender } = received;
  const laptopId = envelope.senderDeviceId;
  const base = { bundleId: envelope.bundleId, senderName: sender.name, sequence: envelope.sequence, capacityFlags: 0, conflicts: 0 };
  const now = ctx.clock().toISOString();
  const log = (status: ImportOutcome['status'], message: string) =>
    ctx.sqlite
      .prepare('INSERT INTO import_log (id, at, file_name, bundle_id, sender_device_id, sequence, status, message, staff_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      // On the office server, who imported it ("Imported by Priya Shah"); the inbox and laptops' uploads have no one.
      .run(ctx.newId(), now, options.fileName, envelope.bundleId, laptopId, envelope.sequence, status, message, currentStaff()?.name ?? null);

  checkNumbering(ctx, envelope.bundleId, laptopId, envelope.sequence, sender.name);
  const already = ctx.sqlite.prepare('SELECT imported_at FROM received_bundles WHERE bundle_id = ?').pluck().get(envelope.bundleId) as string | undefined;
  if (already) {
    const message = `Already imported on ${dayInWords(already)} from ${sender.name} (end-of-day file ${envelope.sequence}). Nothing changed.`;
    ctx.sqlite.prepare('UPDATE received_bundles SET repeats_seen = repeats_seen + 1 WHERE bundle_id = ?').run(envelope.bundleId);
    log('already_imported', message);
    return { ...base, summary: storedSummary(ctx, envelope.bundleId), status: 'already_imported', message };
  }

  const hold = (why: string): ImportOutcome => {
    const message = `Held for review: end-of-day file ${envelope.sequence} from ${sender.name} ${why}. Check that laptop's date and time, then import it from the held list.`;
    ctx.sqlite
      .prepare(
        `INSERT INTO held_bundles (bundle_id, sender_device_id, sequence, created_hlc, file_name, file, reason, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (bundle_id) DO NOTHING`,
      )
      .run(envelope.bundleId, laptopId, envelope.sequence, envelope.createdAt, options.fileName, Buffer.from(file), message, now);
    log('held', message);
    // Nothing of it is merged yet: what it holds is counted when it is imported.
    return { ...base, summary: emptySummary, status: 'held', message };
  };

  const ahead = aheadBy(ctx, envelope.createdAt, laptopId);
  const aheadInWords = (ms: number) => `is stamped ${durationInWords(ms)} ahead of this computer's clock`;
  if (ahead > FUTURE_TOLERANCE_MS && !options.allowFuture) return hold(aheadInWords(ahead));

  let tally;
  try {
    // A savepoint: a change stamped ahead found part-way undoes what was merged before the bundle is held.
    tally = ctx.sqlite.transaction(() =>
      mergeReceived(ctx, received, {
        sender: laptopSender(ctx, laptopId, sender.name),
        stamps: options.allowFuture ? null : { envelope: envelope.createdAt, holdAfterMs: heldFromMs(ctx, laptopId) + FUTURE_TOLERANCE_MS },
        recordConflicts: true,
        onProgress: options.onProgress,
      }),
    )();
  } catch (error) {
    if (error instanceof StampedAhead) {
      const changeAhead = aheadBy(ctx, error.stamp, laptopId);
      return hold(
        changeAhead > FUTURE_TOLERANCE_MS
          ? `holds a change stamped ${durationInWords(changeAhead)} ahead of this computer's clock`
          : 'holds a change stamped after the file itself was written',
      );
    }
    throw error;
  }
  const summary = summaryOf(tally);
  const capacityFlags = flagOverCapacity(ctx.sqlite, tally.touchedSessions, now);
  const confirmed = recordConfirmations(ctx, laptopId, received.payload.meta.erasures ?? [], envelope.sequence);
  const pinApplied = recordPinResetApplied(ctx, laptopId, received.payload.meta.pinReset, envelope.sequence, now);
  const message = [
    `Imported end-of-day file ${envelope.sequence} from ${sender.name}: ${describe(summary)}.`,
    tally.discarded > 0 ? discardedInWords(tally.discarded, sender.name) : '',
    confirmed > 0 ? `${sender.name} confirmed ${confirmed === 1 ? '1 erasure' : `${confirmed} erasures`}.` : '',
    pinApplied ? `${sender.name} now uses the new kiosk PIN the office set for it.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  ctx.sqlite
    .prepare(
      `INSERT INTO received_bundles (bundle_id, sender_device_id, sequence, kind, created_hlc, imported_at, file_name, summary)
       VALUES (?, ?, ?, 'bundle', ?, ?, ?, ?)`,
    )
    .run(envelope.bundleId, laptopId, envelope.sequence, envelope.createdAt, now, options.fileName, JSON.stringify(summary));
  ctx.sqlite.prepare('DELETE FROM held_bundles WHERE bundle_id = ?').run(envelope.bundleId);
  if (options.allowFuture) markReviewed(ctx, tally.latestStamp > envelope.createdAt ? tally.latestStamp : envelope.createdAt, laptopId);
  log('imported', message);
  return { ...base, summary, status: 'imported', message, capacityFlags, conflicts: tally.conflicts };
}

/**
 * Each laptop numbers its bundles from 1, each number once, and a bundle id
 * is one laptop's. A number seen before under another id, or an id seen from
 * another laptop, would otherwise mark a real bundle as repeated and drop it.
 */
/** How far past the newest bundle from a laptop its next number may jump (numbers used by files never saved leave small gaps). */
export const MAX_SEQUENCE_JUMP = 1000;

function checkNumbering(ctx: CoreContext, bundleId: string, laptopId: string, sequence: number, name: string): void {
  const seen = ctx.sqlite
    .prepare(
      `SELECT bundle_id, sender_device_id, sequence FROM received_bundles WHERE bundle_id = ? OR (sender_device_id = ? AND sequence = ? AND kind = 'bundle')
       UNION ALL SELECT bundle_id, sender_device_id, sequence FROM held_bundles WHERE bundle_id = ? OR (sender_device_id = ? AND sequence = ?)`,
    )
    .all(bundleId, laptopId, sequence, bundleId, laptopId, sequence) as { bundle_id: string; sender_device_id: string; sequence: number }[];
  const newest = Number(
    ctx.sqlite
      .prepare("SELECT max(sequence) FROM (SELECT sequence FROM received_bundles WHERE sender_device_id = ? AND kind = 'bundle' UNION ALL SELECT sequence FROM held_bundles WHERE sender_device_id = ?)")
      .pluck()
      .get(laptopId, laptopId) ?? 0,
  );
  if (!Number.isSafeInteger(sequence) || sequence > newest + MAX_SEQUENCE_JUMP) {
    throw new FieldbookError(
      'BAD_SEQUENCE',
      `${name} numbered this file ${sequence.toLocaleString('en-GB')}, but its newest file here is number ${newest.toLocaleString('en-GB')}; a laptop numbers its files one after another. Nothing was imported.`,
    );
  }
  for (const row of seen) {
    if (row.sender_device_id !== laptopId) {
      throw new FieldbookError('BAD_SEQUENCE', `This file from ${name} carries the id of an end-of-day file from another device, so it was not imported. Nothing was imported.`);
    }
    if (row.bundle_id !== bundleId) {
      throw new FieldbookError('BAD_SEQUENCE', `${name} already sent a different end-of-day file numbered ${sequence}, so this one was not imported. Nothing was imported.`);
    }
    if (row.sequence !== sequence) {
      throw new FieldbookError('BAD_SEQUENCE', `This file from ${name} carries the id of its end-of-day file ${row.sequence} with the number ${sequence}, so it was not imported. Nothing was imported.`);
    }
  }
}

/** The laptop as the merge checks it: only its own changes, laptop's rights, its facilitators' sessions. */
function laptopSender(ctx: CoreContext, laptopId: string, name: string): Sender {
  const facilitators = ctx.sqlite.prepare('SELECT facilitators FROM enrolled_devices WHERE device_id = ?').pluck().get(laptopId) as string;
  return {
    name,
    deviceId: laptopId,
    roleOf: (deviceId) => (deviceId === laptopId ? 'laptop' : null),
    facilitators: JSON.parse(facilitators) as string[],
  };
}

function storedSummary(ctx: CoreContext, bundleId: string): BundleSummary {
  // Parsed, not cast: files imported before undos were counted read as none undone.
  return BundleSummary.parse(JSON.parse(ctx.sqlite.prepare('SELECT summary FROM received_bundles WHERE bundle_id = ?').pluck().get(bundleId) as string));
}

export function describe(summary: BundleSummary): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return [
    plural(summary.sessions, 'session', 'sessions'),
    signInsInWords(summary.signIns, summary.undone),
    plural(summary.evaluations, 'evaluation', 'evaluations'),
    plural(summary.newPeople, 'new person', 'new people'),
  ].join(', ');
}

/** Reads a held bundle back for "Import anyway". */
export async function importHeld(ctx: CoreContext, bundleId: string): Promise<ImportOutcome> {
  const held = ctx.sqlite.prepare('SELECT file, file_name, resealed FROM held_bundles WHERE bundle_id = ?').get(bundleId) as
    | { file: Buffer; file_name: string; resealed: number }
    | undefined;
  if (!held) throw new FieldbookError('NOT_FOUND', 'Choose a file from the list waiting for review: that one is not waiting.');
  return importBundle(ctx, new Uint8Array(held.file), { fileName: held.file_name, allowFuture: true, resealed: held.resealed === 1 });
}
