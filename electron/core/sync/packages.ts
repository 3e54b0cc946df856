import { z } from 'zod';
import type { PackageOutcome } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { encodePayload, type WireChange } from '../../sync/payload';
import { recipientFingerprint, sealFile } from '../../sync/sealed-file';
import type { CoreContext } from '../deps';
import { localDate } from '../deps';
import { write } from '../write';
import { deviceKeys } from './device-keys';
import { fileSafe } from './pairing-files';
import { enrolledLaptop } from './pairing';
import { pairedOffice } from './outbox';
import { pruneAcknowledged } from './prune';
import { dayInWords } from '../../sync/words';
import { mergeReceived, openReceived } from './receive';
import { inOneTransaction } from '../write-path';
import { decodeHlc } from '../../sync/hlc';
import { forgetPrunedLines, packageMembership, readPackageMembership, storePackageMembership } from './package-membership';
import { applyPackageErasures, discardedInWords, erasuresFor } from '../erasure/confirmations';
import { checkpointAfterErasure } from '../erasure/checkpoint';
import { peopleInPackage, recordPackagePeople } from '../subject-access/package-people';
import { applyPackagePinReset, pinResetFor } from '../settings/laptop-pins';

/** "the office confirmed 2 more end-of-day files from this laptop", or none, never "0 more bundles". */
function confirmedInWords(count: number): string {
  if (count === 0) return 'the office confirmed no new end-of-day files from this laptop';
  return `the office confirmed ${count} more end-of-day ${count === 1 ? 'file' : 'files'} from this laptop`;
}

/**
 * The office's package for one laptop: the catalogue, the upcoming sessions
 * its facilitators run with their bookings and waitlists, and which of the
 * laptop's bundles the office holds. It carries the full change history of
 * each row it includes, so the laptop merges it with the same rules as the
 * office merges bundles, and a package applied twice changes nothing.
 */

const PackageMeta = z.object({
  kind: z.literal('package'),
  officeName: z.string(),
  laptopDeviceId: z.string(),
  /** Every bundle of this laptop the office has imported. */
  acknowledged: z.array(z.string()),
  sessions: z.number(),
  people: z.number(),
  /** Scheme names and status lines of the people booked on its sessions; checked on its own (package-membership.ts). */
  membership: z.unknown().optional(),
  /** The office's erasures this laptop has not confirmed (file format 2 on); checked on its own (erasure/confirmations.ts). */
  erasures: z.unknown().optional(),
  /** A kiosk PIN the office set for this laptop, as a hash; checked on its own (settings/laptop-pins.ts). */
  pinReset: z.unknown().optional(),
});
type PackageMeta = z.infer<typeof PackageMeta>;

// Contracts and facilitator records (read-only on a laptop) before sessions, which name them.
const CATALOGUE = ['organisations', 'courses', 'venues', 'contracts', 'facilitators', 'evaluation_templates'] as const;

function packageRows(ctx: CoreContext, facilitators: string[]): { sessions: number; people: number } {
  const sqlite = ctx.sqlite;
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS package_rows (table_name TEXT NOT NULL, row_id TEXT NOT NULL, PRIMARY KEY (table_name, row_id)) WITHOUT ROWID');
  sqlite.exec('DELETE FROM package_rows');
  const add = (table: string, select: string, ...params: unknown[]) =>
    sqlite.prepare(`INSERT OR IGNORE INTO package_rows (table_name, row_id) SELECT '${table}', id FROM (${select})`).run(...params).changes;
  for (const table of CATALOGUE) add(table, `SELECT id FROM ${table}`);
  // Sessions from today on, run by one of this laptop's facilitators (every session when none are named).
  const sessions = add(
    'sessions',
    `SELECT id FROM sessions WHERE substr(starts_at, 1, 10) >= ? AND (? = '[]' OR EXISTS (
       SELECT 1 FROM json_each(sessions.facilitators) AS f WHERE f.value IN (SELECT value FROM json_each(?))))`,
    localDate(ctx.clock()),
    JSON.stringify(facilitators),
    JSON.stringify(facilitators),
  );
  const inSessions = "SELECT row_id FROM package_rows WHERE table_name = 'sessions'";
  add('group_bookings', `SELECT id FROM group_bookings WHERE session_id IN (${inSessions})`);
  add('bookings', `SELECT id FROM bookings WHERE session_id IN (${inSessions})`);
  add('booking_events', `SELECT id FROM booking_events WHERE session_id IN (${inSessions})`);
  add('sign_ins', `SELECT id FROM sign_ins WHERE session_id IN (${inSessions})`);
  const people =
    add('people', `SELECT person_id AS id FROM bookings WHERE session_id IN (${inSessions})`) +
    add('people', `SELECT person_id AS id FROM sign_ins WHERE session_id IN (${inSessions})`);
  // A duplicate merged away still appears on old rows: send the person it now points at too, along the whole chain.
  add(
    'people',
    `WITH RECURSIVE kept(id) AS (
       SELECT merged_into FROM people WHERE merged_into IS NOT NULL AND id IN (SELECT row_id FROM package_rows WHERE table_name = 'people')
       UNION SELECT p.merged_into FROM people p JOIN kept ON p.id = kept.id WHERE p.merged_into IS NOT NULL)
     SELECT id FROM kept`,
  );
  return { sessions, people };
}

