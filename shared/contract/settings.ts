import { z } from 'zod';
import { Empty, Id, RecordVersion, requiredText } from './common';
import { DeviceRole } from './device';
import { Pin } from './kiosk';

/**
 * This computer's own settings, on one screen: its name, and the kiosk PIN
 * that lets a facilitator leave kiosk mode (changed with the one in use, or
 * reset with the recovery code shown once at setup, or by the office in the
 * laptop's next package). (The office's inbox folder is the
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
  /** Whether this computer has a recovery code that can reset the PIN (false once it is used, until a new one is made). */
  recoveryCodeSet: z.boolean(),
  /** When the office last set this laptop's kiosk PIN (applied from its package), as an ISO instant; null if it never has. */
  officePinResetAt: z.string().nullable(),
  /** The version of the computer's name, which a rename sends back: a rename over a name changed since is refused (record-version.ts). */
  version: z.string(),
});
export type SettingsStatus = z.infer<typeof SettingsStatus>;

/**
 * A recovery code: 16 letters and digits in four groups ("K7QX-3M9D-8WRT-2HNE"),
 * shown once; only its hash is kept. Typed either case, with or without the
 * dashes and spaces.
 */
export const RecoveryCode = z
  .string({ error: 'Enter the recovery code, for example K7QX-3M9D-8WRT-2HNE.' })
  .trim()
  .min(1, { error: 'Enter the recovery code, for example K7QX-3M9D-8WRT-2HNE.' })
  .max(40, { error: 'Enter the recovery code, for example K7QX-3M9D-8WRT-2HNE: it is 16 letters and digits.' });

/** A new recovery code, shown this once, beside the settings it changed. */
export const RecoveryCodeShown = z.object({ recoveryCode: z.string(), settings: SettingsStatus });
export type RecoveryCodeShown = z.infer<typeof RecoveryCodeShown>;

export const ResetPinInput = z.strictObject({ recoveryCode: RecoveryCode, newPin: Pin });

/** What a laptop's end-of-day file said of the PIN reset the office set for it: the file's number, and when the office imported it. */
export const PinResetApplied = z.object({ inFile: z.number().int(), importedAt: z.string() });
export type PinResetApplied = z.infer<typeof PinResetApplied>;

/** At the office: the kiosk PIN reset last set for a laptop, and whether the laptop has said (in an end-of-day file) that it applied it. */
export const LaptopPinReset = z.object({
  /** When the office set the new PIN, as an ISO instant. */
  setAt: z.string(),
  /** Null while no end-of-day file from the laptop has said it applied this reset. */
  applied: PinResetApplied.nullable(),
});
export type LaptopPinReset = z.infer<typeof LaptopPinReset>;

/** At the office: each laptop it enrolled, and the kiosk PIN reset waiting in its next package, if any. */
export const LaptopPin = z.object({
  deviceId: z.string(),
  name: z.string(),
  /** When the office set a new PIN for it, as an ISO instant; null when none was ever set. */
  resetSetAt: z.string().nullable(),
  /** The laptop's end-of-day file that said it applied that PIN; null until one has. */
  resetApplied: PinResetApplied.nullable(),
  /** The version of the reset waiting for it, which a reset sends back: a reset over one another admin set since is refused (record-version.ts). */
  version: z.string(),
});
export type LaptopPin = z.infer<typeof LaptopPin>;

export const ResetLaptopPinInput = z.strictObject({
  deviceId: Id,
  newPin: Pin,
});

export const RenameDeviceInput = z.strictObject({ name: requiredText('Computer name', 80) });

export const ChangePinInput = z.strictObject({
  /** The PIN now in use: whoever changes it must know it. */
  currentPin: Pin,
  newPin: Pin,
});

export const settingsProcedures = {
  'settings.get': { kind: 'query', input: Empty, output: SettingsStatus },
  'settings.renameDevice': { kind: 'mutation', input: RenameDeviceInput.extend({ version: RecordVersion }), output: SettingsStatus },
  'settings.changePin': { kind: 'mutation', input: ChangePinInput, output: SettingsStatus },
  /** A new recovery code for the kiosk PIN, shown this once; the one before stops working. */
  'settings.makeRecoveryCode': { kind: 'mutation', input: Empty, output: RecoveryCodeShown },
  /**
   * A new kiosk PIN with the recovery code, also from inside the kiosk (a
   * facilitator who forgot the PIN is shut in it). The code works once: a new
   * one is shown in its place.
   */
  'settings.resetPinWithRecoveryCode': { kind: 'mutation', access: 'kiosk', input: ResetPinInput, output: RecoveryCodeShown },
  /** At the office: the laptops it enrolled, and which have a new PIN waiting for their next package. */
  'settings.laptopPins': { kind: 'query', input: Empty, output: z.array(LaptopPin) },
  /** At the office: a new kiosk PIN for a laptop, sent (as a hash) in every package written for it until replaced. Sent with the laptop's version from `settings.laptopPins`: a reset over one set since is refused with CHANGED_SINCE_OPENED. */
  'settings.resetLaptopPin': { kind: 'mutation', input: ResetLaptopPinInput.extend({ version: RecordVersion }), output: z.array(LaptopPin) },
} as const;
