import { z } from 'zod';
import type { LaptopPin, LaptopPinReset } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import { momentText } from '../../../shared/words-for-days';
import { localDate, type CoreContext } from '../deps';
import { hashPin } from '../kiosk/pin';
import { noPinTries } from '../kiosk/pin-tries';
import { refuseIfValuesChangedSinceOpened, versionOfValues } from '../record-version';

/**
 * The office resets a laptop's kiosk PIN for a facilitator who has forgotten
 * it and has no recovery code. The new PIN goes only as a salted hash, in
 * the laptop's next package (signed by the office and encrypted to that
 * laptop alone), and in every one after until a newer reset replaces it, so
 * a package lost on the way loses nothing. The laptop applies each reset
 * once, by its id, and says so on import and in its Settings; each of its
 * end-of-day files then names the last reset it applied, and the office
 * keeps which file said so, for its Devices and Settings screens.
 */

interface ResetRow {
  device_id: string;
  set_at: string;
  applied_in_sequence: number | null;
  applied_reported_at: string | null;
}

function toReset(row: ResetRow): LaptopPinReset {
  return {
    setAt: row.set_at,
    applied: row.applied_in_sequence !== null && row.applied_reported_at !== null ? { inFile: row.applied_in_sequence, importedAt: row.applied_reported_at } : null,
  };
}

/** At the office: the PIN reset last set for each laptop, by device id, and whether the laptop has said it applied it. */
export function pinResetsByLaptop(ctx: CoreContext): Map<string, LaptopPinReset> {
  const rows = ctx.sqlite.prepare('SELECT device_id, set_at, applied_in_sequence, applied_reported_at FROM laptop_pin_resets').all() as ResetRow[];
  return new Map(rows.map((row) => [row.device_id, toReset(row)]));
}

/**
 * What a reset replaces, and so what a laptop's version is of: the reset
 * waiting for it (another admin's new PIN, perhaps already given out), not
 * whether the laptop has said it applied it. The resets are this office's
 * own rows, never in the change log (record-version.ts `versionOfValues`).
 */
function waitingReset(ctx: CoreContext, deviceId: string): { reset: string | null } {
  const id = ctx.sqlite.prepare('SELECT id FROM laptop_pin_resets WHERE device_id = ?').pluck().get(deviceId) as string | undefined;
  return { reset: id ?? null };
}

export async function laptopPins(ctx: CoreContext): Promise<LaptopPin[]> {
  const rows = await ctx.db
    .selectFrom('enrolled_devices')
    .select(['device_id as deviceId', 'name'])
    .where('revoked_at', 'is', null)
    .orderBy('name')
    .execute();
  const resets = pinResetsByLaptop(ctx);
  return rows.map((row) => {
    const reset = resets.get(row.deviceId);
    const version = versionOfValues(waitingReset(ctx, row.deviceId));
    return { deviceId: row.deviceId, name: row.name, resetSetAt: reset?.setAt ?? null, resetApplied: reset?.applied ?? null, version };
  });
}

/**
 * A new PIN for a laptop, over the reset its screen showed (`version`): when
 * another admin set one since, the reset is refused, so the PIN they gave out
 * is not replaced unseen.
 */
export async function resetLaptopPin(ctx: CoreContext, deviceId: string, newPin: string, version: string): Promise<void> {
  const laptop = await ctx.db.selectFrom('enrolled_devices').select(['revoked_at']).where('device_id', '=', deviceId).executeTakeFirst();
  if (!laptop) throw new FieldbookError('NOT_FOUND', 'Choose one of the laptops paired with this office.', { deviceId: 'Choose one of the laptops paired with this office.' });
  if (laptop.revoked_at) throw new FieldbookError('CONFLICT', 'Choose a laptop that is not revoked: the office no longer sends this one packages.');
  const shown = (await laptopPins(ctx)).find((pin) => pin.deviceId === deviceId)!;
  // A newer reset waits to be applied afresh: what a laptop said of the one before is no longer news.
  const row = { id: ctx.newId(), pin_hash: hashPin(newPin), set_at: ctx.clock().toISOString() };
  // Checked and saved with no await between, so no other reset can come between the two.
  const newerReset = shown.resetSetAt ? `a new kiosk PIN was set for ${shown.name} ${momentText(shown.resetSetAt, localDate(ctx.clock()))}, since you opened it` : undefined;
  refuseIfValuesChangedSinceOpened(version, waitingReset(ctx, deviceId), shown, newerReset);
  ctx.sqlite
    .prepare(
      `INSERT INTO laptop_pin_resets (device_id, id, pin_hash, set_at, applied_in_sequence, applied_reported_at) VALUES (?, ?, ?, ?, NULL, NULL)
       ON CONFLICT (device_id) DO UPDATE SET id = excluded.id, pin_hash = excluded.pin_hash, set_at = excluded.set_at, applied_in_sequence = NULL, applied_reported_at = NULL`,
    )
    .run(deviceId, row.id, row.pin_hash, row.set_at);
}

