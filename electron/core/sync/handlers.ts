import { FieldbookError } from '../../../shared/errors';
import type { CoreContext } from '../deps';
import type { HandlerGroup } from '../handler-types';
import { importInbox } from './inbox';
import { importBundle, importHeld } from './office-import';
import { exportBundle, outbox, rewriteBundle } from './outbox';
import { importPackage, writePackage } from './packages';
import { capacityFlags } from './capacity-flags';
import { noteRefusedImport } from './refused-files';
import { conflicts, duplicates, heldBundles, importLog, manifest, resolveConflict, resolveDuplicate } from './review';
import { inboxFolder, retentionDays, saveSetting } from './settings';
import { thisDevice } from './device-keys';
import { refuseIfValuesChangedSinceOpened, withValuesVersion } from '../record-version';
import { forgetOfficeAnswer, sendToOffice } from './send-to-office';
import { packageForLaptop } from './package-request';

/** Refusals that say this computer cannot import at all (not the office, not set up), not what is wrong with the file. */
const NOT_ABOUT_THE_FILE = new Set(['WRONG_DEVICE_ROLE', 'DEVICE_NOT_SET_UP']);

const fromBase64 = (content: string) => new Uint8Array(Buffer.from(content, 'base64'));

export function syncHandlers(ctx: CoreContext): HandlerGroup<'sync'> {
  const office = () => thisDevice(ctx, 'office');
  const settings = () => ({ inboxFolder: inboxFolder(ctx), retentionDays: retentionDays(ctx) });
  return {
    async 'sync.settings'() {
      return withValuesVersion(settings());
    },
    async 'sync.saveSettings'({ version, inboxFolder: folder, retentionDays: days }) {
      const device = await thisDevice(ctx);
      if (folder && device.role !== 'office') throw new FieldbookError('WRONG_DEVICE_ROLE', 'Import files at the office: only the office watches an inbox folder.');
      refuseIfValuesChangedSinceOpened(version, settings());
      ctx.sqlite.transaction(() => {
        saveSetting(ctx, 'inbox_folder', folder);
        saveSetting(ctx, 'retention_days', String(days));
      })();
      return withValuesVersion(settings());
    },
    'sync.outbox': () => outbox(ctx),
    'sync.exportBundle': () => exportBundle(ctx),
    // Written again by hand: Send to office tries that file again, even one the office held or refused (send-to-office.ts).
    'sync.rewriteBundle': async ({ sequence }) => forgetOfficeAnswer(ctx, await rewriteBundle(ctx, sequence)),
    'sync.importPackage': ({ fileName, contentBase64 }) => importPackage(ctx, fromBase64(contentBase64), fileName),
    'sync.sendToOffice': () => sendToOffice(ctx),
    async 'sync.importFile'({ fileName, contentBase64 }) {
      try {
        return await importBundle(ctx, fromBase64(contentBase64), { fileName });
      } catch (error) {
        // Refused whole: noted for the import log (outside the database, which the refusal leaves untouched).
        if (error instanceof FieldbookError && !NOT_ABOUT_THE_FILE.has(error.code)) noteRefusedImport(ctx, fileName, error.message);
        throw error;
      }
    },
    'sync.importInbox': () => importInbox(ctx),
    async 'sync.manifest'() {
      await office();
      return manifest(ctx);
    },
    async 'sync.importLog'() {
      await office();
      return importLog(ctx);
    },
    async 'sync.held'() {
      await office();
      return heldBundles(ctx);
    },
    'sync.importHeld': ({ bundleId }) => importHeld(ctx, bundleId),
    async 'sync.conflicts'() {
      await office();
      return conflicts(ctx);
    },
    'sync.resolveConflict': ({ id, action }) => resolveConflict(ctx, id, action),
    async 'sync.capacityFlags'() {
      await office();
      return capacityFlags(ctx);
    },
    async 'sync.duplicates'() {
      await office();
      return duplicates(ctx);
    },
    async 'sync.resolveDuplicate'({ keepId, otherId, action }) {
      await office();
      await resolveDuplicate(ctx, keepId, otherId, action);
      return { ok: true as const };
    },
    'sync.writePackage': ({ deviceId }) => writePackage(ctx, deviceId),
    'sync.packageForLaptop': ({ request }) => packageForLaptop(ctx, request),
  };
}
