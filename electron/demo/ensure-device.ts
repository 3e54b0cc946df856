import type { Call } from './call';

export const DEMO_DEVICE_NAME = 'Central office (demo)';

/**
 * Demo data is catalogue data, which the central office keeps. A folder that
 * is already set up (as the office or as a laptop) is used as it is.
 */
export async function ensureDeviceSetUp(call: Call): Promise<{ name: string; setUpNow: boolean }> {
  const { device } = await call('device.status', {});
  if (device) return { name: device.name, setUpNow: false };
  const created = await call('device.setUp', { role: 'office', name: DEMO_DEVICE_NAME });
  return { name: created.name, setUpNow: true };
}
