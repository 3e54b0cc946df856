import { z } from 'zod';
import type { LaptopPin } from '../../../shared/contract';
import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { hashPin } from '../kiosk/pin';
import { noPinTries } from '../kiosk/pin-tries';

/**
 * The office resets a laptop's kiosk PIN for a facilitator who has forgotten
 * it and has no recovery code. The new PIN goes only as a salted hash, in
 * the laptop's next package (signed by the office and encrypted to that
 * laptop alone), and in every one after until a newer reset replaces it, so
 * a package lost on the way loses nothing. The laptop applies each reset
 * once, by its id, and says so on import and in its Settings.
 */

export async function laptopPins(ctx: CoreContext): Promise<LaptopPin[]> {
  const rows = await ctx.db
    .selectFrom('enrolled_devices')
    .leftJoin('laptop_pin_resets', 'laptop_pin_resets.device_id', 'enrolled_devices.device_id')
    .select(['enrolled_devices.device_id as deviceId', 'enrolled_devices.name as name', 'laptop_pin_resets.set_at as resetSetAt'])
    .where('enrolled_devices.revoked_at', 'is', null)
    .orderBy('enrolled_devices.name')
    .execute();
  return rows.map((row) => ({ deviceId: row.deviceId, name: row.name, resetSetAt: row.resetSetAt ?? null }));
}

export async function resetLaptopPin(ctx: CoreContext, deviceId: string, newPin: string): Promise<void> {
  const laptop = await ctx.db.selectFrom('enrolled_devices').select(['revoked_at']).where('device_id', '=', deviceId).executeTakeFirst();
  if (!laptop) throw new FieldbookError('NOT_FOUND', 'Choose one of the laptops paired with this office.', { deviceId: 'Choose one of the laptops paired with this office.' });
  if (laptop.revoked_at) throw new FieldbookError('CONFLICT', 'Choose a laptop that is not revoked: the office no longer sends this one packages.');
  const row = { id: ctx.newId(), pin_hash: hashPin(newPin), set_at: ctx.clock().toISOString() };
  await ctx.db
    .insertInto('laptop_pin_resets')
    .values({ device_id: deviceId, ...row })
    .onConflict((conflict) => conflict.column('device_id').doUpdateSet(row))
    .execute();
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