export async function writePackage(ctx: CoreContext, deviceId: string) {
  const keys = await deviceKeys(ctx, 'office');
  const laptop = await enrolledLaptop(ctx, deviceId);
  if (laptop.revoked_at) throw new FieldbookError('REVOKED_SENDER', `Enrol ${laptop.name} again to send it packages: it was revoked, so the office no longer sends it any.`);
  const sequence = ((await ctx.db.selectFrom('outgoing_bundles').select((eb) => eb.fn.max('sequence').as('last')).where('recipient_device_id', '=', deviceId).executeTakeFirst())?.last ?? 0) + 1;
  const createdHlc = await write(ctx, async (scope) => scope.stamp());
  const { changes, counts, booked, carried } = ctx.sqlite.transaction(() => {
    const counts = packageRows(ctx, JSON.parse(laptop.facilitators) as string[]);
    const carried = peopleInPackage(ctx.sqlite);
    const booked = ctx.sqlite
      .prepare("SELECT DISTINCT person_id FROM bookings WHERE session_id IN (SELECT row_id FROM package_rows WHERE table_name = 'sessions')")
      .pluck()
      .all() as string[];
    const changes = ctx.sqlite
      .prepare('SELECT c.id, c.hlc, c.device_id, c.table_name, c.row_id, c.fields, c.replaces FROM change_log c JOIN package_rows p USING (table_name, row_id) ORDER BY c.hlc')
      .raw()
      .all() as WireChange[];
    return { changes, counts, booked, carried };
  })();
  const acknowledged = (
    await ctx.db.selectFrom('received_bundles').select('bundle_id').where('sender_device_id', '=', deviceId).where('kind', '=', 'bundle').execute()
  ).map((row) => row.bundle_id);
  const membership = await packageMembership(ctx, booked);
  const erasures = erasuresFor(ctx, deviceId);
  const pinReset = pinResetFor(ctx, deviceId);
  const meta: PackageMeta = { kind: 'package', officeName: keys.device.name, laptopDeviceId: deviceId, acknowledged, ...counts, membership, erasures, pinReset };
  const bundleId = ctx.newId();
  const file = await sealFile({
    envelope: { kind: 'package', bundleId, senderDeviceId: keys.device.id, sequence, recipientFingerprint: recipientFingerprint(laptop.age_recipient), createdAt: createdHlc },
    payload: encodePayload(meta, changes),
    signingKey: keys.signingKey,
    recipient: laptop.age_recipient,
  });
  const createdAt = ctx.clock().toISOString();
  await ctx.db
    .insertInto('outgoing_bundles')
    .values({
      bundle_id: bundleId,
      recipient_device_id: deviceId,
      sequence,
      created_at: createdAt,
      created_hlc: createdHlc,
      from_hlc: '',
      to_hlc: createdHlc,
      summary: JSON.stringify({ ...counts, changes: changes.length }),
      acknowledged_at: null,
    })
    .execute();
  // For subject access: which laptop was sent whose data, in which package.
  recordPackagePeople(ctx.sqlite, bundleId, carried);
  return {
    fileName: `${fileSafe(laptop.name)}-${createdAt.slice(0, 10)}-package-${String(sequence).padStart(4, '0')}.fieldbook-package`,
    contentBase64: Buffer.from(file).toString('base64'),
    ...counts,
  };
}

