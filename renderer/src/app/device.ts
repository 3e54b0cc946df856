import { createContext, useContext } from 'react';
import type { Device, DeviceRole } from '../../../shared/contract';

export const roleLabels: Record<DeviceRole, string> = {
  laptop: "Facilitator's laptop",
  office: 'Central office',
};

export const DeviceContext = createContext<Device | null>(null);

/** Tells the app this computer has a new name, so the header shows it at once (Settings). */
export const DeviceRenamedContext = createContext<(name: string) => void>(() => undefined);

export function useDeviceRenamed(): (name: string) => void {
  return useContext(DeviceRenamedContext);
}

/** The device this app runs on; set up before any screen that uses it is shown. */
export function useDevice(): Device {
  const device = useContext(DeviceContext);
  if (!device) throw new Error('useDevice is used before the device is set up.');
  return device;
}

/**
 * Whether this computer may change the catalogue (courses, venues, evaluation
 * questions, sessions). The office owns it; a laptop receives it in the
 * office's package and refuses to change it, except a session's capacity.
 */
export function useKeepsCatalogue(): boolean {
  return useDevice().role === 'office';
}
