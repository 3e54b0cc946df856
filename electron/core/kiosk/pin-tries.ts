import { FieldbookError } from '../../../shared/errors';
import type { KioskTable } from '../../db/schema';
import type { CoreContext } from '../deps';
import { RefusalKeepingWrites } from '../refusal-keeping-writes';
import { lockoutMs } from './pin';

/**
 * Wrong PINs and the wait they impose are kept with the kiosk row, not in
 * memory: whoever has the laptop could otherwise quit and reopen the app (or
 * pull the plug) for fresh tries. They are the one thing a refused call
 * writes, and they stay on this laptop: the kiosk row never enters the change
 * log or a bundle.
 */
export type PinTries = Pick<KioskTable, 'wrong_pin_tries' | 'pin_locked_until'>;

/**
 * When the wait ends, or null when there is none. Never further off than the
 * wait the last wrong PIN set: a clock put back (a laptop that had the wrong
 * time) must not keep the facilitator out for days.
 */
export function pinLockedUntil(tries: PinTries, now: Date): Date | null {
  if (!tries.pin_locked_until) return null;
  const until = Math.min(Date.parse(tries.pin_locked_until), now.getTime() + lockoutMs(tries.wrong_pin_tries));
  return until > now.getTime() ? new Date(until) : null;
}

/** While the wait lasts, no PIN is checked, not even the right one. */
export function refuseWhileWaiting(tries: PinTries, now: Date): void {
  const until = pinLockedUntil(tries, now);
  if (!until) return;
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  throw new FieldbookError('UNAUTHORISED', `Wait ${seconds} seconds, then try again: too many wrong PINs were typed.`);
}

/** Counts a wrong PIN (and starts the wait it earns) on disk, then refuses. */
export async function refuseWrongPin(ctx: CoreContext, tries: PinTries, now: Date): Promise<never> {
  const wrongPinTries = tries.wrong_pin_tries + 1;
  const wait = lockoutMs(wrongPinTries);
  await ctx.db
    .updateTable('kiosk')
    .set({ wrong_pin_tries: wrongPinTries, pin_locked_until: wait > 0 ? new Date(now.getTime() + wait).toISOString() : null })
    .execute();
  throw new RefusalKeepingWrites('UNAUTHORISED', 'Check the PIN: that one is not right.', { pin: 'Check the PIN: that one is not right.' });
}

/** What a right PIN sets: no wrong tries, no wait. */
export const noPinTries: PinTries = { wrong_pin_tries: 0, pin_locked_until: null };
