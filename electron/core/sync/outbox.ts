import { BundleSummary, type Outbox, type OutgoingBundle } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { OutgoingBundlesTable, PairedOfficeTable } from '../../db/schema';
import { encodePayload, type WireChange } from '../../sync/payload';
import { recipientFingerprint, sealFile } from '../../sync/sealed-file';
import type { CoreContext } from '../deps';
import { anythingHeld, releaseHeldAnswers } from '../evaluations/anonymous-release';
import { write } from '../write';
import { deviceKeys, thisDevice, type DeviceKeys } from './device-keys';
import { fileSafe } from './pairing-files';
import { emptySummary, summariseChanges, type BundleMeta } from './summary';
import { retentionDays } from './settings';
import { confirmationsToSend, markConfirmationsSent } from '../erasure/confirmations';
import { appliedPinReset } from '../settings/laptop-pins';

/**
 * The laptop's end of the day: every change made on this laptop since the
 * last bundle, signed and encrypted to the office, as one file. Nothing is
 * removed here; the office's next package acknowledges what it received.
 */

const START = '';

export async function pairedOffice(ctx: CoreContext): Promise<PairedOfficeTable> {
  const office = await ctx.db.selectFrom('paired_office').selectAll().executeTakeFirst();
  if (!office) {
    throw new FieldbookError('NOT_PAIRED', 'This laptop is not enrolled with the office yet. Enrol it first (Devices), then export.');
  }
  return office;
}

function toOutgoing(row: OutgoingBundlesTable): OutgoingBundle {
  return {
    bundleId: row.bundle_id,
    sequence: row.sequence,
    createdAt: row.created_at,
    summary: BundleSummary.parse(JSON.parse(row.summary)),
    acknowledgedAt: row.acknowledged_at,
  };
}