export async function importPackage(ctx: CoreContext, file: Uint8Array, fileName: string): Promise<PackageOutcome> {
  const keys = await deviceKeys(ctx, 'laptop');
  const office = await pairedOffice(ctx);
  const received = await openReceived(keys, file, 'package', PackageMeta, (deviceId) =>
    deviceId === office.device_id ? { name: office.name, signingPublicKey: office.signing_public_key, revokedAt: null, revokedReason: null } : null,
    fileName,
  );
  const { envelope, payload } = received;
  if (payload.meta.laptopDeviceId !== keys.device.id) {
    throw new FieldbookError('WRONG_RECIPIENT', 'This package was written for another laptop, so it was not imported here.');
  }
  const membership = readPackageMembership(payload.meta.membership, office.name);
  const base = { sessions: payload.meta.sessions, people: payload.meta.people, acknowledged: 0, prunedSessions: 0 };
  const already = ctx.sqlite.prepare('SELECT imported_at FROM received_bundles WHERE bundle_id = ?').pluck().get(envelope.bundleId) as string | undefined;
  if (already) {
    ctx.sqlite.prepare('UPDATE received_bundles SET repeats_seen = repeats_seen + 1 WHERE bundle_id = ?').run(envelope.bundleId);
    return { ...base, status: 'already_imported', message: `Already imported on ${dayInWords(already)} from ${office.name}. Nothing changed.` };
  }
  const now = ctx.clock().toISOString();
  // The file is open and verified: everything else is one synchronous transaction.
  const outcome = inOneTransaction(ctx.sqlite, () => {
    // Erasures first, so the merge drops whatever in this package (or arriving later) is about the people erased.
    const erased = applyPackageErasures(ctx, payload.meta.erasures, office.name);
    const tally = mergeReceived(ctx, received, {
      sender: {
        name: office.name,
        deviceId: office.device_id,
        // A package relays the office's own changes and those of the laptops it enrolled, each with its author's rights.
        roleOf: (deviceId) => (deviceId === office.device_id ? 'office' : 'laptop'),
        facilitators: null,
      },
      stamps: null,
      recordConflicts: false,
      // The office's clock is the laptops' reference: a laptop whose own clock is behind follows it.
      trustedTimeMs: decodeHlc(envelope.createdAt).wallMs,
    });
    const acknowledged = ctx.sqlite
      .prepare(`UPDATE outgoing_bundles SET acknowledged_at = ? WHERE acknowledged_at IS NULL AND bundle_id IN (SELECT value FROM json_each(?))`)
      .run(now, JSON.stringify(payload.meta.acknowledged)).changes;
    storePackageMembership(ctx.sqlite, membership, office.name);
    const pinReset = applyPackagePinReset(ctx, payload.meta.pinReset, office.name);
    const prunedSessions = pruneAcknowledged(ctx);
    forgetPrunedLines(ctx.sqlite);
    ctx.sqlite
      .prepare(
        `INSERT INTO received_bundles (bundle_id, sender_device_id, sequence, kind, created_hlc, imported_at, file_name, summary)
         VALUES (?, ?, ?, 'package', ?, ?, ?, ?)`,
      )
      .run(envelope.bundleId, envelope.senderDeviceId, envelope.sequence, envelope.createdAt, now, fileName, JSON.stringify(base));
    const message = [
      `Imported the package from ${office.name}: ${base.sessions} upcoming sessions, ${base.people} people; ${confirmedInWords(acknowledged)}.`,
      erased > 0 ? `${erased === 1 ? '1 erasure' : `${erased} erasures`} from the office carried out here; the next end-of-day file confirms ${erased === 1 ? 'it' : 'them'}.` : '',
      tally.discarded > 0 ? discardedInWords(tally.discarded, office.name) : '',
      pinReset,
    ]
      .filter(Boolean)
      .join(' ');
    return { ...base, status: 'imported' as const, message, acknowledged, prunedSessions, erased };
  });
  if (outcome.erased > 0 || outcome.prunedSessions > 0) checkpointAfterErasure(ctx.sqlite);
  const { erased: _erased, ...result } = outcome;
  return result;
}
