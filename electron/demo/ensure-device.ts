import { FieldbookError } from '../../shared/errors';
import type { Call } from './call';

export const DEMO_DEVICE_NAME = 'Central office (demo)';

/**
 * Demo data is catalogue data, which only the central office keeps (see
 * db/write-policy.ts): a new folder is set up as the office, an office is
 * used as it is, and a laptop is refused before anything is written (its
 * catalogue comes in the office's package).
 */
export async function ensureDeviceSetUp(call: Call): Promise<{ name: string; setUpNow: boolean }> {
  const { device } = await call('device.status', {});
  if (device?.role === 'laptop') {
    throw new FieldbookError(
      'WRONG_DEVICE_ROLE',
      `This data folder is a facilitator's laptop (${device.name}). Demo data goes into the central office: load it into a new folder, then send this laptop a package. Nothing was added.`,
    );
  }
  if (device) return { name: device.name, setUpNow: false };
  const created = await call('device.setUp', { role: 'office', name: DEMO_DEVICE_NAME });
  return { name: created.name, setUpNow: true };
}
