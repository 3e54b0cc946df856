import { FieldbookError } from '../../../shared/errors';
import type { RecoveryCodeShown, SettingsStatus } from '../../../shared/contract';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { refuseIfValuesChangedSinceOpened, versionOfValues } from '../record-version';
import { hashPin, pinMatches } from '../kiosk/pin';
import { noPinTries, pinLockedUntil, refuseWhileWaiting, refuseWrongPin } from '../kiosk/pin-tries';
import { thisDevice } from '../sync/device-keys';
import { laptopPins, resetLaptopPin } from './laptop-pins';
import { hashRecoveryCode, newRecoveryCode, recoveryCodeMatches } from './recovery-code';

/**
 * This computer's settings. The device row and the kiosk row are this
 * computer's own and never enter the change log or a file sent elsewhere, so
 * a new name shows on what it writes from now on (files, histories), and
 * what it wrote before keeps the name it had then.
 */
export function settingsHandlers(ctx: CoreContext): HandlerGroup<'settings'> {
  /** What a rename replaces, and so what its version is of. */
  const nameOf = (device: { name: string }) => ({ deviceName: device.name });

  async function status(): Promise<SettingsStatus> {
    const device = await thisDevice(ctx);
    const kiosk = await ctx.db.selectFrom('kiosk').selectAll().executeTakeFirstOrThrow();
    return {
      version: versionOfValues(nameOf(device)),
      deviceName: device.name,
      role: device.role,
      pinSet: kiosk.pin_hash !== null,
      pinLockedUntil: pinLockedUntil(kiosk, ctx.clock())?.toISOString() ?? null,
      recoveryCodeSet: kiosk.recovery_code_hash !== null,
      officePinResetAt: kiosk.office_pin_reset_at,
    };
  }

  /** A new code replaces the one before; it is returned this once and only its hash is kept. */
  async function freshRecoveryCode(): Promise<RecoveryCodeShown> {
    const recoveryCode = newRecoveryCode();
    await ctx.db.updateTable('kiosk').set({ recovery_code_hash: hashRecoveryCode(recoveryCode) }).execute();
    return { recoveryCode, settings: await status() };
  }

  async function office() {
    const device = await thisDevice(ctx);
    if (device.role !== 'office') throw new FieldbookError('CONFLICT', "Reset a laptop's PIN at the office: this computer is a laptop.");
  }

  return {
    'settings.get': () => status(),

    async 'settings.renameDevice'({ version, name }) {
      const shown = await status();
      // Read again with no await before the save, so nothing can come between the check and it.
      const device = ctx.sqlite.prepare('SELECT name FROM device').get() as { name: string };
      refuseIfValuesChangedSinceOpened(version, nameOf(device), shown);
      ctx.sqlite.prepare('UPDATE device SET name = ?').run(name);
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

    async 'settings.makeRecoveryCode'() {
      await thisDevice(ctx);
      return freshRecoveryCode();
    },

    async 'settings.resetPinWithRecoveryCode'({ recoveryCode, newPin }) {
      await thisDevice(ctx);
      const kiosk = await ctx.db.selectFrom('kiosk').selectAll().executeTakeFirstOrThrow();
      if (!kiosk.recovery_code_hash) {
        throw new FieldbookError('CONFLICT', 'Ask the office to set a new PIN for this laptop: it has no recovery code to use.');
      }
      if (!recoveryCodeMatches(recoveryCode, kiosk.recovery_code_hash)) {
        throw new FieldbookError('UNAUTHORISED', 'Check the recovery code: it is not this laptop’s.', {
          recoveryCode: 'Check the recovery code: it is not this laptop’s.',
        });
      }
      // The PIN's wait ends too: the code is the way out of it. The code used works no more; a new one takes its place.
      await ctx.db.updateTable('kiosk').set({ pin_hash: hashPin(newPin), ...noPinTries }).execute();
      return freshRecoveryCode();
    },

    async 'settings.laptopPins'() {
      await office();
      return laptopPins(ctx);
    },

    async 'settings.resetLaptopPin'({ deviceId, newPin, version }) {
      await office();
      await resetLaptopPin(ctx, deviceId, newPin, version);
      return laptopPins(ctx);
    },
  };
}
