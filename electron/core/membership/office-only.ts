import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import { thisDevice } from '../sync/device-keys';

/**
 * Memberships are the office's records (fees, dates, exemptions): a laptop
 * is refused reading them as well as writing them, so no screen or command
 * on a laptop shows them.
 */
export async function officeOnly(ctx: CoreContext): Promise<void> {
  const device = await thisDevice(ctx);
  if (device.role !== 'office') {
    throw new FieldbookError('NOT_ALLOWED', 'Ask the central office: it keeps membership schemes and members, so this laptop cannot see or change them.');
  }
}