const PackagePinReset = z.strictObject({
  id: z.string().min(1).max(100),
  // The kiosk's own hash format, at no more than twice its cost: a package cannot make each PIN check slow.
  pinHash: z.string().regex(/^scrypt:(16384|32768):[A-Za-z0-9+/=]{1,100}:[A-Za-z0-9+/=]{1,100}$/),
  setAt: z.iso.datetime(),
});
export type PackagePinReset = z.infer<typeof PackagePinReset>;

/** What the office's package for this laptop carries: the reset waiting for it, or nothing. */
export function pinResetFor(ctx: CoreContext, deviceId: string): PackagePinReset | undefined {
  const row = ctx.sqlite.prepare('SELECT id, pin_hash, set_at FROM laptop_pin_resets WHERE device_id = ?').get(deviceId) as
    | { id: string; pin_hash: string; set_at: string }
    | undefined;
  return row && { id: row.id, pinHash: row.pin_hash, setAt: row.set_at };
}

/**
 * On the laptop, inside the package's transaction: applies a reset it has
 * not applied before (new PIN, no wrong tries, no wait). Returns the
 * sentence the import says, or '' when there was nothing new. A reset of the
 * wrong shape refuses the whole package, as any other part would.
 */
export function applyPackagePinReset(ctx: CoreContext, carried: unknown, officeName: string): string {
  if (carried === undefined) return '';
  const reset = PackagePinReset.safeParse(carried);
  if (!reset.success) throw new FieldbookError('FILE_DAMAGED', `Ask ${officeName} to write the package again: its kiosk PIN reset is not one Fieldbook wrote.`);
  const applied = ctx.sqlite.prepare('SELECT office_pin_reset_id FROM kiosk').pluck().get() as string | null;
  if (applied === reset.data.id) return '';
  ctx.sqlite
    .prepare('UPDATE kiosk SET pin_hash = ?, wrong_pin_tries = ?, pin_locked_until = ?, office_pin_reset_id = ?, office_pin_reset_at = ?')
    .run(reset.data.pinHash, noPinTries.wrong_pin_tries, noPinTries.pin_locked_until, reset.data.id, reset.data.setAt);
  return `${officeName} set a new kiosk PIN for this laptop: use it to leave the kiosk from now on.`;
}

/** On the laptop, for its end-of-day file's meta: the last office reset it applied, if any. */
export function appliedPinReset(ctx: CoreContext): { pinReset?: string } {
  const id = ctx.sqlite.prepare('SELECT office_pin_reset_id FROM kiosk').pluck().get() as string | null | undefined;
  return id ? { pinReset: id } : {};
}

/**
 * At the office, inside a bundle's import: when the file names the reset
 * waiting for its laptop and none of its files said so before, keeps the
 * file's number and the import's time. True when this file is the first to
 * say so (the import log then says it).
 */
export function recordPinResetApplied(ctx: CoreContext, laptopId: string, resetId: string | undefined, sequence: number, importedAt: string): boolean {
  if (resetId === undefined) return false;
  const changed = ctx.sqlite
    .prepare('UPDATE laptop_pin_resets SET applied_in_sequence = ?, applied_reported_at = ? WHERE device_id = ? AND id = ? AND applied_in_sequence IS NULL')
    .run(sequence, importedAt, laptopId, resetId);
  return changed.changes > 0;
}
