import { z } from 'zod';
import { Empty, requiredText } from './common';
import { DeviceRole } from './device';
import { Pin } from './kiosk';

/**
 * This computer's own settings, on one screen: its name, and the kiosk PIN
 * that lets a facilitator leave kiosk mode. (The office's inbox folder is the
 * sync settings' `sync.saveSettings`, and the backup folder the backups'.)
 * None of these is ever sent to another computer.
 */

export const SettingsStatus = z.object({
  /** "Hall laptop 2": what this computer is called on its files and in every history it writes. */
  deviceName: z.string(),
  role: DeviceRole,
  /** False until a PIN is chosen, on first opening the kiosk. */
  pinSet: z.boolean(),
  /** While wrong PINs are being slowed down: when the next try is allowed. */
  pinLockedUntil: z.string().nullable(),
});
export type SettingsStatus = z.infer<typeof SettingsStatus>;

export const RenameDeviceInput = z.strictObject({ name: requiredText('Computer name', 80) });

export const ChangePinInput = z.strictObject({
  /** The PIN now in use: whoever changes it must know it. */
  currentPin: Pin,
  newPin: Pin,
});

export const settingsProcedures = {
  'settings.get': { kind: 'query', input: Empty, output: SettingsStatus },
  'settings.renameDevice': { kind: 'mutation', input: RenameDeviceInput, output: SettingsStatus },
  'settings.changePin': { kind: 'mutation', input: ChangePinInput, output: SettingsStatus },
} as const;
