import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { refuseIfValuesChangedSinceOpened, withValuesVersion } from '../record-version';
import { thisDevice } from '../sync/device-keys';
import { erasePeople, listErasures, previewErasure } from './erase';
import { pastRetention, retentionSettings, saveRetentionSettings } from './retention';

/** Erasure and retention: the office's alone (a laptop erases only what its packages ask). */
export function erasureHandlers(ctx: CoreContext): HandlerGroup<'erasure'> {
  const office = () => thisDevice(ctx, 'office');
  return {
    'erasure.preview': ({ personId }) => previewErasure(ctx, personId),
    'erasure.erase': (input) => erasePeople(ctx, input),
    async 'erasure.list'() {
      await office();
      return listErasures(ctx);
    },
    async 'erasure.settings'() {
      await office();
      return withValuesVersion(retentionSettings(ctx));
    },
    async 'erasure.saveSettings'({ version, ...input }) {
      await office();
      refuseIfValuesChangedSinceOpened(version, retentionSettings(ctx));
      return withValuesVersion(saveRetentionSettings(ctx, input));
    },
    async 'erasure.pastRetention'() {
      await office();
      return pastRetention(ctx);
    },
  };
}