function localChanges(ctx: CoreContext, deviceId: string, after: string, upTo: string | null): WireChange[] {
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, hlc, device_id, table_name, row_id, fields, replaces FROM change_log
       WHERE device_id = ? AND hlc > ? AND (? IS NULL OR hlc <= ?) ORDER BY hlc`,
    )
    .raw()
    .all(deviceId, after, upTo, upTo) as WireChange[];
  return rows;
}

export async function lastBundle(ctx: CoreContext, officeId: string) {
  return ctx.db
    .selectFrom('outgoing_bundles')
    .selectAll()
    .where('recipient_device_id', '=', officeId)
    .orderBy('sequence', 'desc')
    .executeTakeFirst();
}

async function sealBundle(ctx: CoreContext, keys: DeviceKeys, office: PairedOfficeTable, row: OutgoingBundlesTable, changes: WireChange[]) {
  const meta: BundleMeta = {
    kind: 'bundle',
    deviceName: keys.device.name,
    summary: BundleSummary.parse(JSON.parse(row.summary)),
    erasures: confirmationsToSend(ctx),
    ...appliedPinReset(ctx),
  };
  const file = await sealFile({
    envelope: {
      kind: 'bundle',
      bundleId: row.bundle_id,
      senderDeviceId: keys.device.id,
      sequence: row.sequence,
      recipientFingerprint: recipientFingerprint(office.age_recipient),
      createdAt: row.created_hlc,
    },
    payload: encodePayload(meta, changes),
    signingKey: keys.signingKey,
    recipient: office.age_recipient,
  });
  const day = row.created_at.slice(0, 10);
  return {
    // Named as the screens name it, since the name is what people see on the stick and in the import log.
    fileName: `${fileSafe(keys.device.name)}-${day}-end-of-day-file-${String(row.sequence).padStart(4, '0')}.fieldbook`,
    contentBase64: Buffer.from(file).toString('base64'),
    bundle: toOutgoing(row),
  };
}

export async function exportBundle(ctx: CoreContext) {
  const keys = await deviceKeys(ctx, 'laptop');
  const office = await pairedOffice(ctx);
  const previous = await lastBundle(ctx, office.device_id);
  const from = previous?.to_hlc ?? START;
  const nothingToExport = () =>
    new FieldbookError(
      'NOTHING_TO_EXPORT',
      previous ? `No need to export: nothing is new since end-of-day file ${previous.sequence}.` : 'No need to export: nothing has been recorded on this laptop yet.',
    );
  // Refused before anything is written: stamping the bundle moves the device's clock.
  const unsent = ctx.sqlite.prepare('SELECT 1 FROM change_log WHERE device_id = ? AND hlc > ? LIMIT 1').get(keys.device.id, from);
  // Erasures carried out here are confirmed even in a file that holds nothing else.
  const confirming = confirmationsToSend(ctx).length > 0;
  if (!unsent && !anythingHeld(ctx.sqlite) && !confirming) throw nothingToExport();
  // Anonymous answers and completions still held back go out now, even fewer
  // than a batch, shuffled; the stamp taken after them marks the end of what this bundle carries.
  const createdHlc = await write(ctx, async (scope) => {
    await releaseHeldAnswers(scope);
    return scope.stamp();
  });
  const changes = localChanges(ctx, keys.device.id, from, createdHlc);
  if (changes.length === 0 && !confirming) throw nothingToExport();
  const row: OutgoingBundlesTable = {
    bundle_id: ctx.newId(),
    recipient_device_id: office.device_id,
    sequence: (previous?.sequence ?? 0) + 1,
    created_at: ctx.clock().toISOString(),
    created_hlc: createdHlc,
    from_hlc: from,
    to_hlc: changes.length > 0 ? changes[changes.length - 1]![1] : createdHlc,
    summary: JSON.stringify(summariseChanges(ctx.sqlite, changes)),
    acknowledged_at: null,
  };
  const sealed = await sealBundle(ctx, keys, office, row, changes);
  // Recorded once the file is sealed, so a failure to seal leaves the number free. If the person then
  // cancels saving it, the number is used and the office will list it as not arrived: Write again.
  await ctx.db.insertInto('outgoing_bundles').values(row).execute();
  markConfirmationsSent(ctx, row.sequence);
  return sealed;
}

/** The same bundle again, byte for byte in content, for a stick that was lost or broken. */
export async function rewriteBundle(ctx: CoreContext, sequence: number) {
  const keys = await deviceKeys(ctx, 'laptop');
  const office = await pairedOffice(ctx);
  const row = await ctx.db
    .selectFrom('outgoing_bundles')
    .selectAll()
    .where('recipient_device_id', '=', office.device_id)
    .where('sequence', '=', sequence)
    .executeTakeFirst();
  if (!row) throw new FieldbookError('NOT_FOUND', `Choose an end-of-day file from the list: there is no end-of-day file ${sequence} on this laptop.`);
  if (row.acknowledged_at) {
    throw new FieldbookError('CONFLICT', `No need to write it again: the office already has end-of-day file ${sequence}, and its personal data may have been removed from this laptop.`);
  }
  return sealBundle(ctx, keys, office, row, localChanges(ctx, keys.device.id, row.from_hlc, row.to_hlc));
}

export async function outbox(ctx: CoreContext): Promise<Outbox> {
  const device = await thisDevice(ctx, 'laptop');
  const office = await ctx.db.selectFrom('paired_office').selectAll().executeTakeFirst();
  const bundles = office
    ? await ctx.db.selectFrom('outgoing_bundles').selectAll().where('recipient_device_id', '=', office.device_id).orderBy('sequence', 'desc').execute()
    : [];
  const from = bundles[0]?.to_hlc ?? START;
  const unsent = localChanges(ctx, device.id, from, null);
  return {
    officeName: office?.name ?? null,
    unsent: unsent.length ? summariseChanges(ctx.sqlite, unsent) : emptySummary,
    bundles: bundles.map(toOutgoing),
    retentionDays: retentionDays(ctx),
  };
}
