import { z } from 'zod';
import { Empty, requiredText } from './common';

export const deviceRoles = ['laptop', 'office'] as const;
export const DeviceRole = z.enum(deviceRoles, { error: 'Choose whether this is a facilitator laptop or the central office.' });
export type DeviceRole = z.infer<typeof DeviceRole>;

export const Device = z.object({
  id: z.string(),
  role: DeviceRole,
  name: z.string(),
  createdAt: z.string(),
  /** Short, human-comparable fingerprint of the device's signing key. */
  fingerprint: z.string(),
});
export type Device = z.infer<typeof Device>;

export const DeviceStatus = z.object({
  device: Device.nullable(),
  /** The device's local calendar day, so every screen agrees on "today". */
  today: z.string(),
});
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const SetUpDeviceInput = z.strictObject({
  role: DeviceRole,
  name: requiredText('Device name', 80),
});
export type SetUpDeviceInput = z.input<typeof SetUpDeviceInput>;

export const deviceProcedures = {
  'device.status': { kind: 'query', access: 'kiosk', input: Empty, output: DeviceStatus },
  'device.setUp': { kind: 'mutation', input: SetUpDeviceInput, output: Device },
} as const;
