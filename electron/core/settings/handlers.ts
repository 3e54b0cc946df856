import { FieldbookError } from '../../../shared/errors';
import type { SettingsStatus } from '../../../shared/contract';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { hashPin, pinMatches } from '../kiosk/pin';
import { noPinTries, pinLockedUntil, refuseWhileWaiting, refuseWrongPin } from '../kiosk/pin-tries';
import { thisDevice } from '../sync/device-keys';

/**
 * This computer's settings. The device row and the kiosk row are this
 * computer's own and never enter the change log or a file sent elsewhere, so
 * a new name shows on what it writes from now on (files, histories), and
 * what it wrote before keeps the name it had then.
 */
export function settingsHandlers(ctx: CoreContext): HandlerGroup<'settings'> {
  async function status(): Promise<SettingsStatus> {
    const device = await thisDevice(ctx);
    const kiosk = await ctx.db.selectFrom('kiosk').selectAll().executeTakeFirstOrThrow();
    return {
      deviceName: device.name,
      role: device.role,
      pinSet: kiosk.pin_hash !== null,
      pinLockedUntil: pinLockedUntil(kiosk, ctx.clock())?.toISOString() ?? null,
    };
  }

  return {
    'settings.get': () => status(),

    async 'settings.renameDevice'({ name }) {
      await thisDevice(ctx);
      await ctx.db.updateTable('device').set({ name }).execute();
      return status();
    },

    async 'settings.changePin'({ currentPin, newPin }) {
      await thisDevice(ctx);
      const kiosk = await ctx.db.selectFrom('kiosk').selectAll().executeTakeFirstOrThrow();
      if (!kiosk.pin_hash) {
        throw new FieldbookError('CONFLICT', 'Choose a PIN when you first open the kiosk: there is no PIN to change yet.');
      }
      const now = ctx.clock();
      // The same slowing down as leaving the kiosk, so this screen is no way round it.
      refuseWhileWaiting(kiosk, now);
      if (!pinMatches(currentPin, kiosk.pin_hash)) await refuseWrongPin(ctx, kiosk, now);
      if (newPin === currentPin) {
        throw new FieldbookError('INVALID_INPUT', 'Choose a new PIN that is different from the one in use.', {
          newPin: 'Choose a new PIN that is different from the one in use.',
        });
      }
      await ctx.db.updateTable('kiosk').set({ pin_hash: hashPin(newPin), ...noPinTries }).execute();
      return status();
    },
  };
}
